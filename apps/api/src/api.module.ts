import { AppConfig, ConfigModule, LoggerModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { Clock, DomainModule } from '@app/domain';
import { FilesModule } from '@app/files';
import { JobsModule } from '@app/jobs';
import { MailModule } from '@app/mail';
import { DynamicModule, Module, Type } from '@nestjs/common';
import { ProcessorsModule } from '@app/workers';
import { AuthController } from './accounts/auth.controller';
import { PasswordController } from './accounts/password.controller';
import { SessionsController } from './accounts/sessions.controller';
import { AuthModule } from './auth/auth.module';
import { CampaignsController } from './campaigns/campaigns.controller';
import { LettersController } from './letters/letters.controller';
import { LetterPreviewController } from './letters/letter-preview.controller';
import { InvitationsController } from './invitations/invitations.controller';
import { MailPreviewDocuments } from './invitations/mail-preview-documents';
import { OrganizationsController } from './organizations/organizations.controller';
import { OpenSignOnController } from './sign/open-sign-on.controller';
import { SignController } from './sign/sign.controller';
import { OpenSignOnPageController } from './sign/open-sign-on-page.controller';
import { PublicLetterPageController } from './sign/public-letter-page.controller';
import { SignPageController } from './sign/sign-page.controller';
import { SignaturesController } from './signatures/signatures.controller';
import { LetterEventsController } from './signatures/letter-events.controller';
import { LetterEventStreams } from './signatures/letter-event-streams';
import { HealthModule } from './health/health.module';
import { JoinController } from './join/join.controller';
import { JoinPageController } from './join/join-page.controller';
import { LinkMissLimiter } from './sign/link-miss.limiter';
import { MembersController } from './workspaces/members.controller';
import { WorkspacesController } from './workspaces/workspaces.controller';
import { LetterheadController } from './workspaces/letterhead.controller';
import { RenditionsController } from './renditions/renditions.controller';

@Module({})
export class ApiModule {
  /**
   * The HTTP app. With WORKER_INLINE the queue processors run in this process too.
   * `extra` and `clock` let the test harness mount its probes and move time.
   */
  static forRoot(
    config: AppConfig,
    extra: (Type | DynamicModule)[] = [],
    clock?: Clock,
  ): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(config),
        DatabaseModule,
        DomainModule.forRoot(clock),
        FilesModule,
        JobsModule,
        MailModule,
        HealthModule,
        AuthModule,
        ...(config.workerInline ? [ProcessorsModule] : []),
        ...extra,
      ],
      controllers: [
        AuthController,
        SessionsController,
        PasswordController,
        WorkspacesController,
        MembersController,
        JoinController,
        JoinPageController,
        CampaignsController,
        LettersController,
        LetterPreviewController,
        OrganizationsController,
        InvitationsController,
        SignaturesController,
        LetterEventsController,
        SignController,
        RenditionsController,
        LetterheadController,
        OpenSignOnController,
        SignPageController,
        OpenSignOnPageController,
        PublicLetterPageController,
      ],
      providers: [LinkMissLimiter, LetterEventStreams, MailPreviewDocuments],
    };
  }
}
