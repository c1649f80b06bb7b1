import { AppConfig, ConfigModule, LoggerModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { FilesModule } from '@app/files';
import { JobsModule } from '@app/jobs';
import { MailModule } from '@app/mail';
import { DynamicModule, Module, Type } from '@nestjs/common';
import { ProcessorsModule } from '../../worker/src/processors';
import { HealthModule } from './health/health.module';

@Module({})
export class ApiModule {
  /**
   * The HTTP app. With WORKER_INLINE the queue processors run in this process too.
   * `extra` lets the test harness mount its probes beside the real modules.
   */
  static forRoot(config: AppConfig, extra: (Type | DynamicModule)[] = []): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(config),
        DatabaseModule,
        FilesModule,
        JobsModule,
        MailModule,
        HealthModule,
        ...(config.workerInline ? [ProcessorsModule] : []),
        ...extra,
      ],
    };
  }
}
