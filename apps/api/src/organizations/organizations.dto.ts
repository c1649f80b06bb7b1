import { DIRECTORY_SORTS, type DirectorySort } from '@app/domain';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Allow, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/**
 * The organization body is checked field by field in the domain (organizationFields), the
 * same checks a CSV row gets; here only its shape is declared, so every field is allowed.
 */
export class OrganizationDto {
  @ApiProperty({ type: String, example: 'Alliance des Défenseurs des Droits Humains' })
  @Allow()
  name?: unknown;

  @ApiProperty({
    type: String,
    example: 'contact@org.example',
    description: 'one address, or several separated by ;',
  })
  @Allow()
  email?: unknown;

  @ApiPropertyOptional({
    type: [String],
    example: ['contact@org.example', 'press@org.example'],
    description: 'instead of email: every address, the primary first',
  })
  @Allow()
  emails?: unknown;

  @ApiPropertyOptional({ type: String, example: 'Fatou Ndiaye' })
  @Allow()
  contactName?: unknown;

  @ApiPropertyOptional({ type: String, example: 'FR', description: 'ISO 3166-1 alpha-2' })
  @Allow()
  country?: unknown;

  @ApiPropertyOptional({ type: String, example: 'https://org.example' })
  @Allow()
  website?: unknown;

  @ApiPropertyOptional({ type: [String], example: ['press', 'legal'] })
  @Allow()
  tags?: unknown;

  @ApiPropertyOptional({
    type: Boolean,
    example: true,
    description: 'PATCH only: archive or unarchive',
  })
  @Allow()
  archived?: unknown;
}

/** PATCH: any of the fields, each checked as on creation. */
export class UpdateOrganizationDto extends PartialType(OrganizationDto) {}

export class DirectoryQueryDto {
  @ApiPropertyOptional({
    example: 'defenseurs',
    description: 'name prefix or substring; case and diacritics ignored',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ example: 'press' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  tag?: string;

  @ApiPropertyOptional({
    enum: DIRECTORY_SORTS,
    enumName: 'DirectorySort',
    default: 'name',
    description:
      'name (A to Z, case and accents aside), createdAt (added), lastActivity (the latest of ' +
      'invited, responded, signed, withdrawn on any letter; never active counts as oldest); ' +
      'a leading - reverses it. Ties go by name, then id.',
  })
  @IsOptional()
  @IsIn(DIRECTORY_SORTS, { message: `sort must be one of ${DIRECTORY_SORTS.join(', ')}` })
  sort?: DirectorySort;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: archived ones too' })
  @IsOptional()
  @IsIn(['true', 'false'])
  archived?: 'true' | 'false';
}

export class ImportQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'keep the good rows when some are bad',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  partial?: 'true' | 'false';

  @ApiPropertyOptional({
    enum: ['action-network', 'google-forms'],
    description: 'read the columns as this preset does (GET .../import-presets lists them)',
  })
  @IsOptional()
  @IsIn(['action-network', 'google-forms'])
  preset?: 'action-network' | 'google-forms';

  @ApiPropertyOptional({
    example:
      '{"name":"Organization","email":"email","contact_name":["first_name","last_name"],"addTags":["2026-forms"]}',
    description:
      'JSON: field (name, email, contact_name, country, website, tags) → column header or list of headers, ' +
      'with optional tagsSeparator and addTags; wins over preset. Also accepted as the multipart field `mapping`.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(8192)
  mapping?: string;
}

export class MergeDto {
  @ApiProperty({
    format: 'uuid',
    example: '7e8f9a0b-1c2d-4e3f-9a4b-5c6d7e8f9a0b',
    description: 'the organization that stays',
  })
  @IsString()
  @MaxLength(64)
  into: string;
}
