import {
  renditionEditions,
  renditionVariants,
  type RenditionEdition,
  type RenditionFile,
  type RenditionStatus,
  type RenditionChanges,
  type RenditionVariant,
  type RenditionView as RenditionShape,
  type SignatoryRef,
} from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// What the final-PDF routes answer, as named schemas of the OpenAPI document. The class
// implements the domain's view, so a field added to or dropped from it fails type-check here.

/** Every rendition status, in the order a rendition goes through them. */
export const renditionStatuses = [
  'queued',
  'rendering',
  'done',
  'failed',
] as const satisfies readonly RenditionStatus[];

export class RenditionFileView implements Omit<RenditionFile, 'key'> {
  @ApiProperty({
    type: Number,
    nullable: true,
    example: null,
    description: 'the addressee (0-based) of a per-addressee file; null for the combined letter',
  })
  addressee!: number | null;

  @ApiProperty({ example: 3 })
  pages!: number;

  @ApiProperty({
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    description: 'hex SHA-256 of the file, to check a copy against',
  })
  sha256!: string;

  @ApiProperty({ example: 48213 })
  bytes!: number;
}

export class RenditionView implements RenditionShape {
  @ApiProperty({ format: 'uuid', example: '6e1b2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e' })
  id!: string;

  @ApiProperty({ format: 'uuid', example: '7d3f7c2e-5b1a-4f7e-9c61-0a2f9a4b8e13' })
  letterId!: string;

  @ApiProperty({ enum: renditionStatuses, enumName: 'RenditionStatus', example: 'done' })
  status!: RenditionStatus;

  @ApiProperty({ example: 100, minimum: 0, maximum: 100 })
  progress!: number;

  @ApiProperty({ example: 3, description: 'the published revision printed' })
  revision!: number;

  @ApiProperty({ enum: renditionVariants, enumName: 'RenditionVariant', example: 'combined' })
  variant!: RenditionVariant;

  @ApiProperty({
    enum: renditionEditions,
    enumName: 'RenditionEdition',
    example: 'delivery',
    description: 'delivery also names the signers who asked to be named only to the officials',
  })
  edition!: RenditionEdition;

  @ApiProperty({ example: 42, description: 'organizations named in the file(s)' })
  signatoryCount!: number;

  @ApiProperty({ example: 3, description: 'signed on, counted but not named in this edition' })
  unnamedCount!: number;

  @ApiProperty({ type: () => [RenditionFileView], description: 'empty until done' })
  files!: RenditionFileView[];

  @ApiProperty({
    type: [String],
    example: [
      'signatory "Ассоциация журналистов 𓂀" has characters that no embedded font can draw, printed as \uFFFD: U+13080 (𓂀)',
    ],
    description: 'what did not print as written',
  })
  warnings!: string[];

  @ApiPropertyOptional({
    example: 'letterhead logo: not a PNG or JPEG image',
    description: 'why it failed, when it did',
  })
  error?: string;

  @ApiProperty({ example: 1 })
  attempts!: number;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-21T05:10:00.000Z' })
  createdAt!: Date;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-12-21T05:10:04.000Z',
  })
  finishedAt!: Date | null;
}

export class SignatoryRefView implements SignatoryRef {
  @ApiProperty({ format: 'uuid', example: '3b2f6a1e-8c4d-4e5f-9a0b-1c2d3e4f5a6b' })
  signatureId!: string;

  @ApiProperty({ example: 'جمعية الصحفيين المستقلين', description: 'as the rendition printed it' })
  displayName!: string;
}

export class RenamedSignatoryView {
  @ApiProperty({ format: 'uuid', example: '9c8b7a6f-5e4d-4c3b-8a2f-1e0d9c8b7a6f' })
  signatureId!: string;

  @ApiProperty({ example: 'Reporters Network' })
  from!: string;

  @ApiProperty({ example: 'Reporters Network (Kenya)' })
  to!: string;
}

export class RenditionSinceView {
  @ApiProperty({ format: 'uuid', example: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d' })
  id!: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-18T09:30:00.000Z' })
  createdAt!: Date;

  @ApiProperty({ example: 2 })
  revision!: number;
}

export class RenditionChangesView implements RenditionChanges {
  @ApiProperty({
    type: () => RenditionSinceView,
    nullable: true,
    description:
      'the newest finished rendition of the same letter and edition made before this one; null when there is none (the lists are then empty)',
  })
  since!: RenditionSinceView | null;

  @ApiProperty({
    type: () => [SignatoryRefView],
    description: 'named now, not then: signed on since (or newly named in this edition)',
  })
  added!: SignatoryRefView[];

  @ApiProperty({
    type: () => [SignatoryRefView],
    description: 'named then, not now: withdrawn since (or no longer named in this edition)',
  })
  withdrawn!: SignatoryRefView[];

  @ApiProperty({
    type: () => [RenamedSignatoryView],
    description: 'the same sign-on, printed under another name',
  })
  renamed!: RenamedSignatoryView[];

  @ApiProperty({ example: false, description: 'whether the earlier one printed another revision' })
  revisionChanged!: boolean;
}
