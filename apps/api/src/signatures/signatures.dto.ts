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
  @ApiPropertyOptional({ enum: signatureStatuses })
  @IsOptional()
  @IsIn(signatureStatuses, oneOf(signatureStatuses))
  status?: SignatureStatus;

  @ApiPropertyOptional({ enum: signatureSources })
  @IsOptional()
  @IsIn(signatureSources, oneOf(signatureSources))
  source?: SignatureSource;

  @ApiPropertyOptional({ enum: visibilities })
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
  @ApiPropertyOptional({ enum: moderationStatuses, description: 'approve, or reject' })
  @IsOptional()
  @IsIn(moderationStatuses, oneOf(moderationStatuses))
  status?: ModerationStatus;

  @ApiPropertyOptional({ description: 'the name exactly as it will be printed (at most 300)' })
  @IsOptional()
  @IsString()
  displayName?: string;
}

export class ManualSignatureDto {
  @ApiPropertyOptional({ description: 'the organization in the directory, if it is there' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  organizationId?: string;

  @ApiProperty({ description: 'exactly as it will be printed (at most 300)' })
  @IsString()
  displayName: string;

  @ApiProperty()
  @IsString()
  signerName: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  signerTitle?: string;

  @ApiPropertyOptional({ example: 'FR' })
  @IsOptional()
  @IsString()
  country?: string;

  @ApiPropertyOptional({ enum: visibilities })
  @IsOptional()
  @IsIn(visibilities, oneOf(visibilities))
  visibility?: Visibility;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  signerEmail?: string;

  @ApiProperty({ enum: [true], description: 'the signer said they may sign for the organization' })
  @IsBoolean()
  authorized: boolean;

  @ApiPropertyOptional({ description: 'how and when it came, at most 1000 characters' })
  @IsOptional()
  @IsString()
  note?: string;
}

export class SignaturesCsvQueryDto {
  @ApiPropertyOptional({
    enum: csvScopes,
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
