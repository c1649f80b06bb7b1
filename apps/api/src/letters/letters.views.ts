import {
  pageSizes,
  signatoryOrders,
  visibilities,
  type CommentView as CommentShape,
  type LetterSettings,
  type LetterStatus,
  type LetterSummary as LetterSummaryShape,
  type LetterView as LetterShape,
  type PageSize,
  type RevisionSummary as RevisionSummaryShape,
  type RevisionView as RevisionShape,
  type SignatoryOrder,
  type Visibility,
} from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorBody } from '../http/error-body';
import { ErrorBodyDto } from '../http/openapi/error-body.dto';
import { LetterContentDto } from './letter-content.dto';

// What the letters routes answer, as named schemas of the OpenAPI document. Each class
// implements the domain's view, so a field added to or dropped from it fails type-check here.

/** Every status, in the order a letter goes through them (LetterStatus, as a list). */
export const letterStatuses = [
  'draft',
  'open',
  'closed',
  'final',
] as const satisfies readonly LetterStatus[];

/** The deadline as the letter's readers see it; every view that has a deadline has this. */
export const DEADLINE_IN_ZONE = {
  type: String,
  nullable: true,
  example: '2026-12-20T23:59:00-05:00',
  description: 'the deadline with the offset of `timeZone`',
} as const;

const UUID = { format: 'uuid', example: '7d3f7c2e-5b1a-4f7e-9c61-0a2f9a4b8e13' } as const;
const INSTANT = { type: String, format: 'date-time', example: '2026-12-01T15:04:05.000Z' } as const;

/** `settings` as stored: every field present, defaults filled in. */
export class LetterSettingsView implements LetterSettings {
  @ApiProperty({ enum: signatoryOrders, enumName: 'SignatoryOrder', example: 'alphabetical' })
  signatoryOrder!: SignatoryOrder;

  @ApiProperty({ example: true, description: 'the printed list is numbered' })
  numbered!: boolean;

  @ApiProperty({ example: false, description: 'the printed list shows each country' })
  showCountry!: boolean;

  @ApiProperty({ example: false, description: 'anyone with the public link may sign' })
  openSignOn!: boolean;

  @ApiProperty({ example: true, description: 'open sign-ons wait for a coordinator' })
  requireApproval!: boolean;

  @ApiProperty({
    enum: visibilities,
    enumName: 'Visibility',
    isArray: true,
    example: ['public', 'delivered'],
    description: 'which visibilities signers may choose; never empty',
  })
  visibilities!: Visibility[];

  @ApiProperty({ example: false })
  publicPage!: boolean;

  @ApiProperty({ enum: pageSizes, enumName: 'PageSize', example: 'LETTER' })
  pageSize!: PageSize;

  @ApiProperty({
    type: [Number],
    example: [7, 2],
    description: 'days before the deadline on which non-responders are reminded',
  })
  reminderDays!: number[];

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'America/New_York',
    description: "IANA zone of the deadline; null: the workspace's",
  })
  timeZone!: string | null;
}

/** Where a letter stands: what its full view and its row in a list both carry. */
class LetterStateView {
  @ApiProperty(UUID)
  id!: string;

  @ApiProperty(UUID)
  campaignId!: string;

  @ApiProperty({
    ...UUID,
    example: '3b9d2e61-8f4a-4c0e-a7d5-6e1f2a3b4c5d',
    description: 'the workspace of its campaign',
  })
  workspaceId!: string;

  @ApiProperty({ enum: letterStatuses, enumName: 'LetterStatus', example: 'draft' })
  status!: LetterStatus;

  @ApiProperty({ example: 3, description: 'the latest revision (the current draft)' })
  revision!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 2,
    description: 'the revision organizations sign; null until published',
  })
  publishedRevision!: number | null;

  @ApiProperty({
    ...INSTANT,
    nullable: true,
    example: '2026-12-21T04:59:00.000Z',
    description: 'the instant sign-on closes, in UTC; null until published',
  })
  deadline!: Date | null;

  @ApiProperty(DEADLINE_IN_ZONE)
  deadlineInZone!: string | null;

  @ApiProperty({
    example: 'America/New_York',
    description: "the zone in force: settings.timeZone, else the workspace's",
  })
  timeZone!: string;
}

export class LetterView extends LetterStateView implements LetterShape {
  @ApiProperty({ type: () => LetterContentDto, description: 'the latest revision’s content' })
  content!: LetterContentDto;

