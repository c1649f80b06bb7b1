import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_DIST } from '../../apps/api/src/web/web-app';

const ROOT = join(__dirname, '..', '..');
const SOURCES = ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.mts'];

/** The newest modification time under a file or folder. */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/**
 * Builds the web app when dist/web is missing or older than its sources, so the browser
 * tests run what the sources say on a clean clone (npm ci builds it too) and after an edit.
 */
export function ensureWebBuilt(): void {
  const index = join(WEB_DIST, 'index.html');
  const sources = Math.max(...SOURCES.map((s) => newest(join(ROOT, s))));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
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
