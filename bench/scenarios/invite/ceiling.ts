import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { SinkProcess } from '../../lib/smtp-sink-process';
import type { PoolReply, PoolRequest } from './ceiling-child';

/** One real invitation as the product rendered and stored it (mail_messages). */
export interface SampleMail {
  from: string;
  replyTo: string | null;
  subject: string;
  text: string;
  html: string;
}

/**
 * The ceiling: a plain nodemailer pool with libs/mail's own pool options (SMTP_POOL_OPTIONS,
 * the ones SmtpMailTransport uses), sending `count` messages of the same shape and size to
 * the same sink, all handed over at once, from a fresh process (ceiling-child.ts). No
 * database, no queue: only SMTP. Timed from the first sendMail() call to the sink's
 * acceptance of the last message.
 */
export async function plainPoolSend(
  sink: SinkProcess,
  sample: SampleMail,
  count: number,
): Promise<{
  ms: number;
  /** CPU time (user + system) the pool's process spent sending. */
  cpuMs: number;
  accepted: number;
  recipients: number;
  duplicated: number;
}> {
  await sink.reset();
  const reply = await inChild({ smtpUrl: sink.url, sample, count });
  const stats = await sink.waitFor(count, 120_000);
  return {
    ...reply,
    accepted: stats.accepted,
    recipients: stats.recipients,
    duplicated: stats.duplicated,
  };
}

/** ceiling-child.ts in a fresh process (ts-node, as the benchmark itself runs). */
function inChild(request: PoolRequest): Promise<PoolReply> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'ceiling-child.ts'), [], {
      execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('message', (reply: PoolReply) => resolve(reply));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the plain pool's process exited with ${code}`));
    });
    child.send(request);
  });
}
