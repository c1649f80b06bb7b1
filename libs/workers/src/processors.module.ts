import { AppConfig } from '@app/config';
import { defaultJobOptions, QueueName, redisOptionsFromUrl } from '@app/jobs';
import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import { MailProcessor } from './mail.processor';
import { PdfProcessor } from './pdf.processor';
import { RemindersProcessor } from './reminders.processor';
import { assertEveryJobHandled } from './queue-processor';

/**
 * Every queue's processor. The worker app runs it; the API imports it too when
 * WORKER_INLINE is on, so `npm start` is a whole system in one process. It lives in a
 * lib, not in apps/worker, because no app may import another app.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: redisOptionsFromUrl(config.redisUrl),
        prefix: config.queuePrefix,
        defaultJobOptions,
      }),
    }),
    // Registering a queue is what makes @nestjs/bullmq start the workers of its processors.
    BullModule.registerQueue(
      { name: QueueName.Mail },
      { name: QueueName.Reminders },
      { name: QueueName.Pdf },
    ),
  ],
  providers: [MailProcessor, RemindersProcessor, PdfProcessor],
})
export class ProcessorsModule implements OnModuleInit {
  constructor(
    private readonly mail: MailProcessor,
    private readonly reminders: RemindersProcessor,
    private readonly pdf: PdfProcessor,
    @InjectQueue(QueueName.Mail) private readonly mailQueue: Queue,
  ) {}

  onModuleInit(): void {
    assertEveryJobHandled([this.mail, this.reminders, this.pdf]);
    // Connection errors are logged once by the processors' workers; without a listener
    // the registered queue would print each reconnect attempt to stderr.
    this.mailQueue.on('error', () => undefined);
  }
}
