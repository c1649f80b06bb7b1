import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import {
  DataSource,
  IsNull,
  LessThan,
  Not,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
} from 'typeorm';
import { Clock } from '../clock';
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
/** Pending events chained per sealing transaction (4 parameters each in the UPDATE). */
const SEAL_BATCH = 1000;
/**
 * How long after a commit its events are chained: the events of the sign-ons committed
 * meanwhile go in the same pass (a pass is five statements, whatever its size).
 */
const SEAL_DELAY_MS = 50;

type Chained = Pick<
  AuditEventEntity,
  | 'workspaceId'
  | 'actorType'
  | 'actorId'
  | 'action'
  | 'subjectType'
  | 'subjectId'
  | 'letterId'
  | 'data'
  | 'createdAt'
> & { seq: number; prevHash: string };

function hashOf(event: Chained): string {
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

/** Requests for a workspace's sealing passes, so that concurrent requests share a pass. */
interface SealSlot {
  requested: number;
  running: boolean;
  waiters: { ticket: number; resolve: () => void; reject: (error: unknown) => void }[];
}

/**
 * The audit trail: one hash chain per workspace (see docs/tracking.md, "Audit
 * verification").
 *
 * On SQLite, where one write transaction runs at a time anyway, an event is chained in the
 * transaction that records it. On PostgreSQL, chaining in that transaction would make every
 * writer of a workspace wait for the one before it to commit (thousands of sign-ons of one
 * letter, one at a time). There an event is written in the caller's transaction *pending*
 * (no `seq` or hash yet): it commits or rolls back with the change it records, so nothing is
 * lost. SEAL_DELAY_MS after that transaction commits, a sealing pass chains every pending
 * event of the workspace in the order they were inserted, in one short transaction; passes
 * of one workspace exclude each other with a row lock, and the unique (workspace, seq) index
 * still refuses a fork. Reading the trail (verify, list, a letter's activity) first waits for a pass, so a
 * reader always sees every event committed before it asked, chained.
 */
@Injectable()
export class AuditService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Audit');
  /** Workspaces with pending events, per open transaction (PostgreSQL). */
  private readonly pendingIn = new WeakMap<QueryRunner, Set<string>>();
  private readonly slots = new Map<string, SealSlot>();
  private readonly scheduled = new Map<string, NodeJS.Timeout>();
  private closing = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    if (this.deferred) {
      const subscriber: EntitySubscriberInterface = {
        afterTransactionCommit: ({ queryRunner }) => this.committed(queryRunner),
        afterTransactionRollback: ({ queryRunner }) => {
          if (!queryRunner.isTransactionActive) this.pendingIn.delete(queryRunner);
        },
      };
      this.dataSource.subscribers.push(subscriber);
    }
  }

  /** Whether events are chained after their transaction (PostgreSQL) or in it (SQLite). */
  private get deferred(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /** Events left pending by a process that stopped before sealing them are chained now. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.deferred) return;
    const rows = await this.dataSource.query<{ workspace_id: string }[]>(
      'SELECT DISTINCT workspace_id FROM audit_events WHERE seq IS NULL',
    );
    await Promise.all(rows.map((row) => this.seal(row.workspace_id)));
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
    if (this.deferred) {
      const pending = rows.map((row) =>
        manager.create(AuditEventEntity, { ...row, seq: null, prevHash: null, hash: null }),
      );
      await manager
        .createQueryBuilder()
        .insert()
        .into(AuditEventEntity)
        .values(pending.map((e) => ({ ...e, journal: () => "nextval('audit_events_journal')" })))
        .updateEntity(false)
        .execute();
      const workspaces = new Set(rows.map((row) => row.workspaceId));
      const runner = manager.queryRunner;
      if (runner?.isTransactionActive) {
        const open = this.pendingIn.get(runner) ?? new Set<string>();
        for (const workspaceId of workspaces) open.add(workspaceId);
        this.pendingIn.set(runner, open);
      } else {
        for (const workspaceId of workspaces) this.sealSoon(workspaceId);
      }
      return pending;
    }
    // SQLite: the caller's transaction already excludes every other writer.
    const chained: AuditEventEntity[] = [];
    const lastOf = new Map<string, { seq: number; hash: string }>();
    for (const row of rows) {
      let last = lastOf.get(row.workspaceId);
      if (!last) {
        const found = await manager.findOne(AuditEventEntity, {
          where: { workspaceId: row.workspaceId },
          order: { seq: 'DESC' },
        });
        last = { seq: found?.seq ?? 0, hash: found?.hash ?? GENESIS };
      }
      const linked = { ...row, seq: last.seq + 1, prevHash: last.hash };
      const entity = manager.create(AuditEventEntity, { ...linked, hash: hashOf(linked) });
      chained.push(entity);
      lastOf.set(row.workspaceId, { seq: linked.seq, hash: entity.hash! });
    }
    await manager
      .createQueryBuilder()
      .insert()
      .into(AuditEventEntity)
      .values(chained)
      .updateEntity(false)
      .execute();
    return chained;
  }

  /**
   * Chains every event of the workspace committed before this call (PostgreSQL; nothing to
   * do on SQLite). Concurrent calls share passes: one running, at most one more queued.
   */
  seal(workspaceId: string): Promise<void> {
    if (!this.deferred) return Promise.resolve();
    let slot = this.slots.get(workspaceId);
    if (!slot) {
      slot = { requested: 0, running: false, waiters: [] };
      this.slots.set(workspaceId, slot);
    }
    const ticket = ++slot.requested;
    const done = new Promise<void>((resolve, reject) =>
      slot.waiters.push({ ticket, resolve, reject }),
    );
    if (!slot.running) void this.drive(workspaceId, slot);
    return done;
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
    if (this.deferred) {
      const pending = await this.dataSource.query<{ workspace_id: string }[]>(
        'SELECT DISTINCT workspace_id FROM audit_events WHERE letter_id = $1 AND seq IS NULL',
        [letterId],
      );
      await Promise.all(pending.map((row) => this.seal(row.workspace_id)));
    }
    return this.dataSource.getRepository(AuditEventEntity).find({
      where: { letterId, seq: beforeSeq ? LessThan(beforeSeq) : Not(IsNull()) },
      order: { seq: 'DESC' },
      take: limit,
    });
  }

  /** Newest first. */
  async list(workspaceId: string, limit = 100): Promise<AuditEventEntity[]> {
    await this.seal(workspaceId);
    return this.dataSource
      .getRepository(AuditEventEntity)
      .find({ where: { workspaceId, seq: Not(IsNull()) }, order: { seq: 'DESC' }, take: limit });
  }

  private committed(runner: QueryRunner): void {
    // A released savepoint is not the end of the transaction.
    if (runner.isTransactionActive) return;
    const workspaces = this.pendingIn.get(runner);
    if (!workspaces) return;
    this.pendingIn.delete(runner);
    for (const workspaceId of workspaces) this.sealSoon(workspaceId);
  }

  /**
   * Seals in the background, SEAL_DELAY_MS from now: events committed meanwhile share the
   * pass. A failure leaves the events pending for the next pass.
   */
  private sealSoon(workspaceId: string): void {
    if (this.closing) {
      // Stopping: no timer may outlive the database; seal now while it is still open.
      this.seal(workspaceId).catch((error: Error) =>
        this.logger.warn(`sealing audit events of workspace ${workspaceId}: ${error.message}`),
      );
      return;
    }
    if (this.scheduled.has(workspaceId)) return;
    const timer = setTimeout(() => {
      this.scheduled.delete(workspaceId);
      this.seal(workspaceId).catch((error: Error) =>
        this.logger.warn(`sealing audit events of workspace ${workspaceId}: ${error.message}`),
      );
    }, SEAL_DELAY_MS);
    this.scheduled.set(workspaceId, timer);
  }

  /** Before the database closes: the scheduled passes run now, the running ones finish. */
  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    const workspaces = [...this.scheduled.keys(), ...this.slots.keys()];
    for (const timer of this.scheduled.values()) clearTimeout(timer);
    this.scheduled.clear();
    await Promise.all(
      [...new Set(workspaces)].map((workspaceId) =>
        this.seal(workspaceId).catch((error: Error) =>
          this.logger.warn(`sealing audit events of workspace ${workspaceId}: ${error.message}`),
        ),
      ),
    );
  }

  /** Runs passes until every request made so far is covered by a pass started after it. */
  private async drive(workspaceId: string, slot: SealSlot): Promise<void> {
    slot.running = true;
    try {
      while (slot.waiters.length) {
        const covered = slot.requested;
        const settled = slot.waiters.filter((w) => w.ticket <= covered);
        slot.waiters = slot.waiters.filter((w) => w.ticket > covered);
        try {
          await this.sealPending(workspaceId);
          for (const waiter of settled) waiter.resolve();
        } catch (error) {
          for (const waiter of settled) waiter.reject(error);
        }
      }
    } finally {
      slot.running = false;
      if (!slot.waiters.length) this.slots.delete(workspaceId);
    }
  }

  /** One pass: chains the pending events in insertion order, in batches. */
  private async sealPending(workspaceId: string): Promise<void> {
    for (;;) {
      const sealed = await this.dataSource.transaction(async (manager) => {
        // Excludes other passes over this workspace (in any process), not the writers:
        // inserting an event only takes a key-share lock on the workspace row.
        const found = await manager.query<unknown[]>(
          'SELECT id FROM workspaces WHERE id = $1 FOR NO KEY UPDATE',
          [workspaceId],
        );
        if (!found.length) return 0;
        // The pending events in the order they were written (the partial index
        // audit_events_pending), and the chain's last event (the (workspace, seq) index).
        // Two queries: one with an OR reads every event of the workspace.
        const pending = await manager
          .createQueryBuilder(AuditEventEntity, 'e')
          .where('e.workspaceId = :workspaceId AND e.seq IS NULL', { workspaceId })
          .orderBy('e.journal', 'ASC')
          .limit(SEAL_BATCH)
          .getMany();
        if (!pending.length) return 0;
        const last = await manager
          .createQueryBuilder(AuditEventEntity, 'e')
          .where('e.workspaceId = :workspaceId AND e.seq IS NOT NULL', { workspaceId })
          .orderBy('e.seq', 'DESC')
          .limit(1)
          .getOne();
        let seq = last?.seq ?? 0;
        let prevHash = last?.hash ?? GENESIS;
        const params: unknown[] = [];
        const values: string[] = [];
        for (const event of pending) {
          seq += 1;
          const hash = hashOf({ ...event, seq, prevHash });
          const n = params.length;
          values.push(
            `($${n + 1}::varchar, $${n + 2}::integer, $${n + 3}::varchar, $${n + 4}::varchar)`,
          );
          params.push(event.id, seq, prevHash, hash);
          prevHash = hash;
        }
        await manager.query(
          `UPDATE audit_events AS e SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
             FROM (VALUES ${values.join(', ')}) AS v (id, seq, prev_hash, hash)
            WHERE e.id = v.id AND e.seq IS NULL`,
          params,
        );
        return pending.length;
      });
      if (sealed < SEAL_BATCH) return;
    }
  }
}
