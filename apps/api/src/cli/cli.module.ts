import { AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { DomainModule } from '@app/domain';
import { FilesModule } from '@app/files';
import { JobsModule } from '@app/jobs';
import { MailModule } from '@app/mail';
import { DynamicModule, Module } from '@nestjs/common';

/** What the command-line tools need of the app: the domain and its dependencies, no HTTP. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        DomainModule.forRoot(),
        FilesModule,
        JobsModule,
        MailModule,
      ],
    };
  }
}
