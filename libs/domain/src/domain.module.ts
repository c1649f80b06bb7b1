import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsService } from './accounts/accounts.service';
import { PasswordHasher } from './accounts/password-hasher';
import { SessionEntity } from './accounts/session.entity';
import { UserEntity } from './accounts/user.entity';
import { AuditEventEntity } from './audit/audit-event.entity';
import { AuditService } from './audit/audit.service';
import { CampaignEntity } from './campaigns/campaign.entity';
import { CampaignsService } from './campaigns/campaigns.service';
import { Clock } from './clock';
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
import { SignOnService } from './invitations/sign-on.service';
import { DirectoryCsvService } from './organizations/directory-csv.service';
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
  AccountsService,
  PasswordHasher,
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
  InvitationsService,
  InvitationMailer,
  InvitationRemindersService,
  SignOnService,
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
          WorkspaceEntity,
          MembershipEntity,
          MemberInvitationEntity,
          AuditEventEntity,
          CampaignEntity,
          LetterEntity,
          LetterRevisionEntity,
          CommentEntity,
          OrganizationEntity,
          InvitationEntity,
          InvitationReminderEntity,
        ]),
      ],
      providers: [{ provide: Clock, useValue: clock }, ...services],
      exports: [Clock, ...services],
    };
  }
}
