import { INVITATION_NOTE_MAX } from '@app/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { invitationStatuses } from './invitations.views';

// Text a person typed: line breaks and tabs, no other control characters (as a letter body).
const ANY_TEXT = /^(?:[^\p{Cc}]|[\t\n\r])*$/u;

/** Exactly one of: organizationIds, tag, tags, allOrganizations; and an optional note. */
export class InviteDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'these organizations of the directory',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @IsUUID('all', { each: true, message: 'each value must be an organization id (a UUID)' })
  organizationIds?: string[];

  @ApiPropertyOptional({ description: 'every organization with this tag' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  tag?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'every organization with any of these tags',
    example: ['press-freedom', 'legal'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ enum: [true], description: 'the whole directory (archived ones aside)' })
  @IsOptional()
  @Equals(true)
  allOrganizations?: true;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: INVITATION_NOTE_MAX,
    description:
      'A personal note from the sender, in the Markdown of letter bodies (paragraphs, bold, ' +
      'italic, lists, quotes, http/https/mailto links); shown in the mail above the letter’s ' +
      'opening, introduced with the sender’s name and the workspace’s, and repeated in ' +
      'reminders and resends. Other Markdown is refused with 422 naming the line.',
    example: 'Dear friends, we would be **proud** to count you among the signers.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(INVITATION_NOTE_MAX)
  @Matches(ANY_TEXT, { message: 'must not contain control characters' })
  note?: string | null;
}

/** The invite's body, and whose mail to show (default: the first recipient by name). */
export class InvitationPreviewDto extends InviteDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'show the mail to this organization (one the selection would invite now)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be an organization id (a UUID)' })
  organizationId?: string;
}

// Every status can be asked for, withdrawn included.
export class InvitationsQueryDto {
  @ApiPropertyOptional({ enum: invitationStatuses, enumName: 'InvitationStatus' })
  @IsOptional()
  @IsIn(invitationStatuses)
  status?: (typeof invitationStatuses)[number];
}
