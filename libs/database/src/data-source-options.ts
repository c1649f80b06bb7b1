import type { AppConfig } from '@app/config';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations';
import { useDialect } from './columns';

/** Milliseconds a SQLite writer waits for another writer's lock before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * TypeORM options for the configured database. Schema changes only ever come from
 * `migrations` (never `synchronize`), and entities are registered by the feature
 * modules that own them (`autoLoadEntities` in DatabaseModule).
 */
export function dataSourceOptions(database: AppConfig['database']): DataSourceOptions {
  useDialect(database.kind);
  const common = { synchronize: false, migrationsRun: false, migrations, logging: false } as const;
  if (database.kind === 'postgres') {
    // A server that does not answer fails a request within 5 s (a 503) instead of holding it.
    const extra = { max: 10, connectionTimeoutMillis: 5000 };
    return { ...common, type: 'postgres', url: database.url, extra };
  }
  if (database.file !== ':memory:') mkdirSync(dirname(database.file), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.file,
    enableWAL: true,
    timeout: SQLITE_BUSY_TIMEOUT_MS,
    // TypeORM also turns foreign keys on; saying it here keeps the guarantee visible.
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('foreign_keys = ON');
      db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    },
  };
}
