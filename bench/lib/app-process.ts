import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { peakRss } from './process-memory';

const ROOT = join(__dirname, '..', '..');
/** Every benchmark app shares this secret, so a scenario can derive sign-on links itself. */
export const BENCH_APP_SECRET = 'bench-secret-0123456789abcdef0123456789abcdef';

export interface AppProcess {
  url: string;
  pid: number;
  /** The environment it was started with (QUEUE_PREFIX, DATABASE_URL, ...). */
  env: Record<string, string>;
  peakRss(): number;
  /** The separate worker process, when one was asked for. */
  worker?: WorkerProcess;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The built API (`node dist/apps/api/src/main.js`, run `npm run build` first) or worker, as
 * in production, in a process of its own: its own port, files, queue prefix and database.
 */
export async function startApp(options: {
  databaseUrl: string;
  smtpUrl?: string;
  worker?: 'inline' | 'separate' | 'none';
  /** Shared with a separately started worker. */
  queuePrefix?: string;
  env?: Record<string, string>;
  /** Extra arguments for node, e.g. ['--cpu-prof'] (passed to a separate worker too). */
  nodeArgs?: string[];
}): Promise<AppProcess> {
  const port = await freePort();
  const varDir = mkdtempSync(join(tmpdir(), 'signatory-bench-var-'));
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: options.queuePrefix ?? `bench-${randomBytes(4).toString('hex')}`,
    APP_SECRET: BENCH_APP_SECRET,
    VAR_DIR: varDir,
    FILES_DIR: join(varDir, 'files'),
    WORKER_INLINE: options.worker === 'inline' ? 'true' : 'false',
    LOG_LEVEL: 'warn',
    ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
    ...options.env,
  };
  const nodeArgs = [...profiling(), ...(options.nodeArgs ?? [])];
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist/apps/api/src/main.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child);
  const worker =
    options.worker === 'separate' ? await startWorker({ ...env }, nodeArgs) : undefined;
  return {
    url,
    pid: child.pid!,
    env,
    peakRss: () => peakRss(child.pid),
    stop: async () => {
      await worker?.stop();
      await stopChild(child);
      rmSync(varDir, { recursive: true, force: true });
    },
    ...(worker ? { worker } : {}),
  };
}

/**
 * BENCH_PROFILE_DIR=/tmp/prof: every app and worker a scenario starts writes a CPU profile
 * (`--cpu-prof`) there when it stops, for finding what limits a measure.
 */
function profiling(): string[] {
  const dir = process.env.BENCH_PROFILE_DIR;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

export interface WorkerProcess {
  pid: number;
  peakRss(): number;
  stop(): Promise<void>;
}

/** A worker process (built) on the same database and queue prefix as an app. */
export async function startWorker(
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist/apps/worker/src/main.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // The worker has no HTTP port: give it a moment to connect and lay its schedules.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}`);
  return { pid: child.pid!, peakRss: () => peakRss(child.pid), stop: () => stopChild(child) };
}

export async function waitForHealth(url: string, child?: ChildProcess, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url}/health did not answer 200 in time`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
