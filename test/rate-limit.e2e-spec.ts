import { createTestApp, type TestApp } from './support';
import { randomBytes } from 'node:crypto';

/** Log-in attempts are counted in Redis: two API instances share one count. */
describe('log-in rate limits', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    const shared = {
      QUEUE_PREFIX: `limits-${randomBytes(4).toString('hex')}`,
      LOGIN_LIMIT_PER_EMAIL: '3',
      LOGIN_LIMIT_PER_IP: '8',
    };
    a = await createTestApp(shared);
    b = await createTestApp(shared);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  const attempt = (app: TestApp, email: string) =>
    app.http().post('/api/auth/login').send({ email, password: 'wrong password!' });

  it('limits attempts per email across instances, with Retry-After', async () => {
    for (const app of [a, b, a])
      expect((await attempt(app, 'target@org.example')).status).toBe(401);
    const limited = await attempt(b, 'TARGET@org.example');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(limited.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect(limited.body.message).toMatch(/^too many attempts; retry in \d+ s$/);
    // Another address from the same client is still allowed (until the per-IP limit).
    expect((await attempt(a, 'other@org.example')).status).toBe(401);
  });

  it('limits attempts per client IP whatever the email', async () => {
    // 5 attempts so far from this IP; the limit is 8.
    for (let i = 0; i < 3; i++) expect((await attempt(b, `ip-${i}@org.example`)).status).toBe(401);
    const limited = await attempt(a, 'fresh@org.example');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('does not limit other routes by the log-in counters', async () => {
    await a.http().get('/health').expect(200);
    await a.http().get('/api/auth/me').expect(401);
  });
});
