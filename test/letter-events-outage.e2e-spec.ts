import { RedisProcess } from '@app/testing';
import type { AddressInfo } from 'node:net';
import { Coalition, createTestApp, SseClient, type TestApp } from './support';

/**
 * The letter's event stream while Redis is away (issue 17): an open stream ends, a new one
 * is refused with 503 and Retry-After (the web app polls meanwhile), and streams open again
 * once Redis is back. The test runs its own redis-server, which it stops and starts.
 */
describe('the live event stream of a letter during a Redis outage', () => {
  let redis: RedisProcess;
  let t: TestApp;
  let coalition: Coalition;
  let base: string;

  beforeAll(async () => {
    redis = await RedisProcess.start();
    // No BullMQ worker in this process: a Worker whose connections are still reconnecting
    // (BullMQ waits 1 to 20 s between attempts) never finishes closing, and app.close()
    // would hang after the restart. Streams need no worker; queues close at once.
    t = await createTestApp({ REDIS_URL: redis.url, WORKER_INLINE: 'false' });
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    coalition = await Coalition.create(t);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await redis?.stop();
  });

  const open = (lid: string) =>
    SseClient.open(`${base}/api/letters/${lid}/events`, coalition.auth());

  it('ends an open stream, answers 503 with Retry-After while Redis is down, and streams again once it is back', async () => {
    const lid = await coalition.draftLetter();
    const before = await open(lid);
    expect(before.status).toBe(200);

    await redis.stop();
    await before.ended;
    const refused = await t.http().get(`/api/letters/${lid}/events`).set(coalition.auth());
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.body.message).toMatch(/^redis: unavailable/);

    await redis.start();
    // ioredis reconnects on its own schedule (within 2 s): try until a stream is let in.
    let after = await open(lid);
    for (let tries = 0; after.status === 503 && tries < 100; tries++) {
      after.close();
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await open(lid);
    }
    expect(after.status).toBe(200);
    after.close();
  });
});
