import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_DIST } from '../../apps/api/src/web/web-app';
import { newest, ROOT, whileLocked } from '../support/build-lock';

const SOURCES = ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.mts'];

function isBuilt(): boolean {
  const index = join(WEB_DIST, 'index.html');
  const sources = Math.max(...SOURCES.map((s) => newest(join(ROOT, s))));
  return existsSync(index) && statSync(index).mtimeMs >= sources;
}

/**
 * Builds the web app when dist/web is missing or older than its sources, so the browser
 * tests run what the sources say on a clean clone (npm ci builds it too) and after an edit.
 */
export function ensureWebBuilt(): void {
  if (isBuilt()) return;
  // Another worker may have built it while this one waited for the lock.
  whileLocked('web-build', () => isBuilt() || build());
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
