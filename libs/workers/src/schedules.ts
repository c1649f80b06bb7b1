import type { JobName } from '@app/jobs';
import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';

export interface Schedule {
  /** The scheduler's fixed id: one schedule for all workers. */
  id: string;
  name: JobName;
  every: number;
}

/**
 * A queue's job schedulers, kept alive. Redis holds them, so a Redis that restarts without
 * persistence (or is flushed) forgets them, and with them every deadline close, reminder
 * and rendition sweep until some worker starts again (issue 14.7). So they are laid at
 * start, again whenever the queue's connection becomes `ready` after a reconnect, and
 * again whenever a periodic check finds one missing (a flush without a reconnect). Laying
 * is an upsert under the fixed id, so any number of workers doing it at once leave one
 * schedule. `caughtUp` runs after each re-laying, for the work the lost schedule missed.
 */
export class Schedules {
  private readonly logger = new Logger('Schedules');
  private timer: NodeJS.Timeout | undefined;
  private detach: (() => void) | undefined;
  private relaying: Promise<void> | undefined;

  constructor(
    private readonly queue: Queue,
    private readonly schedules: Schedule[],
    private readonly caughtUp: () => Promise<unknown> = () => Promise.resolve(),
  ) {}

  async start(): Promise<void> {
    await this.lay();
    // BullMQ's connection of this queue re-emits its ioredis client's `close` and `ready`.
    const client = this.queue.getBackend().connection;
    let connected = true;
    const onReady = () => {
      if (!connected) void this.relay('the Redis connection is back');
      connected = true;
    };
    const onClose = () => {
      connected = false;
    };
    client.on('ready', onReady);
    client.on('close', onClose);
    this.detach = () => {
      client.off('ready', onReady);
      client.off('close', onClose);
    };
    const every = Math.min(...this.schedules.map((s) => s.every));
    this.timer = setInterval(() => void this.check(), every);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.detach?.();
    await this.relaying;
  }

  private async lay(): Promise<void> {
    for (const { id, name, every } of this.schedules) {
      await this.queue.upsertJobScheduler(id, { every }, { name, data: {} });
    }
  }

  /** Lays the schedules again if Redis lost one (flushed while connected). */
  private async check(): Promise<void> {
    try {
      for (const { id } of this.schedules) {
        if (!(await this.queue.getJobScheduler(id))) {
          await this.relay(`the schedule ${id} was missing from Redis`);
          return;
        }
      }
    } catch {
      // Redis unreachable: the `ready` of the reconnection lays them again.
    }
  }

  private relay(reason: string): Promise<void> {
    this.relaying ??= (async () => {
      try {
        await this.lay();
        this.logger.warn(`${this.queue.name}: job schedules laid again (${reason})`);
        await this.caughtUp();
      } catch (error) {
        this.logger.warn(
          `${this.queue.name}: could not lay the job schedules again: ${(error as Error).message}`,
        );
      } finally {
        this.relaying = undefined;
      }
    })();
    return this.relaying;
  }
}
