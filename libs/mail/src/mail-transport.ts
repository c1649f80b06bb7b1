import { writeFileAtomic } from '@app/files';
import { Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { join } from 'node:path';

export interface OutgoingMail {
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  /** The Message-ID header (`<...@...>`); the same for every attempt at one stored message. */
  messageId?: string;
}

/** Where mail goes: an SMTP server, or .eml files on disk. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/**
 * The SMTP pool: at most 5 connections a process, each reused for up to 1,000 messages
 * (nodemailer's default of 100 reconnects, greets and authenticates again every hundred
 * messages, which costs a third of the throughput). Query parameters in SMTP_URL override
 * these (`?maxConnections=2&maxMessages=100` for a relay with tighter limits).
 */
export const SMTP_POOL_OPTIONS = { pool: true, maxConnections: 5, maxMessages: 1000 } as const;

/** Pooled SMTP (SMTP_URL). Errors keep nodemailer's `responseCode` for classification. */
export class SmtpMailTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(url: string) {
    this.transporter = createTransport({ url, ...SMTP_POOL_OPTIONS });
  }

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    const info = (await this.transporter.sendMail(mail)) as { messageId: string };
    return { messageId: info.messageId };
  }

  close(): void {
    this.transporter.close();
  }
}

/**
 * Without SMTP_URL, each message is written as an .eml file (openable by any mail client)
 * and its links are logged, so a local run can follow invitation links at once.
 */
export class FileMailTransport implements MailTransport {
  private readonly logger = new Logger('Mail');
  private readonly transporter = createTransport({ streamTransport: true, buffer: true });

  constructor(private readonly folder: string) {}

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    const info = (await this.transporter.sendMail(mail)) as { messageId: string; message: Buffer };
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = join(this.folder, `${stamp}-${info.messageId.replace(/[^A-Za-z0-9]/g, '')}.eml`);
    await writeFileAtomic(file, info.message);
    const links = mail.text.match(/https?:\/\/[^\s<>"]+/g) ?? [];
    this.logger.log(
      `mail to ${mail.to} "${mail.subject}" written to ${file}` +
        (links.length ? `; links: ${links.join(' ')}` : ''),
    );
    return { messageId: info.messageId };
  }

  close(): void {
    this.transporter.close();
  }
}
