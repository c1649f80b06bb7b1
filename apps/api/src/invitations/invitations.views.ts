import type { InvitationStatus, InvitationView as InvitationShape } from '@app/domain';
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
