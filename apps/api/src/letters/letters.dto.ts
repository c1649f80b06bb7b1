import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  CORRECTION_MAX_PERCENT,
  CORRECTION_REASON_MAX,
  publishKinds,
  type PublishKind,
} from '@app/domain';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { INT32_MAX, NameField, Omittable } from '../http/fields';
import { LetterContentDto } from './letter-content.dto';
import { LetterSettingsDto } from './letter-settings.dto';

export class CreateLetterDto {
  @ApiProperty({ type: LetterContentDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => LetterContentDto)
  content: LetterContentDto;

  @ApiPropertyOptional({ type: LetterSettingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LetterSettingsDto)
  settings?: LetterSettingsDto;
}

export class SaveDraftDto {
  @ApiProperty({
    example: 3,
    description: 'the revision this edit started from',
    maximum: INT32_MAX,
  })
  @IsInt()
  @Min(1)
  @Max(INT32_MAX)
  baseRevision: number;

  @ApiProperty({ type: LetterContentDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => LetterContentDto)
  content: LetterContentDto;

  @ApiPropertyOptional({ maxLength: 500, example: 'sharper title' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  message?: string;
}

export class DiffQueryDto {
  @ApiProperty({ minimum: 1, maximum: INT32_MAX, example: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(INT32_MAX)
  from: number;

  @ApiProperty({ minimum: 1, maximum: INT32_MAX, example: 3 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(INT32_MAX)
  to: number;
}

export class AddCommentDto {
  @ApiProperty({ minimum: 1, maximum: INT32_MAX, example: 3 })
  @IsInt()
  @Min(1)
  @Max(INT32_MAX)
  revision: number;

  @ApiProperty({ maxLength: 10_000, example: 'Should we name the minister first?' })
  @IsString()
  @MaxLength(10_000)
  @Matches(/\S/, { message: 'must contain visible text' })
  body: string;

  @ApiPropertyOptional({
    example: 'Dear Minister Okafor-Lindqvist',
    description: 'the passage the comment is about',
    maxLength: 1000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  quote?: string;
}

export class PublishDto {
  @ApiPropertyOptional({
    example: 3,
    description: 'default: the latest revision',
    maximum: INT32_MAX,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(INT32_MAX)
  revision?: number;

  @ApiPropertyOptional({
    example: '2026-12-20',
    description:
      "required the first time. In the letter's time zone: a date (`2026-12-20`, meaning 23:59 that day) or a local date and time (`2026-12-20T17:00`); or an instant with Z or an offset (`2026-12-20T22:00:00Z`, `2026-12-20T17:00:00-05:00`)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  deadline?: string;

  @ApiPropertyOptional({
    enum: publishKinds,
    default: 'substantive',
    description:
      'How a revision newer than the published one reaches those who signed it. `substantive`: ' +
      'they are asked to confirm the new text or withdraw. `correction` (a typo, formatting, an ' +
      "addressee's title): their sign-ons move to the new revision and each gets one notice " +
      `with the changes and a withdraw link. Refused (422, \`kind\`) when it changes more than ${CORRECTION_MAX_PERCENT} % ` +
      'of the words of the published text, or when nothing newer than a published revision is being published.',
  })
  @IsOptional()
  @IsIn(publishKinds, { message: `must be one of ${publishKinds.join(', ')}` })
  kind?: PublishKind;

  @ApiPropertyOptional({
    maxLength: CORRECTION_REASON_MAX,
    example: 'Corrected the spelling of the Commissioner’s name',
    description:
      'Why: required for a correction, optional otherwise. Shown to the signers in the ' +
      'correction notice and recorded in the audit trail with who published.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(CORRECTION_REASON_MAX)
  @Matches(/^(?:[^\p{Cc}]|[\t\n\r])*$/u, { message: 'must not contain control characters' })
  reason?: string;
}

export class CampaignDto {
  @ApiProperty({ maxLength: 200, example: 'Free the journalists' })
  @NameField()
  name: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

export class UpdateCampaignDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @Omittable()
  @NameField()
  name?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}
