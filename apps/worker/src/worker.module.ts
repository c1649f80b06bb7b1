import { DatabaseModule } from '@app/database';
import { Clock, DomainModule } from '@app/domain';
import { FilesModule } from '@app/files';
import { JobsModule } from '@app/jobs';
import { MailModule } from '@app/mail';
import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule, LoggerModule } from '@app/config';
import { ProcessorsModule } from '@app/workers';

/** The worker process: queues and their processors, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(config),
        DatabaseModule,
        DomainModule.forRoot(clock),
        FilesModule,
        JobsModule,
        MailModule,
        ProcessorsModule,
      ],
    };
  }
}
