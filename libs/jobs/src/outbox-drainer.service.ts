import { AppConfig } from '@app/config';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { JobProducer } from './job-producer';
import { isJobName } from './jobs';
import { OutboxEntity } from './outbox.entity';

const BATCH = 200;
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

/**
 * Moves committed outbox rows into BullMQ, oldest first, at least once. A row is marked
 * dispatched only after BullMQ accepted its job; because each job id is deterministic, a
 * row dispatched twice (a crash in between, or two drainers in two replicas) is one job.
 * While Redis is unreachable rows wait, and the next pass after it returns sends them.
 */
@Injectable()
export class OutboxDrainer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Outbox');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private redisDown = false;

  constructor(
    @InjectRepository(OutboxEntity) private readonly outbox: Repository<OutboxEntity>,
    private readonly producer: JobProducer,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  /** Stops before the database closes (module destroy precedes application shutdown). */
  async onModuleDestroy(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** One pass; returns how many rows it dispatched. Concurrent calls share the pass. */
  drain(): Promise<number> {
    this.running ??= this.drainBatches().finally(() => (this.running = undefined));
    return this.running;
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
      const rows = await this.outbox.find({
        where: { dispatchedAt: IsNull() },
        order: { createdAt: 'ASC' },
        take: BATCH,
      });
      for (const row of rows) {
        if (!(await this.dispatch(row))) return dispatched;
        dispatched++;
      }
      if (rows.length < BATCH) return dispatched;
    }
  }

  private async dispatch(row: OutboxEntity): Promise<boolean> {
    if (!isJobName(row.jobName)) {
      // Written by a newer version of the code: leave it for a process that knows it.
      return true;
    }
    try {
      await withTimeout(
        this.producer.add(row.jobName, JSON.parse(row.payload) as never, {
          jobId: row.jobId,
          delayMs: row.delayMs,
        }),
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await this.outbox.update(row.id, {
        dispatchAttempts: row.dispatchAttempts + 1,
        lastError: reason.slice(0, 500),
      });
      if (!this.redisDown) {
        this.logger.warn(
          `cannot reach Redis (${reason}); jobs wait in the outbox until it is back`,
        );
        this.redisDown = true;
      }
      return false;
    }
    await this.outbox.update(row.id, { dispatchedAt: new Date(), lastError: null });
    if (this.redisDown) {
      this.logger.log('Redis is reachable again; dispatching waiting jobs');
      this.redisDown = false;
    }
    return true;
  }
}
