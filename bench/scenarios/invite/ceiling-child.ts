// The plain nodemailer pool, in a fresh process of its own: measured inside the long-lived
// benchmark process, its CPU per message varied by up to 2× with what earlier scenarios had
// left in that process's heap. The parent forks this file (through ts-node), sends one
// PoolRequest over IPC and gets one PoolReply back.
import { SMTP_POOL_OPTIONS } from '@app/mail';
import { createTransport } from 'nodemailer';
import type { SampleMail } from './ceiling';

export interface PoolRequest {
  smtpUrl: string;
  sample: SampleMail;
  count: number;
}

export interface PoolReply {
  /** From the first sendMail() to the last one's acceptance by the SMTP server. */
  ms: number;
  /** CPU time (user + system) this process spent sending. */
  cpuMs: number;
}

async function send({ smtpUrl, sample, count }: PoolRequest): Promise<PoolReply> {
  const transporter = createTransport({ url: smtpUrl, ...SMTP_POOL_OPTIONS });
  try {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        transporter.sendMail({
          from: sample.from,
          to: `org${i}@bench.example`,
          replyTo: sample.replyTo ?? undefined,
          subject: sample.subject,
          // Same length as the real one: one link differs per organization.
          text: sample.text,
          html: sample.html,
        }),
      ),
    );
    const used = process.cpuUsage(cpu);
    return {
      ms: Number(process.hrtime.bigint() - start) / 1e6,
      cpuMs: (used.user + used.system) / 1000,
    };
  } finally {
    transporter.close();
  }
}

process.once('message', (request: PoolRequest) => {
  send(request).then(
    (reply) => process.send!(reply, () => process.exit(0)),
    (error: Error) => {
      process.stderr.write(`plain pool: ${error.stack ?? error.message}\n`);
      process.exit(1);
    },
  );
});
