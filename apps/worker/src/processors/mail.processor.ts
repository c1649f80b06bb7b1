import { AppConfig } from '@app/config';
import { InvitationsService } from '@app/domain';
import { JobName, QueueName } from '@app/jobs';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import { MailService, PermanentMailFailure } from '@app/mail';
import { Processor } from '@nestjs/bullmq';
import { UnrecoverableError } from 'bullmq';
import { isFinalAttempt, JobHandlers, QueueProcessor } from './queue-processor';

@Processor(QueueName.Mail, { concurrency: 5 })
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

  protected readonly handlers: JobHandlers<QueueName.Mail> = {
    [JobName.MailSend]: async ({ mailId }, job) => {
      try {
        const message = await this.mail.deliver(mailId, isFinalAttempt(job));
        await this.invitations.recordMailOutcome(mailId);
        return { status: message?.status ?? 'missing', messageId: message?.messageId };
      } catch (error) {
        const permanent = error instanceof PermanentMailFailure;
        if (permanent || isFinalAttempt(job)) await this.invitations.recordMailOutcome(mailId);
        // BullMQ must not retry what cannot succeed.
        if (permanent) throw new UnrecoverableError(error.message);
        throw error;
      }
    },
  };
}
