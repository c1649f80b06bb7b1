import type { ImportReport, OrganizationView as OrganizationShape } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { ErrorBodyDto } from '../http/openapi/error-body.dto';

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
