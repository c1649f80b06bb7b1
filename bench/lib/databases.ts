import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { ScenarioReport } from './report';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface BenchDatabase {
  kind: DatabaseKind;
  url: string;
  drop(): Promise<void>;
}

/** PostgreSQL server the benchmarks create their databases on. */
export const POSTGRES_URL =
  process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh, empty database: a new SQLite file, or a new database on the PostgreSQL server. */
export async function createDatabase(kind: DatabaseKind): Promise<BenchDatabase> {
  if (kind === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'signatory-bench-'));
    return {
      kind,
      url: `sqlite:${join(folder, 'bench.sqlite')}`,
      drop: () => Promise.resolve(rmSync(folder, { recursive: true, force: true })),
    };
  }
  const name = `signatory_bench_${randomBytes(5).toString('hex')}`;
  await withClient((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    kind,
    url: url.toString(),
    drop: () =>
      withClient((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}

async function withClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** What a scenario measured on one database. */
export interface Measured {
  rows: ScenarioReport['rows'];
  checks: ScenarioReport['checks'];
  data: Record<string, unknown>;
}

/**
 * A scenario's report from measuring on each database in turn: `kinds`, or the ones named in
 * BENCH_DATABASES (e.g. `BENCH_DATABASES=postgres`).
 */
export async function acrossDatabases(
  scenario: string,
  kinds: DatabaseKind[],
  measure: (kind: DatabaseKind) => Promise<Measured>,
): Promise<ScenarioReport> {
  const chosen = (process.env.BENCH_DATABASES?.split(',') as DatabaseKind[] | undefined) ?? kinds;
  const report: ScenarioReport = { scenario, rows: [], checks: [], data: {} };
  for (const kind of chosen) {
    const measured = await measure(kind);
    report.rows.push(...measured.rows);
    report.checks.push(...measured.checks);
    report.data[kind] = measured.data;
  }
  return report;
}
