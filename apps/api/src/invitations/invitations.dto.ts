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
import { invitationStatuses } from './invitations.views';

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

// Every status can be asked for, withdrawn included.
export class InvitationsQueryDto {
  @ApiPropertyOptional({ enum: invitationStatuses, enumName: 'InvitationStatus' })
  @IsOptional()
  @IsIn(invitationStatuses)
  status?: (typeof invitationStatuses)[number];
}
