import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the tests build before they run it (the web app, the compiled API), built once. */
export const ROOT = join(__dirname, '..', '..');
/** A lock older than this was left by a jest worker that died mid-build. */
const STALE_LOCK_MS = 180_000;

/** The newest modification time under a file or folder (0 when it does not exist). */
export function newest(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Runs `fn` holding the lock `var/<name>.lock` (a directory: mkdir is atomic), waiting for
 * it while another jest worker holds it: two builds into one folder at once fail.
 */
export function whileLocked(name: string, fn: () => void): void {
  const lock = join(ROOT, 'var', `${name}.lock`);
  mkdirSync(join(ROOT, 'var'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) {
        rmSync(lock, { recursive: true, force: true });
      } else sleep(250);
    }
  }
  try {
    fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
