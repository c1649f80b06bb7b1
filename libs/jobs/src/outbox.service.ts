import { insertMany } from '@app/database';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { JobName, JobPayload, queueOfJob } from './jobs';
import { noteOutboxWrite, OutboxDrainer } from './outbox-drainer.service';
import { OutboxEntity } from './outbox.entity';

export interface EnqueueOptions {
  /** A stable id for one-per-entity jobs (e.g. `mail-<id>`); default: the outbox row's id. */
  jobId?: string;
  delayMs?: number;
}

/**
 * The only way features create jobs: `enqueue` inside the transaction of the state change
 * that needs the job, so the two commit or roll back together.
 */
@Injectable()
export class OutboxService {
  constructor(private readonly drainer: OutboxDrainer) {}

  async enqueue<N extends JobName>(
    manager: EntityManager,
    name: N,
    payload: JobPayload<N>,
    options: EnqueueOptions = {},
  ): Promise<OutboxEntity> {
    const row = await manager.save(this.row(manager, name, payload, options, new Date()));
    this.written(manager);
    return row;
  }

  /** Many jobs of one name at once: one multi-row INSERT per chunk, in the caller's transaction. */
  async enqueueMany<N extends JobName>(
    manager: EntityManager,
    name: N,
    jobs: { payload: JobPayload<N>; options?: EnqueueOptions }[],
  ): Promise<void> {
    const now = new Date();
    await insertMany(
      manager,
      OutboxEntity,
      jobs.map((job) => this.row(manager, name, job.payload, job.options ?? {}, now)),
    );
    this.written(manager);
  }

  /** The drainer moves the new rows on once they are committed, without waiting to poll. */
  private written(manager: EntityManager): void {
    if (!noteOutboxWrite(manager)) this.drainer.wake();
  }

  private row<N extends JobName>(
    manager: EntityManager,
    name: N,
    payload: JobPayload<N>,
    options: EnqueueOptions,
    createdAt: Date,
  ): OutboxEntity {
    const id = randomUUID();
    return manager.create(OutboxEntity, {
      id,
      queue: queueOfJob[name],
      jobName: name,
      jobId: options.jobId ?? `outbox-${id}`,
      payload: JSON.stringify(payload),
      delayMs: options.delayMs ?? 0,
      createdAt,
      dispatchedAt: null,
      dispatchAttempts: 0,
      lastError: null,
    });
  }
}
