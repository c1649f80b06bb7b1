import type { EntityManager } from 'typeorm';
import { CampaignEntity } from '../campaigns/campaign.entity';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { LetterEntity } from '../letters/letter.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

/** The letter, if it is open for sign-on at `now`, with its workspace; else 404 or 422. */
export async function findOpenLetter(manager: EntityManager, letterId: string, now: Date) {
  const letter = await manager.findOneBy(LetterEntity, { id: letterId });
  if (!letter) throw DomainError.notFound('letter');
  if (letter.status !== 'open' || !letter.deadline || letter.deadline <= now) {
    throw new DomainError(
      DomainErrorCode.NotAllowedNow,
      `status: invitations need an open letter; this one is ${letter.status}`,
    );
  }
  const campaign = await manager.findOneByOrFail(CampaignEntity, { id: letter.campaignId });
  const workspace = await manager.findOneByOrFail(WorkspaceEntity, { id: campaign.workspaceId });
  return { letter, workspace };
}
