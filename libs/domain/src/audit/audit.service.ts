import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, LessThan, type EntityManager } from 'typeorm';
import { Clock } from '../clock';
import { lockWorkspace } from '../workspaces/lock-workspace';
import { AuditEventEntity, type ActorType } from './audit-event.entity';

export interface Actor {
  type: ActorType;
  id: string | null;
}

export interface NewAuditEvent {
  actor: Actor;
  action: string;
  subject: { type: string; id: string };
  /** The letter it concerns, so that the letter's activity feed lists it. */
  letterId?: string;
  data?: Record<string, unknown>;
}

export interface ChainVerification {
  valid: boolean;
  events: number;
  /** The first event whose hash or link does not match, when invalid. */
  brokenAt?: number;
}

const GENESIS = '0'.repeat(64);

function hashOf(event: Omit<AuditEventEntity, 'id' | 'hash'>): string {
  // The letter id joined the chain later: events without one hash exactly as before.
  const letter = event.letterId ? [event.letterId] : [];
  const canonical = JSON.stringify([
    event.workspaceId,
    event.seq,
    event.actorType,
    event.actorId,
    event.action,
    event.subjectType,
    event.subjectId,
    event.data,
    event.createdAt.toISOString(),
    ...letter,
  ]);
  return createHash('sha256').update(`${event.prevHash}\n${canonical}`).digest('hex');
}

@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends an event in the caller's transaction, linked to the workspace's last one.
   * On PostgreSQL the workspace row is locked so concurrent writers queue up; the unique
   * (workspace, seq) index refuses a fork on any database.
   */
  async append(
    manager: EntityManager,
    workspaceId: string,
    event: NewAuditEvent,
  ): Promise<AuditEventEntity> {
    await lockWorkspace(manager, workspaceId);
    const last = await manager.findOne(AuditEventEntity, {
      where: { workspaceId },
      order: { seq: 'DESC' },
    });
    const fields = {
      workspaceId,
      seq: (last?.seq ?? 0) + 1,
      actorType: event.actor.type,
      actorId: event.actor.id,
      action: event.action,
      subjectType: event.subject.type,
      subjectId: event.subject.id,
      letterId: event.letterId ?? null,
      data: JSON.stringify(event.data ?? {}),
      createdAt: this.clock.now(),
      prevHash: last?.hash ?? GENESIS,
    };
    return manager.save(
      manager.create(AuditEventEntity, { id: randomUUID(), ...fields, hash: hashOf(fields) }),
    );
  }

  /** Recomputes the workspace's chain from the first event. */
  async verify(workspaceId: string): Promise<ChainVerification> {
    const events = await this.dataSource
      .getRepository(AuditEventEntity)
      .find({ where: { workspaceId }, order: { seq: 'ASC' } });
    let prevHash = GENESIS;
    for (const [index, event] of events.entries()) {
      const linked = event.prevHash === prevHash && event.seq === index + 1;
      if (!linked || hashOf(event) !== event.hash) {
        return { valid: false, events: events.length, brokenAt: event.seq };
      }
      prevHash = event.hash;
    }
    return { valid: true, events: events.length };
  }

  /** A letter's events, newest first. */
  listForLetter(letterId: string, limit = 200, beforeSeq?: number): Promise<AuditEventEntity[]> {
    return this.dataSource.getRepository(AuditEventEntity).find({
      where: { letterId, ...(beforeSeq ? { seq: LessThan(beforeSeq) } : {}) },
      order: { seq: 'DESC' },
      take: limit,
    });
  }

  /** Newest first. */
  list(workspaceId: string, limit = 100): Promise<AuditEventEntity[]> {
    return this.dataSource
      .getRepository(AuditEventEntity)
      .find({ where: { workspaceId }, order: { seq: 'DESC' }, take: limit });
  }
}
