import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { randomBytes } from 'node:crypto';

export interface TestDatabase {
  url: string;
  kind: 'sqlite' | 'postgres';
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file: a new SQLite file, or — when the suite runs
 * with DATABASE_URL=postgres://... — a new PostgreSQL database on that server, dropped at
 * the end. Test files can therefore run in parallel without seeing each other's rows.
 */
/** Which database this test run uses: PostgreSQL when DATABASE_URL says so, else SQLite. */
export function testDatabaseKind(): 'sqlite' | 'postgres' {
  return /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '') ? 'postgres' : 'sqlite';
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (base && /^postgres(ql)?:\/\//.test(base)) {
    const name = `signatory_test_${randomBytes(6).toString('hex')}`;
    await withClient(base, (client) => client.query(`CREATE DATABASE "${name}"`));
    const url = new URL(base);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      kind: 'postgres',
      drop: async () => {
        await withClient(base, (client) =>
          client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
        );
      },
    };
  }
  const folder = mkdtempSync(join(tmpdir(), 'signatory-db-'));
  return {
    url: `sqlite:${join(folder, 'test.sqlite')}`,
    kind: 'sqlite',
    drop: () => Promise.resolve(rmSync(folder, { recursive: true, force: true })),
  };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
