import type { components } from '../../../api/schema';

type ActivityEvent = components['schemas']['ActivityEventView'];

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value : undefined;
const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/** Who acted, in words: the member's name, else what kind of actor it was. */
function actorName(actor: ActivityEvent['actor']): string {
  if (actor.name) return actor.name;
  switch (actor.type) {
    case 'signer':
      return 'A signer';
    case 'system':
      return 'Signatory';
    case 'user':
      return 'A former member';
  }
}

/**
 * One line of the activity feed as a sentence, from the fields each action records
 * (libs/domain: the audit events of sign-ons, invitations and publishing). Only
 * `signature.signed` and `signature.added` carry the organization's printed name; the others
 * say "an organization". An unknown action is still shown, by its code.
 */
export function activitySentence(event: ActivityEvent): string {
  const d = event.data;
  const who = actorName(event.actor);
  const org = text(d.displayName);
  const revision = num(d.revision);
  switch (event.action) {
    case 'signature.signed':
      return `${org ?? 'An organization'} signed${revision ? ` revision ${revision}` : ''}`;
    case 'signature.added':
      return `${who} added ${org ?? 'a sign-on'}, received by phone or paper`;
    case 'signature.approved':
      return `${who} approved a sign-on`;
    case 'signature.rejected':
      return `${who} rejected a sign-on`;
    case 'signature.edited': {
      const from = text(d.from);
      const to = text(d.to);
      return from && to
        ? `${who} corrected the name “${from}” to “${to}”`
        : `${who} corrected a sign-on`;
    }
    case 'signature.withdrawn':
      return 'An organization withdrew its sign-on';
    case 'signature.changed':
      return 'An organization changed its sign-on';
    case 'signature.reconfirmed':
      return `An organization confirmed${revision ? ` revision ${revision}` : ' the new revision'}`;
    case 'signature.email_confirmed':
      return 'A signer confirmed their email address';
    case 'signature.carried_forward': {
      const to = num(d.toRevision);
      return `A sign-on was carried forward${to ? ` to revision ${to}` : ''} (a correction)`;
    }
    case 'invitation.declined': {
      const reason = text(d.reason);
      return `An invited organization declined${reason ? `: “${reason}”` : ''}`;
    }
    case 'invitation.opened':
      return 'An invited organization opened the letter';
    case 'invitation.sent':
      return 'An invitation was delivered';
    case 'invitation.failed':
      return 'An invitation could not be delivered';
    case 'invitation.revoked':
      return `${who} revoked an invitation`;
    case 'invitation.delegated':
      return 'An invited organization passed its invitation on to a colleague';
    case 'letter.invited': {
      const count = num(d.count) ?? 0;
      return `${who} invited ${count} organization${count === 1 ? '' : 's'}`;
    }
    case 'letter.published':
      return `${who} published revision ${revision ?? '?'}`;
    case 'letter.closed':
      return 'Sign-on closed';
    default:
      return `${who}: ${event.action}`;
  }
}
