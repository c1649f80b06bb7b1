import { In, type EntityManager } from 'typeorm';
import { CampaignEntity } from '../campaigns/campaign.entity';
import { InvitationEntity, type InvitationStatus } from '../invitations/invitation.entity';
import type { LetterContent } from '../letters/letter-diff';
import { LetterRevisionEntity } from '../letters/letter-revision.entity';
import { LetterEntity, type LetterStatus } from '../letters/letter.entity';
import { SignatureEntity, type SignatureStatus } from '../signatures/signature.entity';

/** One letter in an organization's history: its invitation and its latest signature. */
export interface OrganizationLetterHistory {
  letterId: string;
  campaignId: string;
  campaignName: string;
  /** The current draft's title. */
  title: string;
  letterStatus: LetterStatus;
  invitation: {
    status: InvitationStatus;
    invitedAt: Date;
    respondedAt: Date | null;
    revoked: boolean;
  } | null;
  /** The latest sign-on (a withdrawn one followed by a new one: the new one). */
  signature: { status: SignatureStatus; signedAt: Date; withdrawnAt: Date | null } | null;
  /** The latest of invited, responded, signed and withdrawn: the list's order, newest first. */
  lastActivityAt: Date;
}

const latest = (...dates: (Date | null | undefined)[]): Date =>
  new Date(Math.max(...dates.filter((d): d is Date => d != null).map((d) => d.getTime())));

/**
 * Every letter an organization was invited to or signed, newest activity first: five
 * queries whatever the number of letters (invitations, signatures, letters, campaigns,
 * current titles).
 */
export async function organizationHistory(
  manager: EntityManager,
  organizationId: string,
): Promise<OrganizationLetterHistory[]> {
  const [invitations, signatures] = await Promise.all([
    manager.findBy(InvitationEntity, { organizationId }),
    manager.find(SignatureEntity, {
      where: { organizationId },
      order: { signedAt: 'ASC', id: 'ASC' },
    }),
  ]);
  const letterIds = [
    ...new Set([...invitations.map((i) => i.letterId), ...signatures.map((s) => s.letterId)]),
  ];
  if (letterIds.length === 0) return [];
  const letters = await manager.findBy(LetterEntity, { id: In(letterIds) });
  const [campaigns, revisions] = await Promise.all([
    manager.findBy(CampaignEntity, { id: In([...new Set(letters.map((l) => l.campaignId))]) }),
    manager
      .createQueryBuilder(LetterRevisionEntity, 'r')
      .innerJoin(LetterEntity, 'l', 'l.id = r.letterId AND l.currentRevision = r.number')
      .select('r.letterId', 'letterId')
      .addSelect('r.content', 'content')
      .where('l.id IN (:...letterIds)', { letterIds })
      .getRawMany<{ letterId: string; content: string }>(),
  ]);
  const campaignNames = new Map(campaigns.map((c) => [c.id, c.name]));
  const titles = new Map(
    revisions.map((r) => [r.letterId, (JSON.parse(r.content) as LetterContent).title]),
  );
  const invitationOf = new Map(invitations.map((i) => [i.letterId, i]));
  // Ascending by time, so the last one set per letter is the latest.
  const signatureOf = new Map(signatures.map((s) => [s.letterId, s]));
  return letters
    .map((letter): OrganizationLetterHistory => {
      const invitation = invitationOf.get(letter.id);
      const signature = signatureOf.get(letter.id);
      const invitedAt = invitation ? (invitation.sentAt ?? invitation.createdAt) : undefined;
      return {
        letterId: letter.id,
        campaignId: letter.campaignId,
        campaignName: campaignNames.get(letter.campaignId) ?? '',
        title: titles.get(letter.id) ?? '',
        letterStatus: letter.status,
        invitation: invitation
          ? {
              status: invitation.status,
              invitedAt: invitedAt!,
              respondedAt: invitation.respondedAt,
              revoked: invitation.revokedAt !== null,
            }
          : null,
        signature: signature
          ? {
              status: signature.status,
              signedAt: signature.signedAt,
              withdrawnAt: signature.withdrawnAt,
            }
          : null,
        lastActivityAt: latest(
          invitedAt,
          invitation?.respondedAt,
          signature?.signedAt,
          signature?.withdrawnAt,
        ),
      };
    })
    .sort(
      (a, b) =>
        b.lastActivityAt.getTime() - a.lastActivityAt.getTime() ||
        a.letterId.localeCompare(b.letterId),
    );
}
