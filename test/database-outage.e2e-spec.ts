import { PostgresProcess } from '@app/testing';
import { Contract, createTestApp, type TestApp } from './support';
import { Logger } from '@nestjs/common';

const describeWithPostgres = PostgresProcess.available() ? describe : describe.skip;

/**
 * Issue 14.9: with the database down, a write is a 503 with Retry-After (logged as an
 * outage, not as an unhandled error), and the app recovers without a restart. The test
 * stops its own PostgreSQL server, never the shared one.
 */
describeWithPostgres('the database down', () => {
  let pg: PostgresProcess;
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    pg = await PostgresProcess.start();
    t = await createTestApp({ DATABASE_URL: pg.url });
    token = (
      await t
        .http()
        .post('/api/auth/register')
        .send({ email: 'ops@coalition.example', password: 'correct horse battery', name: 'Ops' })
        .expect(201)
    ).body.token as string;
  }, 60_000);

  afterAll(async () => {
    await pg?.start().catch(() => undefined);
    await t?.close();
    await pg?.destroy();
  });

  const createWorkspace = () =>
    t.http().post('/api/workspaces').auth(token, { type: 'bearer' }).send({ name: 'Outage' });

  it('answers 503 with Retry-After while it is down, logged as an outage, then recovers', async () => {
    await createWorkspace().expect(201);
    const contract = await Contract.of(t);
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const error = jest.spyOn(Logger.prototype, 'error');
    try {
      await pg.stop();
      for (const req of [
        createWorkspace(),
        t.http().post('/api/auth/login').send({ email: 'ops@coalition.example', password: 'x' }),
        t.http().get('/api/workspaces').auth(token, { type: 'bearer' }),
      ]) {
        const res = await req;
        expect(res.status).toBe(503);
        expect(res.headers['retry-after']).toMatch(/^\d+$/);
        expect(res.body).toMatchObject({
          statusCode: 503,
          message: expect.stringMatching(/^database: /),
        });
        expect(res.body).not.toHaveProperty('errorId');
      }
      const health = await t.http().get('/health').expect(503);
      expect(health.body).toEqual({ status: 'error', db: 'down', redis: 'up' });
      contract.expect('get', '/health', health);
      const logged = warn.mock.calls.map((call) => JSON.stringify(call));
      expect(logged.some((line) => line.includes('database unavailable'))).toBe(true);
      const unhandled = error.mock.calls.map((call) => JSON.stringify(call));
      expect(unhandled.filter((line) => line.includes('unhandled'))).toEqual([]);
    } finally {
      warn.mockRestore();
      error.mockRestore();
      await pg.start();
    }
    // Back without a restart of the app: the pool makes new connections.
    const deadline = Date.now() + 15_000;
    let status = 0;
    while (Date.now() < deadline && status !== 201) {
      status = (await createWorkspace()).status;
      if (status !== 201) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(201);
    await t.http().get('/health').expect(200);
  });
});
