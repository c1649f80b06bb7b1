import { LIVE_STATUSES, type SignatureStatus } from './signature.entity';
import type { SignerAccess } from './signer-access';

/** What a signer may do through a sign-on link. */
export const signerActions = [
  'sign',
  'change',
  'confirm',
  'withdraw',
  'decline',
  'delegate',
] as const;
export type SignerAction = (typeof signerActions)[number];

/** Where a sign-on link stands, as far as what it allows depends on it. */
export interface SignerSituation {
  /** Sign-ons are accepted right now (the letter is open, before its deadline). */
  open: boolean;
  /** The link's invitation status; null for an open sign-on's own link (no invitation). */
  invitationStatus: string | null;
  signature: { status: SignatureStatus; revision: number } | null;
  /** The revision of the text now published. */
  publishedRevision: number;
}

/**
 * The one rule for what a sign-on link allows now: the services enforce it and the sign-on
 * view reports it, so pages and clients offer exactly what will be accepted.
 *
 * - sign: a first sign-on (or a new one after withdrawing) through an invitation;
 * - change: correct the live sign-on (names, visibility) and agree to the current text;
 * - confirm: an open sign-on request from its email, or a live sign-on the newer text;
 * - withdraw: take the live sign-on off the letter;
 * - decline: an invitation not answered yet (or answered and withdrawn) says no;
 * - delegate: pass the invitation to a colleague, with a fresh link.
 *
 * Nothing is allowed once sign-ons close.
 */
export function allowedActions(situation: SignerSituation): SignerAction[] {
  const { open, invitationStatus, signature, publishedRevision } = situation;
  if (!open) return [];
  const live = signature !== null && LIVE_STATUSES.includes(signature.status);
  const pending = signature?.status === 'pending_confirmation';
  const invited = invitationStatus !== null;
  const allowed: Record<SignerAction, boolean> = {
    sign: invited && !live && !pending,
    change: live,
    confirm: pending || (live && signature.revision < publishedRevision),
    withdraw: live,
    decline: invited && !live && invitationStatus !== 'declined',
    delegate: invited,
  };
  return signerActions.filter((action) => allowed[action]);
}

/** What a resolved link allows now. */
export function actionsOf(access: SignerAccess): SignerAction[] {
  return allowedActions({
    open: access.open,
    invitationStatus: access.invitation?.status ?? null,
    signature: access.signature,
    publishedRevision: access.revision,
  });
}
