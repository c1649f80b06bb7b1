import { RedisProcess } from '@app/testing';
import { Coalition, createTestApp, type TestApp } from './support';
import Redis from 'ioredis';

const DAY = 24 * 3600 * 1000;

/**
 * Issue 14.7: Redis restarted without persistence (or flushed) forgets the job schedulers,
 * and with them every deadline. The app lays them again by itself, and a deadline that
 * passes afterwards still closes on time. The test runs its own redis-server.
 */
describe('deadlines after Redis lost its data', () => {
  let redis: RedisProcess;
  let t: TestApp;
  let coalition: Coalition;

  beforeAll(async () => {
    redis = await RedisProcess.start();
    // Scans every 300 ms, so "on time" fits in a test.
    t = await createTestApp({ REDIS_URL: redis.url, SCAN_EVERY_MS: '300' });
    coalition = await Coalition.create(t);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await redis?.stop();
  });

  const statusOf = async (lid: string) =>
    (await t.http().get(`/api/letters/${lid}`).set(coalition.auth()).expect(200)).body
      .status as string;

  /** Moves the clock past the letter's deadline; it must be closed within `withinMs`. */
  const closesOnTime = async (lid: string, withinMs = 5000) => {
    t.clock.advance(DAY + 60_000);
    const deadline = Date.now() + withinMs;
    let status = await statusOf(lid);
    while (status !== 'closed' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = await statusOf(lid);
    }
    expect(status).toBe('closed');
  };

  const schedulers = async () => {
    const client = new Redis(redis.url);
    try {
      return (await client.keys(`${t.config.queuePrefix}:*:repeat:*`)).length;
    } finally {
      client.disconnect();
    }
  };

  it('closes a deadline that passes after Redis restarted empty', async () => {
    const lid = await coalition.openLetter({}, { days: 1 });
    await redis.stop();
    await redis.start(); // same port, no data
    // The schedulers come back once the app has reconnected.
    const until = Date.now() + 15_000;
    while ((await schedulers()) === 0 && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await schedulers()).toBeGreaterThan(0);
    await closesOnTime(lid);
  });

  it('closes a deadline that passes after Redis was flushed while connected', async () => {
    const lid = await coalition.openLetter({}, { days: 1 });
    const client = new Redis(redis.url);
    try {
      await client.flushall();
    } finally {
      client.disconnect();
    }
    await closesOnTime(lid);
  });
});
