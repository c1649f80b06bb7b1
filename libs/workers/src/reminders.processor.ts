import { InvitationRemindersService, PublishingService } from '@app/domain';
import { JobName, QueueName } from '@app/jobs';
import { AppConfig } from '@app/config';
import { InjectQueue, Processor } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobHandlers, QueueProcessor } from './queue-processor';
import { Schedules } from './schedules';

@Processor(QueueName.Reminders)
export class RemindersProcessor
  extends QueueProcessor<QueueName.Reminders>
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private schedules: Schedules | undefined;

  constructor(
    private readonly publishing: PublishingService,
    private readonly reminders: InvitationRemindersService,
    @InjectQueue(QueueName.Reminders) private readonly queue: Queue,
    @Inject(AppConfig) private readonly config: AppConfig,
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
   * One schedule for all workers (an upsert under a fixed id, every SCAN_EVERY_MS), laid at
   * start and again whenever Redis lost it (`Schedules`). The deadlines themselves live in
   * the database; after a loss, letters already past theirs are closed at once.
   */
  async onApplicationBootstrap(): Promise<void> {
    this.queue.on('error', () => undefined);
    const every = this.config.scanEveryMs;
    this.schedules = new Schedules(
      this.queue,
      [
        { id: 'letter-deadlines', name: JobName.RemindersDeadlines, every },
        { id: 'invitation-reminders', name: JobName.RemindersInvitations, every },
      ],
      () => this.publishing.closeOverdue(),
    );
    await this.schedules.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.schedules?.stop();
  }
}