  @ApiProperty({ type: () => LetterSettingsView })
  settings!: LetterSettingsView;
}

/** A row of GET /api/campaigns/:cid/letters: a letter without its content and settings. */
export class LetterSummaryView extends LetterStateView implements LetterSummaryShape {
  @ApiProperty({ example: 'Protect journalists', description: 'the current draft’s title' })
  title!: string;

  @ApiProperty({
    example: 12,
    description: 'confirmed sign-ons of every visibility: the `signed` of its stats',
  })
  signed!: number;

  @ApiProperty({ ...INSTANT, example: '2026-12-01T09:30:00.000Z' })
  createdAt!: Date;
}

export class SavedDraftView {
  @ApiProperty({ example: 4, description: 'the number of the revision just saved' })
  revision!: number;
}

/** The 409 of a save from a stale base: the plain error body plus what to merge into. */
export class StaleRevisionErrorView extends ErrorBodyDto {
  @ApiProperty({ example: 4, description: 'the latest revision, to merge into and save on' })
  currentRevision!: number;

  @ApiProperty({ type: () => LetterContentDto, description: 'its content' })
  content!: LetterContentDto;
}

/** One Markdown construct a letter body may not use, where it is. */
export class MarkdownProblemView {
  @ApiProperty({ example: 'content.body' })
  field!: string;

  @ApiProperty({ example: 3, description: '1-based line of the body' })
  line!: number;

  @ApiProperty({ example: 'table', description: 'what was found, in words' })
  construct!: string;

  @ApiProperty({ type: [String], example: ['line 3: tables are not allowed'] })
  problems!: string[];
}

/**
 * The 422 of content that is refused: a body with Markdown letters do not use (every
 * construct in `details`), or a state that does not allow the change (no `details`). Its
 * own class rather than a subclass of ErrorBodyDto: the document would keep the parent's
 * untyped `details`.
 */
export class RefusedContentErrorView implements ErrorBody {
  @ApiProperty({ example: 422 })
  statusCode!: number;

  @ApiProperty({ example: 'Unprocessable Entity' })
  error!: string;

  @ApiProperty({ example: 'content.body: line 3: tables are not allowed' })
  message!: string;

  @ApiPropertyOptional({ type: () => [MarkdownProblemView] })
  details?: MarkdownProblemView[];
}

export class RevisionSummaryView implements RevisionSummaryShape {
  @ApiProperty({ example: 2 })
  number!: number;

  @ApiProperty(UUID)
  authorId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'sharper title' })
  message!: string | null;

  @ApiProperty(INSTANT)
  createdAt!: Date;
}

export class RevisionView extends RevisionSummaryView implements RevisionShape {
  @ApiProperty({ type: () => LetterContentDto })
  content!: LetterContentDto;
}

export class CommentView implements CommentShape {
  @ApiProperty(UUID)
  id!: string;

  @ApiProperty({ example: 3, description: 'the revision commented on' })
  revision!: number;

  @ApiProperty(UUID)
  authorId!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Amira Haddad',
    description: "the author's name; null once they have deleted their account",
  })
  authorName!: string | null;

  @ApiProperty({ example: 'Should we name the minister first?' })
  body!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Dear Minister Okafor-Lindqvist',
    description: 'the passage the comment is about',
  })
  quote!: string | null;

  @ApiProperty(INSTANT)
  createdAt!: Date;

  @ApiProperty({ example: false })
  resolved!: boolean;

  @ApiProperty({ ...INSTANT, nullable: true, example: null })
  resolvedAt!: Date | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null })
  resolvedBy!: string | null;
}

export class PublishedView {
  @ApiProperty({ enum: ['open'], enumName: 'PublishedStatus', example: 'open' })
  status!: 'open';

  @ApiProperty({ example: 3 })
  publishedRevision!: number;

  @ApiProperty({ ...INSTANT, example: '2026-12-21T04:59:00.000Z' })
  deadline!: Date;

  @ApiProperty(DEADLINE_IN_ZONE)
  deadlineInZone!: string | null;

  @ApiProperty({ example: 'America/New_York' })
  timeZone!: string;
}

export class ClosedView {
  @ApiProperty({ enum: ['closed'], enumName: 'ClosedStatus', example: 'closed' })
  status!: 'closed';
}
