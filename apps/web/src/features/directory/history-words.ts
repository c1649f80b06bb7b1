import type { components } from '../../api/schema';

type Entry = components['schemas']['OrganizationLetterHistoryView'];

const SIGNATURE: Record<NonNullable<Entry['signature']>['status'], string> = {
  confirmed: 'Signed',
  pending_confirmation: 'Signed, not confirmed yet',
  pending_approval: 'Signed, awaiting approval',
  withdrawn: 'Signed, then withdrew',
  rejected: 'Sign-on rejected',
};

const INVITATION: Record<NonNullable<Entry['invitation']>['status'], string> = {
  queued: 'Invitation queued',
  sent: 'Invited, no answer yet',
  opened: 'Invited, opened, no answer yet',
  failed: 'Invitation not delivered',
  signed: 'Signed',
  declined: 'Declined',
  withdrawn: 'Withdrew',
};

/** What became of one letter for the organization, in words (never a colour alone). */
export function historyOutcome(entry: Pick<Entry, 'invitation' | 'signature'>): string {
  if (entry.signature) {
    const words = SIGNATURE[entry.signature.status];
    return entry.invitation ? words : `${words} (open sign-on, not invited)`;
  }
  if (!entry.invitation) return 'No invitation';
  const words = INVITATION[entry.invitation.status];
  return entry.invitation.revoked ? `${words}; link revoked` : words;
}
