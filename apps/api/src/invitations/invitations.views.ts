import type {
  InvitationMailPreview,
  InvitationPreview,
  InvitationStatus,
  InvitationView as InvitationShape,
  ReminderRecipient,
  ReminderScheduleView as ReminderScheduleShape,
  ReminderStepView as ReminderStepShape,
  SkippedInvitation,
} from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';

// What the invitations routes answer, as named schemas of the OpenAPI document. The class
// implements the domain's view, so a field added to or dropped from it fails type-check here.

/** Every invitation status (InvitationStatus, as a list). */
export const invitationStatuses = [
  'queued',
  'sent',
  'failed',
  'opened',
  'signed',
  'declined',
  'withdrawn',
] as const satisfies readonly InvitationStatus[];

const INSTANT = { type: String, format: 'date-time', nullable: true } as const;

export class InvitationView implements InvitationShape {
  @ApiProperty({ format: 'uuid', example: '5c2d8e1f-7a3b-4d6c-9e0f-1a2b3c4d5e6f' })
  id!: string;

  @ApiProperty({ format: 'uuid', example: '0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b' })
  organizationId!: string;

  @ApiProperty({ example: 'Reporters Alliance' })
  organizationName!: string;

  @ApiProperty({ example: 'press@reporters-alliance.example', description: 'where the link went' })
  email!: string;

  @ApiProperty({ enum: invitationStatuses, enumName: 'InvitationStatus', example: 'opened' })
  status!: InvitationStatus;

  @ApiProperty({ example: false, description: 'the link answers 410' })
  revoked!: boolean;

  @ApiProperty({ ...INSTANT, example: '2026-12-02T09:15:00.000Z' })
  sentAt!: Date | null;

  @ApiProperty({ ...INSTANT, example: '2026-12-02T11:40:12.000Z' })
  openedAt!: Date | null;

  @ApiProperty({
    ...INSTANT,
    example: null,
    description: 'when the organization signed or declined',
  })
  respondedAt!: Date | null;

  @ApiProperty({ example: 1 })
  remindersSent!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'why the mail could not be delivered, when failed',
  })
  failureReason!: string | null;
}

export class InvitedView {
  @ApiProperty({ example: 12, description: 'new invitations, their mail queued' })
  queued!: number;

  @ApiProperty({ example: 3, description: 'organizations already invited, left alone' })
  alreadyInvited!: number;
}

export class ResentView {
  @ApiProperty({ enum: [1], example: 1, description: 'the one message queued again' })
  queued!: 1;
}

/** An organization of the selection that is already invited to the letter, left alone. */
export class SkippedInvitationView implements SkippedInvitation {
  @ApiProperty({ format: 'uuid', example: '5c2d8e1f-7a3b-4d6c-9e0f-1a2b3c4d5e6f' })
  invitationId!: string;

  @ApiProperty({ format: 'uuid', example: '0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b' })
  organizationId!: string;

  @ApiProperty({ example: 'Reporters Alliance' })
  organizationName!: string;

  @ApiProperty({ example: 'press@reporters-alliance.example' })
  email!: string;

  @ApiProperty({ enum: invitationStatuses, enumName: 'InvitationStatus', example: 'sent' })
  status!: InvitationStatus;

  @ApiProperty({ example: false })
  revoked!: boolean;
}

/** The mail exactly as it would be sent, the sign-on link replaced by a placeholder. */
export class InvitationMailPreviewView implements InvitationMailPreview {
  @ApiProperty({ format: 'uuid', example: '0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b' })
  organizationId!: string;

  @ApiProperty({ example: 'Reporters Alliance' })
  organizationName!: string;

  @ApiProperty({ example: 'press@reporters-alliance.example' })
  to!: string;

  @ApiProperty({ example: 'Press Freedom Coalition', description: 'the From display name' })
  fromName!: string;

  @ApiProperty({ example: 'amira@coalition.example', description: 'replies go to the sender' })
  replyTo!: string;

