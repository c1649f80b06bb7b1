import { AppConfig } from '@app/config';
import { insertMany } from '@app/database';
import { JobName, OutboxService } from '@app/jobs';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, type EntityManager, type Repository } from 'typeorm';
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
    const message = this.message(manager, mail, new Date());
    await manager.save(message);
    await this.outbox.enqueue(
      manager,
      JobName.MailSend,
      { mailId: message.id },
      { jobId: `mail-${message.id}` },
    );
    return message;
  }

  /**
   * `queue` for many messages at once (an invitation to a whole directory): the rows and
   * their send jobs go in with multi-row INSERTs, in the caller's transaction.
   */
  async queueMany(manager: EntityManager, mails: NewMail[]): Promise<MailMessageEntity[]> {
    const now = new Date();
    const messages = mails.map((mail) => this.message(manager, mail, now));
    await insertMany(manager, MailMessageEntity, messages);
    await this.outbox.enqueueMany(
      manager,
      JobName.MailSend,
      messages.map(({ id }) => ({ payload: { mailId: id }, options: { jobId: `mail-${id}` } })),
    );
    return messages;
  }

  private message(manager: EntityManager, mail: NewMail, createdAt: Date): MailMessageEntity {
    return manager.create(MailMessageEntity, {
      id: randomUUID(),
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
      createdAt,
      sentAt: null,
    });
  }

  /**
   * Sends a stored message once. Throws PermanentMailFailure when retrying cannot help
   * (the message is then `failed`), or the transport's error when a retry may; on the
   * final attempt a temporary error also marks it `failed`.
   */
  async deliver(mailId: string, finalAttempt: boolean): Promise<MailMessageEntity | null> {
    const [message] = await this.load([mailId]);
    if (!message || message.status !== 'queued') return message;
    await this.send(message, finalAttempt);
    await this.recordSent([message]);
    return message;
  }

  /** Stored messages by id, in the order asked (null where there is none). */
  async load(mailIds: string[]): Promise<(MailMessageEntity | null)[]> {
    const found = new Map(
      (await this.mails.findBy({ id: In([...new Set(mailIds)]) })).map((m) => [m.id, m]),
    );
    return mailIds.map((id) => found.get(id) ?? null);
  }

  /**
   * The SMTP part of `deliver`, for a `queued` message. On success the message is `sent`
   * in memory only, and the caller must `recordSent` it before anything else (the mail
   * worker records many at once). A failure is recorded at once, and thrown as in `deliver`.
   */
  async send(message: MailMessageEntity, finalAttempt: boolean): Promise<void> {
    message.attempts += 1;
    try {
      const { messageId } = await this.transport.send({
        from: message.from,
        to: message.to,
        replyTo: message.replyTo ?? undefined,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: this.stableMessageId(message.id),
      });
      Object.assign(message, { status: 'sent', messageId, sentAt: new Date(), error: null });
    } catch (error) {
      const permanent = isPermanentMailError(error);
      message.error = mailErrorReason(error);
      if (permanent || finalAttempt) message.status = 'failed';
      const { status, attempts } = message;
      await this.mails.update({ id: message.id }, { status, error: message.error, attempts });
      this.logger.warn(
        `mail ${message.id} to ${message.to}: ${permanent ? 'permanent failure' : 'will retry'}: ${message.error}`,
      );
      if (permanent) throw new PermanentMailFailure(message.error);
      throw error;
    }
  }

  /**
   * Stores that these messages were sent (their Message-ID, when, how many attempts): one
   * statement for all of them on PostgreSQL. Until it is stored, a retried job would send
   * the message again, so this comes straight after the sending.
   */
  async recordSent(messages: MailMessageEntity[]): Promise<void> {
    if (!messages.length) return;
    if (this.mails.manager.connection.options.type === 'postgres' && messages.length > 1) {
      await this.mails.query(
        `UPDATE mail_messages AS m
            SET status = 'sent', error = NULL,
                message_id = v.message_id, sent_at = v.sent_at, attempts = v.attempts
           FROM unnest($1::varchar[], $2::varchar[], $3::timestamptz[], $4::int[])
                AS v(id, message_id, sent_at, attempts)
          WHERE m.id = v.id`,
        [
          messages.map((m) => m.id),
          messages.map((m) => m.messageId),
          messages.map((m) => m.sentAt!.toISOString()),
          messages.map((m) => m.attempts),
        ],
      );
      return;
    }
    const store = async (manager: EntityManager) => {
      for (const { id, messageId, sentAt, attempts } of messages) {
        const values = { status: 'sent' as const, error: null, messageId, sentAt, attempts };
        await manager.update(MailMessageEntity, { id }, values);
      }
    };
    // SQLite: one commit (one sync to disk) for the lot.
    await (messages.length > 1 ? this.mails.manager.transaction(store) : store(this.mails.manager));
  }

  /**
   * One Message-ID per stored message, made from its id: a message sent again after a
   * crash (accepted by the server, killed before it was stored as sent) carries the same
   * Message-ID, so a receiving server or client can tell it is the same mail (issue 14.8).
   */
  stableMessageId(mailId: string): string {
    const address = /<([^>]+)>/.exec(this.config.mailFrom)?.[1] ?? this.config.mailFrom;
    const domain = /@([A-Za-z0-9.-]+)$/.exec(address.trim())?.[1] ?? 'signatory.invalid';
    return `<${mailId}@${domain}>`;
  }

  private from(displayName?: string): string {
    if (!displayName) return this.config.mailFrom;
    const address = /<([^>]+)>/.exec(this.config.mailFrom)?.[1] ?? this.config.mailFrom;
    const quoted = oneLine(displayName).replace(/["\\]/g, '\\$&');
    return `"${quoted}" <${address}>`;
  }
}
