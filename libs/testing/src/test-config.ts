import { AppConfig, loadConfig } from '@app/config';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A configuration for one test: its own var/ and files folders, its own queue prefix,
 * a fixed secret, quiet logs, a fast outbox. `env` overrides any variable.
 */
export function testConfig(env: Record<string, string | undefined> = {}): AppConfig {
  const folder = mkdtempSync(join(tmpdir(), 'signatory-test-'));
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    REDIS_URL: process.env.REDIS_URL,
    QUEUE_PREFIX: `test-${randomBytes(5).toString('hex')}`,
    APP_SECRET: 'test-secret-0123456789abcdef0123456789abcdef',
    VAR_DIR: join(folder, 'var'),
    FILES_DIR: join(folder, 'files'),
    OUTBOX_POLL_MS: '50',
    PUBLIC_URL: 'http://signatory.test',
    ...env,
  });
}
