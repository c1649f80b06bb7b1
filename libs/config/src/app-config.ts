import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { envDefaults, envSchema } from './config.schema';

export type DatabaseConfig =
  { kind: 'sqlite'; file: string; url: string } | { kind: 'postgres'; url: string };

/** A start-up configuration problem, already phrased as the one line to print. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * The validated, typed configuration. Built once from the environment by `loadConfig`
 * and injected everywhere as `AppConfig`; nothing else reads `process.env`.
 */
export class AppConfig {
  readonly env: 'development' | 'test' | 'production';
  readonly production: boolean;
  readonly port: number;
  readonly publicUrl: string;
  readonly database: DatabaseConfig;
  readonly migrateOnStart: boolean;
  readonly redisUrl: string;
  /**
   * REDIS_URL was set. When it was not and nothing answers at the default URL, `npm start`
   * may start a private redis-server (see startPrivateRedis).
   */
  readonly redisUrlExplicit: boolean;
  readonly queuePrefix: string;
  /** Unset: mail is written as .eml files to `mailOutboxDir`. */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly mailOutboxDir: string;
  readonly filesDir: string;
  readonly varDir: string;
  readonly appSecret: string;
  readonly workerInline: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly bodyLimit: string;
  readonly outboxPollMs: number;
  /** How often the scheduled scans run: deadlines, reminders, the rendition sweep. */
  readonly scanEveryMs: number;
  /** Sessions expire after this many days without use. */
  readonly sessionTtlDays: number;
  /** Log-in attempts allowed per 15 minutes, per email and per client IP. */
  readonly loginLimitPerEmail: number;
  readonly loginLimitPerIp: number;
  /** Sign-on links keep working this long after the deadline (for a late correction). */
  readonly invitationGraceHours: number;
  /** Outgoing mail rate limit, per worker process. */
  readonly mailPerMinute: number;
  /** Requests per minute one client IP may make to any route. */
  readonly rateLimitPerMinute: number;
  /** Unknown or dead sign-on links one client IP may try per minute before 429s. */
  readonly signLinkMissesPerIp: number;
  /** Open sign-on requests per hour, per client IP and per letter. */
  readonly openSignOnLimitPerIp: number;
  readonly openSignOnLimitPerLetter: number;
  /** IANA zone of workspaces that have not chosen one (deadlines, dates in mails and pages). */
  readonly defaultTimeZone: string;

  constructor(values: AppConfig) {
    Object.assign(this, values);
    Object.freeze(this);
  }
}

type RawEnv = Record<string, string | undefined>;

/**
 * Validates the environment (default: this process's) and returns the typed configuration, or throws a ConfigError
 * whose message is one line naming the variable, e.g.
 * `DATABASE_URL: expected sqlite:<file> or postgres://user@host:5432/database`.
 */
export function loadConfig(raw: RawEnv = process.env): AppConfig {
  const input: RawEnv = { ...envDefaults };
  for (const [key, value] of Object.entries(raw)) {
    // An empty variable means "not set", as in most shells' `FOO= cmd`.
    if (key in envSchema.shape && value !== undefined && value !== '') input[key] = value;
  }
  const parsed = envSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${issue.path.join('.')}: ${issue.message}`);
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  const varDir = resolve(env.VAR_DIR);
  const redisUrlExplicit = raw.REDIS_URL !== undefined && raw.REDIS_URL !== '';

  if (production && !env.APP_SECRET) {
    throw new ConfigError('APP_SECRET: required in production (e.g. openssl rand -hex 32)');
  }

  return new AppConfig({
    env: env.NODE_ENV,
    production,
    port: env.PORT,
    // Unset: this machine on the configured port, so local links work whatever PORT is.
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    database: parseDatabaseUrl(env.DATABASE_URL),
    migrateOnStart: env.DB_MIGRATE,
    redisUrl: redisUrlExplicit ? env.REDIS_URL : `redis://127.0.0.1:${env.REDIS_DEFAULT_PORT}`,
    redisUrlExplicit,
    queuePrefix: env.QUEUE_PREFIX,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    mailOutboxDir: join(varDir, 'outbox'),
    filesDir: resolve(env.FILES_DIR),
    varDir,
    appSecret: env.APP_SECRET ?? localAppSecret(varDir),
    workerInline: env.WORKER_INLINE ?? !production,
    logLevel: env.LOG_LEVEL,
    bodyLimit: env.BODY_LIMIT.toLowerCase(),
    outboxPollMs: env.OUTBOX_POLL_MS,
    scanEveryMs: env.SCAN_EVERY_MS,
    sessionTtlDays: env.SESSION_TTL_DAYS,
    loginLimitPerEmail: env.LOGIN_LIMIT_PER_EMAIL,
    loginLimitPerIp: env.LOGIN_LIMIT_PER_IP,
    invitationGraceHours: env.INVITATION_GRACE_HOURS,
    mailPerMinute: env.MAIL_PER_MINUTE,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    signLinkMissesPerIp: env.SIGN_LINK_MISSES_PER_IP,
    openSignOnLimitPerIp: env.OPEN_SIGNON_LIMIT_PER_IP,
    openSignOnLimitPerLetter: env.OPEN_SIGNON_LIMIT_PER_LETTER,
    defaultTimeZone: env.DEFAULT_TIME_ZONE,
  });
}

function parseDatabaseUrl(url: string): DatabaseConfig {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    return { kind: 'sqlite', file: file === ':memory:' ? file : resolve(file), url };
  }
  return { kind: 'postgres', url };
}

/**
 * Outside production the secret is generated once and kept in `var/app-secret`, so that
 * tokens survive restarts without anyone having to invent a secret for a local run.
 */
function localAppSecret(varDir: string): string {
  const file = join(varDir, 'app-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(varDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  try {
    writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process (a parallel test or a second replica) wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(file, 'utf8').trim();
  }
  chmodSync(file, 0o600);
  return secret;
}
