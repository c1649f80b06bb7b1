import { randomUUID } from 'node:crypto';
import { SignatureEntity } from './signature.entity';

/** What the way of signing decides about a new signature (an invitation's link, a coordinator). */
export type NewSignatureFields = Pick<
  SignatureEntity,
  | 'letterId'
  | 'organizationId'
  | 'invitationId'
  | 'source'
  | 'revision'
  | 'visibility'
  | 'displayName'
  | 'signerName'
  | 'signerTitle'
  | 'signerEmail'
  | 'country'
  | 'website'
  | 'consentText'
> &
  Partial<Pick<SignatureEntity, 'liveKey' | 'status' | 'ip' | 'userAgent'>>;

/**
 * A new signature, confirmed and signed `now` unless the fields say otherwise: the defaults
 * every way of signing starts from, written once so that a new column gets its default in
 * one place. Not yet live (`liveKey` null) unless the caller sets it.
 */
export function newSignature(fields: NewSignatureFields, now: Date): SignatureEntity {
  return Object.assign(new SignatureEntity(), {
    id: randomUUID(),
    liveKey: null,
    status: 'confirmed',
    authorized: true,
    domainVerified: false,
    ip: null,
    userAgent: null,
    position: null,
    tokenSeed: null,
    tokenHash: null,
    signedAt: now,
    updatedAt: now,
    withdrawnAt: null,
    ...fields,
  });
}
