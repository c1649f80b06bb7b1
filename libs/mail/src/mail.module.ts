import { AppConfig } from '@app/config';
import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailMessageEntity } from './mail-message.entity';
import {
  FileMailTransport,
  MAIL_TRANSPORT,
  SmtpMailTransport,
  type MailTransport,
} from './mail-transport';
import { MailService } from './mail.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([MailMessageEntity])],
  providers: [
    MailService,
    {
      provide: MAIL_TRANSPORT,
      inject: [AppConfig],
      useFactory: (config: AppConfig): MailTransport =>
        config.smtpUrl
          ? new SmtpMailTransport(config.smtpUrl)
          : new FileMailTransport(config.mailOutboxDir),
    },
  ],
  exports: [MailService],
})
export class MailModule implements OnApplicationShutdown {
  constructor(@Inject(MAIL_TRANSPORT) private readonly transport: MailTransport) {}

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
