import { loadConfig } from '@app/config';
import {
  createTestApp,
  createTestDatabase,
  testDatabaseKind,
  type TestDatabase,
} from '@app/testing';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { runMigrations } from './migrate';
import { migrations } from './migrations';

/** Runs against SQLite, or PostgreSQL when the suite has DATABASE_URL=postgres://... */
describe('migrations', () => {
  let database: TestDatabase;
  const open = async () => {
    const config = loadConfig({ DATABASE_URL: database.url, APP_SECRET: 'x'.repeat(32) });
    return new DataSource(dataSourceOptions(config.database)).initialize();
  };
  const tables = async (dataSource: DataSource) => {
    const runner = dataSource.createQueryRunner();
    try {
      const found = await runner.getTables([
        'outbox',
        'mail_messages',
        'users',
        'audit_events',
        'migrations',
      ]);
      return found.map((table) => table.name.replace(/^.*\./, '')).sort();
    } finally {
      await runner.release();
    }
  };

  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await database.drop();
  });

  it('apply all the way up and revert all the way down', async () => {
    const dataSource = await open();
    try {
      const applied = await runMigrations(dataSource);
      expect(applied.map((m) => m.name)).toEqual(migrations.map((m) => m.name));
      expect(await tables(dataSource)).toEqual([
        'audit_events',
        'mail_messages',
        'migrations',
        'outbox',
        'users',
      ]);
      expect(await runMigrations(dataSource)).toEqual([]);

      for (let i = 0; i < migrations.length; i++) {
        await dataSource.undoLastMigration({ transaction: 'each' });
      }
      expect(await tables(dataSource)).toEqual(['migrations']);
      // And up again: a down leaves nothing behind that blocks the next up.
      expect(await runMigrations(dataSource)).toHaveLength(migrations.length);
    } finally {
      await dataSource.destroy();
    }
  });

  // better-sqlite3 waits for a lock synchronously, so several SQLite connections in one
  // test process would block each other's event loop; separate processes are covered in
  // test/startup.e2e-spec.ts. The advisory lock exists only on PostgreSQL.
  const onPostgres = testDatabaseKind() === 'postgres' ? it : it.skip;

  onPostgres('applies once when replicas start together (advisory lock)', async () => {
    const sources = await Promise.all([open(), open(), open()]);
    try {
      const results = await Promise.all(sources.map((source) => runMigrations(source)));
      expect(results.flat().map((m) => m.name)).toEqual(migrations.map((m) => m.name));
    } finally {
      await Promise.all(sources.map((source) => source.destroy()));
    }
  });

  it('leave the schema exactly as the entities describe it', async () => {
    const t = await createTestApp();
    try {
      const pending = await t.app.get(DataSource).driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
