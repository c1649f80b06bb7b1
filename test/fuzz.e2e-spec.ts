import { SmtpSink, waitForQueuesIdle } from '@app/testing';
import { ConsoleLogger } from '@nestjs/common';
import { Coalition, createTestApp, fixtureLetter, type TestApp } from './support';
import fc from 'fast-check';
import { XSS_PAYLOADS } from './fuzz/hostile-values';
import {
  operationsOf,
  RequestGenerator,
  type FuzzRequest,
  type OpenApiDocument,
} from './fuzz/openapi-requests';

// Its own ConsoleLogger: the test app quiets Nest's shared logger, and the seed must show.
const logger = new ConsoleLogger('Fuzz');

/**
 * Hostile requests for every operation of the OpenAPI document, as every role and as nobody
 * (issue 14; docs/fuzzing.md). Fails on any 5xx, on any answer that shows a stack trace or
 * SQL, and on any planted payload that a page or a mail renders unescaped.
 *
 * FUZZ_RUNS requests per operation (default 20, the short run CI does on both databases);
 * FUZZ_SEED replays a run (the seed is printed at the start, and with every failure).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ROLES = ['owner', 'lead', 'coordinator', 'editor', 'viewer', 'anonymous'] as const;

/** What an answer must never show: a stack frame, a source path, a driver error, SQL. */
const LEAK =
  /\bat [\w.<>$]+ \(|node_modules|\.ts:\d+|QueryFailedError|SQLITE_|syntax error at or near|invalid input syntax|violates \w+(?: \w+)? constraint|\bSELECT\b[^"]{0,200}\bFROM\b|\bINSERT INTO\b|RangeError|TypeError|ReferenceError/;

/** Our own SQL-looking payloads may come back quoted in a 400; they are not a leak. */
const ECHOED = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '1 UNION SELECT password_hash FROM users --',
  "\\'; SELECT pg_sleep(5); --",
];
const withoutEchoes = (text: string) =>
  ECHOED.flatMap((p) => [p, JSON.stringify(p).slice(1, -1)]).reduce(
    (rest, p) => rest.split(p).join(''),
    text,
  );

jest.setTimeout(30 * 60 * 1000);

describe('fuzz: hostile requests for every operation', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let c: Coalition;
  const tokens: Partial<Record<(typeof ROLES)[number], string>> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({
      SMTP_URL: sink.url,
      MAIL_PER_MINUTE: '100000',
      RATE_LIMIT_PER_MINUTE: '10000000',
      LOGIN_LIMIT_PER_IP: '10000',
      LOGIN_LIMIT_PER_EMAIL: '10000',
      SIGN_LINK_MISSES_PER_IP: '100000',
      OPEN_SIGNON_LIMIT_PER_IP: '100000',
      OPEN_SIGNON_LIMIT_PER_LETTER: '1000000',
    });
    c = await Coalition.create(t, 'Fuzz Coalition');
    tokens.owner = c.token;
    for (const role of ['lead', 'coordinator', 'editor', 'viewer'] as const) {
      const email = `${role}@fuzz.example`;
      const registered = await t
        .http()
        .post('/api/auth/register')
        .send({ email, password: 'correct horse battery', name: role })
        .expect(201);
      tokens[role] = registered.body.token as string;
      await t
        .http()
        .post(`/api/workspaces/${c.workspaceId}/members`)
        .set(c.auth())
        .send({ email, role })
        .expect(201);
      ids.uid = registered.body.user.id as string;
    }
    // A published letter (its text refuses raw HTML), signed by a name carrying markup.
    const content = fixtureLetter.content;
    const draft = await t
      .http()
      .post(`/api/campaigns/${c.campaignId}/letters`)
      .set(c.auth())
      .send({ content, settings: { openSignOn: true, publicPage: true, requireApproval: false } });
    if (draft.status !== 201) throw new Error(`fuzz set-up: ${draft.text}`);
    ids.lid = draft.body.id as string;
    await t
      .http()
      .post(`/api/letters/${ids.lid}/publish`)
      .set(c.auth())
      .send({ deadline: new Date(t.clock.now().getTime() + 10 * 86_400_000).toISOString() })
      .expect(200);
    const invited = await c.invited(sink, ids.lid, 'Fuzz Organization');
    ids.token = invited.link;
    ids.oid = invited.organizationId;
    const signed = await t
      .http()
      .post(`/api/sign/${invited.link}`)
      .send({
        displayName: `Org ${XSS_PAYLOADS[1]}`,
        signerName: XSS_PAYLOADS[2],
        consent: true,
        authorized: true,
      })
      .expect(201);
    ids.sid = signed.body.signature.id as string;
    const invitations = await t
      .http()
      .get(`/api/letters/${ids.lid}/invitations`)
      .set(c.auth())
      .expect(200);
    ids.iid = invitations.body[0].id as string;
    const comment = await t
      .http()
      .post(`/api/letters/${ids.lid}/comments`)
      .set(c.auth())
      .send({ revision: 1, body: XSS_PAYLOADS[0], quote: XSS_PAYLOADS[1] })
      .expect(201);
    ids.commentId = comment.body.id as string;
    const rendition = await t
      .http()
      .post(`/api/letters/${ids.lid}/renditions`)
      .set(c.auth())
      .send({})
      .expect(202);
    ids.rid = rendition.body.id as string;
    await waitForQueuesIdle(t.app);
  });

  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  const real = (name: string): string | undefined => {
    switch (name) {
      case 'wid':
        return c.workspaceId;
      case 'cid':
        return c.campaignId;
      case 'lid':
      case 'letterId':
        return ids.lid;
      case 'n':
        return '1';
      default:
        return ids[name];
    }
  };

  const send = async (req: FuzzRequest) => {
    let call = t.http()[req.method](req.url).timeout(30_000);
    const token = req.role === 'anonymous' ? undefined : tokens[req.role as keyof typeof tokens];
    if (token) call = call.set('Authorization', `Bearer ${token}`);
    if (req.contentType) call = call.set('Content-Type', req.contentType);
    return req.body === undefined ? call : call.send(req.body);
  };

  it(`answers ${RUNS} hostile requests per operation without a 5xx or a leak`, async () => {
    // The seed is how a failure is replayed.
    logger.log(`fuzz: seed ${SEED}, ${RUNS} requests per operation (FUZZ_SEED, FUZZ_RUNS)`);
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as OpenApiDocument;
    // The letter's event stream never ends a 200 by design; its refusals are tested in
    // test/letter-events.e2e-spec.ts.
    const operations = operationsOf(doc).filter((op) => !op.path.endsWith('/events'));
    expect(operations.length).toBeGreaterThan(50);
    const generator = new RequestGenerator(doc, real, [...ROLES]);
    const failures: string[] = [];
    const started = Date.now();
    let sent = 0;
    for (const [index, op] of operations.entries()) {
      // Logging out would end the session every later request uses; the test probes (a
      // route that crashes on purpose) are not part of the product.
      if (op.path === '/api/auth/logout' || op.path.startsWith('/api/test-probe')) continue;
      const result = await fc.check(
        fc.asyncProperty(generator.request(op), async (req) => {
          sent++;
          const res = await send(req);
          const problem =
            res.status >= 500
              ? `answered ${res.status}`
              : LEAK.test(withoutEchoes(res.text ?? ''))
                ? `leaked internals (${LEAK.exec(withoutEchoes(res.text))?.[0]})`
                : null;
          if (problem) {
            throw new Error(
              `${req.method.toUpperCase()} ${req.url.slice(0, 300)} as ${req.role} ` +
                `(${req.contentType ?? 'no body'}: ${String(req.body ?? '').slice(0, 200)}) ` +
                `${problem}: ${(res.text ?? '').slice(0, 300)}`,
            );
          }
        }),
        { seed: SEED + index, numRuns: RUNS, endOnFailure: true },
      );
      if (result.failed) {
        failures.push(
          `${op.method.toUpperCase()} ${op.path} (seed ${SEED + index}): ` +
            String((result.errorInstance as Error | undefined)?.message ?? result.errorInstance),
        );
      }
    }
    // How long the run took, for the CI budget.
    logger.log(
      `fuzz: ${sent} requests to ${operations.length} operations in ${Math.round((Date.now() - started) / 1000)} s`,
    );
    expect(failures).toEqual([]);
  });

  it('never renders a stored payload unescaped, on the pages or in the mail', async () => {
    await waitForQueuesIdle(t.app);
    const pages = [`/sign/${ids.token}`, `/l/${ids.lid}`, `/s/${ids.lid}`];
    for (const page of pages) {
      const res = await t.http().get(page);
      expect(res.status).toBeLessThan(500);
      for (const payload of XSS_PAYLOADS) expect(res.text).not.toContain(payload);
    }
    for (const mail of sink.messages) {
      for (const payload of XSS_PAYLOADS) expect(String(mail.html)).not.toContain(payload);
    }
  });
});
