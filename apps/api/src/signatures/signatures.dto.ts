import {
  ACTIVITY_PAGE,
  ACTIVITY_PAGE_MAX,
  csvScopes,
  LIST_PAGE,
  LIST_PAGE_MAX,
  moderationStatuses,
  signatureSources,
  signatureStatuses,
  visibilities,
  type CsvScope,
  type ModerationStatus,
  type SignatureSource,
  type SignatureStatus,
  type Visibility,
} from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { INT32_MAX } from '../http/fields';

// Names and notes are checked and cleaned in the domain (signerText: length, invisible
// characters, NFC); here only their types, so that a wrong type is a 400 naming the field.

const oneOf = (values: readonly string[]) => ({ message: `must be one of ${values.join(', ')}` });

export class SignaturesQueryDto {
  @ApiPropertyOptional({ enum: signatureStatuses, enumName: 'SignatureStatus' })
  @IsOptional()
  @IsIn(signatureStatuses, oneOf(signatureStatuses))
  status?: SignatureStatus;

  @ApiPropertyOptional({ enum: signatureSources, enumName: 'SignatureSource' })
  @IsOptional()
  @IsIn(signatureSources, oneOf(signatureSources))
  source?: SignatureSource;

  @ApiPropertyOptional({ enum: visibilities, enumName: 'Visibility' })
  @IsOptional()
  @IsIn(visibilities, oneOf(visibilities))
  visibility?: Visibility;

  @ApiPropertyOptional({ default: LIST_PAGE, maximum: LIST_PAGE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(LIST_PAGE_MAX)
  limit?: number;

  @ApiPropertyOptional({ default: 0, maximum: INT32_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(INT32_MAX)
  offset?: number;
}

export class UpdateSignatureDto {
  @ApiPropertyOptional({
    enum: moderationStatuses,
    description: 'approve, or reject',
  })
  @IsOptional()
  @IsIn(moderationStatuses, oneOf(moderationStatuses))
  status?: ModerationStatus;

  @ApiPropertyOptional({
    example: 'Reporters Alliance (Paris)',
    description: 'the name exactly as it will be printed (at most 300)',
  })
  @IsOptional()
  @IsString()
  displayName?: string;

  @ApiPropertyOptional({
    example: 'We could not confirm that this organization exists.',
    description: 'with status "rejected" only: why, in the mail the signer receives (at most 500)',
  })
  @IsOptional()
  @IsString()
  reason?: string;
}

export class ManualSignatureDto {
  @ApiPropertyOptional({
    example: '0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b',
    description: 'the organization in the directory, if it is there',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  organizationId?: string;

  @ApiProperty({
    example: 'Reporters Alliance',
    description: 'exactly as it will be printed (at most 300)',
  })
  @IsString()
  displayName: string;

  @ApiProperty({ example: 'Ana Ruiz' })
  @IsString()
  signerName: string;

  @ApiPropertyOptional({ example: 'Director' })
  @IsOptional()
  @IsString()
  signerTitle?: string;

  @ApiPropertyOptional({ example: 'FR' })
  @IsOptional()
  @IsString()
  country?: string;

  @ApiPropertyOptional({ enum: visibilities, enumName: 'Visibility' })
  @IsOptional()
  @IsIn(visibilities, oneOf(visibilities))
  visibility?: Visibility;

  @ApiPropertyOptional({ example: 'ana@reporters.example' })
  @IsOptional()
  @IsString()
  signerEmail?: string;

  @ApiProperty({ enum: [true], description: 'the signer said they may sign for the organization' })
  @IsBoolean()
  authorized: boolean;

  @ApiPropertyOptional({
    example: 'Signed letter received by post on 2 December',
    description: 'how and when it came, at most 1000 characters',
  })
  @IsOptional()
  @IsString()
  note?: string;
}

export class SignaturesCsvQueryDto {
  @ApiPropertyOptional({
    enum: csvScopes,
    enumName: 'CsvScope',
    description: 'default: all for coordinators and above, public for others',
  })
  @IsOptional()
  @IsIn(csvScopes, oneOf(csvScopes))
  scope?: CsvScope;
}

export class ActivityQueryDto {
  @ApiPropertyOptional({ default: ACTIVITY_PAGE, maximum: ACTIVITY_PAGE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(ACTIVITY_PAGE_MAX)
  limit?: number;

  @ApiPropertyOptional({
    description: 'only events before this seq (the last one seen)',
    maximum: INT32_MAX,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(INT32_MAX)
  before?: number;
}

export class LetterEventsQueryDto {
  @ApiPropertyOptional({
    description:
      'resume after this event id (an activity seq), for clients that cannot send the ' +
      'Last-Event-ID header; the header wins when both are given',
    maximum: INT32_MAX,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(INT32_MAX)
  lastEventId?: number;
}
