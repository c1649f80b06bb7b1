import type { AddressInfo } from 'node:net';
import { Agent, get } from 'node:http';
import { Contract, createTestApp, type TestApp } from './support';

/** The HTTP surface every later route inherits: error shape, limits, headers, docs. */
describe('HTTP basics', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const expectErrorShape = (body: Record<string, unknown>, statusCode: number) => {
    expect(body.statusCode).toBe(statusCode);
    expect(typeof body.error).toBe('string');
    expect(typeof body.message).toBe('string');
    expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
  };

  it('serves /health with the database and Redis up, and /api/ping, as documented', async () => {
    const contract = await Contract.of(t);
    const health = await t
      .http()
      .get('/health')
      .expect(200, { status: 'ok', db: 'up', redis: 'up' });
    contract.expect('get', '/health', health);
    contract.expect('get', '/api/ping', await t.http().get('/api/ping').expect(200, { ok: true }));
    // The body parsers run before any route: a malformed body is a 400 even here.
    const malformed = await t
      .http()
      .get('/health')
      .set('Content-Type', 'application/json')
      .send('{"oops"');
    expect(malformed.status).toBe(400);
    contract.expect('get', '/health', malformed);
  });

  it('serves the OpenAPI UI and document', async () => {
    const ui = await t.http().get('/api/docs/').expect(200);
    expect(ui.text).toContain('swagger-ui');
    const doc = await t.http().get('/api/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(doc.body.info.title).toBe('Signatory API');
    expect(Object.keys(doc.body.paths)).toContain('/health');
  });

  it('answers malformed JSON with 400 naming the body', async () => {
    const res = await t
      .http()
      .post('/api/test-probe/mail')
      .set('Content-Type', 'application/json')
      .send('{"to": "a@b.example", "subject": ')
      .expect(400);
    expectErrorShape(res.body, 400);
    expect(res.body.message).toBe('body: malformed JSON');
  });

  it('answers a body over the limit with 413', async () => {
    const res = await t
      .http()
      .post('/api/test-probe/mail')
      .send({ to: 'a@b.example', subject: 's', text: 'x'.repeat(1_100_000) })
      .expect(413);
    expectErrorShape(res.body, 413);
    expect(res.body.message).toBe('body: too large');
  });

  it.each([
    [
      { to: 'a@b.example', subject: 's', text: 't', admin: true },
      'admin: is not an accepted field',
    ],
    [{ to: 42, subject: 's', text: 't' }, 'to: must be an email'],
    [{ to: 'a@b.example', subject: ['s'], text: 't' }, 'subject: '],
    [{ to: 'a@b.example', subject: 's'.repeat(201), text: 't' }, 'subject: must be shorter'],
    [
      { to: "a@b.example'; DROP TABLE outbox; --", subject: 's', text: 't' },
      'to: must be an email',
    ],
    [{ subject: 's', text: 't' }, 'to: must be an email'],
  ])('refuses %j with 400 naming the field', async (body, message) => {
    const res = await t.http().post('/api/test-probe/mail').send(body).expect(400);
    expectErrorShape(res.body, 400);
    expect(res.body.message.startsWith(message)).toBe(true);
    expect(Array.isArray(res.body.details)).toBe(true);
  });

  it('accepts unicode text intact', async () => {
    await t
      .http()
      .post('/api/test-probe/mail')
      .send({ to: 'uni@org.example', subject: 'شبكة 中文 Ærøskøbing 🚀', text: 'Zoë “quotes”' })
      .expect(202);
  });

  it('answers an unknown route with the 404 shape', async () => {
    const res = await t.http().get('/api/nothing-here').expect(404);
    expectErrorShape(res.body, 404);
  });

  it('turns an unexpected error into a 500 with an errorId and no internals', async () => {
    const res = await t.http().post('/api/test-probe/crash').expect(500);
    expectErrorShape(res.body, 500);
    expect(res.body.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.message).toContain(res.body.errorId);
    expect(JSON.stringify(res.body)).not.toContain('passwd');
  });

  it('echoes a sane X-Request-Id and replaces an unsafe one', async () => {
    const kept = await t.http().get('/health').set('X-Request-Id', 'abc-123');
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await t.http().get('/health').set('X-Request-Id', '<script>x</script>');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends the security headers', async () => {
    const res = await t.http().get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('keeps an idle connection open past the 5 s a proxy may reuse it in (no reset)', async () => {
    // Behind a proxy with a 60 s idle time, a server that closes first resets the request
    // the proxy is sending on that connection. One connection must serve both requests.
    const server = await t.app.listen(0, '127.0.0.1');
    let connections = 0;
    server.on('connection', () => connections++);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const ping = () =>
      fetchWith(agent, `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/ping`);
    try {
      expect(await ping()).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expect(await ping()).toBe(200);
      expect(connections).toBe(1);
    } finally {
      agent.destroy();
    }
  });
});

/** GET through an agent, resolving to the status once the body has been read. */
function fetchWith(agent: Agent, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    }).on('error', reject);
  });
}
