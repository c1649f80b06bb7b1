import {
  signatureStatuses,
  type ImportReport,
  type InvitationStatus,
  type LetterStatus,
  type OrganizationLetterHistory,
  type OrganizationView as OrganizationShape,
  type SignatureStatus,
} from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { ErrorBodyDto } from '../http/openapi/error-body.dto';
import { invitationStatuses } from '../invitations/invitations.views';
import { letterStatuses } from '../letters/letters.views';

/** A member of the coalition's directory. */
export class OrganizationView implements OrganizationShape {
  @ApiProperty({ format: 'uuid', example: '5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f' })
  id: string;

  @ApiProperty({ example: 'Alliance des Défenseurs des Droits Humains' })
  name: string;

  @ApiProperty({ example: 'contact@adh.example', description: 'the primary contact address' })
  email: string;

  @ApiProperty({
    type: [String],
    example: ['contact@adh.example', 'press@adh.example'],
    description: 'every address, the primary first',
  })
  emails: string[];

  @ApiProperty({ type: String, nullable: true, example: 'Fatou Ndiaye' })
  contactName: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'SN',
    description: 'ISO 3166-1 alpha-2',
  })
  country: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'https://adh.example' })
  website: string | null;

  @ApiProperty({ type: [String], example: ['press', 'legal'] })
  tags: string[];

  @ApiProperty({ example: false })
  archived: boolean;

  @ApiProperty({ example: '2026-03-02T09:30:00.000Z' })
  createdAt: Date;

  @ApiProperty({ example: '2026-03-04T16:05:00.000Z' })
  updatedAt: Date;
}

export class OrganizationRefView {
  @ApiProperty({ format: 'uuid', example: '7e8f9a0b-1c2d-4e3f-9a4b-5c6d7e8f9a0b' })
  id: string;

  @ApiProperty({ example: 'Alliance des defenseurs des droits humains' })
  name: string;
}

/** A new organization, with those already in the directory whose names are likely the same. */
export class OrganizationCreatedView extends OrganizationView {
  @ApiProperty({ type: () => [OrganizationRefView] })
  possibleDuplicates: OrganizationRefView[];
}

export class OrganizationPageView {
  @ApiProperty({ type: () => [OrganizationView], description: 'by name' })
  items: OrganizationView[];

  @ApiProperty({ type: 'integer', example: 137, description: 'matches across all pages' })
  total: number;
}

export class DuplicateGroupView {
  @ApiProperty({
    example: 'alliance defenseurs droits humains',
    description: 'the shared name key',
  })
  key: string;

  @ApiProperty({ type: () => [OrganizationView] })
  organizations: OrganizationView[];
}

export class MergeResultView {
  @ApiProperty({ type: () => OrganizationView, description: 'the organization that stays' })
  organization: OrganizationView;

  @ApiProperty({ type: 'integer', example: 3 })
  movedInvitations: number;

  @ApiProperty({ type: 'integer', example: 1 })
  movedSignatures: number;
}

export class ImportRowErrorView {
  @ApiProperty({ type: 'integer', example: 4, description: 'the line in the file, header = 1' })
  line: number;

  @ApiProperty({ example: 'email: must be an email address' })
  message: string;
}

export class ImportReportView implements ImportReport {
  @ApiProperty({ type: 'integer', example: 40 })
  created: number;

  @ApiProperty({ type: 'integer', example: 2, description: 'matched by name or email' })
  updated: number;

  @ApiProperty({ type: 'integer', example: 1, description: 'rows not imported' })
  skipped: number;

  @ApiProperty({ type: () => [ImportRowErrorView], description: 'one per rejected row' })
  errors: ImportRowErrorView[];
}

/** The 422 of an all-or-nothing import with bad rows: the error, and what was refused. */
export class ImportRefusedView extends ErrorBodyDto implements ImportReport {
  @ApiProperty({ type: 'integer', example: 0 })
  created: number;

  @ApiProperty({ type: 'integer', example: 0 })
  updated: number;

  @ApiProperty({ type: 'integer', example: 43, description: 'every row' })
  skipped: number;

  @ApiProperty({ type: () => [ImportRowErrorView] })
  errors: ImportRowErrorView[];
}

/** The organization's invitation to one letter. */
export class OrganizationInvitationHistoryView {
  @ApiProperty({ enum: invitationStatuses, enumName: 'InvitationStatus', example: 'declined' })
  status: InvitationStatus;

  @ApiProperty({ example: '2026-03-02T09:30:00.000Z', description: 'sent, else created' })
  invitedAt: Date;

  @ApiProperty({ type: String, nullable: true, example: '2026-03-05T14:10:00.000Z' })
  respondedAt: Date | null;

  @ApiProperty({ example: false, description: 'its link was revoked (e.g. by a merge)' })
  revoked: boolean;
}

/** The organization's latest sign-on to one letter. */
export class OrganizationSignatureHistoryView {
  @ApiProperty({ enum: signatureStatuses, enumName: 'SignatureStatus', example: 'confirmed' })
  status: SignatureStatus;

  @ApiProperty({ example: '2026-03-05T14:10:00.000Z' })
  signedAt: Date;

  @ApiProperty({ type: String, nullable: true, example: null })
  withdrawnAt: Date | null;
}

/** One letter in an organization's history: invited, signed, declined, withdrawn. */
export class OrganizationLetterHistoryView implements OrganizationLetterHistory {
  @ApiProperty({ format: 'uuid', example: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f' })
  letterId: string;

  @ApiProperty({ format: 'uuid', example: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' })
  campaignId: string;

  @ApiProperty({ example: 'Press freedom 2026' })
  campaignName: string;

  @ApiProperty({ example: 'Release the detained journalists', description: "the draft's title" })
  title: string;

  @ApiProperty({ enum: letterStatuses, enumName: 'LetterStatus', example: 'open' })
  letterStatus: LetterStatus;

  @ApiProperty({ type: () => OrganizationInvitationHistoryView, nullable: true })
  invitation: OrganizationInvitationHistoryView | null;

  @ApiProperty({
    type: () => OrganizationSignatureHistoryView,
    nullable: true,
    description: 'the latest sign-on; null when it never signed',
  })
  signature: OrganizationSignatureHistoryView | null;

  @ApiProperty({
    example: '2026-03-05T14:10:00.000Z',
    description: 'the latest of invited, responded, signed, withdrawn (the order, newest first)',
  })
  lastActivityAt: Date;
}
