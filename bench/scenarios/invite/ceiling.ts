import { SMTP_POOL_OPTIONS } from '@app/mail';
import { createTransport } from 'nodemailer';
import type { SinkProcess } from '../../lib/smtp-sink-process';
import { msSince } from '../../lib/stats';

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
 * the same sink, all handed over at once. No database, no queue: only SMTP. Timed from the
 * first sendMail() call to the sink's acceptance of the last message.
 */
export async function plainPoolSend(
  sink: SinkProcess,
  sample: SampleMail,
  count: number,
): Promise<{
  ms: number;
  /** CPU time (user + system) this process spent sending. */
  cpuMs: number;
  accepted: number;
  recipients: number;
  duplicated: number;
}> {
  await sink.reset();
  const transporter = createTransport({ url: sink.url, ...SMTP_POOL_OPTIONS });
  try {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const sends = Array.from({ length: count }, (_, i) =>
      transporter.sendMail({
        from: sample.from,
        to: `org${i}@bench.example`,
        replyTo: sample.replyTo ?? undefined,
        subject: sample.subject,
        // Same length as the real one: one link differs per organization.
        text: sample.text,
        html: sample.html,
      }),
    );
    await Promise.all(sends);
    const stats = await sink.waitFor(count, 120_000);
    const used = process.cpuUsage(cpu);
    return {
      ms: msSince(start),
      cpuMs: (used.user + used.system) / 1000,
      accepted: stats.accepted,
      recipients: stats.recipients,
      duplicated: stats.duplicated,
    };
  } finally {
    transporter.close();
  }
}
