import {
  signatureStatuses,
  signerActions,
  visibilities,
  type SignatureStatus,
  type SignerAction,
  type Visibility,
} from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { invitationStatuses } from '../invitations/invitations.views';
import { letterStatuses } from '../letters/letters.views';
import { PublishedLetterFields } from './open-sign-on.views';

// The sign-on link's answers as the OpenAPI document names them (a generated client's
// types). Dates travel as ISO 8601 strings.

/** An organization's own sign-on, as its link shows it: never the IP or other private details. */
export class SignOnSignatureView {
  @ApiProperty({ format: 'uuid', example: '5b0e8f7c-1d2a-4e7b-9c3f-0a1b2c3d4e5f' })
  id!: string;

  @ApiProperty({ enum: signatureStatuses, enumName: 'SignatureStatus', example: 'confirmed' })
  status!: SignatureStatus;

  @ApiProperty({ example: 'Reporters Without Borders', description: 'exactly as printed' })
  displayName!: string;

  @ApiProperty({ example: 'Clothilde Dupont' })
  signerName!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Advocacy Director' })
  signerTitle!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'FR', description: 'ISO 3166-1 alpha-2' })
  country!: string | null;

  @ApiProperty({ enum: visibilities, enumName: 'Visibility', example: 'public' })
  visibility!: Visibility;

  @ApiProperty({ example: 2, description: 'the revision of the text this sign-on agreed to' })
  revision!: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-20T14:03:00.000Z' })
  signedAt!: string;

  @ApiProperty({
    example: false,
    description: 'signed an older revision than the one now published: confirm to agree to it',
  })
  needsReconsent!: boolean;
}

export class SignOnLetterView extends PublishedLetterFields {
  @ApiProperty({
    enum: letterStatuses,
    enumName: 'LetterStatus',
    example: 'open',
  })
  status!: string;

  @ApiProperty({ example: true, description: 'sign-ons are accepted right now' })
  open!: boolean;
}

export class SignOnOrganizationView {
  @ApiProperty({ example: 'Reporters Without Borders' })
  name!: string;

  @ApiProperty({ type: String, nullable: true, example: 'FR' })
  country!: string | null;
}

/**
 * GET /api/sign/:token: the letter as published and this organization's side of it.
 * `invitationStatus` is null for an open sign-on's own link (it has no invitation).
 */
export class SignOnView {
  @ApiProperty({ type: SignOnLetterView })
  letter!: SignOnLetterView;

  @ApiProperty({ type: SignOnOrganizationView })
  organization!: SignOnOrganizationView;

  @ApiProperty({
    enum: invitationStatuses,
    enumName: 'InvitationStatus',
    nullable: true,
    example: 'opened',
  })
  invitationStatus!: string | null;

  @ApiProperty({ type: SignOnSignatureView, nullable: true })
  signature!: SignOnSignatureView | null;

  @ApiProperty({ example: 42, description: 'organizations signed on so far, named or not' })
  signedCount!: number;

  @ApiProperty({
    example:
      'On behalf of Reporters Without Borders, I sign "Free the journalists held in Evin prison" (revision 2), coordinated by the Press Freedom Coalition.',
    description: 'the statement a signature stores, exactly as shown',
  })
  consentText!: string;

  @ApiProperty({
    enum: visibilities,
    enumName: 'Visibility',
    isArray: true,
    example: ['public', 'anonymous'],
    description: 'the visibilities this letter lets a signer choose; the first is the default',
  })
  visibilities!: Visibility[];

  @ApiProperty({
    enum: signerActions,
    enumName: 'SignerAction',
    isArray: true,
    example: ['sign', 'decline', 'delegate'],
    description:
      'what this link allows now, as the server enforces it: `sign` (POST, a first sign-on), ' +
      '`change` (POST, correct the live sign-on), `confirm`, `withdraw`, `decline`, `delegate` ' +
      '(POST to those paths); empty once sign-ons close',
  })
  allowedActions!: SignerAction[];
}

/** The sign-on after signing, confirming or withdrawing. */
export class SignOnOutcome {
  @ApiProperty({ type: SignOnSignatureView })
  signature!: SignOnSignatureView;
}

export class SignOnDeclined {
  @ApiProperty({ enum: ['declined'], example: 'declined' })
  invitationStatus!: 'declined';
}

export class SignOnDelegated {
  @ApiProperty({
    example: 'amina.diallo@rsf.example',
    description: 'the address the fresh link was sent to',
  })
  delegatedTo!: string;
}
