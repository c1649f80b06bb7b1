import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { DomainError } from '../errors/domain-error';
import { CampaignEntity } from './campaign.entity';

export interface CampaignChanges {
  name?: string;
  description?: string | null;
  archived?: boolean;
}

@Injectable()
export class CampaignsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(
    workspaceId: string,
    actorId: string,
    input: { name: string; description?: string },
  ): Promise<CampaignEntity> {
    return this.dataSource.transaction(async (manager) => {
      const campaign = await manager.save(
        manager.create(CampaignEntity, {
          id: randomUUID(),
          workspaceId,
          name: input.name.trim(),
          description: input.description?.trim() || null,
          createdBy: actorId,
          createdAt: this.clock.now(),
          archivedAt: null,
        }),
      );
      await this.audit.append(manager, workspaceId, {
        actor: { type: 'user', id: actorId },
        action: 'campaign.created',
        subject: { type: 'campaign', id: campaign.id },
        data: { name: campaign.name },
      });
      return campaign;
    });
  }

  /** Active campaigns first, newest first; archived ones only when asked. */
  list(workspaceId: string, includeArchived: boolean): Promise<CampaignEntity[]> {
    return this.dataSource.getRepository(CampaignEntity).find({
      where: includeArchived ? { workspaceId } : { workspaceId, archivedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
  }

  async get(campaignId: string): Promise<CampaignEntity> {
    const campaign = await this.dataSource
      .getRepository(CampaignEntity)
      .findOneBy({ id: campaignId });
    if (!campaign) throw DomainError.notFound('campaign');
    return campaign;
  }

  /** Rename, describe, archive or unarchive. */
  async update(
    campaignId: string,
    actorId: string,
    changes: CampaignChanges,
  ): Promise<CampaignEntity> {
    return this.dataSource.transaction(async (manager) => {
      const campaign = await manager.findOneBy(CampaignEntity, { id: campaignId });
      if (!campaign) throw DomainError.notFound('campaign');
      const before = { name: campaign.name, archived: campaign.archivedAt !== null };
      if (changes.name !== undefined) campaign.name = changes.name.trim();
      if (changes.description !== undefined)
        campaign.description = changes.description?.trim() || null;
      if (changes.archived !== undefined) {
        campaign.archivedAt = changes.archived ? (campaign.archivedAt ?? this.clock.now()) : null;
      }
      await manager.save(campaign);
      await this.audit.append(manager, campaign.workspaceId, {
        actor: { type: 'user', id: actorId },
        action:
          changes.archived === true && !before.archived ? 'campaign.archived' : 'campaign.updated',
        subject: { type: 'campaign', id: campaign.id },
        data: { before, after: { name: campaign.name, archived: campaign.archivedAt !== null } },
      });
      return campaign;
    });
  }
}
