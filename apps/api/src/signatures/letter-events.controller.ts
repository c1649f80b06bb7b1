import { Action, DomainError, minimumRole, type MembershipEntity } from '@app/domain';
import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import {
  ApiExtension,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Can, CurrentAuth, CurrentMembership, type RequestAuth } from '../auth/auth.decorators';
import { ApiErrors, ApiSignedIn } from '../http/openapi/responses';
import { HEARTBEAT_MS, LetterEventStreams, REPLAY_MAX, RETRY_MS } from './letter-event-streams';
import {
  LetterChangeEventView,
  LetterEventsResetView,
  RenditionProgressEventView,
} from './letter-events.views';
import { LetterEventsQueryDto } from './signatures.dto';
import { ActivityEventView } from './signatures.views';

const STREAM_DESCRIPTION = [
  `\`retry: ${RETRY_MS}\` first, then these events, and a \`: keep-alive\` comment every ${HEARTBEAT_MS / 1000} s:`,
  '',
  `- \`activity\` (with \`id:\` its seq), to the roles that may read the activity feed (${minimumRole[Action.ViewActivity]} and above): a new event of the letter’s activity feed; data: ActivityEventView.`,
  '- `change` (with `id:` its seq), to the other members instead of `activity`: something happened on the letter (refetch its stats and signatures); data: LetterChangeEventView, the seq only, since the feed’s details (signer emails, names shown only to officials) are not theirs to see.',
  '- `rendition` (no id): a rendition of the letter was queued, made progress, finished or failed; data: RenditionProgressEventView.',
  `- \`reset\` (with \`id:\`): more than ${REPLAY_MAX} events were missed since Last-Event-ID; refetch the feed; data: LetterEventsResetView.`,
  '',
  'With `Last-Event-ID` (or `?lastEventId=`), the events after it come first, in order, then live ones, without gap or duplicate.',
  '',
  'Open to every member (read). The stream ends as soon as its viewer’s access changes: membership removed or role changed, session ended (log-out, revoked, password changed or reset); reconnecting then answers 401 or 404, or the new role’s view.',
].join('\n');

/**
 * The live events of a letter as Server-Sent Events. Written by hand rather than with
 * Nest's @Sse(): a resume must subscribe, read the database and replay before the stream
 * goes live, answer 503 (not an empty stream) when Redis is away, and send `retry:` and
 * comment heartbeats, none of which an Observable of MessageEvents can express.
 */
@ApiTags('tracking')
@ApiSignedIn()
@ApiExtraModels(
  ActivityEventView,
  LetterChangeEventView,
  RenditionProgressEventView,
  LetterEventsResetView,
)
@Controller('api')
export class LetterEventsController {
  constructor(private readonly streams: LetterEventStreams) {}

  @Get('letters/:lid/events')
  // Whoever may read the letter may watch it live; each is sent what their role may see.
  @Can(Action.Read)
  @ApiOperation({
    summary:
      'Live activity and rendition progress of the letter, as Server-Sent Events (text/event-stream); resumable with Last-Event-ID',
    description: STREAM_DESCRIPTION,
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'the id of the last event received: resume after it',
    schema: { type: 'integer', minimum: 0 },
  })
  @ApiOkResponse({
    description:
      'the stream (`Cache-Control: no-cache, no-transform`, `X-Accel-Buffering: no`); its events are in x-sse-events',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiExtension('x-sse-events', {
    activity: { $ref: getSchemaPath(ActivityEventView) },
    change: { $ref: getSchemaPath(LetterChangeEventView) },
    rendition: { $ref: getSchemaPath(RenditionProgressEventView) },
    reset: { $ref: getSchemaPath(LetterEventsResetView) },
  })
  @ApiErrors(404)
  async letterEvents(
    @Param('lid') lid: string,
    @Query() query: LetterEventsQueryDto,
    @Headers('last-event-id') header: string | undefined,
    @CurrentAuth() auth: RequestAuth,
    @CurrentMembership() membership: MembershipEntity,
    @Res() res: Response,
  ): Promise<void> {
    const viewer = {
      userId: auth.user.id,
      sessionId: auth.session.id,
      workspaceId: membership.workspaceId,
      role: membership.role,
    };
    await this.streams.open(lid, viewer, lastEventIdOf(header, query.lastEventId), res);
  }
}

/** The header wins over the query parameter; it must be a whole number. */
function lastEventIdOf(header: string | undefined, query: number | undefined): number | undefined {
  if (header === undefined || header.trim() === '') return query;
  if (!/^\d{1,10}$/.test(header.trim())) {
    throw DomainError.invalid('Last-Event-ID', 'must be a whole number (an event id)');
  }
  return Number(header.trim());
}
