import {
  signatureStatuses,
  type DirectoryItem,
  type ImportDetails,
  type ImportField,
  type ImportPreview,
  type ImportReport,
  type ImportSampleRow,
  type InvitationStatus,
  type LetterStatus,
  type MappingJson,
  type OrganizationLetterHistory,
  type OrganizationView as OrganizationShape,
  type SignatureStatus,
} from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorBodyDto } from '../http/openapi/error-body.dto';
import { invitationStatuses } from '../invitations/invitations.views';
import { letterStatuses } from '../letters/letters.views';

/** A member of the coalition's directory. */
export class OrganizationView implements OrganizationShape {
  @ApiProperty({ format: 'uuid', example: '5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f' })
  id: string;

  @ApiProperty({
    format: 'uuid',
    example: '3b9d2e61-8f4a-4c0e-a7d5-6e1f2a3b4c5d',
    description: 'the workspace whose directory it is in',
  })
  workspaceId: string;

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

/** A row of the directory: the organization and its last activity on any letter. */
export class DirectoryItemView extends OrganizationView implements DirectoryItem {
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-03-05T14:10:00.000Z',
    description:
      'the newest lastActivityAt of its history (invited, responded, signed, withdrawn); null: never invited nor signed',
  })
  lastActivityAt: Date | null;
}

export class OrganizationPageView {
  @ApiProperty({ type: () => [DirectoryItemView], description: 'in the order of `sort`' })
  items: DirectoryItemView[];

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

  @ApiProperty({
    example:
      'email: not an email address (not-an-email); country: expected a two-letter ISO 3166-1 code such as US or FR',
    description: 'every reason, each naming its field, separated by "; "',
  })
  message: string;
}

/** Which column of the file fills which field (a field may join several columns). */
export class ImportMappingView implements MappingJson {
  @ApiProperty({
    type: [String],
    example: ['Organization'],
    description: 'the column(s) of the name; required',
  })
  name: string[];

  @ApiPropertyOptional({ type: [String], example: ['email'] })
  email?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['first_name', 'last_name'],
    description: 'several columns are joined with a space (email and tags: with ";")',
  })
  contact_name?: string[];

  @ApiPropertyOptional({ type: [String], example: ['Country'] })
  country?: string[];

  @ApiPropertyOptional({ type: [String], example: ['Website'] })
  website?: string[];

  @ApiPropertyOptional({ type: [String], example: ['can2_user_tags'] })
  tags?: string[];

  @ApiPropertyOptional({
    example: '/',
    description: 'what separates tags in the tags column (default: any of , ; |)',
  })
  tagsSeparator?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['2026-forms'],
    description: 'tags given to every imported row',
  })
  addTags?: string[];
}

export class ImportSampleValuesView implements Record<ImportField, string> {
  @ApiProperty({ example: 'Access to Information Project (ATIP)' })
  name: string;

  @ApiProperty({ example: 'amina.haddad@org1.example' })
  email: string;

  @ApiProperty({ example: 'Amina Haddad' })
  contact_name: string;

  @ApiProperty({ example: 'KE' })
  country: string;

  @ApiProperty({ example: '' })
  website: string;

  @ApiProperty({ example: 'sign-on-2024' })
  tags: string;
}

/** A row of the file as the mapping reads it, before any check (texts, "" when empty). */
export class ImportSampleRowView implements ImportSampleRow {
  @ApiProperty({
    type: 'integer',
    example: 2,
    description: 'line in a CSV (header = 1); row in an XLSX',
  })
  line: number;

  @ApiProperty({ type: () => ImportSampleValuesView })
  values: ImportSampleValuesView;

  @ApiProperty({ example: false, description: 'true: listed in errors, not imported' })
  refused: boolean;
}

export class ImportReportView implements ImportReport, Partial<ImportDetails> {
  @ApiProperty({ type: 'integer', example: 40 })
  created: number;

  @ApiProperty({ type: 'integer', example: 2, description: 'matched by name or email' })
  updated: number;

  @ApiProperty({ type: 'integer', example: 1, description: 'rows not imported' })
  skipped: number;

  @ApiProperty({ type: () => [ImportRowErrorView], description: 'one per rejected row' })
  errors: ImportRowErrorView[];

  @ApiPropertyOptional({
    enum: ['csv', 'xlsx'],
    description: 'with a mapping or preset: the format read (told by the bytes, not the name)',
  })
  format?: 'csv' | 'xlsx';

  @ApiPropertyOptional({
    type: [String],
    example: [
      'Timestamp',
      'Email Address',
      'Organization name (as it should appear on the letter)',
    ],
    description: 'with a mapping or preset: the header row of the file',
  })
  headers?: string[];

  @ApiPropertyOptional({
    type: () => ImportMappingView,
    description: 'with a mapping or preset: the mapping applied (remembered for the workspace)',
  })
  mapping?: ImportMappingView;

  @ApiPropertyOptional({ type: 'integer', example: 43, description: 'rows below the header' })
  rows?: number;

  @ApiPropertyOptional({
    type: () => [ImportSampleRowView],
    description: 'with a mapping or preset: the first 20 rows as mapped',
  })
  sample?: ImportSampleRowView[];
}

/** What the import would do with the same file and mapping; nothing is written. */
export class ImportPreviewView implements ImportPreview {
  @ApiProperty({ enum: ['csv', 'xlsx'], example: 'xlsx' })
  format: 'csv' | 'xlsx';

  @ApiProperty({
    type: [String],
    example: [
      'Timestamp',
      'Email Address',
      'Organization name (as it should appear on the letter)',
    ],
    description: 'the header row of the file',
  })
  headers: string[];

  @ApiProperty({
    type: () => ImportMappingView,
    nullable: true,
    description:
      "the mapping applied: the one sent, the preset's, or else the suggested one; null when no column could be the name",
  })
  mapping: ImportMappingView | null;

  @ApiProperty({
    type: () => ImportMappingView,
    nullable: true,
    description:
      'columns matched to fields by their headers (case and accents aside) and the presets',
  })
  suggestedMapping: ImportMappingView | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'google-forms',
    description: 'the preset whose columns are all in the file',
  })
  suggestedPreset: string | null;

  @ApiProperty({
    type: () => ImportMappingView,
    nullable: true,
    description: "the mapping of this workspace's last import with a mapping or preset",
  })
  lastMapping: ImportMappingView | null;

  @ApiProperty({ type: 'integer', example: 43, description: 'rows below the header' })
  rows: number;

  @ApiProperty({ type: 'integer', example: 40, description: 'would be created' })
  created: number;

  @ApiProperty({
    type: 'integer',
    example: 2,
    description: 'would update an organization matched by name or email',
  })
  updated: number;

  @ApiProperty({ type: 'integer', example: 1, description: 'would be refused' })
  skipped: number;

  @ApiProperty({
    type: () => [ImportRowErrorView],
    description: 'every refused row, with its line and reasons',
  })
  errors: ImportRowErrorView[];

  @ApiProperty({ type: () => [ImportSampleRowView], description: 'the first 20 rows as mapped' })
  sample: ImportSampleRowView[];
}

/** A mapping kept in code for a kind of file coalitions have. */
export class ImportPresetView {
  @ApiProperty({ enum: ['action-network', 'google-forms'], example: 'google-forms' })
  id: 'action-network' | 'google-forms';

  @ApiProperty({ example: 'Google Forms response sheet' })
  label: string;

  @ApiProperty({ example: "A sign-on form's responses (CSV download or the Excel workbook)" })
  description: string;

  @ApiProperty({ type: () => ImportMappingView })
  mapping: ImportMappingView;
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
