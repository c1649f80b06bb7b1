import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_DIST } from '../../apps/api/src/web/web-app';

const ROOT = join(__dirname, '..', '..');
const SOURCES = ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.mts'];
/** Held while one jest worker builds: two Vite builds into one folder at once fail. */
const LOCK = join(ROOT, 'var', 'web-build.lock');
/** A lock older than this was left by a worker that died mid-build. */
const STALE_LOCK_MS = 180_000;

/** The newest modification time under a file or folder. */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function isBuilt(): boolean {
  const index = join(WEB_DIST, 'index.html');
  const sources = Math.max(...SOURCES.map((s) => newest(join(ROOT, s))));
  return existsSync(index) && statSync(index).mtimeMs >= sources;
}

/** Runs `fn` holding the build lock (a directory: mkdir is atomic), waiting for it if held. */
function whileLocked(fn: () => void): void {
  mkdirSync(join(ROOT, 'var'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const held = statSync(LOCK, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) {
        rmSync(LOCK, { recursive: true, force: true });
      } else sleep(250);
    }
  }
  try {
    fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * Builds the web app when dist/web is missing or older than its sources, so the browser
 * tests run what the sources say on a clean clone (npm ci builds it too) and after an edit.
 */
export function ensureWebBuilt(): void {
  if (isBuilt()) return;
  // Another worker may have built it while this one waited for the lock.
  whileLocked(() => isBuilt() || build());
}

function build(): void {
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'apps/web/vite.config.mts',
      '--logLevel',
      'warn',
    ],
    // jest sets NODE_ENV=test, which would give a development build of React.
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
}
