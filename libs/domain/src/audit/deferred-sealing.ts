import type { Logger } from '@nestjs/common';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';
import { GENESIS, hashOf, type AuditChainStrategy, type AuditRow } from './audit-chain';

/** Pending events chained per sealing transaction (4 parameters each in the UPDATE). */
const SEAL_BATCH = 1000;
/**
 * How long after a commit its events are chained: the events of the sign-ons committed
 * meanwhile go in the same pass (a pass is five statements, whatever its size).
 */
const SEAL_DELAY_MS = 50;

/** Requests for a workspace's sealing passes, so that concurrent requests share a pass. */
interface SealSlot {
  requested: number;
  running: boolean;
  waiters: { ticket: number; resolve: () => void; reject: (error: unknown) => void }[];
}

/**
 * PostgreSQL: chaining in the recording transaction would make every writer of a workspace
 * wait for the one before it to commit (thousands of sign-ons of one letter, one at a
 * time). So an event is written in the caller's transaction *pending* (no `seq` or hash
 * yet): it commits or rolls back with the change it records, so nothing is lost.
 * SEAL_DELAY_MS after that transaction commits, a sealing pass chains every pending event
 * of the workspace in the order they were inserted, in one short transaction; passes of one
 * workspace exclude each other with a row lock, and the unique (workspace, seq) index still
 * refuses a fork.
 */
export class DeferredSealing implements AuditChainStrategy {
  /** Workspaces with pending events, per open transaction. */
  private readonly pendingIn = new WeakMap<QueryRunner, Set<string>>();
  private readonly slots = new Map<string, SealSlot>();
  private readonly scheduled = new Map<string, NodeJS.Timeout>();
  private closing = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
    /** Hears of the events a pass chained, once its transaction has committed. */
    private readonly onChained?: (events: AuditEventEntity[]) => void,
  ) {
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: ({ queryRunner }) => this.committed(queryRunner),
      afterTransactionRollback: ({ queryRunner }) => {
        if (!queryRunner.isTransactionActive) this.pendingIn.delete(queryRunner);
      },
    };
    this.dataSource.subscribers.push(subscriber);
  }

  /** Events left pending by a process that stopped before sealing them are chained now. */
  async start(): Promise<void> {
    const rows = await this.dataSource.query<{ workspace_id: string }[]>(
      'SELECT DISTINCT workspace_id FROM audit_events WHERE seq IS NULL',
    );
    await Promise.all(rows.map((row) => this.seal(row.workspace_id)));
  }

  /** Writes the events pending, in one INSERT; they are sealed after the commit. */
  async write(manager: EntityManager, rows: AuditRow[]): Promise<AuditEventEntity[]> {
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

  /**
   * Chains every event of the workspace committed before this call. Concurrent calls share
   * passes: one running, at most one more queued.
   */
  seal(workspaceId: string): Promise<void> {
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

  async sealLetter(letterId: string): Promise<void> {
    const pending = await this.dataSource.query<{ workspace_id: string }[]>(
      'SELECT DISTINCT workspace_id FROM audit_events WHERE letter_id = $1 AND seq IS NULL',
      [letterId],
    );
    await Promise.all(pending.map((row) => this.seal(row.workspace_id)));
  }

  /** Before the database closes: the scheduled passes run now, the running ones finish. */
  async stop(): Promise<void> {
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
      const chained = await this.dataSource.transaction(async (manager) => {
        // Excludes other passes over this workspace (in any process), not the writers:
        // inserting an event only takes a key-share lock on the workspace row.
        const found = await manager.query<unknown[]>(
          'SELECT id FROM workspaces WHERE id = $1 FOR NO KEY UPDATE',
          [workspaceId],
        );
        if (!found.length) return [];
        // The pending events in the order they were written (the partial index
        // audit_events_pending), and the chain's last event (the (workspace, seq) index).
        // Two queries: one with an OR reads every event of the workspace.
        const pending = await manager
          .createQueryBuilder(AuditEventEntity, 'e')
          .where('e.workspaceId = :workspaceId AND e.seq IS NULL', { workspaceId })
          .orderBy('e.journal', 'ASC')
          .limit(SEAL_BATCH)
          .getMany();
        if (!pending.length) return [];
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
          Object.assign(event, { seq, prevHash, hash });
          prevHash = hash;
        }
        await manager.query(
          `UPDATE audit_events AS e SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
             FROM (VALUES ${values.join(', ')}) AS v (id, seq, prev_hash, hash)
            WHERE e.id = v.id AND e.seq IS NULL`,
          params,
        );
        return pending;
      });
      if (chained.length) this.onChained?.(chained);
      if (chained.length < SEAL_BATCH) return;
    }
  }
}
