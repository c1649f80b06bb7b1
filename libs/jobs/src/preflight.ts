import { type AppConfig } from '@app/config';
import { databasePreflight } from '@app/database';
import { redisPreflight } from './redis-preflight';

/** A dependency a process cannot start without, phrased as the one line to print. */
export class StartupError extends Error {
  override name = 'StartupError';
}

/**
 * Both apps check the database and Redis before Nest starts: a failure is one clear line
 * (the database's first when both fail). The two checks run at the same time.
 */
export async function preflight(config: AppConfig): Promise<void> {
  const [database, redis] = await Promise.all([
    databasePreflight(config.database),
    redisPreflight(config.redisUrl),
  ]);
  const problem = database ?? redis;
  if (problem) throw new StartupError(problem);
}
