import 'reflect-metadata';
import { AppLogger, ConfigError, loadConfig, QuietStartLogger } from '@app/config';
import { NestFactory } from '@nestjs/core';
import { preflight, StartupError } from '@app/jobs';
import { WorkerModule } from './worker.module';

/**
 * The worker process: BullMQ processors and the outbox drainer, no HTTP. Run as many as
 * the load needs; on SIGTERM each finishes its in-flight jobs before it exits.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  await preflight(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
  });
  app.useLogger(new QuietStartLogger(app.get(AppLogger)));
  app.enableShutdownHooks();
  app.get(AppLogger).log(`Signatory worker running (queue prefix ${config.queuePrefix})`);
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof StartupError;
  process.stderr.write(
    `signatory-worker: ${known ? error.message : String((error as Error)?.stack ?? error)}\n`,
  );
  process.exit(1);
});