  @ApiProperty({ example: 'Invitation to sign: Protect journalists now' })
  subject!: string;

  @ApiProperty({
    example:
      '<!doctype html>\n<html lang="en">…<p>A note from <bdi>Amira Haddad</bdi> at <bdi>Press Freedom Coalition</bdi>:</p>…</html>',
    description: 'the whole HTML part, layout included',
  })
  html!: string;

  @ApiProperty({
    example:
      'Press Freedom Coalition invites Reporters Alliance to sign on to the letter "Protect journalists now".\n\nA note from Amira Haddad at Press Freedom Coalition:\n\nDear friends, …',
  })
  text!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example:
      '/api/letters/3f1e2d3c-4b5a-4678-9a0b-1c2d3e4f5a6b/invitations/preview/9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e',
    description:
      'where `html` can be loaded as a document of its own, with a CSP that lets its inline styles apply (a frame of this origin; the caller’s session, for 30 minutes, until their next preview of the letter); null while the server cannot keep it',
  })
  documentUrl!: string | null;
}

export class InvitationPreviewView implements InvitationPreview {
  @ApiProperty({ example: 12, description: 'organizations the invite would invite now' })
  recipients!: number;

  @ApiProperty({ example: 3, description: 'organizations of the selection already invited' })
  alreadyInvited!: number;

  @ApiProperty({ type: () => [SkippedInvitationView], description: 'those, by name' })
  skipped!: SkippedInvitationView[];

  @ApiProperty({
    type: () => InvitationMailPreviewView,
    nullable: true,
    description: 'the mail to the chosen (or first by name) recipient; null when no one is new',
  })
  mail!: InvitationMailPreviewView | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'https://signatory.example/sign/PREVIEW-ONLY-NOT-A-SIGN-ON-LINK',
    description: 'what stands where each recipient’s own sign-on link will be; opens nothing',
  })
  placeholderLink!: string | null;
}

/** One organization a reminder step would go to. */
export class ReminderRecipientView implements ReminderRecipient {
  @ApiProperty({ format: 'uuid', example: '5c2d8e1f-7a3b-4d6c-9e0f-1a2b3c4d5e6f' })
  invitationId!: string;

  @ApiProperty({ format: 'uuid', example: '0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b' })
  organizationId!: string;

  @ApiProperty({ example: 'Reporters Alliance' })
  organizationName!: string;

  @ApiProperty({ example: 'press@reporters-alliance.example' })
  email!: string;
}

export class ReminderStepView implements ReminderStepShape {
  @ApiProperty({ example: 2, description: 'days before the deadline (settings.reminderDays)' })
  daysBefore!: number;

  @ApiProperty({ format: 'date-time', example: '2026-12-19T04:59:00.000Z' })
  at!: Date;

  @ApiProperty({
    example: false,
    description: 'its moment has come: it goes to `recipients` at the next scan (every minute)',
  })
  due!: boolean;

  @ApiProperty({ example: 0, description: 'reminders of this step already sent' })
  sent!: number;

  @ApiProperty({
    type: () => [ReminderRecipientView],
    description:
      'who it would go to as things stand: delivered before its moment, unanswered, not revoked, not yet reminded at this step',
  })
  recipients!: ReminderRecipientView[];
}

export class ReminderScheduleView implements ReminderScheduleShape {
  @ApiProperty({ format: 'uuid', example: '3f1e2d3c-4b5a-4678-9a0b-1c2d3e4f5a6b' })
  letterId!: string;

  @ApiProperty({ ...INSTANT, example: '2026-12-21T04:59:00.000Z' })
  deadline!: Date | null;

  @ApiProperty({ example: 'America/New_York', description: 'the zone the days are counted in' })
  timeZone!: string;

  @ApiProperty({ type: [Number], example: [7, 2] })
  reminderDays!: number[];

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'why no reminder will go (the letter is not open, or past its deadline)',
  })
  stopped!: string | null;

  @ApiProperty({ type: () => [ReminderStepView], description: 'in time order' })
  steps!: ReminderStepView[];
}
