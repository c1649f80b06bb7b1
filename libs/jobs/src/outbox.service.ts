import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { JobName, JobPayload, queueOfJob } from './jobs';
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
  async enqueue<N extends JobName>(
    manager: EntityManager,
    name: N,
    payload: JobPayload<N>,
    options: EnqueueOptions = {},
  ): Promise<OutboxEntity> {
    const id = randomUUID();
    const row = manager.create(OutboxEntity, {
      id,
      queue: queueOfJob[name],
      jobName: name,
      jobId: options.jobId ?? `outbox-${id}`,
      payload: JSON.stringify(payload),
      delayMs: options.delayMs ?? 0,
      createdAt: new Date(),
      dispatchedAt: null,
      dispatchAttempts: 0,
      lastError: null,
    });
    return manager.save(row);
  }
}
