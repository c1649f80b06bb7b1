import {
  signatureSources,
  signatureStatuses,
  visibilities,
  type ActivityEvent,
  type ActorType,
  type LetterChainVerification,
  type LetterStats,
  type PrivateSignatureView as PrivateSignatureShape,
  type SignOnCurve,
  type SignatureSource,
  type SignatureStatus,
  type SignatureView as SignatureShape,
  type Visibility,
} from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// What the tracking routes answer, as named schemas of the OpenAPI document. Each class
// implements the domain's view, so a field added to or dropped from it fails type-check here.
// SignatureView and PrivateSignatureView are exported for the sign-on routes too.

const UUID = { format: 'uuid', example: '3b0f5a7c-8d2e-4c61-9f4a-1e7b2c9d0a55' } as const;
const INSTANT = { type: String, format: 'date-time', example: '2026-12-03T14:22:05.000Z' } as const;
const actorTypes = ['user', 'signer', 'system'] as const satisfies readonly ActorType[];

/** The fields every member sees; the two schemas below add the private ones. */
abstract class SignatureFields implements SignatureShape {
  @ApiProperty(UUID)
  id!: string;

  @ApiProperty({
    ...UUID,
    type: String,
    nullable: true,
    description: 'the organization in the directory; null for an open sign-on not matched to one',
  })
  organizationId!: string | null;

  @ApiProperty({ ...UUID, type: String, nullable: true, description: 'null unless invited' })
  invitationId!: string | null;

  @ApiProperty({
    example: 'Committee to Protect Journalists',
    description: 'the name exactly as printed',
  })
  displayName!: string;

  @ApiProperty({ example: 'Jodie Ginsberg' })
  signerName!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Chief Executive Officer' })
  signerTitle!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'US', description: 'ISO 3166-1 alpha-2' })
  country!: string | null;

  @ApiProperty({ enum: signatureStatuses, enumName: 'SignatureStatus', example: 'confirmed' })
  status!: SignatureStatus;

  @ApiProperty({ enum: signatureSources, enumName: 'SignatureSource', example: 'invitation' })
  source!: SignatureSource;

  @ApiProperty({ enum: visibilities, enumName: 'Visibility', example: 'public' })
  visibility!: Visibility;

  @ApiProperty({ example: 3, description: 'the revision signed' })
  revision!: number;

  @ApiProperty(INSTANT)
  signedAt!: Date;

  @ApiProperty(INSTANT)
  updatedAt!: Date;

  @ApiProperty({ ...INSTANT, nullable: true, example: null })
  withdrawnAt!: Date | null;

  @ApiProperty({ example: true, description: "the signer's email is at the organization's domain" })
  domainVerified!: boolean;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: null,
    description: 'the place in a manually ordered list',
  })
  position!: number | null;
}

const privately = 'coordinators only';

/**
 * A sign-on in a list: members see the public fields; coordinators also see the private
 * ones, which are absent for everybody else.
 */
export class SignatureView extends SignatureFields implements Partial<PrivateSignatureShape> {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'jodie@cpj.example',
    description: privately,
  })
  signerEmail?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'https://cpj.example',
    description: privately,
  })
  website?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '203.0.113.7',
    description: privately,
  })
  ip?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5)',
    description: privately,
  })
  userAgent?: string | null;

  @ApiPropertyOptional({
    example: 'I am authorized to sign this letter on behalf of my organization.',
    description: `${privately}: the consent text the signer agreed to`,
  })
  consentText?: string;

  @ApiPropertyOptional({ example: true, description: privately })
  authorized?: boolean;
}

/** A sign-on with how to reach the signer and the record of consent (coordinators). */
export class PrivateSignatureView extends SignatureFields implements PrivateSignatureShape {
  @ApiProperty({ type: String, nullable: true, example: 'jodie@cpj.example' })
  signerEmail!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'https://cpj.example' })
  website!: string | null;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'null when manual' })
  ip!: string | null;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'null when manual' })
  userAgent!: string | null;

  @ApiProperty({
    example: 'I am authorized to sign this letter on behalf of my organization.',
    description: 'the consent text the signer agreed to',
  })
  consentText!: string;

  @ApiProperty({ example: true, description: 'the signer may sign for the organization' })
  authorized!: boolean;
}

export class LetterStatsView implements LetterStats {
  @ApiProperty({ example: 40, description: 'organizations invited (revoked ones included)' })
  invited!: number;

  @ApiProperty({ example: 38 })
  sent!: number;

  @ApiProperty({ example: 25 })
  opened!: number;

  @ApiProperty({ example: 17 })
  signed!: number;

  @ApiProperty({ example: 2 })
  declined!: number;

  @ApiProperty({ example: 1, description: 'invitations whose mail bounced or failed' })
  failed!: number;

  @ApiProperty({ example: 3, description: 'waiting for the signer or a coordinator' })
  pending!: number;

  @ApiProperty({ example: 1 })
  withdrawn!: number;

  @ApiProperty({ example: 0 })
  rejected!: number;

  @ApiProperty({ example: 4, description: 'asked to confirm a newer revision' })
  awaitingReconsent!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { '2': 5, '3': 12 },
    description: 'confirmed sign-ons by the revision they signed',
  })
  byRevision!: Record<string, number>;
}

export class ActivityActorView {
  @ApiProperty({ enum: actorTypes, enumName: 'ActorType', example: 'user' })
  type!: ActorType;

  @ApiProperty({ type: String, nullable: true, example: '9a1e6c3d-2b4f-4e5a-8c7d-6f0b1a2c3d4e' })
  id!: string | null;

  @ApiPropertyOptional({
    example: 'Maria Ressa',
    description: 'for a user who still has an account',
  })
  name?: string;
}

export class ActivitySubjectView {
  @ApiProperty({ example: 'signature' })
  type!: string;

  @ApiProperty({ example: '3b0f5a7c-8d2e-4c61-9f4a-1e7b2c9d0a55' })
  id!: string;
}

export class ActivityEventView implements ActivityEvent {
  @ApiProperty({ example: 118, description: 'the place in the workspace’s audit chain' })
  seq!: number;

  @ApiProperty(INSTANT)
  at!: Date;

  @ApiProperty({ example: 'signature.confirmed' })
  action!: string;

  @ApiProperty({ type: () => ActivityActorView })
  actor!: ActivityActorView;

  @ApiProperty({ type: () => ActivitySubjectView })
  subject!: ActivitySubjectView;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { revision: 3, visibility: 'public' },
    description: 'what the action recorded; its fields depend on the action',
  })
  data!: Record<string, unknown>;
}

export class LetterChainVerificationView implements LetterChainVerification {
  @ApiProperty({ example: true })
  valid!: boolean;

  @ApiProperty({ example: 1204, description: "the workspace's events checked" })
  events!: number;

  @ApiProperty({ example: 87, description: 'how many of them concern this letter' })
  letterEvents!: number;

  @ApiPropertyOptional({
    example: 412,
    description: 'when invalid: the first event whose hash or link does not match',
  })
  brokenAt?: number;
}

export class SignOnCurvePointView {
  @ApiProperty(INSTANT)
  at!: Date;

  @ApiProperty({ example: 250, description: 'confirmed sign-ons by then' })
  count!: number;
}

export class SignOnCurveView implements SignOnCurve {
  @ApiProperty({ example: 10000, description: 'confirmed sign-ons in all' })
  total!: number;

  @ApiProperty({
    type: () => [SignOnCurvePointView],
    description:
      'oldest first; every sign-on up to 100, else 100 evenly spaced ones ending with the last',
  })
  points!: SignOnCurvePointView[];
}
