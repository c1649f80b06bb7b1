import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsService } from './accounts/accounts.service';
import { PasswordHasher } from './accounts/password-hasher';
import { PasswordResetTokenEntity } from './accounts/password-reset-token.entity';
import { PasswordService } from './accounts/password.service';
import { SessionEntity } from './accounts/session.entity';
import { UserEntity } from './accounts/user.entity';
import { AuditEventEntity } from './audit/audit-event.entity';
import { AuditService } from './audit/audit.service';
import { CampaignEntity } from './campaigns/campaign.entity';
import { CampaignsService } from './campaigns/campaigns.service';
import { Clock } from './clock';
import { LetterEvents } from './events/letter-events';
import { CommentEntity } from './letters/comment.entity';
import { CommentsService } from './letters/comments.service';
import { LetterRevisionEntity } from './letters/letter-revision.entity';
import { LetterEntity } from './letters/letter.entity';
import { LettersService } from './letters/letters.service';
import { PublishingService } from './letters/publishing.service';
import { InvitationMailer } from './invitations/invitation-mailer';
import { InvitationReminderEntity } from './invitations/invitation-reminder.entity';
import { InvitationRemindersService } from './invitations/invitation-reminders.service';
import { InvitationEntity } from './invitations/invitation.entity';
import { InvitationsService } from './invitations/invitations.service';
import { DelegationService } from './signatures/delegation.service';
import { OpenSignOnService } from './signatures/open-sign-on.service';
import { PublicLetterService } from './signatures/public-letter.service';
import { ReconsentService } from './signatures/reconsent.service';
import { SignerAccessResolver } from './signatures/signer-access';
import { SignOnService } from './signatures/sign-on.service';
import { SignatureEntity } from './signatures/signature.entity';
import { SignerMailer } from './signatures/signer-mailer';
import { ModerationMailer } from './signatures/moderation-mailer';
import { SignaturesService } from './signatures/signatures.service';
import { RenditionRenderer } from './renditions/rendition-renderer';
import { RenditionEntity } from './renditions/rendition.entity';
import { RenditionsService } from './renditions/renditions.service';
import { PreviewPdfService } from './renditions/preview-pdf.service';
import { SignOnPreviewService } from './signatures/sign-on-preview.service';
import { LetterheadService } from './workspaces/letterhead.service';
import { DirectoryCsvService } from './organizations/directory-csv.service';
import { DirectoryImportMappingEntity } from './organizations/directory-import-mapping.entity';
import { DirectoryImportService } from './organizations/directory-import.service';
import { OrganizationEntity } from './organizations/organization.entity';
import { OrganizationsService } from './organizations/organizations.service';
import { WorkspaceScope } from './permissions/workspace-scope';
import { JoinService } from './workspaces/join.service';
import { MemberInvitationEntity } from './workspaces/member-invitation.entity';
import { MembersService } from './workspaces/members.service';
import { MembershipEntity } from './workspaces/membership.entity';
import { WorkspaceEntity } from './workspaces/workspace.entity';
import { WorkspacesService } from './workspaces/workspaces.service';

const services = [
  LetterEvents,
  RenditionsService,
  RenditionRenderer,
  LetterheadService,
  AccountsService,
  PasswordHasher,
  PasswordService,
  AuditService,
  WorkspacesService,
  MembersService,
  JoinService,
  WorkspaceScope,
  CampaignsService,
  LettersService,
  PublishingService,
  CommentsService,
  OrganizationsService,
  DirectoryCsvService,
  DirectoryImportService,
  InvitationsService,
  InvitationMailer,
  InvitationRemindersService,
  SignOnService,
  SignerMailer,
  SignerAccessResolver,
  OpenSignOnService,
  DelegationService,
  SignaturesService,
  ModerationMailer,
  ReconsentService,
  PublicLetterService,
  PreviewPdfService,
  SignOnPreviewService,
];

/** All business logic, shared by the API and the worker. */
@Global()
@Module({})
export class DomainModule {
  /** `clock` lets tests move time; production uses the system clock. */
  static forRoot(clock: Clock = new Clock()): DynamicModule {
    return {
      module: DomainModule,
      imports: [
        TypeOrmModule.forFeature([
          UserEntity,
          SessionEntity,
          PasswordResetTokenEntity,
          WorkspaceEntity,
          MembershipEntity,
          MemberInvitationEntity,
          AuditEventEntity,
          CampaignEntity,
          LetterEntity,
          LetterRevisionEntity,
          CommentEntity,
          OrganizationEntity,
          DirectoryImportMappingEntity,
          InvitationEntity,
          InvitationReminderEntity,
          SignatureEntity,
          RenditionEntity,
        ]),
      ],
      providers: [{ provide: Clock, useValue: clock }, ...services],
      exports: [Clock, ...services],
    };
  }
}
