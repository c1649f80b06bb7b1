import { TimestampColumn } from '@app/database';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { InvitationEntity } from '../invitations/invitation.entity';
import type { Visibility } from '../letters/letter-settings';
import { LetterEntity } from '../letters/letter.entity';
import { OrganizationEntity } from '../organizations/organization.entity';

export type SignatureStatus =
  'pending_confirmation' | 'pending_approval' | 'confirmed' | 'withdrawn' | 'rejected';
export type SignatureSource = 'invitation' | 'open' | 'manual';

/** A signature that counts (or will, once confirmed or approved) holds the organization's place. */
export const LIVE_STATUSES: SignatureStatus[] = ['pending_approval', 'confirmed'];

export const isLive = (signature: SignatureEntity) => LIVE_STATUSES.includes(signature.status);

/**
 * One organization's sign-on to one letter. `liveKey` is set while the signature is live
 * (pending approval or confirmed) and cleared when it is withdrawn or rejected; the unique
 * (letter, liveKey) index is what guarantees one live signature per organization, even
 * under a hundred simultaneous submissions.
 */
@Entity('signatures')
@Index('signatures_letter_live', ['letterId', 'liveKey'], { unique: true })
@Index('signatures_letter_status', ['letterId', 'status'])
@Index('signatures_invitation', ['invitationId'])
@Index('signatures_letter_signed', ['letterId', 'signedAt', 'id'])
export class SignatureEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'letter_id', length: 36 })
  letterId: string;

  @ManyToOne(() => LetterEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'letter_id' })
  letter?: LetterEntity;

  /** The directory entry; null for an open sign-on from an organization not in it. */
  @Column('varchar', { name: 'organization_id', length: 36, nullable: true })
  organizationId: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity | null;

  @Column('varchar', { name: 'invitation_id', length: 36, nullable: true })
  invitationId: string | null;

  @ManyToOne(() => InvitationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invitation_id' })
  invitation?: InvitationEntity | null;

  /** The organization id, or `name:<nameKey>` for one outside the directory; null when not live. */
  @Column('varchar', { name: 'live_key', length: 320, nullable: true })
  liveKey: string | null;

  @Column('varchar', { length: 24 })
  status: SignatureStatus;

  @Column('varchar', { length: 16 })
  source: SignatureSource;

  @Column('varchar', { length: 16 })
  visibility: Visibility;

  /** The revision whose text the signer agreed to. */
  @Column('integer')
  revision: number;

  /** Exactly as it will be printed. */
  @Column('varchar', { name: 'display_name', length: 300 })
  displayName: string;

  @Column('varchar', { name: 'signer_name', length: 200 })
  signerName: string;

  @Column('varchar', { name: 'signer_title', length: 200, nullable: true })
  signerTitle: string | null;

  /** Private: coordinators only. */
  @Column('varchar', { name: 'signer_email', length: 320, nullable: true })
  signerEmail: string | null;

  @Column('varchar', { length: 2, nullable: true })
  country: string | null;

  @Column('varchar', { length: 500, nullable: true })
  website: string | null;

  /** The consent statement exactly as the signer saw it. */
  @Column('text', { name: 'consent_text' })
  consentText: string;

  /** "I am authorized to sign on behalf of this organization" was ticked. */
  @Column('boolean')
  authorized: boolean;

  /** An open sign-on confirmed from an address in the organization's own domain. */
  @Column('boolean', { name: 'domain_verified' })
  domainVerified: boolean;

  /** Private: coordinators only. */
  @Column('varchar', { length: 64, nullable: true })
  ip: string | null;

  /** Private: coordinators only. */
  @Column('varchar', { name: 'user_agent', length: 500, nullable: true })
  userAgent: string | null;

  /** Place in a `manual` signatory order. */
  @Column('integer', { nullable: true })
  position: number | null;

  /** An open sign-on's own link (confirmation, then changes), like an invitation's. */
  @Column('varchar', { name: 'token_seed', length: 64, nullable: true })
  tokenSeed: string | null;

  @Column('varchar', { name: 'token_hash', length: 64, nullable: true, unique: true })
  tokenHash: string | null;

  @TimestampColumn({ name: 'signed_at' })
  signedAt: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt: Date;

  @TimestampColumn({ name: 'withdrawn_at', nullable: true })
  withdrawnAt: Date | null;
}
