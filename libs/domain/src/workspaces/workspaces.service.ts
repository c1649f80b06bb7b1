import { AppConfig } from '@app/config';
import { isUniqueViolation } from '@app/database';
import { Inject, Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { DomainError } from '../errors/domain-error';
import { timeZoneOrFail } from '../time/time-zone-input';
import { lockWorkspace } from './lock-workspace';
import { MembershipEntity } from './membership.entity';
import { Role } from './roles';
import { slugify } from './slug';
import { WorkspaceEntity } from './workspace.entity';

export interface MyWorkspace {
  id: string;
  name: string;
  slug: string;
  /** The zone in force: the workspace's own, else DEFAULT_TIME_ZONE. */
  timeZone: string;
  role: Role;
}

/** A workspace as the API shows it: `timeZone` is the one in force (its own or the default). */
export interface WorkspaceView {
  id: string;
  name: string;
  slug: string;
  timeZone: string;
}

@Injectable()
export class WorkspacesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** What the API shows of a workspace. */
  view(workspace: WorkspaceEntity): WorkspaceView {
    return {
      id: workspace.id,
      name: workspace.name,
      slug: workspace.slug,
      timeZone: workspace.timeZone ?? this.config.defaultTimeZone,
    };
  }

  /**
   * A new workspace whose creator is its owner; no `timeZone`: DEFAULT_TIME_ZONE. The slug is
   * the name's, or that with a random suffix when taken. Checking first and inserting later
   * races with a request creating the same name meanwhile, so the unique index decides: a
   * refused slug is retried with a new suffix in a new transaction (issue 14.5).
   */
  async create(userId: string, name: string, timeZone?: string | null): Promise<WorkspaceEntity> {
    const zone = timeZone == null ? null : timeZoneOrFail('timeZone', timeZone);
    const base = slugify(name);
    for (let attempt = 1; ; attempt++) {
      const slug = attempt === 1 ? await this.freeSlug(base) : suffixed(base);
      try {
        return await this.insert(userId, name, slug, zone);
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= SLUG_ATTEMPTS) throw error;
      }
    }
  }

  private insert(
    userId: string,
    name: string,
    slug: string,
    zone: string | null,
  ): Promise<WorkspaceEntity> {
    return this.dataSource.transaction(async (manager) => {
      const workspace = manager.create(WorkspaceEntity, {
        id: randomUUID(),
        name: name.trim(),
        slug,
        letterheadKey: null,
        timeZone: zone,
        createdAt: this.clock.now(),
      });
      await manager.save(workspace);
      await manager.save(
        manager.create(MembershipEntity, {
          id: randomUUID(),
          workspaceId: workspace.id,
          userId,
          role: Role.Owner,
          createdAt: this.clock.now(),
        }),
      );
      const actor = { type: 'user' as const, id: userId };
      await this.audit.append(manager, workspace.id, {
        actor,
        action: 'workspace.created',
        subject: { type: 'workspace', id: workspace.id },
        data: { name: workspace.name },
      });
      await this.audit.append(manager, workspace.id, {
        actor,
        action: 'member.added',
        subject: { type: 'user', id: userId },
        data: { role: Role.Owner },
      });
      return workspace;
    });
  }

  async listFor(userId: string): Promise<MyWorkspace[]> {
    const rows = await this.dataSource
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .innerJoin(WorkspaceEntity, 'w', 'w.id = m.workspace_id')
      .select([
        'w.id AS id',
        'w.name AS name',
        'w.slug AS slug',
        'w.time_zone AS "timeZone"',
        'm.role AS role',
      ])
      .where('m.user_id = :userId', { userId })
      .orderBy('w.name', 'ASC')
      .getRawMany<Omit<MyWorkspace, 'timeZone'> & { timeZone: string | null }>();
    return rows.map(({ id, name, slug, timeZone, role }) => ({
      id,
      name,
      slug,
      timeZone: timeZone ?? this.config.defaultTimeZone,
      role,
    }));
  }

  async get(workspaceId: string): Promise<WorkspaceEntity> {
    const workspace = await this.dataSource
      .getRepository(WorkspaceEntity)
      .findOneBy({ id: workspaceId });
    if (!workspace) throw DomainError.notFound('workspace');
    return workspace;
  }

  async rename(workspaceId: string, name: string, actorId: string): Promise<WorkspaceEntity> {
    return this.dataSource.transaction(async (manager) => {
      await lockWorkspace(manager, workspaceId);
      const workspace = await manager.findOneByOrFail(WorkspaceEntity, { id: workspaceId });
      const from = workspace.name;
      workspace.name = name.trim();
      await manager.save(workspace);
      await this.audit.append(manager, workspaceId, {
        actor: { type: 'user', id: actorId },
        action: 'workspace.renamed',
        subject: { type: 'workspace', id: workspaceId },
        data: { from, to: workspace.name },
      });
      return workspace;
    });
  }

  /**
   * Changes the name and/or the time zone (null: back to DEFAULT_TIME_ZONE), each audited.
   * Letters keep their deadline's instant; pages and mails show it in the new zone.
   */
  async update(
    workspaceId: string,
    changes: { name?: string; timeZone?: string | null },
    actorId: string,
  ): Promise<WorkspaceEntity> {
    const zone =
      changes.timeZone === undefined || changes.timeZone === null
        ? changes.timeZone
        : timeZoneOrFail('timeZone', changes.timeZone);
    if (changes.name !== undefined && zone === undefined) {
      return this.rename(workspaceId, changes.name, actorId);
    }
    return this.dataSource.transaction(async (manager) => {
      await lockWorkspace(manager, workspaceId);
      const workspace = await manager.findOneByOrFail(WorkspaceEntity, { id: workspaceId });
      const actor = { type: 'user' as const, id: actorId };
      const subject = { type: 'workspace', id: workspaceId };
      if (changes.name !== undefined && changes.name.trim() !== workspace.name) {
        const from = workspace.name;
        workspace.name = changes.name.trim();
        await this.audit.append(manager, workspaceId, {
          actor,
          action: 'workspace.renamed',
          subject,
          data: { from, to: workspace.name },
        });
      }
      if (zone !== undefined && zone !== workspace.timeZone) {
        const from = workspace.timeZone;
        workspace.timeZone = zone;
        await this.audit.append(manager, workspaceId, {
          actor,
          action: 'workspace.time_zone_changed',
          subject,
          data: { from, to: zone },
        });
      }
      await manager.save(workspace);
      return workspace;
    });
  }

  /** The caller's membership, or null when they are not in the workspace. */
  membership(workspaceId: string, userId: string): Promise<MembershipEntity | null> {
    return this.dataSource.getRepository(MembershipEntity).findOneBy({ workspaceId, userId });
  }

  private async freeSlug(base: string): Promise<string> {
    const taken = await this.dataSource.getRepository(WorkspaceEntity).existsBy({ slug: base });
    return taken ? suffixed(base) : base;
  }
}

/** Tries of `create` before a refused slug is an error; a sixth collision of 24 random bits is not a race. */
const SLUG_ATTEMPTS = 6;

function suffixed(base: string): string {
  return `${base}-${randomBytes(3).toString('hex')}`;
}
