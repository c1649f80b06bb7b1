import { JobProducer, OutboxEntity, QueueName } from '@app/jobs';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';

/**
 * Waits until no outbox row waits and no queue has waiting, active or delayed jobs (the
 * next run of a repeatable schedule, always delayed, does not count).
 */
export async function waitForQueuesIdle(
  app: INestApplicationContext,
  timeoutMs = 20000,
): Promise<void> {
  const outbox = app.get(DataSource).getRepository(OutboxEntity);
  const producer = app.get(JobProducer);
  const deadline = Date.now() + timeoutMs;
  // Two idle readings in a row: a job can move between states while one reading is taken.
  let idleReadings = 0;
  for (;;) {
    let busy = await outbox.countBy({ dispatchedAt: IsNull() });
    for (const name of Object.values(QueueName)) {
      const queue = producer.queue(name);
      const counts = await queue.getJobCounts(
        'waiting',
        'active',
        'delayed',
        'prioritized',
        'waiting-children',
      );
      const { delayed, ...rest } = counts;
      busy += Object.values(rest).reduce((sum, n) => sum + n, 0);
      if (delayed) busy += (await queue.getDelayed()).filter((job) => !job.repeatJobKey).length;
    }
    idleReadings = busy === 0 ? idleReadings + 1 : 0;
    if (idleReadings === 2) return;
    if (Date.now() > deadline) throw new Error(`queues still busy after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Removes every key of this test's queues, so Redis keeps nothing between runs. */
export async function obliterateQueues(app: INestApplicationContext): Promise<void> {
  const producer = app.get(JobProducer);
  for (const name of Object.values(QueueName)) {
    await producer.queue(name).obliterate({ force: true });
  }
}
