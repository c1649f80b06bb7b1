import { AppConfig } from '@app/config';
import { JobName, OutboxService } from '@app/jobs';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { EntityManager, Repository } from 'typeorm';
import { MailMessageEntity } from './mail-message.entity';
import { MAIL_TRANSPORT, type MailTransport } from './mail-transport';
import { isPermanentMailError, mailErrorReason, PermanentMailFailure } from './mail.errors';

export interface NewMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  replyTo?: string;
  /** Display name for MAIL_FROM's address, e.g. the inviting workspace. */
  fromName?: string;
  /** What the message is about (`invitation:<id>`), handed back with its outcome. */
  context?: string;
}

/** Header values never carry line breaks (header injection). */
const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ').trim();

@Injectable()
export class MailService {
  private readonly logger = new Logger('Mail');

  constructor(
    @InjectRepository(MailMessageEntity) private readonly mails: Repository<MailMessageEntity>,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    private readonly outbox: OutboxService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /**
   * Stores a message and its send job in the caller's transaction: it is sent once that
   * transaction commits, and never if it rolls back.
   */
  async queue(manager: EntityManager, mail: NewMail): Promise<MailMessageEntity> {
    const id = randomUUID();
    const message = manager.create(MailMessageEntity, {
      id,
      to: oneLine(mail.to),
      from: this.from(mail.fromName),
      replyTo: mail.replyTo ? oneLine(mail.replyTo) : null,
      subject: oneLine(mail.subject),
      text: mail.text,
      html: mail.html,
      status: 'queued',
      messageId: null,
      attempts: 0,
      error: null,
      context: mail.context ?? null,
      createdAt: new Date(),
      sentAt: null,
    });
    await manager.save(message);
    await this.outbox.enqueue(manager, JobName.MailSend, { mailId: id }, { jobId: `mail-${id}` });
    return message;
  }

  /**
   * Sends a stored message once. Throws PermanentMailFailure when retrying cannot help
   * (the message is then `failed`), or the transport's error when a retry may; on the
   * final attempt a temporary error also marks it `failed`.
   */
  async deliver(mailId: string, finalAttempt: boolean): Promise<MailMessageEntity | null> {
    const message = await this.mails.findOneBy({ id: mailId });
    if (!message || message.status !== 'queued') return message;
    message.attempts += 1;
    try {
      const { messageId } = await this.transport.send({
        from: message.from,
        to: message.to,
        replyTo: message.replyTo ?? undefined,
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
      Object.assign(message, { status: 'sent', messageId, sentAt: new Date(), error: null });
      return await this.mails.save(message);
    } catch (error) {
      const permanent = isPermanentMailError(error);
      message.error = mailErrorReason(error);
      if (permanent || finalAttempt) message.status = 'failed';
      await this.mails.save(message);
      this.logger.warn(
        `mail ${message.id} to ${message.to}: ${permanent ? 'permanent failure' : 'will retry'}: ${message.error}`,
      );
      if (permanent) throw new PermanentMailFailure(message.error);
      throw error;
    }
  }

  private from(displayName?: string): string {
    if (!displayName) return this.config.mailFrom;
    const address = /<([^>]+)>/.exec(this.config.mailFrom)?.[1] ?? this.config.mailFrom;
    const quoted = oneLine(displayName).replace(/["\\]/g, '\\$&');
    return `"${quoted}" <${address}>`;
  }
}
