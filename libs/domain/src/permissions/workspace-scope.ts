import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CampaignEntity } from '../campaigns/campaign.entity';
import { InvitationEntity } from '../invitations/invitation.entity';
import { LetterEntity } from '../letters/letter.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { RenditionEntity } from '../renditions/rendition.entity';
import { SignatureEntity } from '../signatures/signature.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

/** Finds the workspace that owns the resource with this id, or null when there is none. */
export type ScopeResolver = (dataSource: DataSource, id: string) => Promise<string | null>;

/**
 * Route parameter → owning workspace. The permission guard reads the first route
 * parameter named here, so a letter id leads to its campaign's workspace. Each feature
 * adds its parameter (lid, cid, oid, ...) beside `wid`.
 */
const resolvers: Record<string, ScopeResolver> = {
  wid: async (dataSource, id) =>
    (await dataSource.getRepository(WorkspaceEntity).existsBy({ id })) ? id : null,
  cid: async (dataSource, id) =>
    (
      await dataSource
        .getRepository(CampaignEntity)
        .findOne({ where: { id }, select: { workspaceId: true } })
    )?.workspaceId ?? null,
  oid: async (dataSource, id) =>
    (
      await dataSource
        .getRepository(OrganizationEntity)
        .findOne({ where: { id }, select: { workspaceId: true } })
    )?.workspaceId ?? null,
  iid: async (dataSource, id) =>
    (
      await dataSource
        .getRepository(InvitationEntity)
        .findOne({ where: { id }, relations: { letter: { campaign: true } } })
    )?.letter?.campaign?.workspaceId ?? null,
  rid: async (dataSource, id) =>
    (
      await dataSource
        .getRepository(RenditionEntity)
        .findOne({ where: { id }, relations: { letter: { campaign: true } } })
    )?.letter?.campaign?.workspaceId ?? null,
  lid: async (dataSource, id) =>
    (
      await dataSource
        .getRepository(LetterEntity)
        .findOne({ where: { id }, relations: { campaign: true } })
    )?.campaign?.workspaceId ?? null,
  sid: async (dataSource, id) =>
    (
      await dataSource
        .getRepository(SignatureEntity)
        .findOne({ where: { id }, relations: { letter: { campaign: true } } })
    )?.letter?.campaign?.workspaceId ?? null,
};

@Injectable()
export class WorkspaceScope {
  constructor(private readonly dataSource: DataSource) {}

  /** The parameter names that identify a workspace-scoped resource, in lookup order. */
  static readonly params = Object.keys(resolvers);

  /** The workspace of `params`' first scoped resource; null when it does not exist. */
  async resolve(params: Record<string, string | undefined>): Promise<string | null | undefined> {
    for (const [name, resolver] of Object.entries(resolvers)) {
      const id = params[name];
      if (id !== undefined) return resolver(this.dataSource, id);
    }
    return undefined;
  }
}
