// Scenario 5 of issue 8: time from starting the built app (`npm run start:prod`, i.e.
// `node dist/apps/api/src/main.js`) to GET /health 200, with the default configuration
// (SQLite) in a fresh VAR_DIR: a first start on an empty database (migrations included)
// and a warm start on the database the first one left. `npm start` (ts-node, the README's
// first command) is reported alongside, without a target.
import { migrations } from '../../libs/database/src/migrations';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Row, ScenarioReport } from '../lib/report';
import type { Scenario } from '../lib/scenario';
import { query } from '../lib/seed';
import { mb, median } from '../lib/stats';
import { timeStart, type StartTiming } from './start/launch';

const TARGET_MS = 3000;
const BUILT_RUNS = Number(process.env.BENCH_START_RUNS ?? 7);
const TS_NODE_RUNS = Number(process.env.BENCH_START_TS_NODE_RUNS ?? 3);

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface Variant {
  label: string;
  command: string[];
  runs: number;
  /** Held to the target? */
  target: boolean;
  env?: Record<string, string>;
}

const VARIANTS: Variant[] = [
  {
    label: 'npm run start:prod',
    command: ['npm', 'run', 'start:prod'],
    runs: BUILT_RUNS,
    target: true,
  },
  {
    // The same without npm in front, to show what npm's own start costs.
    label: 'node dist/apps/api/src/main.js',
    command: [process.execPath, 'dist/apps/api/src/main.js'],
    runs: BUILT_RUNS,
    target: false,
  },
  {
    // For comparison: the same build as deployed (JSON logs, workers in their own process).
    label: 'npm run start:prod, NODE_ENV=production',
    command: ['npm', 'run', 'start:prod'],
    runs: BUILT_RUNS,
    target: false,
    env: { NODE_ENV: 'production', APP_SECRET: 'bench-start-0123456789abcdef0123456789' },
  },
  { label: 'npm start (ts-node)', command: ['npm', 'start'], runs: TS_NODE_RUNS, target: false },
];

interface Pair {
  first: StartTiming;
  warm: StartTiming;
  /** Migrations recorded after the first start, and after the warm one. */
  migrations: [number, number];
}

/** The default configuration, but in a fresh VAR_DIR (the database file is kept there). */
function defaultEnv(varDir: string): Record<string, string> {
  return {
    VAR_DIR: varDir,
    DATABASE_URL: `sqlite:${join(varDir, 'signatory.sqlite')}`,
    FILES_DIR: join(varDir, 'files'),
    // Its own queues, so a start lays no schedule in anyone else's.
    QUEUE_PREFIX: `bench-start-${randomBytes(4).toString('hex')}`,
  };
}

async function migrationCount(varDir: string): Promise<number> {
  const [row] = await query<{ n: number }>(
    `sqlite:${join(varDir, 'signatory.sqlite')}`,
    'SELECT COUNT(*) AS n FROM migrations',
  );
  return Number(row.n);
}

async function measure(variant: Variant): Promise<Pair[]> {
  const pairs: Pair[] = [];
  for (let i = 0; i < variant.runs; i++) {
    const varDir = mkdtempSync(join(tmpdir(), 'signatory-bench-start-'));
    try {
      const env = { ...defaultEnv(varDir), ...variant.env };
      const first = await timeStart(variant.command, env);
      const afterFirst = await migrationCount(varDir);
      const warm = await timeStart(variant.command, env);
      pairs.push({ first, warm, migrations: [afterFirst, await migrationCount(varDir)] });
    } finally {
      rmSync(varDir, { recursive: true, force: true });
    }
  }
  return pairs;
}

export const start: Scenario = {
  name: 'start',
  description: 'time from starting the app to GET /health 200 (SQLite, default configuration)',
  async run(): Promise<ScenarioReport> {
    const rows: Row[] = [];
    const checks: ScenarioReport['checks'] = [];
    const data: Record<string, unknown> = { runs: {} };
    for (const variant of VARIANTS) {
      const pairs = await measure(variant);
      (data.runs as Record<string, unknown>)[variant.label] = pairs;
      for (const kind of ['first', 'warm'] as const) {
        const timings = pairs.map((p) => p[kind]);
        const ms = median(timings.map((t) => t.ms));
        const what =
          kind === 'first'
            ? 'first start, empty database (migrations)'
            : 'warm start, existing database';
        rows.push({
          measure: `${variant.label}: ${what}, median of ${timings.length}`,
          value: `${seconds(ms)} (min ${seconds(Math.min(...timings.map((t) => t.ms)))}, CPU ${seconds(median(timings.map((t) => t.cpuMs)))}, ${mb(median(timings.map((t) => t.peakRssBytes)))})`,
          ...(variant.target ? { target: `≤ ${TARGET_MS / 1000} s`, met: ms <= TARGET_MS } : {}),
        });
      }
      const healthy = pairs.flatMap((p) => [p.first, p.warm]);
      checks.push(
        {
          what: `${variant.label}: every /health answered {status: 'ok'}`,
          ok: healthy.every((t) => (t.health as { status?: string })?.status === 'ok'),
          detail: JSON.stringify(healthy[0]?.health),
        },
        {
          what: `${variant.label}: the first start applied all ${migrations.length} migrations, the warm start none`,
          ok: pairs.every(
            (p) => p.migrations[0] === migrations.length && p.migrations[1] === migrations.length,
          ),
          detail: pairs.map((p) => p.migrations.join('→')).join(', '),
        },
      );
    }
    return { scenario: 'start', rows, checks, data };
  },
};
