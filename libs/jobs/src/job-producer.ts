import { AppConfig } from '@app/config';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { attemptsByQueue, defaultJobOptions } from './job-defaults';
import { JobName, JobPayload, QueueName, queueOfJob } from './jobs';
import { redisOptionsFromUrl } from './redis-options';

/**
 * Typed access to the BullMQ queues. Features do not call this: they write outbox rows
 * (OutboxService), and the drainer calls `add`. Its connections do not queue commands
 * while Redis is away, so a call fails at once and the outbox row simply waits.
 */
@Injectable()
export class JobProducer implements OnModuleDestroy {
  private readonly queues = new Map<QueueName, Queue>();
  private pingClient: Redis | undefined;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  async add<N extends JobName>(
    name: N,
    payload: JobPayload<N>,
    options: { jobId: string; delayMs?: number },
  ): Promise<void> {
    const queue = queueOfJob[name];
    await this.queue(queue).add(name, payload, {
      jobId: options.jobId,
      delay: options.delayMs || undefined,
      attempts: attemptsByQueue[queue] ?? defaultJobOptions.attempts,
    });
  }

  /**
   * Many jobs at once: one `addBulk` (a single Redis transaction) per queue. A job whose id
   * BullMQ still holds is not added again, as with `add`.
   */
  async addMany(
    jobs: { name: JobName; payload: unknown; jobId: string; delayMs?: number }[],
  ): Promise<void> {
    const byQueue = new Map<QueueName, typeof jobs>();
    for (const job of jobs) {
      const queue = queueOfJob[job.name];
      const list = byQueue.get(queue) ?? [];
      list.push(job);
      byQueue.set(queue, list);
    }
    await Promise.all(
      [...byQueue].map(([queue, list]) =>
        this.queue(queue).addBulk(
          list.map((job) => ({
            name: job.name,
            data: job.payload,
            opts: {
              jobId: job.jobId,
              delay: job.delayMs || undefined,
              attempts: attemptsByQueue[queue] ?? defaultJobOptions.attempts,
            },
          })),
        ),
      ),
    );
  }

  /** The queue itself, for counts and inspection (tests, health, the dashboard). */
  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: {
          ...redisOptionsFromUrl(this.config.redisUrl),
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
        },
        prefix: this.config.queuePrefix,
        defaultJobOptions,
      });
      // Connection errors surface as failed calls; without a listener they would also be
      // re-thrown as unhandled 'error' events.
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Round trip to Redis; rejects at once when it is unreachable. */
  async ping(): Promise<void> {
    this.pingClient ??= new Redis({
      ...redisOptionsFromUrl(this.config.redisUrl),
      // Waits for the first connection, then fails fast at the first failed reconnect.
      maxRetriesPerRequest: 0,
    }).on('error', () => undefined);
    await this.pingClient.ping();
  }

  async onModuleDestroy(): Promise<void> {
    this.pingClient?.disconnect();
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
  }
}
