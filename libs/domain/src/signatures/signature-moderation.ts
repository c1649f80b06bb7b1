import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { nameKey } from '../organizations/name-key';
import { LIVE_STATUSES, type SignatureEntity, type SignatureStatus } from './signature.entity';

export const moderationStatuses = ['confirmed', 'rejected'] as const;
export type ModerationStatus = (typeof moderationStatuses)[number];

/** What a coordinator's status change does; each is one audit action. */
export type ModerationTransition = 'approved' | 'rejected';

const notNow = (message: string) => new DomainError(DomainErrorCode.NotAllowedNow, message);

// Why a coordinator cannot move a signature out of these, in words for the 422.
const signersOwn: Partial<Record<SignatureStatus, string>> = {
  withdrawn: 'the signer withdrew it; only the signer can sign on again',
  pending_confirmation:
    'the signer has not yet confirmed the request from their email address; nothing is recorded until they do',
};

/** Withdrawn and unconfirmed sign-ons belong to their signers: 422 naming `field`. */
export function assertModeratable(current: SignatureStatus, field: string): void {
  const reason = signersOwn[current];
  if (reason) throw notNow(`${field}: this sign-on is ${current}: ${reason}`);
}

/**
 * The transition from `current` to `wanted`, or null when the signature is already there
 * (repeating an approval changes nothing). Approving takes a pending sign-on, or a rejected
 * one back; rejecting takes a pending or confirmed one.
 */
export function moderationTransition(
  current: SignatureStatus,
  wanted: ModerationStatus,
): ModerationTransition | null {
  if (current === wanted) return null;
  assertModeratable(current, 'status');
  return wanted === 'confirmed' ? 'approved' : 'rejected';
}

/**
 * The key that holds the organization's one live place on the letter (see the entity): its
 * directory id, or its name's key for an organization outside the directory. Null when the
 * signature is not live.
 */
export function liveKeyFor(
  signature: Pick<SignatureEntity, 'status' | 'organizationId' | 'displayName'>,
): string | null {
  if (!LIVE_STATUSES.includes(signature.status)) return null;
  // A name's key can be longer than the name (NFKD expands ligatures); the column holds 320.
  return signature.organizationId ?? `name:${nameKey(signature.displayName)}`.slice(0, 320);
}
