import { isUniqueViolation } from '@app/database';
import { Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { DomainError } from '../errors/domain-error';
import { lockWorkspace } from './lock-workspace';
import { MembershipEntity } from './membership.entity';
import { Role } from './roles';
import { slugify } from './slug';
import { WorkspaceEntity } from './workspace.entity';

export interface MyWorkspace {
  id: string;
  name: string;
  slug: string;
  role: Role;
}

@Injectable()
export class WorkspacesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * A new workspace whose creator is its owner. The slug is the name's, or that with a
   * random suffix when taken. Checking first and inserting later races with a request
   * creating the same name meanwhile, so the unique index decides: a refused slug is
   * retried with a new suffix in a new transaction (issue 14.5).
   */
  async create(userId: string, name: string): Promise<WorkspaceEntity> {
    const base = slugify(name);
    for (let attempt = 1; ; attempt++) {
      const slug = attempt === 1 ? await this.freeSlug(base) : suffixed(base);
      try {
        return await this.insert(userId, name, slug);
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= SLUG_ATTEMPTS) throw error;
      }
    }
  }

  private insert(userId: string, name: string, slug: string): Promise<WorkspaceEntity> {
    return this.dataSource.transaction(async (manager) => {
      const workspace = manager.create(WorkspaceEntity, {
        id: randomUUID(),
        name: name.trim(),
        slug,
        letterheadKey: null,
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
      .select(['w.id AS id', 'w.name AS name', 'w.slug AS slug', 'm.role AS role'])
      .where('m.user_id = :userId', { userId })
      .orderBy('w.name', 'ASC')
      .getRawMany<MyWorkspace>();
    return rows.map(({ id, name, slug, role }) => ({ id, name, slug, role }));
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
