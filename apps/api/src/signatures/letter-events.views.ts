import type { RenditionProgress, RenditionStatus } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RenditionFileView, renditionStatuses } from '../renditions/renditions.views';

// The `data` of the events on GET /api/letters/:lid/events, as named schemas of the OpenAPI
// document (an `activity` event's data is an ActivityEventView).

export class RenditionProgressEventView implements RenditionProgress {
  @ApiProperty({ format: 'uuid', example: '6e1b2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e' })
  id!: string;

  @ApiProperty({ enum: renditionStatuses, enumName: 'RenditionStatus', example: 'rendering' })
  status!: RenditionStatus;

  @ApiProperty({ example: 40, minimum: 0, maximum: 100 })
  progress!: number;

  @ApiProperty({
    type: () => [RenditionFileView],
    description: 'empty until done; then the pages and sha256 of each file',
  })
  files!: RenditionFileView[];

  @ApiPropertyOptional({
    example: 'letterhead logo: not a PNG or JPEG image',
    description: 'why it failed, when it did',
  })
  error?: string;
}

/** `event: change`: what a member who may not read the activity feed learns of an event. */
export class LetterChangeEventView {
  @ApiProperty({
    example: 118,
    description:
      'the activity event’s seq (also the event’s id): something happened on the letter; refetch its stats and signatures',
  })
  seq!: number;
}

export class LetterEventsResetView {
  @ApiProperty({
    example: 'missed',
    enum: ['missed'],
    description:
      'missed: more events happened since Last-Event-ID than a stream replays; refetch the ' +
      'activity feed (and whatever it shows); live events follow',
  })
  reason!: 'missed';

  @ApiProperty({ example: 1204, description: 'the newest event id; also the reset’s own id' })
  lastEventId!: number;
}
