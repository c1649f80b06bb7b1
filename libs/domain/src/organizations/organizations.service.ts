import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Brackets, DataSource, IsNull, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { Clock } from '../clock';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { InvitationEntity } from '../invitations/invitation.entity';
import { SignatureEntity } from '../signatures/signature.entity';
import { foldForSearch, nameKey } from './name-key';
import { recomputeLastActivity } from './organization-activity';
import { organizationHistory, type OrganizationLetterHistory } from './organization-history';
import {
  organizationFields,
  type OrganizationFields,
  type OrganizationInput,
} from './organization-input';
import { OrganizationEntity } from './organization.entity';

export interface OrganizationView {
  id: string;
  /** Its workspace: the app checks its address against it. */
  workspaceId: string;
  name: string;
  /** The primary contact address. */
  email: string;
  emails: string[];
  contactName: string | null;
  country: string | null;
  website: string | null;
  tags: string[];
  archived: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** A directory row: the organization, and when it last had anything to do with a letter. */
export interface DirectoryItem extends OrganizationView {
  /** The newest `lastActivityAt` of its history; null when never invited nor signed. */
  lastActivityAt: Date | null;
}

/** The directory's orders; `-` is descending. Every one ends by name, then id, to page stably. */
export const DIRECTORY_SORTS = [
  'name',
  '-name',
  'createdAt',
  '-createdAt',
  'lastActivity',
  '-lastActivity',
] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];

export interface DirectoryQuery {
  search?: string;
  tag?: string;
  /** Default: name. */
  sort?: DirectorySort;
  page: number;
  limit: number;
  includeArchived?: boolean;
}

