import { AppConfig } from '@app/config';
import { defaultJobOptions, redisOptionsFromUrl } from '@app/jobs';
import { BullModule } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import { MailProcessor } from './mail.processor';
import { assertEveryJobHandled } from './queue-processor';

/**
 * Every queue's processor. The worker app runs it; the API imports it too when
 * WORKER_INLINE is on, so `npm start` is a whole system in one process.
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
  ],
  providers: [MailProcessor],
})
export class ProcessorsModule implements OnModuleInit {
  constructor(private readonly mail: MailProcessor) {}

  onModuleInit(): void {
    assertEveryJobHandled([this.mail]);
  }
}
