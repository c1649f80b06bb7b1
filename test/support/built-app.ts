import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newest, ROOT, whileLocked } from './build-lock';

// Tests that start the API, the worker or a CLI command as a process run the compiled
// JavaScript (`nest build`, as production does): such a process is up in about 3 s, where
// through ts-node it took 7.5 s of CPU, and CI starts some twenty of them on each database.
// Built when missing or older than its sources, once for every jest worker.

const SOURCES = ['apps/api/src', 'apps/worker/src', 'libs', 'tsconfig.json', 'tsconfig.build.json'];
/** Written after a whole build: its time says how fresh dist/ is. */
const STAMP = join(ROOT, 'dist', '.tests-build-stamp');

const isBuilt = () => newest(STAMP) >= Math.max(...SOURCES.map((s) => newest(join(ROOT, s))));

function build(): void {
  const nest = join(ROOT, 'node_modules/@nestjs/cli/bin/nest.js');
  for (const app of ['api', 'worker']) {
    execFileSync(process.execPath, [nest, 'build', app], { cwd: ROOT, stdio: 'inherit' });
  }
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}

/**
 * The compiled file of an entry point under apps/ (`apps/api/src/main.ts` →
 * `dist/apps/api/src/main.js`), built first if need be. Call it when the spec file loads,
 * outside any test's timeout: a build takes 25 s.
 */
export function builtEntry(source: string): string {
  if (!isBuilt()) whileLocked('app-build', () => isBuilt() || build());
  return join(ROOT, 'dist', source.replace(/\.ts$/, '.js'));
}
