import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsInt,
  IsISO8601,
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
  @ApiProperty({ description: 'the revision this edit started from', maximum: INT32_MAX })
  @IsInt()
  @Min(1)
  @Max(INT32_MAX)
  baseRevision: number;

  @ApiProperty({ type: LetterContentDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => LetterContentDto)
  content: LetterContentDto;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  message?: string;
}

export class DiffQueryDto {
  @ApiProperty({ minimum: 1, maximum: INT32_MAX })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(INT32_MAX)
  from: number;

  @ApiProperty({ minimum: 1, maximum: INT32_MAX })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(INT32_MAX)
  to: number;
}

export class AddCommentDto {
  @ApiProperty({ minimum: 1, maximum: INT32_MAX })
  @IsInt()
  @Min(1)
  @Max(INT32_MAX)
  revision: number;

  @ApiProperty({ maxLength: 10_000 })
  @IsString()
  @MaxLength(10_000)
  @Matches(/\S/, { message: 'must contain visible text' })
  body: string;

  @ApiPropertyOptional({ description: 'the passage the comment is about', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  quote?: string;
}

export class PublishDto {
  @ApiPropertyOptional({ description: 'default: the latest revision', maximum: INT32_MAX })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(INT32_MAX)
  revision?: number;

  @ApiPropertyOptional({ example: '2026-12-15T17:00:00Z', description: 'required the first time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO-8601 date and time' })
  deadline?: string;
}

export class CampaignDto {
  @ApiProperty({ maxLength: 200 })
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
