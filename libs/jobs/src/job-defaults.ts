import type { DefaultJobOptions } from 'bullmq';

/**
 * Every job: retried with exponential backoff (1 s, 2 s, 4 s, ... about 2 min in all), kept
 * for a day once done so a re-drained duplicate id is still recognised, and kept on
 * failure for inspection.
 */
export const defaultJobOptions: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
};

/**
 * Mail waits out a longer SMTP outage: 16 attempts from 1 s doubling, about 18 hours in
 * all, before a message counts as failed.
 */
export const attemptsByQueue: Partial<Record<string, number>> = { mail: 16 };
