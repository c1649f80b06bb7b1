import { JobName, JobPayload, JobsOf, QueueName } from '@app/jobs';
import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';

export type JobHandlers<Q extends QueueName> = {
  [N in JobsOf<Q>]: (payload: JobPayload<N>, job: Job) => Promise<unknown>;
};

type RawHandler = (payload: unknown, job: Job) => Promise<unknown>;

/**
 * A WorkerHost for one queue whose `handlers` must name every job of that queue (the
 * type checks it) and which the worker checks again at start (`assertEveryJobHandled`).
 */
export abstract class QueueProcessor<Q extends QueueName> extends WorkerHost {
  protected abstract readonly handlers: JobHandlers<Q>;
  private readonly logger = new Logger(this.constructor.name);
  private lastError: string | undefined;

  /** Connection trouble, logged once per distinct message rather than on every retry. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    if (error.message === this.lastError) return;
    this.lastError = error.message;
    this.logger.warn(`worker: ${error.message}`);
  }

  @OnWorkerEvent('ready')
  onReady(): void {
    this.lastError = undefined;
  }

  handledJobs(): JobName[] {
    return Object.keys(this.handlers) as JobName[];
  }

  async process(job: Job): Promise<unknown> {
    // The job's name decides its payload type; BullMQ hands both over untyped.
    const handlers = this.handlers as unknown as Record<string, RawHandler | undefined>;
    const handler = handlers[job.name];
    if (!handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
    return handler(job.data, job);
  }
}

/** True when this is the job's last allowed attempt. */
export function isFinalAttempt(job: Job): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/** Throws at start when a job name has no handler, naming the missing ones. */
export function assertEveryJobHandled(processors: { handledJobs(): JobName[] }[]): void {
  const handled = new Set(processors.flatMap((processor) => processor.handledJobs()));
  const missing = Object.values(JobName).filter((name) => !handled.has(name));
  if (missing.length) throw new Error(`no worker handles the job(s): ${missing.join(', ')}`);
}
