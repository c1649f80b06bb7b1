import { JobName, QueueName } from '@app/jobs';
import { MailService, PermanentMailFailure } from '@app/mail';
import { Processor } from '@nestjs/bullmq';
import { UnrecoverableError } from 'bullmq';
import { isFinalAttempt, JobHandlers, QueueProcessor } from './queue-processor';

@Processor(QueueName.Mail, { concurrency: 5 })
export class MailProcessor extends QueueProcessor<QueueName.Mail> {
  constructor(private readonly mail: MailService) {
    super();
  }

  protected readonly handlers: JobHandlers<QueueName.Mail> = {
    [JobName.MailSend]: async ({ mailId }, job) => {
      try {
        const message = await this.mail.deliver(mailId, isFinalAttempt(job));
        return { status: message?.status ?? 'missing', messageId: message?.messageId };
      } catch (error) {
        // BullMQ must not retry what cannot succeed.
        if (error instanceof PermanentMailFailure) throw new UnrecoverableError(error.message);
        throw error;
      }
    },
  };
}
