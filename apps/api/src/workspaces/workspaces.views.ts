import {
  Role,
  type ActorType,
  type AddMemberResult,
  type ChainVerification,
  type Member,
  type MyWorkspace,
  type PendingInvitation,
  type WorkspaceView as WorkspaceShape,
} from '@app/domain';
import type { CheckedLogo } from '@app/pdf';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A generated client gets `Role` as one named union, shared by every schema that has it. */
export const ROLE_PROPERTY = { enum: Role, enumName: 'Role', example: Role.Editor } as const;

const WORKSPACE_ID = { format: 'uuid', example: '6f9d2c1a-4b3e-4f7a-9c8d-2e1b0a3f4c5d' };

export class WorkspaceView implements WorkspaceShape {
  @ApiProperty(WORKSPACE_ID)
  id: string;

  @ApiProperty({ example: 'Press Freedom Coalition' })
  name: string;

  @ApiProperty({ example: 'press-freedom-coalition', description: 'unique across workspaces' })
  slug: string;

  @ApiProperty({
    example: 'America/New_York',
    description: "IANA zone of deadlines and times shown: the workspace's own, else the default",
  })
  timeZone: string;
}

/** A workspace with the caller's role in it. */
export class MyWorkspaceView extends WorkspaceView implements MyWorkspace {
  // No description: Nest would copy it onto the shared Role schema.
  @ApiProperty({ ...ROLE_PROPERTY, example: Role.Owner })
  role: Role;
}

const ACTOR_TYPES = ['user', 'signer', 'system'] as const satisfies readonly ActorType[];

export class AuditActorView {
  @ApiProperty({ enum: ACTOR_TYPES, enumName: 'ActorType', example: 'user' })
  type: ActorType;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '0b7c5d0e-8f3a-4c1e-9d2b-6a4f1e3c2b10',
    description: 'the user id, signature id...; null for the system',
  })
  id: string | null;
}

export class AuditSubjectView {
  @ApiProperty({ example: 'user', description: 'workspace, user, letter, signature...' })
  type: string;

  @ApiProperty({ example: '0b7c5d0e-8f3a-4c1e-9d2b-6a4f1e3c2b10' })
  id: string;
}

export class AuditEventView {
  @ApiProperty({
    type: 'integer',
    example: 2,
    description: '1, 2, 3... within the workspace: its place in the chain',
  })
  seq: number;

  @ApiProperty({ example: '2026-03-02T09:30:00.000Z' })
  at: Date;

  @ApiProperty({ type: () => AuditActorView })
  actor: AuditActorView;

  @ApiProperty({ example: 'member.added' })
  action: string;

  @ApiProperty({ type: () => AuditSubjectView })
  subject: AuditSubjectView;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { role: 'owner' },
    description: 'the details, which depend on the action',
  })
  data: Record<string, unknown>;

  @ApiProperty({
    example: '9b2f4c0e5a1d7e3f8c6b4a2d0e9f7c5b3a1d8e6f4c2b0a9e7d5c3b1a0f8e6d4c',
    description: 'SHA-256 over the event and the hash before it',
  })
  hash: string;
}

export class ChainVerificationView implements ChainVerification {
  @ApiProperty({ example: true, description: 'every hash and link recomputes' })
  valid: boolean;

  @ApiProperty({ type: 'integer', example: 42, description: 'how many events the chain has' })
  events: number;

  @ApiPropertyOptional({
    type: 'integer',
    example: 17,
    description: 'when invalid: the first event that does not match',
  })
  brokenAt?: number;
}

export class AuditTrailView {
  @ApiProperty({ type: () => ChainVerificationView })
  verification: ChainVerificationView;

  @ApiProperty({ type: () => [AuditEventView], description: 'the latest 100, newest first' })
  events: AuditEventView[];
}

export class MemberView implements Member {
  @ApiProperty({ format: 'uuid', example: '0b7c5d0e-8f3a-4c1e-9d2b-6a4f1e3c2b10' })
  userId: string;

  @ApiProperty({ format: 'email', example: 'editor@coalition.example' })
  email: string;

  @ApiProperty({ example: 'Kwame Mensah' })
  name: string;

  @ApiProperty(ROLE_PROPERTY)
  role: Role;

  @ApiProperty({ example: '2026-03-02T09:30:00.000Z' })
  joinedAt: Date;
}

/** Someone without an account, invited by an emailed join link that has not been used yet. */
export class PendingInvitationView implements PendingInvitation {
  @ApiProperty({ format: 'uuid', example: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f' })
  id: string;

  @ApiProperty({ format: 'email', example: 'new.colleague@coalition.example' })
  email: string;

  @ApiProperty(ROLE_PROPERTY)
  role: Role;

  @ApiProperty({ example: '2026-03-09T09:30:00.000Z', description: '7 days after the invitation' })
  expiresAt: Date;
}

export class MemberListView {
  @ApiProperty({ type: () => [MemberView], description: 'by name' })
  members: MemberView[];

  @ApiProperty({ type: () => [PendingInvitationView], description: 'oldest first' })
  invitations: PendingInvitationView[];
}

type Added = Extract<AddMemberResult, { status: 'added' }>;
type Invited = Extract<AddMemberResult, { status: 'invited' }>;

/** The person had an account: they are a member now. */
export class MemberAddedView implements Added {
  @ApiProperty({ enum: ['added'], example: 'added' })
  status: 'added';

  @ApiProperty({ type: () => MemberView })
  member: MemberView;
}

/** The person had no account: a join link was emailed to them. */
export class MemberInvitedView implements Invited {
  @ApiProperty({ enum: ['invited'], example: 'invited' })
  status: 'invited';

  @ApiProperty({ type: () => PendingInvitationView })
  invitation: PendingInvitationView;
}

/** What was read from a letterhead logo that was accepted. */
export class LetterheadView implements CheckedLogo {
  @ApiProperty({ enum: ['png', 'jpeg'], enumName: 'LogoFormat', example: 'png' })
  format: 'png' | 'jpeg';

  @ApiProperty({ type: 'integer', example: 600, description: 'pixels' })
  width: number;

  @ApiProperty({ type: 'integer', example: 180, description: 'pixels' })
  height: number;
}
