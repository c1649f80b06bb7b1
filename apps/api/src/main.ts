import 'reflect-metadata';
import { AppLogger, ConfigError, loadConfig } from '@app/config';
import { preflight, startPrivateRedis, StartupError } from '@app/jobs';
import { createApi } from './bootstrap';
import { startupSummary } from './startup-summary';

async function main(): Promise<void> {
  // With REDIS_URL unset and no Redis running, a private redis-server (development only).
  const { config, note } = await startPrivateRedis(loadConfig());
  await preflight(config);
  const app = await createApi(config);
  await app.listen(config.port);
  const logger = app.get(AppLogger);
  for (const line of startupSummary(config, note)) logger.log(line);
}

main().catch((error: unknown) => {
  // Configuration and unreachable dependencies: one line, no stack trace.
  const known = error instanceof ConfigError || error instanceof StartupError;
  process.stderr.write(
    `signatory: ${known ? error.message : String((error as Error)?.stack ?? error)}\n`,
  );
  process.exit(1);
});
