import type { DataSource, Migration } from 'typeorm';

/** Any 64-bit constant, the same in every replica: the key of the migrations lock. */
const MIGRATION_LOCK_KEY = 7_245_011_893;

/**
 * Applies pending migrations. On PostgreSQL a session advisory lock makes concurrent
 * replicas take turns: the first applies, the others wait and then find nothing to do.
 * SQLite has no such lock; there, a process that loses the race to a concurrent one
 * (an API and a worker on one file) rolls back and tries again, finding the work done.
 */
export async function runMigrations(dataSource: DataSource): Promise<Migration[]> {
  if (dataSource.options.type !== 'postgres') {
    for (let attempt = 1; ; attempt++) {
      try {
        return await dataSource.runMigrations({ transaction: 'each' });
      } catch (error) {
        const lostRace = /already exists|database is locked/.test((error as Error).message);
        if (!lostRace || attempt === 3) throw error;
      }
    }
  }
  const lockRunner = dataSource.createQueryRunner();
  try {
    await lockRunner.connect();
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await lockRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lockRunner.release();
  }
}