export function organizationView(o: OrganizationEntity): OrganizationView {
  const emails = JSON.parse(o.emails) as string[];
  return {
    id: o.id,
    workspaceId: o.workspaceId,
    name: o.name,
    email: emails[0],
    emails,
    contactName: o.contactName,
    country: o.country,
    website: o.website,
    tags: JSON.parse(o.tags) as string[],
    archived: o.archivedAt !== null,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}

/** LIKE pattern for a literal fragment (its % _ and \ escaped). */
const contains = (fragment: string) => `%${fragment.replace(/[\\%_]/g, '\\$&')}%`;

/** The coalition's directory of member organizations. */
@Injectable()
export class OrganizationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async create(
    workspaceId: string,
    input: OrganizationInput,
  ): Promise<{
    organization: OrganizationView;
    possibleDuplicates: { id: string; name: string }[];
  }> {
    const fields = organizationFields(input) as OrganizationFields;
    return this.dataSource.transaction(async (manager) => {
      const duplicates = await manager.find(OrganizationEntity, {
        where: { workspaceId, nameKey: nameKey(fields.name) },
        select: { id: true, name: true },
      });
      const organization = await this.insert(manager, workspaceId, fields);
      return {
        organization: organizationView(organization),
        possibleDuplicates: duplicates.map(({ id, name }) => ({ id, name })),
      };
    });
  }

  async get(id: string): Promise<OrganizationView> {
    return organizationView(await this.entityOrFail(this.dataSource.manager, id));
  }

  /** Every letter it was invited to or signed, newest activity first. */
  async history(id: string): Promise<OrganizationLetterHistory[]> {
    await this.entityOrFail(this.dataSource.manager, id);
    return organizationHistory(this.dataSource.manager, id);
  }

  async update(
    id: string,
    input: OrganizationInput & { archived?: unknown },
  ): Promise<OrganizationView> {
    const fields = organizationFields(input, true);
    if (input.archived !== undefined && typeof input.archived !== 'boolean') {
      throw DomainError.invalid('archived', 'must be true or false');
    }
    return this.dataSource.transaction(async (manager) => {
      const organization = await this.entityOrFail(manager, id);
      this.apply(organization, fields);
      if (input.archived !== undefined) {
        organization.archivedAt = input.archived
          ? (organization.archivedAt ?? this.clock.now())
          : null;
      }
      return organizationView(await manager.save(organization));
    });
  }

  /** Deletes an organization; one ever invited or signed keeps its history: archive it. */
  async remove(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.entityOrFail(manager, id);
      if (
        (await manager.existsBy(InvitationEntity, { organizationId: id })) ||
        (await manager.existsBy(SignatureEntity, { organizationId: id }))
      ) {
        throw new DomainError(
          DomainErrorCode.NotAllowedNow,
          'organization: it has been invited or has signed; archive it instead ({"archived": true})',
        );
      }
      await manager.delete(OrganizationEntity, { id });
    });
  }

  /**
   * Merges a duplicate into the organization that stays: its invitations move over (where
   * the survivor was not invited to the same letter; otherwise the duplicate's link is
   * revoked), and so do its signatures (one signed for both: the survivor's stays live, the
   * duplicate's is kept as rejected); its addresses and tags are added, gaps filled; the
   * duplicate is archived.
   */
  async merge(
    sourceId: string,
    targetId: string,
  ): Promise<{
    organization: OrganizationView;
    movedInvitations: number;
    movedSignatures: number;
  }> {
    if (sourceId === targetId)
      throw DomainError.invalid('into', 'cannot merge an organization into itself');
    return this.dataSource.transaction(async (manager) => {
      const source = await this.entityOrFail(manager, sourceId);
      const target = await manager.findOneBy(OrganizationEntity, {
        id: targetId,
        workspaceId: source.workspaceId,
      });
      if (!target)
        throw DomainError.invalid('into', "no such organization in this workspace's directory");
      const invitedLetters = new Set(
        (await manager.findBy(InvitationEntity, { organizationId: targetId })).map(
          (i) => i.letterId,
        ),
      );
      let moved = 0;
      for (const invitation of await manager.findBy(InvitationEntity, {
        organizationId: sourceId,
      })) {
        if (invitedLetters.has(invitation.letterId)) {
          invitation.revokedAt ??= this.clock.now();
        } else {
          invitation.organizationId = targetId;
          moved++;
        }
        await manager.save(invitation);
      }
      const movedSignatures = await this.moveSignatures(manager, sourceId, targetId);
      const emails = [
        ...new Set([...this.parsed(target.emails), ...this.parsed(source.emails)]),
      ].slice(0, 10);
      const tags = [...new Set([...this.parsed(target.tags), ...this.parsed(source.tags)])].slice(
        0,
        20,
      );
      this.apply(target, {
        emails,
        tags,
        contactName: target.contactName ?? source.contactName,
        country: target.country ?? source.country,
        website: target.website ?? source.website,
      });
      await manager.save(target);
      source.archivedAt ??= this.clock.now();
      await manager.save(source);
      // The triggers moved the target's last activity forward; the source's goes back.
      await recomputeLastActivity(manager, sourceId);
      return {
        organization: organizationView(target),
        movedInvitations: moved,
        movedSignatures,
      };
    });
  }

  private async moveSignatures(manager: EntityManager, sourceId: string, targetId: string) {
    const targetLive = new Set(
      (await manager.findBy(SignatureEntity, { liveKey: targetId })).map((s) => s.letterId),
    );
    const signatures = await manager.findBy(SignatureEntity, { organizationId: sourceId });
    for (const signature of signatures) {
      signature.organizationId = targetId;
      if (signature.liveKey === sourceId) {
        if (targetLive.has(signature.letterId)) {
          Object.assign(signature, { liveKey: null, status: 'rejected' });
        } else {
          signature.liveKey = targetId;
        }
      }
      await manager.save(signature);
    }
    return signatures.length;
  }

  /**
   * Name prefix or substring, diacritics and case ignored; a tag; in the order asked, a page
   * at a time (offset paging: every order ends by name, then id, so pages neither skip nor
   * repeat a row), each row with its last activity.
   */
  async list(
    workspaceId: string,
    query: DirectoryQuery,
  ): Promise<{ items: DirectoryItem[]; total: number }> {
    const qb = this.dataSource
      .getRepository(OrganizationEntity)
      .createQueryBuilder('o')
      .where('o.workspace_id = :workspaceId', { workspaceId });
    if (!query.includeArchived) qb.andWhere('o.archived_at IS NULL');
    const search = query.search ? foldForSearch(query.search) : '';
    if (search) {
      qb.andWhere(
        new Brackets((w) =>
          w
            .where("o.search_name LIKE :search ESCAPE '\\'", { search: contains(search) })
            .orWhere("o.name_key LIKE :key ESCAPE '\\'", { key: contains(nameKey(query.search!)) }),
        ),
      );
    }
    if (query.tag) {
      qb.andWhere("o.tags LIKE :tag ESCAPE '\\'", {
        tag: contains(JSON.stringify(query.tag.trim().toLowerCase())),
      });
    }
    const [rows, total] = await this.ordered(qb, query.sort ?? 'name')
      .skip((query.page - 1) * query.limit)
      .take(query.limit)
      .getManyAndCount();
    return {
      items: rows.map((o) => ({ ...organizationView(o), lastActivityAt: o.lastActivityAt })),
      total,
    };
  }

  /**
   * Orders the directory's query. By last activity, never active counts as oldest (first
   * when ascending, last when descending), so that one order is the other reversed.
   */
  private ordered(qb: SelectQueryBuilder<OrganizationEntity>, sort: DirectorySort) {
    const direction = sort.startsWith('-') ? 'DESC' : 'ASC';
    switch (sort) {
      case 'name':
      case '-name':
        return qb.orderBy('o.search_name', direction).addOrderBy('o.id', direction);
      case 'createdAt':
      case '-createdAt':
        qb.orderBy('o.created_at', direction);
        break;
      case 'lastActivity':
      case '-lastActivity':
        qb.orderBy(
          'o.last_activity_at',
          direction,
          direction === 'ASC' ? 'NULLS FIRST' : 'NULLS LAST',
        );
        break;
    }
    return qb.addOrderBy('o.search_name', 'ASC').addOrderBy('o.id', 'ASC');
  }

  /** Groups of organizations whose names share a key: likely the same organization. */
  async duplicates(
    workspaceId: string,
  ): Promise<{ key: string; organizations: OrganizationView[] }[]> {
    const rows = await this.dataSource.getRepository(OrganizationEntity).find({
      where: { workspaceId, archivedAt: IsNull() },
      order: { nameKey: 'ASC', createdAt: 'ASC' },
    });
    const groups = new Map<string, OrganizationEntity[]>();
    for (const row of rows) groups.set(row.nameKey, [...(groups.get(row.nameKey) ?? []), row]);
    return [...groups.entries()]
      .filter(([, members]) => members.length > 1)
      .map(([key, members]) => ({ key, organizations: members.map(organizationView) }));
  }

  /**
   * Creates or updates from already checked rows (a CSV import), in the caller's
   * transaction: an organization with the same name key or a shared email is updated.
   */
  async upsert(
    manager: EntityManager,
    workspaceId: string,
    fields: OrganizationFields,
  ): Promise<'created' | 'updated'> {
    const existing =
      (await manager.findOne(OrganizationEntity, {
        where: { workspaceId, nameKey: nameKey(fields.name) },
      })) ?? (await this.findByEmail(manager, workspaceId, fields.emails));
    if (!existing) {
      await this.insert(manager, workspaceId, fields);
      return 'created';
    }
    const mergedEmails = [
      ...new Set([...fields.emails, ...(JSON.parse(existing.emails) as string[])]),
    ].slice(0, 10);
    this.apply(existing, { ...fields, emails: mergedEmails });
    await manager.save(existing);
    return 'updated';
  }

  /** Every organization of the workspace, for export. */
  all(workspaceId: string): Promise<OrganizationEntity[]> {
    return this.dataSource.getRepository(OrganizationEntity).find({
      where: { workspaceId, archivedAt: IsNull() },
      order: { searchName: 'ASC', id: 'ASC' },
    });
  }

  private parsed(json: string): string[] {
    return JSON.parse(json) as string[];
  }

  private async findByEmail(manager: EntityManager, workspaceId: string, emails: string[]) {
    for (const email of emails) {
      const found = await manager
        .createQueryBuilder(OrganizationEntity, 'o')
        .where('o.workspace_id = :workspaceId', { workspaceId })
        .andWhere("o.emails LIKE :email ESCAPE '\\'", { email: contains(JSON.stringify(email)) })
        .getOne();
      if (found) return found;
    }
    return null;
  }

  private async insert(manager: EntityManager, workspaceId: string, fields: OrganizationFields) {
    const now = this.clock.now();
    const organization = manager.create(OrganizationEntity, {
      id: randomUUID(),
      workspaceId,
      createdAt: now,
      archivedAt: null,
    });
    this.apply(organization, fields);
    return manager.save(organization);
  }

  private apply(organization: OrganizationEntity, fields: Partial<OrganizationFields>): void {
    if (fields.name !== undefined) {
      organization.name = fields.name;
      organization.nameKey = nameKey(fields.name);
      organization.searchName = foldForSearch(fields.name);
    }
    if (fields.emails !== undefined) organization.emails = JSON.stringify(fields.emails);
    if (fields.contactName !== undefined) organization.contactName = fields.contactName;
    if (fields.country !== undefined) organization.country = fields.country;
    if (fields.website !== undefined) organization.website = fields.website;
    if (fields.tags !== undefined) organization.tags = JSON.stringify(fields.tags);
    organization.updatedAt = this.clock.now();
  }

  private async entityOrFail(manager: EntityManager, id: string): Promise<OrganizationEntity> {
    const organization = await manager.findOneBy(OrganizationEntity, { id });
    if (!organization) throw DomainError.notFound('organization');
    return organization;
  }
}
