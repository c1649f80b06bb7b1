import { visibilities, type Visibility } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { LetterContentDto } from '../letters/letter-content.dto';
import { DEADLINE_IN_ZONE, letterStatuses } from '../letters/letters.views';

// The answers of the letters anyone may read or ask to sign, as the OpenAPI document names them.

/** The fields of a published letter every public answer shares. */
export class PublishedLetterFields {
  @ApiProperty({ format: 'uuid', example: '0f8e2a4c-6b1d-4f3a-8e5c-7d9b1a2c3e4f' })
  id!: string;

  @ApiProperty({ example: 'Free the journalists held in Evin prison' })
  title!: string;

  @ApiProperty({ type: LetterContentDto, description: 'the text exactly as published' })
  content!: LetterContentDto;

  @ApiProperty({ example: 2, description: 'the published revision' })
  revision!: number;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-12-21T04:59:00.000Z',
  })
  deadline!: string | null;

  @ApiProperty(DEADLINE_IN_ZONE)
  deadlineInZone!: string | null;

  @ApiProperty({ example: 'America/New_York', description: 'the IANA zone times are shown in' })
  timeZone!: string;
}

export class OpenSignOnLetterView extends PublishedLetterFields {}

/** GET /api/s/:letterId: what the open sign-on form needs. */
export class OpenSignOnView {
  @ApiProperty({ type: OpenSignOnLetterView })
  letter!: OpenSignOnLetterView;

  @ApiProperty({ example: 'Press Freedom Coalition', description: 'who coordinates the letter' })
  workspace!: string;

  @ApiProperty({ example: true, description: 'sign-on requests are accepted right now' })
  open!: boolean;

  @ApiProperty({
    enum: visibilities,
    enumName: 'Visibility',
    isArray: true,
    example: ['public', 'anonymous'],
    description: 'the visibilities a signer may choose; the first is the default',
  })
  visibilities!: Visibility[];

  @ApiProperty({
    example: false,
    description: 'a confirmed request still waits for the coordinators to approve it',
  })
  requireApproval!: boolean;
}

/** POST /api/s/:letterId: the same answer whatever happened, so nobody learns who signed. */
export class OpenSignOnRequested {
  @ApiProperty({
    enum: ['check_email'],
    example: 'check_email',
    description: 'a confirmation email is on its way when the request can go ahead',
  })
  status!: 'check_email';
}

export class PublicSignatoryView {
  @ApiProperty({ example: 'Reporters Without Borders' })
  displayName!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'FR',
    description: 'null unless the letter shows countries',
  })
  country!: string | null;
}

/** GET /api/l/:letterId: the public letter and the organizations named on it. */
export class PublicLetterView extends PublishedLetterFields {
  @ApiProperty({
    enum: letterStatuses,
    enumName: 'LetterStatus',
    example: 'open',
  })
  status!: string;

  @ApiProperty({
    type: [PublicSignatoryView],
    description: 'only the organizations that chose to be named publicly, in the letter’s order',
  })
  signatories!: PublicSignatoryView[];

  @ApiProperty({ example: 42, description: 'everyone signed on, named or not' })
  signedCount!: number;

  @ApiProperty({ example: true, description: 'anyone may ask to sign right now' })
  openSignOn!: boolean;
}
