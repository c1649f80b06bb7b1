import { createTestDatabase, freePort, type TestDatabase } from '@app/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtEntry } from './support/built-app';

/** The real entry points, started as processes: what an operator sees at start and stop. */
const root = join(__dirname, '..');
const entry = {
  api: builtEntry('apps/api/src/main.ts'),
  worker: builtEntry('apps/worker/src/main.ts'),
};

function launch(app: keyof typeof entry, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [entry[app]], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      VAR_DIR: join(mkdtempSync(join(tmpdir(), 'signatory-start-')), 'var'),
      QUEUE_PREFIX: `start-${process.pid}`,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function outcome(child: ChildProcess): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}

async function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 60000) {
  let seen = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in: ${seen}`)), timeoutMs);
    const look = (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', look);
    child.stderr!.on('data', look);
  });
}

describe('starting and stopping the processes', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('refuses a bad value, an unreachable Redis and an unreachable database with one line each', async () => {
    const deadPort = String(await freePort());
    const [badPort, noRedis, noDatabase, badWorker, badZone] = await Promise.all([
      outcome(launch('api', { PORT: 'eighty', DATABASE_URL: database.url })),
      outcome(
        launch('api', { REDIS_URL: `redis://127.0.0.1:${deadPort}`, DATABASE_URL: database.url }),
      ),
      outcome(
        launch('api', { DATABASE_URL: `postgres://postgres:pw@127.0.0.1:${deadPort}/nowhere` }),
      ),
      outcome(launch('worker', { DATABASE_URL: 'mysql://nope' })),
      outcome(launch('api', { DEFAULT_TIME_ZONE: 'America/Gotham', DATABASE_URL: database.url })),
    ]);

    expect(badPort).toMatchObject({ code: 1, stdout: '' });
    expect(badPort.stderr).toBe('signatory: PORT: expected a port number (1-65535)\n');

    expect(noRedis.code).toBe(1);
    expect(noRedis.stderr).toMatch(
      new RegExp(
        `^signatory: REDIS_URL: cannot reach Redis at redis://127\\.0\\.0\\.1:${deadPort}.*ECONNREFUSED.*redis-server.*\\n$`,
      ),
    );
    expect(noRedis.stderr.split('\n')).toHaveLength(2);

    expect(noDatabase.code).toBe(1);
    expect(noDatabase.stderr).toMatch(
      /^signatory: DATABASE_URL: cannot open postgres:\/\/postgres:\*\*\*@127\.0\.0\.1/,
    );
    expect(noDatabase.stderr).not.toContain(':pw@');
    expect(noDatabase.stderr.split('\n')).toHaveLength(2);

    expect(badWorker.code).toBe(1);
    expect(badWorker.stderr).toBe(
      'signatory-worker: DATABASE_URL: expected sqlite:<file> or postgres://user@host:5432/database\n',
    );

    expect(badZone).toMatchObject({ code: 1, stdout: '' });
    expect(badZone.stderr).toBe(
      'signatory: DEFAULT_TIME_ZONE: expected an IANA time zone name such as America/New_York or UTC\n',
    );
  });

  it('runs an API and a worker on one database, and both stop cleanly on SIGTERM', async () => {
    const port = await freePort();
    const env = { DATABASE_URL: database.url, PORT: String(port), WORKER_INLINE: 'false' };
    // Started together: both apply migrations at once and must not trip over each other.
    const api = launch('api', env);
    const worker = launch('worker', env);
    const apiExit = outcome(api);
    const workerExit = outcome(worker);
    await Promise.all([
      waitForOutput(api, /Signatory API on/),
      waitForOutput(worker, /Signatory worker running/),
    ]);
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', db: 'up', redis: 'up' });

    api.kill('SIGTERM');
    worker.kill('SIGTERM');
    const [apiResult, workerResult] = await Promise.all([apiExit, workerExit]);
    // Nest runs the shutdown hooks (workers finish their jobs, connections close), then
    // re-raises the signal, so the exit is "by SIGTERM", as the supervisor asked.
    expect(apiResult.signal).toBe('SIGTERM');
    expect(workerResult.signal).toBe('SIGTERM');
    expect(apiResult.stderr + workerResult.stderr).not.toMatch(/error/i);
  });
});
