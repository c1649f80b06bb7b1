import type { EntityManager } from 'typeorm';
import { CampaignEntity } from '../campaigns/campaign.entity';
import { DomainError } from '../errors/domain-error';
import { count } from '../signatures/letter-stats';
import { SignatureEntity } from '../signatures/signature.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import type { LetterContent } from './letter-diff';
import { LetterRevisionEntity } from './letter-revision.entity';
import { parseLetterSettings } from './letter-settings';
import { deadlineFields, letterTimeZone } from './letter-time-zone';
import { LetterEntity } from './letter.entity';
import type { LetterState } from './letters.service';

/** One row of a campaign's letters: enough to list them, without their content. */
export interface LetterSummary extends LetterState {
  /** The current draft's title. */
  title: string;
  /** Confirmed sign-ons, every visibility: the `signed` of the letter's stats. */
  signed: number;
  createdAt: Date;
}

/**
 * A campaign's letters, newest first, with their titles and sign-on counts: four queries
 * whatever the number of letters (campaign and workspace, letters, current revisions,
 * counts), so a list screen needs no call per row.
 */
export async function listLetters(
  manager: EntityManager,
  campaignId: string,
  defaultTimeZone: string,
): Promise<LetterSummary[]> {
  const campaign = await manager.findOneBy(CampaignEntity, { id: campaignId });
  if (!campaign) throw DomainError.notFound('campaign');
  const [workspace, letters, revisions, counts] = await Promise.all([
    manager.findOneByOrFail(WorkspaceEntity, { id: campaign.workspaceId }),
    manager.find(LetterEntity, { where: { campaignId }, order: { createdAt: 'DESC', id: 'ASC' } }),
    manager
      .createQueryBuilder(LetterRevisionEntity, 'r')
      .innerJoin(LetterEntity, 'l', 'l.id = r.letterId AND l.currentRevision = r.number')
      .select('r.letterId', 'letterId')
      .addSelect('r.content', 'content')
      .where('l.campaignId = :campaignId', { campaignId })
      .getRawMany<{ letterId: string; content: string }>(),
    manager
      .createQueryBuilder(SignatureEntity, 's')
      .innerJoin(LetterEntity, 'l', 'l.id = s.letterId')
      .select('s.letterId', 'letterId')
      .addSelect('COUNT(*)', 'signed')
      .where('l.campaignId = :campaignId', { campaignId })
      .andWhere('s.status = :confirmed', { confirmed: 'confirmed' })
      .groupBy('s.letterId')
      .getRawMany<{ letterId: string; signed: unknown }>(),
  ]);
  const titles = new Map(
    revisions.map((r) => [r.letterId, (JSON.parse(r.content) as LetterContent).title]),
  );
  const signed = new Map(counts.map((c) => [c.letterId, count(c.signed)]));
  return letters.map((letter) => {
    const zone = letterTimeZone(parseLetterSettings(letter.settings), workspace, defaultTimeZone);
    return {
      id: letter.id,
      campaignId: letter.campaignId,
      workspaceId: workspace.id,
      title: titles.get(letter.id) ?? '',
      status: letter.status,
      revision: letter.currentRevision,
      publishedRevision: letter.publishedRevision,
      deadline: letter.deadline,
      ...deadlineFields(letter.deadline, zone),
      signed: signed.get(letter.id) ?? 0,
      createdAt: letter.createdAt,
    };
  });
}
