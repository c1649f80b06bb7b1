import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * docker-compose.yml: `docker compose up -d redis` (or postgres, mailpit) must work from a
 * checkout without a .env, so no `${VAR:?...}` may sit anywhere Compose interpolates (it
 * interpolates the whole file for every command); the api and worker still get APP_SECRET
 * and refuse to start in production without it (app-config.spec.ts).
 */
const root = join(__dirname, '..');
const file = join(root, 'docker-compose.yml');
const text = readFileSync(file, 'utf8');

/** The compose plugin's output, or why it cannot be used here. */
function compose(args: string[]): { ok: true; out: string } | { ok: false; why: string } {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
  };
  const run = spawnSync('docker', ['compose', ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  if (run.error) return { ok: false, why: run.error.message };
  if (run.status !== 0) return { ok: false, why: (run.stderr || run.stdout).trim() };
  return { ok: true, out: run.stdout };
}

describe('docker-compose.yml', () => {
  it('requires no variable to be set (no ${VAR:?...} interpolation)', () => {
    expect(text).not.toMatch(/\$\{[A-Z_]+:?\?/);
  });

  it('passes APP_SECRET to the api and the worker only, not through the shared block', () => {
    const shared = text.slice(text.indexOf('x-app-env:'), text.indexOf('\nservices:'));
    expect(shared).not.toContain('APP_SECRET:');
    expect(text.match(/^ {6}APP_SECRET: \$\{APP_SECRET:-\}$/gm)).toHaveLength(2);
  });

  it('is valid for `docker compose config` without a .env, when the compose plugin is here', () => {
    const version = compose(['version']);
    if (!version.ok) {
      process.stdout.write(`compose.e2e-spec: docker compose config skipped: ${version.why}\n`);
      return;
    }
    const services = compose(['-f', file, 'config', '--services']);
    expect(services).toEqual({ ok: true, out: expect.stringContaining('redis') });
    expect(compose(['-f', file, 'config', 'redis'])).toMatchObject({ ok: true });
  });
});
