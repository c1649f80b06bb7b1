import { loadConfig } from '@app/config';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '@app/testing';
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

  it('give every existing revision the subject line and list heading it printed, and take them back', async () => {
    const dataSource = await open();
    const mine = migrations.findIndex((m) => m.name === 'LetterSubjectListHeading1765200000000');
    const undoTo = async () => {
      // Reverts this migration and any after it.
      for (let i = migrations.length - 1; i >= mine; i--) {
        await dataSource.undoLastMigration({ transaction: 'each' });
      }
    };
    const postgres = dataSource.options.type === 'postgres';
    const params = (n: number) =>
      Array.from({ length: n }, (_, i) => (postgres ? `$${i + 1}` : '?')).join(', ');
    const now = '2026-03-01 10:00:00';
    const contents = async () =>
      Object.fromEntries(
        (
          await dataSource.query<{ number: number; content: string }[]>(
            'SELECT "number", "content" FROM "letter_revisions" ORDER BY "number"',
          )
        ).map((row) => [row.number, JSON.parse(row.content) as Record<string, unknown>]),
      );
    try {
      await runMigrations(dataSource);
      await undoTo();
      await dataSource.query(
        `INSERT INTO "workspaces" ("id", "name", "slug", "created_at") VALUES (${params(4)})`,
        ['w1', 'Coalition', 'coalition', now],
      );
      await dataSource.query(
        `INSERT INTO "campaigns" ("id", "workspace_id", "name", "created_by", "created_at") VALUES (${params(5)})`,
        ['c1', 'w1', 'Campaign', 'u1', now],
      );
      await dataSource.query(
        `INSERT INTO "letters" ("id", "campaign_id", "status", "current_revision", "settings", "created_by", "created_at") VALUES (${params(7)})`,
        ['l1', 'c1', 'draft', 2, '{}', 'u1', now],
      );
      const legacy = {
        title: '  Protect "journalists" — ünïcode ',
        date: '2026-03-02',
        addressees: [],
        salutation: 'Dear Minister,',
        body: 'Text.',
        closing: 'Sincerely,',
      };
      const own = { ...legacy, subject: 'Urgent', listHeading: 'Signed,' };
      for (const [number, content] of [legacy, { ...legacy, title: 'Second' }, own].entries()) {
        await dataSource.query(
          `INSERT INTO "letter_revisions" ("id", "letter_id", "number", "content", "author_id", "created_at") VALUES (${params(6)})`,
          [`r${number + 1}`, 'l1', number + 1, JSON.stringify(content), 'u1', now],
        );
      }

      await runMigrations(dataSource);
      expect(await contents()).toEqual({
        // Exactly what the PDF printed: "Re: " and the title as stored, trimmed when drawn.
        1: { ...legacy, subject: `Re: ${legacy.title}`, listHeading: 'Signatories' },
        2: { ...legacy, title: 'Second', subject: 'Re: Second', listHeading: 'Signatories' },
        3: own,
      });

      await undoTo();
      expect(await contents()).toEqual({ 1: legacy, 2: { ...legacy, title: 'Second' }, 3: legacy });
    } finally {
      await dataSource.destroy();
    }
  });
});
