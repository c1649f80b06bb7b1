import { z } from 'zod';

/**
 * The environment Signatory reads, one entry per variable of the architecture's table
 * (plus a few operational knobs). Each message names what is expected, so the start-up
 * line "<VARIABLE>: <message>" is enough to fix the value.
 */
const bool = (name: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => ['true', 'false', '1', '0', 'yes', 'no'].includes(v), {
      message: `expected true or false`,
    })
    .transform((v) => ['true', '1', 'yes'].includes(v))
    .describe(name);

/** An integer in [min, max]; anything else gets `message`. */
const intBetween = (min: number, max: number, message: string) =>
  z.coerce.number({ message }).int({ message }).min(min, { message }).max(max, { message });

const url = (protocols: string[], example: string) =>
  z
    .string()
    .trim()
    .refine(
      (v) => {
        try {
          return protocols.includes(new URL(v).protocol);
        } catch {
          return false;
        }
      },
      { message: `expected ${example}` },
    );

/** An IANA time zone name Intl knows (`America/New_York`, `UTC`); kept as written. */
const timeZone = z
  .string()
  .trim()
  .refine(
    (v) => {
      if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(v)) return false;
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: v });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'expected an IANA time zone name such as America/New_York or UTC' },
  );

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production'], {
    message: 'expected development, test or production',
  }),
  PORT: intBetween(1, 65535, 'expected a port number (1-65535)'),
  PUBLIC_URL: url(
    ['http:', 'https:'],
    'an http:// or https:// URL such as http://localhost:3000',
  ).optional(),
  DATABASE_URL: z
    .string()
    .trim()
    .refine((v) => /^sqlite:.+/.test(v) || /^postgres(ql)?:\/\/.+/.test(v), {
      message: 'expected sqlite:<file> or postgres://user@host:5432/database',
    }),
  REDIS_URL: url(['redis:', 'rediss:'], 'redis://host:6379 (or rediss:// for TLS)'),
  // Only read when REDIS_URL is unset: the port of the default redis://127.0.0.1:<port>.
  REDIS_DEFAULT_PORT: intBetween(1, 65535, 'expected a port number (1-65535)'),
  SMTP_URL: url(['smtp:', 'smtps:'], 'smtp://user:pass@host:587 or smtps://...').optional(),
  MAIL_FROM: z
    .string()
    .trim()
    .regex(/^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, {
      message: 'expected an address such as "Signatory <no-reply@example.org>"',
    }),
  FILES_DIR: z.string().trim().min(1, { message: 'expected a directory path' }),
  APP_SECRET: z
    .string()
    .min(32, { message: 'expected at least 32 characters (e.g. openssl rand -hex 32)' })
    .optional(),
  WORKER_INLINE: bool('WORKER_INLINE').optional(),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'expected 1-64 letters, digits, _ . or -' }),
  DB_MIGRATE: bool('DB_MIGRATE'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'expected fatal, error, warn, info, debug, trace or silent',
  }),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, { message: 'expected a size such as 1mb or 512kb' }),
  VAR_DIR: z.string().trim().min(1, { message: 'expected a directory path' }),
  OUTBOX_POLL_MS: intBetween(10, 60000, 'expected milliseconds between 10 and 60000'),
  SCAN_EVERY_MS: intBetween(100, 3600000, 'expected milliseconds between 100 and 3600000'),
  SESSION_TTL_DAYS: intBetween(1, 365, 'expected a number of days between 1 and 365'),
  LOGIN_LIMIT_PER_EMAIL: intBetween(1, 10000, 'expected attempts per 15 minutes, 1-10000'),
  INVITATION_GRACE_HOURS: intBetween(0, 720, 'expected hours between 0 and 720'),
  MAIL_PER_MINUTE: intBetween(1, 100000, 'expected messages per minute, 1-100000'),
  LOGIN_LIMIT_PER_IP: intBetween(1, 10000, 'expected attempts per 15 minutes, 1-10000'),
  RATE_LIMIT_PER_MINUTE: intBetween(1, 10000000, 'expected requests per minute, 1-10000000'),
  SIGN_LINK_MISSES_PER_IP: intBetween(1, 100000, 'expected failed lookups per minute, 1-100000'),
  OPEN_SIGNON_LIMIT_PER_IP: intBetween(1, 100000, 'expected requests per hour, 1-100000'),
  OPEN_SIGNON_LIMIT_PER_LETTER: intBetween(1, 1000000, 'expected requests per hour, 1-1000000'),
  DEFAULT_TIME_ZONE: timeZone,
});

export const envDefaults = {
  NODE_ENV: 'development',
  PORT: '3000',
  DATABASE_URL: 'sqlite:var/signatory.sqlite',
  REDIS_URL: 'redis://127.0.0.1:6379',
  REDIS_DEFAULT_PORT: '6379',
  MAIL_FROM: 'Signatory <no-reply@localhost>',
  FILES_DIR: 'var/files',
  QUEUE_PREFIX: 'signatory',
  DB_MIGRATE: 'true',
  LOG_LEVEL: 'info',
  BODY_LIMIT: '1mb',
  VAR_DIR: 'var',
  OUTBOX_POLL_MS: '500',
  SCAN_EVERY_MS: '60000',
  SESSION_TTL_DAYS: '30',
  LOGIN_LIMIT_PER_EMAIL: '10',
  LOGIN_LIMIT_PER_IP: '50',
  INVITATION_GRACE_HOURS: '24',
  MAIL_PER_MINUTE: '120',
  RATE_LIMIT_PER_MINUTE: '600',
  SIGN_LINK_MISSES_PER_IP: '30',
  OPEN_SIGNON_LIMIT_PER_IP: '10',
  OPEN_SIGNON_LIMIT_PER_LETTER: '500',
  DEFAULT_TIME_ZONE: 'UTC',
} as const;

export type Env = z.infer<typeof envSchema>;
