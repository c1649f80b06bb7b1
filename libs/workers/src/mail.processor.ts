import { AppConfig } from '@app/config';
import { InvitationsService } from '@app/domain';
import { JobName, QueueName } from '@app/jobs';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import { MailService, PermanentMailFailure, type MailMessageEntity } from '@app/mail';
import { Processor } from '@nestjs/bullmq';
import { UnrecoverableError } from 'bullmq';
import { GroupCall } from './group-call';
import { isFinalAttempt, JobHandlers, QueueProcessor } from './queue-processor';

/**
 * Messages in flight per worker. The SMTP pool sends over 5 connections; each job also
 * waits on the database before and after its message, so it takes many more jobs than
 * connections to keep the connections busy. MAIL_PER_MINUTE still caps the rate.
 */
export const MAIL_CONCURRENCY = 50;

@Processor(QueueName.Mail, { concurrency: MAIL_CONCURRENCY })
export class MailProcessor
  extends QueueProcessor<QueueName.Mail>
  implements OnApplicationBootstrap
{
  constructor(
    private readonly mail: MailService,
    private readonly invitations: InvitationsService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {
    super();
  }

  /** MAIL_PER_MINUTE protects the sender's reputation; BullMQ reads the limiter per fetch. */
  onApplicationBootstrap(): void {
    this.worker.opts.limiter = { max: this.config.mailPerMinute, duration: 60_000 };
  }

  /** The messages of the jobs that start together are read in one query. */
  private readonly loads = new GroupCall<string, MailMessageEntity | null>((mailIds) =>
    this.mail.load(mailIds),
  );

  /**
   * The messages sent meanwhile are stored as sent in one statement. This comes first and
   * on its own (a message not yet stored as sent would be sent again by a retried job), so
   * it never waits for a transaction of outcomes.
   */
  private readonly sent = new GroupCall<MailMessageEntity>(async (messages) => {
    await this.mail.recordSent(messages);
    return [];
  });

  /**
   * Then their outcomes (invitation status, activity event) are recorded in one
   * transaction. A job ends only once its own message is stored and its outcome committed,
   * so a job run again finds them either done or still to do, as before.
   *
   * A transaction of outcomes first lets every "sent" already waiting be stored: on SQLite
   * (one writer at a time, in turn) a "sent" queued behind it would wait for the whole
   * transaction, and a message the server accepted but that is not yet stored as sent is
   * what a `kill -9` turns into a duplicate (issue 14.8).
   */
  private readonly outcomes = new GroupCall<MailMessageEntity>(async (messages) => {
    await this.sent.settled();
    await this.invitations.recordOutcomesOf(messages);
    return [];
  });

  protected readonly handlers: JobHandlers<QueueName.Mail> = {
    [JobName.MailSend]: async ({ mailId }, job) => {
      const message = await this.loads.call(mailId);
      if (!message) return { status: 'missing' };
      // Already sent or failed (a job run again): only make sure its outcome is recorded.
      if (message.status === 'queued') {
        try {
          await this.mail.send(message, isFinalAttempt(job));
        } catch (error) {
          const permanent = error instanceof PermanentMailFailure;
          if (permanent || isFinalAttempt(job)) await this.outcomes.call(message);
          // BullMQ must not retry what cannot succeed.
          if (permanent) throw new UnrecoverableError(error.message);
          throw error;
        }
        await this.sent.call(message);
      }
      await this.outcomes.call(message);
      return { status: message.status, messageId: message.messageId };
    },
  };
}
