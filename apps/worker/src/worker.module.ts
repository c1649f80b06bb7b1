import { DatabaseModule } from '@app/database';
import { FilesModule } from '@app/files';
import { JobsModule } from '@app/jobs';
import { MailModule } from '@app/mail';
import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule, LoggerModule } from '@app/config';
import { ProcessorsModule } from './processors';

/** The worker process: queues and their processors, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(config),
        DatabaseModule,
        FilesModule,
        JobsModule,
        MailModule,
        ProcessorsModule,
      ],
    };
  }
}
