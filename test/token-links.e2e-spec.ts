import { createTestApp, type TestApp } from './support';
import { randomBytes } from 'node:crypto';

/**
 * Issue 14, finding 12: every route that takes a link's token counts the unknown and dead
 * tokens a client tries, in one count; past the limit a miss is a 429, so join links
 * cannot be guessed any more than sign links.
 */
describe('token routes share the dead-link limiter', () => {
  let t: TestApp;
  const forged = () => randomBytes(32).toString('base64url');

  beforeEach(async () => {
    t = await createTestApp({ SIGN_LINK_MISSES_PER_IP: '5' });
  });
  afterEach(async () => {
    await t.close();
  });

  it('turns forged /join/:token pages into 429 after the limit', async () => {
    for (let i = 0; i < 5; i++) {
      const miss = await t.http().get(`/join/${forged()}`);
      expect(miss.status).toBe(404);
      expect(miss.type).toBe('text/html');
    }
    const limited = await t.http().get(`/join/${forged()}`);
    expect(limited.status).toBe(429);
    expect(limited.type).toBe('text/html');
    expect(limited.text).toContain('Too many attempts');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('counts /api/join/:token, POST /join/:token and sign links in the same count', async () => {
    expect((await t.http().get(`/api/join/${forged()}`)).status).toBe(404);
    const account = { name: 'A', password: 'correct horse battery' };
    expect((await t.http().post(`/api/join/${forged()}`).send(account)).status).toBe(404);
    expect((await t.http().post(`/join/${forged()}`).type('form').send(account)).status).toBe(404);
    expect((await t.http().get(`/api/sign/${forged()}`)).status).toBe(404);
    expect((await t.http().get(`/sign/${forged()}`)).status).toBe(404);
    const limited = await t.http().get(`/api/join/${forged()}`);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect((await t.http().get(`/sign/${forged()}`)).status).toBe(429);
  });
});
