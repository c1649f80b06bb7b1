import { SessionEntity, UserEntity } from '@app/domain';
import { Contract, createTestApp, type TestApp } from './support';
import { DataSource } from 'typeorm';

const PASSWORD = 'correct horse battery staple';

describe('accounts and tokens', () => {
  let t: TestApp;
  /** Checks real answers against the served OpenAPI document, as a generated client reads them. */
  let contract: Contract;
  let n = 0;
  const email = () => `person-${++n}@org.example`;
  const register = async (address = email(), password = PASSWORD) =>
    (
      await t
        .http()
        .post('/api/auth/register')
        .send({ email: address, password, name: 'Zoë Ñúñez' })
        .expect(201)
    ).body as { user: { id: string; email: string; name: string }; token: string };
  const me = (token: string) =>
    t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_LIMIT_PER_IP: '10000', LOGIN_LIMIT_PER_EMAIL: '10000' });
    contract = await Contract.of(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('registers with a normalised email, an argon2id hash and a 256-bit token', async () => {
    const res = await t
      .http()
      .post('/api/auth/register')
      .send({
        email: '  Amina.Diallo@Coalition.EXAMPLE ',
        password: PASSWORD,
        name: 'Amina Diallo',
      })
      .expect(201);
    expect(res.body.user).toEqual({
      id: expect.any(String),
      email: 'amina.diallo@coalition.example',
      name: 'Amina Diallo',
    });
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    contract.expect('post', '/api/auth/register', res);
    const stored = await t.app
      .get(DataSource)
      .getRepository(UserEntity)
      .findOneByOrFail({ id: res.body.user.id });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(stored)).not.toContain(PASSWORD);
    const sessions = await t.app
      .get(DataSource)
      .getRepository(SessionEntity)
      .findBy({ userId: stored.id });
    expect(sessions).toHaveLength(1);
    expect(sessions[0].tokenHash).not.toContain(res.body.token);
    const mine = await me(res.body.token).expect(200, {
      id: stored.id,
      email: stored.email,
      name: 'Amina Diallo',
    });
    contract.expect('get', '/api/auth/me', mine);
  });

  it('logs in case-insensitively and each log-in gets its own token', async () => {
    const address = email();
    const first = await register(address);
    const res = await t
      .http()
      .post('/api/auth/login')
      .send({ email: address.toUpperCase(), password: PASSWORD })
      .expect(200);
    expect(res.body.user.id).toBe(first.user.id);
    expect(res.body.token).not.toBe(first.token);
    contract.expect('post', '/api/auth/login', res);
  });

  it('answers unknown email and wrong password identically', async () => {
    const address = email();
    await register(address);
    const wrong = await t
      .http()
      .post('/api/auth/login')
      .send({ email: address, password: 'not the password' });
    const unknown = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'nobody@nowhere.example', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    contract.expect('post', '/api/auth/login', wrong);
    expect(wrong.body.message).toBe('email or password is incorrect');
    expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(wrong.headers).sort());
  });

  it('does not tell a stranger that an address is registered, but signs in its owner', async () => {
    const address = email();
    const owner = await register(address);
    const stranger = await t
      .http()
      .post('/api/auth/register')
      .send({ email: address, password: 'some other password', name: 'X' });
    expect(stranger.status).toBe(409);
    expect(stranger.body.message).toBe('email: cannot register with this address; log in instead');
    expect(JSON.stringify(stranger.body)).not.toContain(owner.user.id);
    contract.expect('post', '/api/auth/register', stranger);
    const again = await t
      .http()
      .post('/api/auth/register')
      .send({ email: address, password: PASSWORD, name: 'X' })
      .expect(201);
    expect(again.body.user.id).toBe(owner.user.id);
    expect(again.body.user.name).toBe('Zoë Ñúñez');
  });

  it('stops a token at log-out', async () => {
    const { token } = await register();
    await t.http().post('/api/auth/logout').set('Authorization', `Bearer ${token}`).expect(204);
    expect(contract.document.paths['/api/auth/logout'].post!.responses['204']).toBeDefined();
    const res = await me(token).expect(401);
    expect(res.body.message).toMatch(/^token: /);
    contract.expect('get', '/api/auth/me', res);
  });

  it('expires a token after 30 days without use, and slides while it is used', async () => {
    const { token } = await register();
    t.clock.advance(29 * 24 * 3600 * 1000);
    await me(token).expect(200); // used: 30 more days from now
    t.clock.advance(29 * 24 * 3600 * 1000);
    await me(token).expect(200);
    t.clock.advance(31 * 24 * 3600 * 1000);
    await me(token).expect(401);
  });

  it.each([
    ['tampered', (token: string) => token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')],
    ['truncated', (token: string) => token.slice(0, 20)],
    ['padded', (token: string) => token + 'A'],
    ['injection', () => "' OR '1'='1"],
    ['non-ASCII', () => 'ñ'.repeat(43)],
    ['huge', () => 'A'.repeat(10_000)],
  ])('rejects a %s token with 401', async (_kind, mutate) => {
    const { token } = await register();
    const res = await t
      .http()
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${mutate(token)}`);
    expect(res.status).toBe(401);
    expect(res.body.statusCode).toBe(401);
  });

  it('accepts the session cookie, and refuses a cookie-authenticated change without the CSRF token', async () => {
    const agent = t.http();
    const res = await t
      .http()
      .post('/api/auth/login')
      .send({ email: (await register()).user.email, password: PASSWORD })
      .expect(200);
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const session = cookies.find((c) => c.startsWith('signatory_session='))!;
    const csrf = cookies.find((c) => c.startsWith('signatory_csrf='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
    const cookieHeader = [session, csrf].map((c) => c.split(';')[0]).join('; ');
    const csrfValue = csrf.split(';')[0].split('=')[1];

    await agent.get('/api/auth/me').set('Cookie', cookieHeader).expect(200);
    const refused = await t
      .http()
      .post('/api/workspaces')
      .set('Cookie', cookieHeader)
      .send({ name: 'Via cookie' });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/^x-csrf-token: /);
    contract.expect('post', '/api/workspaces', refused);
    const wrong = await t
      .http()
      .post('/api/workspaces')
      .set('Cookie', cookieHeader)
      .set('X-CSRF-Token', 'f'.repeat(64))
      .send({ name: 'Via cookie' });
    expect(wrong.status).toBe(403);
    await t
      .http()
      .post('/api/workspaces')
      .set('Cookie', cookieHeader)
      .set('X-CSRF-Token', csrfValue)
      .send({ name: 'Via cookie' })
      .expect(201);
  });

  it.each([
    [{ email: 'not-an-email', password: PASSWORD, name: 'A' }, 'email: '],
    [
      { email: 'a@b.example', password: 'short', name: 'A' },
      'password: must be 10 to 256 characters',
    ],
    [
      { email: 'a@b.example', password: 'x'.repeat(257), name: 'A' },
      'password: must be 10 to 256 characters',
    ],
    [{ email: 'a@b.example', password: 12345678901, name: 'A' }, 'password: '],
    [{ email: 'a@b.example', password: PASSWORD, name: '   ' }, 'name: must contain visible text'],
    [
      { email: 'a@b.example', password: PASSWORD, name: 'Bad\u0000Name' },
      'name: must not contain control characters',
    ],
    [{ email: 'a@b.example', password: PASSWORD, name: 'n'.repeat(201) }, 'name: '],
    [
      { email: 'a@b.example', password: PASSWORD, name: 'A', role: 'owner' },
      'role: is not an accepted field',
    ],
    [{ email: `${'x'.repeat(320)}@b.example`, password: PASSWORD, name: 'A' }, 'email: '],
    [{ email: ['a@b.example'], password: PASSWORD, name: 'A' }, 'email: '],
  ])('refuses registration %j naming the field, and stores nothing', async (body, message) => {
    const before = await t.app.get(DataSource).getRepository(UserEntity).count();
    const res = await t.http().post('/api/auth/register').send(body).expect(400);
    expect(res.body.message.startsWith(message)).toBe(true);
    contract.expect('post', '/api/auth/register', res);
    expect(await t.app.get(DataSource).getRepository(UserEntity).count()).toBe(before);
  });

  it('keeps a name in any script exactly', async () => {
    const res = await t
      .http()
      .post('/api/auth/register')
      .send({ email: email(), password: PASSWORD, name: 'شبكة الصحفيين — 中文 “Ω” O’Brien' })
      .expect(201);
    expect(res.body.user.name).toBe('شبكة الصحفيين — 中文 “Ω” O’Brien');
  });
});
