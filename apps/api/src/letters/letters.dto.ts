import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { NameField } from '../http/fields';
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
  @ApiProperty({ description: 'the revision this edit started from' })
  @IsInt()
  @Min(1)
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
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  from: number;

  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  to: number;
}

export class AddCommentDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
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
  @ApiPropertyOptional({ description: 'default: the latest revision' })
  @IsOptional()
  @IsInt()
  @Min(1)
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
  @IsOptional()
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
