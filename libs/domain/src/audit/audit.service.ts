import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, LessThan, MoreThan, Not, type EntityManager } from 'typeorm';
import { userNames } from '../accounts/user-names';
import { Clock } from '../clock';
import { LetterEvents } from '../events/letter-events';
import { actingUserIds, activityEvent, type ActivityEvent } from '../signatures/letter-activity';
import { AfterCommit } from './after-commit';
import { GENESIS, hashOf, type AuditChainStrategy } from './audit-chain';
import { AuditEventEntity, type ActorType } from './audit-event.entity';
import { DeferredSealing } from './deferred-sealing';
import { InlineChain } from './inline-chain';

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

/**
 * The audit trail: one hash chain per workspace (see docs/tracking.md, "Audit
 * verification").
 *
 * On SQLite, where one write transaction runs at a time anyway, an event is chained in the
 * transaction that records it (InlineChain). On PostgreSQL it is written pending in that
 * transaction and chained shortly after the commit, so that the writers of one workspace do
 * not wait for each other (DeferredSealing). Reading the trail (verify, list, a letter's
 * activity) first waits for a pass, so a reader always sees every event committed before it
 * asked, chained.
 */
@Injectable()
export class AuditService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Audit');
  private readonly chain: AuditChainStrategy;
  /** The live events being published, in the order their events were chained. */
  private publishing: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly letterEvents: LetterEvents,
  ) {
    // An event goes live once it has its place in the chain (its seq, the stream's event
    // id) and that place is committed: after the recording transaction on SQLite, after
    // the sealing pass on PostgreSQL.
    if (this.dataSource.options.type === 'postgres') {
      this.chain = new DeferredSealing(this.dataSource, this.logger, (events) =>
        this.chained(events),
      );
    } else {
      const afterCommit = new AfterCommit(this.dataSource);
      this.chain = new InlineChain((manager, events) =>
        afterCommit.run(manager, () => this.chained(events)),
      );
    }
  }

  /** Events left pending by a process that stopped before sealing them are chained now. */
  async onApplicationBootstrap(): Promise<void> {
    await this.chain.start();
  }

  /**
   * Records an event in the caller's transaction: chained at once on SQLite; on PostgreSQL
   * pending, and chained shortly after the transaction commits.
   */
  async append(
    manager: EntityManager,
    workspaceId: string,
    event: NewAuditEvent,
  ): Promise<AuditEventEntity> {
    const [recorded] = await this.appendMany(manager, [{ workspaceId, event }]);
    return recorded;
  }

  /** append() for many events at once, in one INSERT (PostgreSQL) or one per workspace. */
  async appendMany(
    manager: EntityManager,
    events: { workspaceId: string; event: NewAuditEvent }[],
  ): Promise<AuditEventEntity[]> {
    const now = this.clock.now();
    const rows = events.map(({ workspaceId, event }) => ({
      id: randomUUID(),
      workspaceId,
      actorType: event.actor.type,
      actorId: event.actor.id,
      action: event.action,
      subjectType: event.subject.type,
      subjectId: event.subject.id,
      letterId: event.letterId ?? null,
      data: JSON.stringify(event.data ?? {}),
      createdAt: now,
    }));
    if (!rows.length) return [];
    return this.chain.write(manager, rows);
  }

  /**
   * Chains every event of the workspace committed before this call (PostgreSQL; nothing to
   * do on SQLite). Concurrent calls share passes: one running, at most one more queued.
   */
  seal(workspaceId: string): Promise<void> {
    return this.chain.seal(workspaceId);
  }

  /** Recomputes the workspace's chain from the first event. */
  async verify(workspaceId: string): Promise<ChainVerification> {
    await this.seal(workspaceId);
    const events = await this.dataSource
      .getRepository(AuditEventEntity)
      .find({ where: { workspaceId, seq: Not(IsNull()) }, order: { seq: 'ASC' } });
    let prevHash = GENESIS;
    for (const [index, event] of events.entries()) {
      const seq = event.seq!;
      const linked = event.prevHash === prevHash && seq === index + 1;
      if (!linked || hashOf({ ...event, seq, prevHash }) !== event.hash) {
        return { valid: false, events: events.length, brokenAt: seq };
      }
      prevHash = event.hash;
    }
    return { valid: true, events: events.length };
  }

  /** A letter's events, newest first. */
  async listForLetter(
    letterId: string,
    limit = 200,
    beforeSeq?: number,
  ): Promise<AuditEventEntity[]> {
    await this.chain.sealLetter(letterId);
    return this.dataSource.getRepository(AuditEventEntity).find({
      where: { letterId, seq: beforeSeq ? LessThan(beforeSeq) : Not(IsNull()) },
      order: { seq: 'DESC' },
      take: limit,
    });
  }

  /**
   * A letter's events after `afterSeq`, oldest first, at most `limit`, as the activity feed
   * shows them: what a stream that resumes missed.
   */
  async letterActivitySince(
    letterId: string,
    afterSeq: number,
    limit: number,
  ): Promise<ActivityEvent[]> {
    await this.chain.sealLetter(letterId);
    const events = await this.dataSource.getRepository(AuditEventEntity).find({
      where: { letterId, seq: MoreThan(afterSeq) },
      order: { seq: 'ASC' },
      take: limit,
    });
    return this.activityOf(events);
  }

  /** The newest chained event of a letter, if any. */
  async lastLetterSeq(letterId: string): Promise<number> {
    await this.chain.sealLetter(letterId);
    const [last] = await this.dataSource.getRepository(AuditEventEntity).find({
      where: { letterId, seq: Not(IsNull()) },
      order: { seq: 'DESC' },
      take: 1,
      select: { id: true, seq: true },
    });
    return last?.seq ?? 0;
  }

  /** Activity feed items of these events, with the names of the users who acted. */
  async activityOf(events: AuditEventEntity[]): Promise<ActivityEvent[]> {
    const names = await userNames(this.dataSource.manager, actingUserIds(events));
    return events.map((event) => activityEvent(event, names));
  }

  /** Newest first. */
  async list(workspaceId: string, limit = 100): Promise<AuditEventEntity[]> {
    await this.seal(workspaceId);
    return this.dataSource
      .getRepository(AuditEventEntity)
      .find({ where: { workspaceId, seq: Not(IsNull()) }, order: { seq: 'DESC' }, take: limit });
  }

  /** Before the database closes: the scheduled passes run now, the running ones finish. */
  async onModuleDestroy(): Promise<void> {
    await this.chain.stop();
    await this.publishing;
  }

  /** Newly chained events go live on their letter's stream (LetterEvents). */
  private chained(events: AuditEventEntity[]): void {
    const ofLetters = events.filter((event) => event.letterId && event.seq !== null);
    if (!ofLetters.length) return;
    this.publishing = this.publishing
      .then(() => this.publish(ofLetters))
      .catch((error: Error) =>
        // The events are stored: a stream that resumes reads them from the database.
        this.logger.warn(`live activity events not published: ${error.message}`),
      );
  }

  private async publish(events: AuditEventEntity[]): Promise<void> {
    const items = await this.activityOf(events);
    await Promise.all(
      items.map((event, i) =>
        this.letterEvents.publish(events[i].letterId!, { type: 'activity', event }),
      ),
    );
  }
}
