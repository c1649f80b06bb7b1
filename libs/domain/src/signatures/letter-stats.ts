import type { EntityManager } from 'typeorm';
import { InvitationEntity } from '../invitations/invitation.entity';
import type { LetterEntity } from '../letters/letter.entity';
import { SignatureEntity, type SignatureStatus } from './signature.entity';

/** The numbers on a letter's tracking page (definitions in docs/tracking.md). */
export interface LetterStats {
  invited: number;
  sent: number;
  opened: number;
  signed: number;
  declined: number;
  failed: number;
  pending: number;
  withdrawn: number;
  rejected: number;
  awaitingReconsent: number;
  /** Confirmed signatures by the revision they signed. */
  byRevision: Record<string, number>;
}

// Drivers answer COUNT and SUM as numbers (SQLite) or strings (PostgreSQL's bigint), SUM
// over no rows as null.
export const count = (value: unknown) => Number(value ?? 0);

/**
 * Two aggregate queries, whatever the number of sign-ons: no row is loaded. They run at
 * once (two connections on PostgreSQL), and so may the letter's own lookup: `letter` may
 * still be on its way.
 */
export async function letterStats(
  manager: EntityManager,
  letterId: string,
  letter: Promise<Pick<LetterEntity, 'publishedRevision'>>,
): Promise<LetterStats> {
  const [invitations, groups, { publishedRevision }] = await Promise.all([
    manager
      .createQueryBuilder(InvitationEntity, 'i')
      .select('COUNT(*)', 'invited')
      .addSelect('COUNT(i.sentAt)', 'sent')
      .addSelect('COUNT(i.openedAt)', 'opened')
      .addSelect('SUM(CASE WHEN i.status = :declined THEN 1 ELSE 0 END)', 'declined')
      .addSelect('SUM(CASE WHEN i.status = :failed THEN 1 ELSE 0 END)', 'failed')
      .where('i.letterId = :letterId', { letterId })
      .setParameters({ declined: 'declined', failed: 'failed' })
      .getRawOne<Record<string, unknown>>(),
    manager
      .createQueryBuilder(SignatureEntity, 's')
      .select('s.status', 'status')
      .addSelect('s.revision', 'revision')
      .addSelect('COUNT(*)', 'count')
      .where('s.letterId = :letterId', { letterId })
      .groupBy('s.status')
      .addGroupBy('s.revision')
      .getRawMany<{ status: SignatureStatus; revision: unknown; count: unknown }>(),
    letter,
  ]);

  const byStatus = (status: SignatureStatus) =>
    groups.filter((g) => g.status === status).reduce((sum, g) => sum + count(g.count), 0);
  const confirmed = groups.filter((g) => g.status === 'confirmed');
  const published = publishedRevision ?? 0;
  return {
    invited: count(invitations?.invited),
    sent: count(invitations?.sent),
    opened: count(invitations?.opened),
    signed: byStatus('confirmed'),
    declined: count(invitations?.declined),
    failed: count(invitations?.failed),
    pending: byStatus('pending_approval'),
    withdrawn: byStatus('withdrawn'),
    rejected: byStatus('rejected'),
    awaitingReconsent: confirmed
      .filter((g) => count(g.revision) < published)
      .reduce((sum, g) => sum + count(g.count), 0),
    byRevision: Object.fromEntries(
      confirmed
        .map((g) => [String(count(g.revision)), count(g.count)] as const)
        .sort(([a], [b]) => Number(a) - Number(b)),
    ),
  };
}
