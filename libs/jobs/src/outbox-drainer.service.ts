import { AppConfig } from '@app/config';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
  OnModuleInit,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  In,
  Repository,
  type EntityManager,
  type EntitySubscriberInterface,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';
import { JobProducer } from './job-producer';
import { isJobName, type JobName } from './jobs';
import { OutboxEntity } from './outbox.entity';

/** Rows per pass step: one SELECT, one Redis transaction per queue, one UPDATE. */
const BATCH = 1000;
/** A job Redis has not accepted by then counts as not dispatched (it is re-sent later). */
const DISPATCH_TIMEOUT_MS = 5000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error('Redis did not answer in time')),
      DISPATCH_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Set on a transaction's query runner when the transaction wrote outbox rows. */
interface RunnerData {
  outboxWritten?: boolean;
}

/**
 * Notes that `manager` just wrote outbox rows. Inside a transaction this answers true and
 * the drainer runs a pass as soon as the transaction commits; outside one (the row is
 * committed already) it answers false, and the caller wakes the drainer itself.
 */
export function noteOutboxWrite(manager: EntityManager): boolean {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) return false;
  (runner.data as RunnerData).outboxWritten = true;
  return true;
}

/**
 * Moves committed outbox rows into BullMQ, oldest first, at least once. A row is marked
 * dispatched only after BullMQ accepted its job; because each job id is deterministic, a
 * row dispatched twice (a crash in between, or two drainers in two replicas) is one job.
 * While Redis is unreachable rows wait, and the next pass after it returns sends them.
 *
 * Besides polling every OUTBOX_POLL_MS, a pass starts as soon as a transaction of this
 * process that wrote outbox rows commits, so new work does not wait for the next poll.
 */
@Injectable()
export class OutboxDrainer
  implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy, EntitySubscriberInterface
{
  private readonly logger = new Logger('Outbox');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  /** Rows committed while a pass ran, possibly after its last read: run another. */
  private again = false;
  private redisDown = false;

  constructor(
    @InjectRepository(OutboxEntity) private readonly outbox: Repository<OutboxEntity>,
    private readonly producer: JobProducer,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** Listens for the commits of this process's transactions. */
  onModuleInit(): void {
    this.outbox.manager.connection.subscribers.push(this);
  }

  onApplicationBootstrap(): void {
    this.schedule();
  }

  /** Stops before the database closes (module destroy precedes application shutdown). */
  async onModuleDestroy(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const subscribers = this.outbox.manager.connection.subscribers;
    if (subscribers.includes(this)) subscribers.splice(subscribers.indexOf(this), 1);
    await this.running?.catch(() => undefined);
  }

  /** One pass; returns how many rows it dispatched. Concurrent calls share the pass. */
  drain(): Promise<number> {
    this.running ??= this.drainBatches().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
    return this.running;
  }

  /** A pass now rather than at the next poll (outbox rows were just committed). */
  wake(): void {
    // Not started yet, or stopping: the first poll, or nothing, will do.
    if (!this.timer) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.drain().catch((error: Error) => this.logger.error(`outbox pass failed: ${error.message}`));
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as RunnerData;
    // A savepoint released inside a transaction is not yet a commit.
    if (!data.outboxWritten || event.queryRunner.isTransactionActive) return;
    data.outboxWritten = false;
    this.wake();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) {
      (event.queryRunner.data as RunnerData).outboxWritten = false;
    }
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.drain()
        .catch((error: Error) => this.logger.error(`outbox pass failed: ${error.message}`))
        .finally(() => {
          if (this.timer) this.schedule();
        });
    }, this.config.outboxPollMs);
  }

  private async drainBatches(): Promise<number> {
    let dispatched = 0;
    for (;;) {
      const step = await this.step();
      dispatched += step.dispatched;
      if (!step.more) return dispatched;
    }
  }

  /**
   * One batch read, dispatched and marked. On PostgreSQL its rows stay locked meanwhile
   * (FOR UPDATE SKIP LOCKED), so the drainers of the other processes take the next rows
   * instead of sending the same ones again.
   */
  private step(): Promise<{ dispatched: number; more: boolean }> {
    const { manager } = this.outbox;
    return manager.connection.options.type === 'postgres'
      ? manager.transaction((locked) => this.stepWith(locked, true))
      : this.stepWith(manager, false);
  }

  private async stepWith(
    manager: EntityManager,
    lock: boolean,
  ): Promise<{ dispatched: number; more: boolean }> {
    let select = manager
      .createQueryBuilder(OutboxEntity, 'outbox')
      .where('outbox.dispatched_at IS NULL')
      .orderBy('outbox.created_at', 'ASC')
      .limit(BATCH);
    if (lock) select = select.setLock('pessimistic_write').setOnLocked('skip_locked');
    const rows = await select.getMany();
    // Rows written by a newer version of the code are left for a process that knows them.
    const known = rows.filter((row) => isJobName(row.jobName));
    if (known.length && !(await this.dispatch(manager, known))) {
      return { dispatched: 0, more: false };
    }
    return { dispatched: known.length, more: rows.length === BATCH && known.length > 0 };
  }

  /**
   * One batch: all its jobs in one Redis round trip per queue, then all its rows marked in
   * one UPDATE. When Redis refuses, no row is marked (the jobs it may have taken are not
   * doubled by the next try: their ids are deterministic).
   */
  private async dispatch(manager: EntityManager, rows: OutboxEntity[]): Promise<boolean> {
    const ids = rows.map((row) => row.id);
    try {
      await withTimeout(
        this.producer.addMany(
          rows.map((row) => ({
            name: row.jobName as JobName,
            payload: JSON.parse(row.payload) as unknown,
            jobId: row.jobId,
            delayMs: row.delayMs,
          })),
        ),
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await manager
        .createQueryBuilder()
        .update(OutboxEntity)
        .set({ dispatchAttempts: () => 'dispatch_attempts + 1', lastError: reason.slice(0, 500) })
        .whereInIds(ids)
        .execute();
      if (!this.redisDown) {
        this.logger.warn(
          `cannot reach Redis (${reason}); jobs wait in the outbox until it is back`,
        );
        this.redisDown = true;
      }
      return false;
    }
    await manager.update(
      OutboxEntity,
      { id: In(ids) },
      { dispatchedAt: new Date(), lastError: null },
    );
    if (this.redisDown) {
      this.logger.log('Redis is reachable again; dispatching waiting jobs');
      this.redisDown = false;
    }
    return true;
  }
}
