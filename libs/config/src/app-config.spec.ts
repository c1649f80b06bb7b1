import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  const varDir = () => mkdtempSync(join(tmpdir(), 'signatory-config-'));
  const load = (env: Record<string, string | undefined>) =>
    loadConfig({ VAR_DIR: varDir(), ...env });
  const problem = (env: Record<string, string | undefined>) => {
    try {
      load(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('expected a ConfigError');
  };

  it('gives the documented defaults, typed', () => {
    const config = load({});
    expect(config).toMatchObject({
      env: 'development',
      production: false,
      port: 3000,
      publicUrl: 'http://localhost:3000',
      redisUrl: 'redis://127.0.0.1:6379',
      smtpUrl: undefined,
      mailFrom: 'Signatory <no-reply@localhost>',
      workerInline: true,
      queuePrefix: 'signatory',
      migrateOnStart: true,
      bodyLimit: '1mb',
      defaultTimeZone: 'UTC',
    });
    expect(config.database).toEqual({
      kind: 'sqlite',
      file: join(process.cwd(), 'var/signatory.sqlite'),
      url: 'sqlite:var/signatory.sqlite',
    });
    expect(config.filesDir).toBe(join(process.cwd(), 'var/files'));
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads good values with their types', () => {
    const config = load({
      PORT: '8080',
      PUBLIC_URL: 'https://sign.example.org/',
      DATABASE_URL: 'postgres://app:pw@db:5432/signatory',
      SMTP_URL: 'smtp://user:pass@mail:587',
      WORKER_INLINE: 'false',
      DB_MIGRATE: 'no',
      QUEUE_PREFIX: 'staging',
      DEFAULT_TIME_ZONE: 'America/New_York',
    });
    expect(config.defaultTimeZone).toBe('America/New_York');
    expect(config.port).toBe(8080);
    expect(config.publicUrl).toBe('https://sign.example.org');
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://app:pw@db:5432/signatory',
    });
    expect(config.smtpUrl).toBe('smtp://user:pass@mail:587');
    expect(config.workerInline).toBe(false);
    expect(config.migrateOnStart).toBe(false);
    expect(config.queuePrefix).toBe('staging');
  });

  it('points PUBLIC_URL at the configured port when it is not set', () => {
    expect(load({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
  });

  it('moves the default Redis port with REDIS_DEFAULT_PORT, only when REDIS_URL is unset', () => {
    expect(load({ REDIS_DEFAULT_PORT: '6390' })).toMatchObject({
      redisUrl: 'redis://127.0.0.1:6390',
      redisUrlExplicit: false,
    });
    expect(load({ REDIS_DEFAULT_PORT: '6390', REDIS_URL: 'redis://cache:6379' })).toMatchObject({
      redisUrl: 'redis://cache:6379',
      redisUrlExplicit: true,
    });
    expect(load({ REDIS_URL: '' }).redisUrlExplicit).toBe(false);
    expect(problem({ REDIS_DEFAULT_PORT: 'x' })).toBe(
      'REDIS_DEFAULT_PORT: expected a port number (1-65535)',
    );
  });

  it('treats an empty variable as unset', () => {
    expect(load({ PORT: '', SMTP_URL: '' })).toMatchObject({ port: 3000, smtpUrl: undefined });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT: expected a port number (1-65535)'],
    [{ PORT: '70000' }, 'PORT: expected a port number (1-65535)'],
    [{ PORT: '3000.5' }, 'PORT: expected a port number (1-65535)'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL: expected sqlite:<file> or postgres://'],
    [{ DATABASE_URL: 'sqlite:' }, 'DATABASE_URL: expected sqlite:<file> or postgres://'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL: expected redis://host:6379'],
    [{ PUBLIC_URL: 'javascript:alert(1)' }, 'PUBLIC_URL: expected an http:// or https:// URL'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL: expected smtp://'],
    [{ MAIL_FROM: 'nobody' }, 'MAIL_FROM: expected an address'],
    [{ MAIL_FROM: 'A <a@b.c>\r\nBcc: x@y.z' }, 'MAIL_FROM: expected an address'],
    [{ WORKER_INLINE: 'maybe' }, 'WORKER_INLINE: expected true or false'],
    [{ QUEUE_PREFIX: 'a:b' }, 'QUEUE_PREFIX: expected 1-64 letters'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV: expected development, test or production'],
    [{ APP_SECRET: 'short' }, 'APP_SECRET: expected at least 32 characters'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL: expected fatal, error'],
    [{ BODY_LIMIT: 'lots' }, 'BODY_LIMIT: expected a size'],
    [{ OUTBOX_POLL_MS: '1' }, 'OUTBOX_POLL_MS: expected milliseconds'],
    [{ DEFAULT_TIME_ZONE: 'Mars/Olympus_Mons' }, 'DEFAULT_TIME_ZONE: expected an IANA time zone'],
    [{ DEFAULT_TIME_ZONE: '+05:00' }, 'DEFAULT_TIME_ZONE: expected an IANA time zone'],
  ])('rejects %j with one line naming the variable', (env, message) => {
    const text = problem(env);
    expect(text.startsWith(message)).toBe(true);
    expect(text).not.toContain('\n');
  });

  it('requires APP_SECRET in production', () => {
    expect(problem({ NODE_ENV: 'production' })).toBe(
      'APP_SECRET: required in production (e.g. openssl rand -hex 32)',
    );
    const config = load({ NODE_ENV: 'production', APP_SECRET: 'p'.repeat(40) });
    expect(config.appSecret).toBe('p'.repeat(40));
    expect(config.workerInline).toBe(false);
  });

  it('generates the local APP_SECRET once into var/, readable only by its owner', () => {
    const dir = varDir();
    const first = loadConfig({ VAR_DIR: dir }).appSecret;
    const second = loadConfig({ VAR_DIR: dir }).appSecret;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toBe(first);
    expect(readFileSync(join(dir, 'app-secret'), 'utf8').trim()).toBe(first);
    expect(statSync(join(dir, 'app-secret')).mode & 0o777).toBe(0o600);
    expect(loadConfig({ VAR_DIR: varDir() }).appSecret).not.toBe(first);
  });

  it('ignores variables it does not know', () => {
    expect(() => load({ SOMETHING_ELSE: '!!' })).not.toThrow();
  });
});
