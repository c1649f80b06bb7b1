import { OutboxDrainer, OutboxEntity } from '@app/jobs';
import { MailMessageEntity } from '@app/mail';
import { RedisProcess, SmtpSink, waitForQueuesIdle } from '@app/testing';
import { createTestApp, type TestApp } from './support';
import { DataSource, IsNull } from 'typeorm';

/**
 * A state change committed while Redis is down gets its job once Redis is back, once.
 * Redis here is a dedicated redis-server child that the test stops and starts.
 */
/** Retries an assertion until it passes or `timeoutMs` runs out. */
async function eventually(assertion: () => Promise<void>, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

describe('outbox across a Redis outage', () => {
  let redis: RedisProcess;
  let sink: SmtpSink;
  let t: TestApp;

  beforeAll(async () => {
    redis = await RedisProcess.start();
    sink = await SmtpSink.start();
    t = await createTestApp({ REDIS_URL: redis.url, SMTP_URL: sink.url });
  });
  afterAll(async () => {
    await t.close();
    await redis.stop();
    await sink.close();
  });

  const pendingRows = () =>
    t.app.get(DataSource).getRepository(OutboxEntity).countBy({ dispatchedAt: IsNull() });

  it('keeps the job in the database while Redis is down and runs it exactly once after', async () => {
    await t.http().get('/health').expect(200);
    await redis.stop();
    await t.http().get('/health').expect(503, { status: 'error', db: 'up', redis: 'down' });

    const res = await t
      .http()
      .post('/api/test-probe/mail')
      .send({ to: 'outage@org.example', subject: 'During the outage', text: 'Kept safe' })
      .expect(202);
    // Drain passes fail meanwhile; the row stays, with the reason recorded.
    const outbox = t.app.get(DataSource).getRepository(OutboxEntity);
    await eventually(async () => {
      const row = await outbox.findOneByOrFail({ jobId: `mail-${res.body.id}` });
      expect(row.dispatchedAt).toBeNull();
      expect(row.dispatchAttempts).toBeGreaterThan(0);
      expect(row.lastError).toBeTruthy();
    });
    expect(await pendingRows()).toBe(1);

    await redis.start();
    await sink.waitForMail('outage@org.example', 20000);
    await waitForQueuesIdle(t.app);
    // A second drain finds nothing: the mail went out once.
    await t.app.get(OutboxDrainer).drain();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await pendingRows()).toBe(0);
    expect(sink.to('outage@org.example')).toHaveLength(1);
    const mail = await t.app
      .get(DataSource)
      .getRepository(MailMessageEntity)
      .findOneByOrFail({ id: res.body.id });
    expect(mail.status).toBe('sent');
    await t.http().get('/health').expect(200, { status: 'ok', db: 'up', redis: 'up' });
  });

  it('does not double a job when a row is drained twice', async () => {
    const res = await t
      .http()
      .post('/api/test-probe/mail')
      .send({ to: 'twice@org.example', subject: 'Once', text: 'Only once' })
      .expect(202);
    await sink.waitForMail('twice@org.example');
    await waitForQueuesIdle(t.app);
    // Pretend the drainer crashed after BullMQ took the job but before marking the row.
    const outbox = t.app.get(DataSource).getRepository(OutboxEntity);
    const row = await outbox.findOneByOrFail({ jobId: `mail-${res.body.id}` });
    await outbox.update(row.id, { dispatchedAt: null });
    await t.app.get(OutboxDrainer).drain();
    await waitForQueuesIdle(t.app);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.to('twice@org.example')).toHaveLength(1);
  });
});
