import { type AppConfig, redactUrl } from '@app/config';
import { relative } from 'node:path';

/** A path as short as it can be said: relative to the working directory when inside it. */
function shown(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside && !inside.startsWith('..') ? inside : path;
}

/**
 * The first lines an operator reads after `npm start`: where the app answers, what it is
 * connected to, where mail goes and how to create the first account.
 */
export function startupSummary(config: AppConfig, redisNote?: string): string[] {
  const database =
    config.database.kind === 'sqlite'
      ? `SQLite ${config.database.file === ':memory:' ? ':memory:' : shown(config.database.file)}`
      : `PostgreSQL ${redactUrl(config.database.url)}`;
  const mail = config.smtpUrl
    ? `over SMTP to ${redactUrl(config.smtpUrl)}`
    : `written as .eml files to ${shown(config.mailOutboxDir)} (set SMTP_URL to send)`;
  return [
    `Signatory API on ${config.publicUrl} (port ${config.port}); docs at ${config.publicUrl}/api/docs`,
    `database: ${database}`,
    `Redis: ${redactUrl(config.redisUrl)}${redisNote ? ` (${redisNote})` : ''}; ` +
      `workers ${config.workerInline ? 'in this process' : 'separate (npm run start:worker)'}`,
    `mail: ${mail}`,
    'first account: npm run user:create -- --email you@coalition.example --name "Your Name" ' +
      '--workspace "Your Coalition"',
  ];
}
