import { PasswordResetTokenEntity, RESET_ANSWER_FLOOR_MS } from '@app/domain';
import { SmtpSink } from '@app/testing';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Contract, createTestApp, type TestApp } from './support';

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a longer passphrase than before';
const RESET_LINK = /http:\/\/signatory\.test\/reset-password\?token=([A-Za-z0-9_-]{43})/;

/** Issue 16: sessions, changing a password, and resetting a forgotten one by mail. */
describe('account security', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let contract: Contract;
  let n = 0;
  const email = () => `person-${++n}@security.example`;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({
      SMTP_URL: sink.url,
      LOGIN_LIMIT_PER_IP: '10000',
      LOGIN_LIMIT_PER_EMAIL: '10000',
    });
    contract = await Contract.of(t);
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  const register = async (address = email()) =>
    (
      await t
        .http()
        .post('/api/auth/register')
        .send({ email: address, password: PASSWORD, name: 'Lead' })
        .expect(201)
    ).body as { user: { id: string; email: string }; token: string };
  const login = (address: string, password = PASSWORD) =>
    t.http().post('/api/auth/login').send({ email: address, password });
  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object) =>
      t.http().post(path).set('Authorization', `Bearer ${token}`).send(body),
    delete: (path: string) => t.http().delete(path).set('Authorization', `Bearer ${token}`),
  });
  const resetTokenFor = async (address: string, previous = 0) => {
    await t.http().post('/api/auth/password-reset').send({ email: address }).expect(202);
    await waitFor(() => sink.to(address).length > previous);
    const mail = sink.to(address)[previous];
    expect(mail.subject).toBe('Choose a new Signatory password');
    return RESET_LINK.exec(mail.text ?? '')![1];
  };

  describe('sessions', () => {
    it('lists the live sessions newest first, marks the current one, never shows tokens', async () => {
      const first = await register();
      t.clock.advance(60_000);
      const second = (await login(first.user.email).expect(200)).body.token as string;
      const res = await as(second).get('/api/auth/sessions').expect(200);
      contract.expect('get', '/api/auth/sessions', res);
      expect(res.body).toHaveLength(2);
      expect(res.body.map((s: { current: boolean }) => s.current)).toEqual([true, false]);
      expect(Date.parse(res.body[0].createdAt)).toBeGreaterThan(Date.parse(res.body[1].createdAt));
      expect(JSON.stringify(res.body)).not.toContain(first.token);
      expect(JSON.stringify(res.body)).not.toContain(second);
    });

    it("revokes one of the caller's sessions, and answers 404 for another account's", async () => {
      const mine = await register();
      const other = await login(mine.user.email).expect(200);
      const stranger = await register();
      const listed = (await as(mine.token).get('/api/auth/sessions').expect(200)).body as {
        id: string;
        current: boolean;
      }[];
      const otherId = listed.find((s) => !s.current)!.id;

      const refused = await as(stranger.token).delete(`/api/auth/sessions/${otherId}`).expect(404);
      contract.expect('delete', '/api/auth/sessions/{sid}', refused);
      expect(refused.body.message).toBe('session not found');
      await as(mine.token).delete('/api/auth/sessions/not-a-session').expect(404);

      await as(mine.token).delete(`/api/auth/sessions/${otherId}`).expect(204);
      await as(other.body.token).get('/api/auth/me').expect(401);
      await as(mine.token).delete(`/api/auth/sessions/${otherId}`).expect(404);
      const left = await as(mine.token).get('/api/auth/sessions').expect(200);
      expect(left.body).toHaveLength(1);
    });

    it('signs out and clears the cookies when the current session is revoked', async () => {
      const { token } = await register();
      const [current] = (await as(token).get('/api/auth/sessions').expect(200)).body;
      const res = await as(token).delete(`/api/auth/sessions/${current.id}`).expect(204);
      const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
      expect(cookies.some((c) => /^signatory_session=;/.test(c))).toBe(true);
      expect(cookies.some((c) => /^signatory_csrf=;/.test(c))).toBe(true);
      await as(token).get('/api/auth/me').expect(401);
    });
  });

  describe('changing the password', () => {
    it('needs the current password and the rules of a new one', async () => {
      const { token } = await register();
      const wrong = await as(token)
        .post('/api/auth/password', { currentPassword: 'not it at all', newPassword: NEW_PASSWORD })
        .expect(400);
      contract.expect('post', '/api/auth/password', wrong);
      expect(wrong.body.message).toMatch(/^currentPassword: /);
      const short = await as(token)
        .post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' })
        .expect(400);
      expect(JSON.stringify(short.body.message)).toContain('newPassword');
    });

    it('changes it, keeps this session, revokes the others, and mails the owner', async () => {
      const { user, token } = await register();
      const elsewhere = (await login(user.email).expect(200)).body.token as string;
      await as(token)
        .post('/api/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })
        .expect(204);
      await as(token).get('/api/auth/me').expect(200);
      await as(elsewhere).get('/api/auth/me').expect(401);
      await login(user.email, PASSWORD).expect(401);
      await login(user.email, NEW_PASSWORD).expect(200);
      const mail = await sink.waitForMail(user.email);
      expect(mail.subject).toBe('Your Signatory password was changed');
    });
  });

  describe('resetting a forgotten password', () => {
    it('answers the same for an unknown address, and mails nobody', async () => {
      const { user } = await register();
      const timed = async (email: string) => {
        const started = performance.now();
        const res = await t.http().post('/api/auth/password-reset').send({ email });
        return Object.assign(res, { took: performance.now() - started });
      };
      const known = await timed(user.email);
      const unknown = await timed('nobody-here@security.example');
      // Neither answers before the floor, so the known address's extra work cannot show.
      expect(known.took).toBeGreaterThanOrEqual(RESET_ANSWER_FLOOR_MS);
      expect(unknown.took).toBeGreaterThanOrEqual(RESET_ANSWER_FLOOR_MS);
      expect(known.status).toBe(202);
      expect(unknown.status).toBe(202);
      expect(unknown.body).toEqual(known.body);
      contract.expect('post', '/api/auth/password-reset', unknown);
      await sink.waitForMail(user.email);
      expect(sink.to('nobody-here@security.example')).toHaveLength(0);
      const bad = await t.http().post('/api/auth/password-reset').send({ email: 'nope' });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body.message)).toContain('email');
    });

    it('sets the password once with a hashed token, and signs every session out', async () => {
      const { user, token: session } = await register();
      const token = await resetTokenFor(user.email);
      const stored = await t.app
        .get(DataSource)
        .getRepository(PasswordResetTokenEntity)
        .findBy({ userId: user.id });
      expect(stored).toHaveLength(1);
      expect(stored[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(stored)).not.toContain(token);

      const done = await t
        .http()
        .post('/api/auth/password-reset/confirm')
        .send({ token, newPassword: NEW_PASSWORD })
        .expect(200);
      contract.expect('post', '/api/auth/password-reset/confirm', done);
      await as(session).get('/api/auth/me').expect(401);
      await login(user.email, NEW_PASSWORD).expect(200);

      const again = await t
        .http()
        .post('/api/auth/password-reset/confirm')
        .send({ token, newPassword: 'yet another passphrase' })
        .expect(410);
      contract.expect('post', '/api/auth/password-reset/confirm', again);
      expect(again.body.message).toMatch(/^token: /);
      await login(user.email, NEW_PASSWORD).expect(200);
    });

    it('refuses an unknown token, a superseded one, and one older than an hour', async () => {
      const { user } = await register();
      const unknown = await t
        .http()
        .post('/api/auth/password-reset/confirm')
        .send({ token: randomBytes(32).toString('base64url'), newPassword: NEW_PASSWORD })
        .expect(400);
      expect(unknown.body.message).toMatch(/^token: /);
      contract.expect('post', '/api/auth/password-reset/confirm', unknown);

      const older = await resetTokenFor(user.email);
      const newer = await resetTokenFor(user.email, 1);
      const superseded = await t
        .http()
        .post('/api/auth/password-reset/confirm')
        .send({ token: older, newPassword: NEW_PASSWORD })
        .expect(410);
      expect(superseded.body.message).toMatch(/^token: /);

      t.clock.advance(3600 * 1000);
      const expired = await t
        .http()
        .post('/api/auth/password-reset/confirm')
        .send({ token: newer, newPassword: NEW_PASSWORD })
        .expect(410);
      expect(expired.body.message).toBe('token: this link has expired');
      await login(user.email, PASSWORD).expect(200);
    });
  });
});

describe('password-reset rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      QUEUE_PREFIX: `reset-limits-${randomBytes(4).toString('hex')}`,
      LOGIN_LIMIT_PER_EMAIL: '3',
      LOGIN_LIMIT_PER_IP: '5',
    });
  });
  afterAll(async () => {
    await t.close();
  });
  const ask = (address: string) =>
    t.http().post('/api/auth/password-reset').send({ email: address });

  it('limits requests per address and per IP, with Retry-After', async () => {
    for (let i = 0; i < 3; i++) expect((await ask('target@limits.example')).status).toBe(202);
    const limited = await ask('TARGET@limits.example');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await ask('other@limits.example')).status).toBe(202);
    expect((await ask('third@limits.example')).status).toBe(429);
  });
});

/** Polls a condition that an event (a mail's delivery) will make true; fails after 15 s. */
async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !condition(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!condition()) throw new Error('timed out waiting');
}
