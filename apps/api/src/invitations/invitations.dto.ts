import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';

/** Exactly one of: organizationIds, tag, allOrganizations. */
export class InviteDto {
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  organizationIds?: string[];

  @ApiPropertyOptional({ description: 'every organization with this tag' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  tag?: string;

  @ApiPropertyOptional({ enum: [true] })
  @IsOptional()
  @Equals(true)
  allOrganizations?: true;
}

export class InvitationsQueryDto {
  @ApiPropertyOptional({ enum: ['queued', 'sent', 'failed', 'opened', 'signed', 'declined'] })
  @IsOptional()
  @IsIn(['queued', 'sent', 'failed', 'opened', 'signed', 'declined'])
  status?: 'queued' | 'sent' | 'failed' | 'opened' | 'signed' | 'declined';
}
