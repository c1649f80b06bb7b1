import { InvitationRemindersService, PublishingService } from '@app/domain';
import { JobName, QueueName } from '@app/jobs';
import { InjectQueue, Processor } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobHandlers, QueueProcessor } from './queue-processor';

/** How often open letters are checked for a passed deadline and for due reminders. */
export const DEADLINE_SCAN_EVERY_MS = 60_000;

@Processor(QueueName.Reminders)
export class RemindersProcessor
  extends QueueProcessor<QueueName.Reminders>
  implements OnApplicationBootstrap
{
  constructor(
    private readonly publishing: PublishingService,
    private readonly reminders: InvitationRemindersService,
    @InjectQueue(QueueName.Reminders) private readonly queue: Queue,
  ) {
    super();
  }

  protected readonly handlers: JobHandlers<QueueName.Reminders> = {
    [JobName.RemindersDeadlines]: async () => ({ closed: await this.publishing.closeOverdue() }),
    [JobName.RemindersInvitations]: async () => ({
      sent: await this.reminders.sendDueReminders(),
    }),
  };

  /**
   * One schedule for all workers (an upsert under a fixed id), kept by Redis across
   * restarts and laid again by every worker start. The deadlines themselves live in the
   * database, so a lost schedule only delays a close until the next start.
   */
  async onApplicationBootstrap(): Promise<void> {
    this.queue.on('error', () => undefined);
    await this.queue.upsertJobScheduler(
      'letter-deadlines',
      { every: DEADLINE_SCAN_EVERY_MS },
      { name: JobName.RemindersDeadlines, data: {} },
    );
    await this.queue.upsertJobScheduler(
      'invitation-reminders',
      { every: DEADLINE_SCAN_EVERY_MS },
      { name: JobName.RemindersInvitations, data: {} },
    );
  }
}
