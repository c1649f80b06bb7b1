import { AuditEventEntity, SignatureEntity } from '@app/domain';
import { SmtpSink, waitForQueuesIdle } from '@app/testing';
import { Contract, createTestApp, type TestApp } from './support';
import { builtEntry } from './support/built-app';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response, Test } from 'supertest';
import { DataSource } from 'typeorm';

const letter = JSON.parse(
  readFileSync(join(__dirname, 'fixtures/letter-press-freedom.json'), 'utf8'),
) as { content: Record<string, unknown> & { title: string; body: string } };
const TITLE = letter.content.title;
const DAY = 24 * 3600 * 1000;
const MISSING = '00000000-0000-4000-8000-000000000000';
const PRIVATE = ['signerEmail', 'website', 'ip', 'userAgent', 'consentText', 'authorized'];
const ALL_VISIBILITIES = ['public', 'delivered', 'anonymous'];

type Who = 'owner' | 'coordinator' | 'viewer';
interface Account {
  token: string;
  user: { id: string; email: string };
}
interface Signature {
  id: string;
  organizationId: string | null;
  displayName: string;
  status: string;
  visibility: string;
  revision: number;
  [key: string]: unknown;
}
interface ActivityEvent {
  seq: number;
  action: string;
  actor: { type: string; id: string | null; name?: string };
  subject: { type: string; id: string };
  data: Record<string, unknown>;
}

const AUDIT_VERIFY = builtEntry('apps/api/src/cli/audit-verify.ts');

/** `npm run audit:verify -- <letterId>`, as a child process on the test's database. */
function auditVerify(t: TestApp, args: string[]) {
  const child = spawn(process.execPath, [AUDIT_VERIFY, ...args], {
    cwd: join(__dirname, '..'),
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: t.database.url,
      VAR_DIR: t.config.varDir,
      APP_SECRET: t.config.appSecret,
      REDIS_URL: t.config.redisUrl,
      QUEUE_PREFIX: t.config.queuePrefix,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
}

describe('tracking: the coordinators’ view of sign-ons', () => {
  let t: TestApp;
  let contract: Contract;
  let sink: SmtpSink;
  let n = 0;
  let wid: string;
  let cid: string;
  const accounts = {} as Record<Who, Account>;

  const as = (who: Who) => (test: Test) =>
    test.set('Authorization', `Bearer ${accounts[who].token}`);
  /**
   * A supertest assertion: the response is what the OpenAPI document says this operation
   * answers (its JSON schema; for a body that is not JSON, its media type).
   */
  const conforms = (method: 'get' | 'post' | 'patch', path: string) => (res: Response) => {
    const media = String(res.headers['content-type'] ?? '').split(';')[0];
    if (media === 'application/json') return contract.expect(method, path, res);
    const documented = contract.document.paths[path]?.[method]?.responses[String(res.status)] as
      { content?: Record<string, unknown> } | undefined;
    expect(Object.keys(documented?.content ?? {})).toContain(media);
  };
  const http = () => t.http();
  const register = async (name: string): Promise<Account> =>
    (
      await http()
        .post('/api/auth/register')
        .send({
          email: `${name.toLowerCase()}-${++n}@coalition.example`,
          password: 'correct horse battery',
          name,
        })
        .expect(201)
    ).body as Account;
  const newWorkspace = async (name: string) =>
    (await as('owner')(http().post('/api/workspaces')).send({ name }).expect(201)).body
      .id as string;
  const newCampaign = async (wid: string) =>
    (
      await as('owner')(http().post(`/api/workspaces/${wid}/campaigns`))
        .send({ name: 'Safety' })
        .expect(201)
    ).body.id as string;
  const organization = async (wid: string, name: string) =>
    (
      await as('owner')(http().post(`/api/workspaces/${wid}/organizations`))
        .send({ name, email: `contact-${++n}@org.example` })
        .expect(201)
    ).body.id as string;
  /** A letter open for sign-on for ten days, allowing `visibilities`. */
  const openLetter = async (visibilities = ALL_VISIBILITIES, campaign = cid) => {
    const lid = (
      await as('owner')(http().post(`/api/campaigns/${campaign}/letters`))
        .send({ content: letter.content })
        .expect(201)
    ).body.id as string;
    await as('owner')(http().patch(`/api/letters/${lid}/settings`))
      .send({ visibilities })
      .expect(200);
    const deadline = new Date(t.clock.now().getTime() + 10 * DAY).toISOString();
    await as('owner')(http().post(`/api/letters/${lid}/publish`))
      .send({ deadline })
      .expect(200);
    return lid;
  };
  const addManual = (lid: string, body: object, who: Who = 'coordinator') =>
    as(who)(http().post(`/api/letters/${lid}/signatures`))
      .send({ signerName: 'Ana Ruiz', authorized: true, ...body })
      .expect(conforms('post', '/api/letters/{lid}/signatures'));
  const added = async (lid: string, body: object) =>
    (await addManual(lid, body).expect(201)).body as Signature;
  const list = (lid: string, query = '', who: Who = 'coordinator') =>
    as(who)(http().get(`/api/letters/${lid}/signatures${query}`)).expect(
      conforms('get', '/api/letters/{lid}/signatures'),
    );
  const patch = (sid: string, body: object, who: Who = 'coordinator') =>
    as(who)(http().patch(`/api/signatures/${sid}`))
      .send(body)
      .expect(conforms('patch', '/api/signatures/{sid}'));
  const activity = async (lid: string, query = '') =>
    (
      await as('coordinator')(http().get(`/api/letters/${lid}/activity${query}`))
        .expect(conforms('get', '/api/letters/{lid}/activity'))
        .expect(200)
    ).body as ActivityEvent[];
  const csv = (lid: string, query = '', who: Who = 'coordinator') =>
    as(who)(http().get(`/api/letters/${lid}/signatures.csv${query}`)).expect(
      conforms('get', '/api/letters/{lid}/signatures.csv'),
    );
  const signatures = () => t.app.get(DataSource).getRepository(SignatureEntity);
  const ids = (body: Signature[]) => body.map((s) => s.id);

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ SMTP_URL: sink.url, MAIL_PER_MINUTE: '10000' });
    contract = await Contract.of(t);
    accounts.owner = await register('Olga');
    accounts.coordinator = await register('Cora');
    accounts.viewer = await register('Vic');
    wid = await newWorkspace('Press Freedom Coalition');
    for (const role of ['coordinator', 'viewer'] as const) {
      await as('owner')(http().post(`/api/workspaces/${wid}/members`))
        .send({ email: accounts[role].user.email, role })
        .expect(201);
    }
    cid = await newCampaign(wid);
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('records offline sign-ons, lists them by time of signing, filters and pages', async () => {
    const lid = await openLetter();
    const [alliance, fund] = [
      await organization(wid, 'Reporters Alliance'),
      await organization(wid, 'Free Press Fund'),
    ];
    const first = await added(lid, {
      organizationId: alliance,
      displayName: 'Reporters Alliance',
      signerTitle: 'Director',
      country: 'fr',
      signerEmail: ' Ana@Reporters.example ',
      note: 'Phoned on Monday',
    });
    expect(first).toMatchObject({
      organizationId: alliance,
      status: 'confirmed',
      source: 'manual',
      visibility: 'public',
      revision: 1,
      country: 'FR',
      signerTitle: 'Director',
      signerEmail: 'ana@reporters.example',
      authorized: true,
      ip: null,
    });
    expect(first.consentText).toMatch(
      /^Recorded by Cora, a coordinator, from a sign-on received offline/,
    );
    expect(first.consentText).toContain('Note: Phoned on Monday');
    t.clock.advance(60_000);
    const second = await added(lid, {
      organizationId: fund,
      displayName: 'Free Press Fund',
      visibility: 'delivered',
    });
    t.clock.advance(60_000);
    const third = await added(lid, { displayName: 'Comité de soutien', visibility: 'anonymous' });

    const all = await list(lid).expect(200);
    expect(all.headers['x-total-count']).toBe('3');
    expect(ids(all.body)).toEqual([first.id, second.id, third.id]);
    expect(ids((await list(lid, '?visibility=delivered').expect(200)).body)).toEqual([second.id]);
    expect((await list(lid, '?source=manual&status=confirmed').expect(200)).body).toHaveLength(3);
    expect((await list(lid, '?status=withdrawn').expect(200)).body).toEqual([]);
    const page = await list(lid, '?limit=2&offset=1').expect(200);
    expect(ids(page.body)).toEqual([second.id, third.id]);
    expect(page.headers['x-total-count']).toBe('3');

    for (const [query, field] of [
      ['?status=signed', 'status'],
      ['?source=email', 'source'],
      ['?visibility=hidden', 'visibility'],
      ['?limit=0', 'limit'],
      ['?limit=1001', 'limit'],
      ['?limit=ten', 'limit'],
      ['?offset=-1', 'offset'],
      ['?status=confirmed&status=rejected', 'status'],
      ['?colour=red', 'colour'],
    ]) {
      const res = await list(lid, query).expect(400);
      expect(res.body.message).toMatch(new RegExp(`^${field}: `));
    }
  });

  it("lists a campaign's letters with title, status, deadline and sign-on count", async () => {
    const campaign = await newCampaign(wid);
    const listed = () =>
      as('viewer')(http().get(`/api/campaigns/${campaign}/letters`))
        .expect(conforms('get', '/api/campaigns/{cid}/letters'))
        .expect(200);
    expect((await listed()).body).toEqual([]);

    const draft = (
      await as('owner')(http().post(`/api/campaigns/${campaign}/letters`))
        .send({ content: { ...letter.content, title: 'Still a draft' } })
        .expect(201)
    ).body.id as string;
    const open = await openLetter(ALL_VISIBILITIES, campaign);
    const signer = await organization(wid, 'Counted Org');
    await added(open, { organizationId: signer, displayName: 'Counted Org' });
    await added(open, { displayName: 'Offline Signer', visibility: 'anonymous' });
    const viewed = (await as('owner')(http().get(`/api/letters/${open}`)).expect(200)).body;

    expect((await listed()).body).toEqual([
      {
        id: open,
        campaignId: campaign,
        workspaceId: wid,
        title: letter.content.title,
        status: 'open',
        revision: 1,
        publishedRevision: 1,
        deadline: viewed.deadline,
        deadlineInZone: viewed.deadlineInZone,
        timeZone: viewed.timeZone,
        // Every visibility counts, as in the stats a viewer sees.
        signed: 2,
        createdAt: expect.any(String),
      },
      expect.objectContaining({ id: draft, title: 'Still a draft', status: 'draft', signed: 0 }),
    ]);
    const stats = await as('viewer')(http().get(`/api/letters/${open}/stats`)).expect(200);
    expect(stats.body.signed).toBe(2);
    await as('viewer')(http().get(`/api/campaigns/${MISSING}/letters`)).expect(404);
  });

  it('shows viewers neither the private details nor the delivered-only or anonymous sign-ons (issue 14.11)', async () => {
    const lid = await openLetter();
    const named = await added(lid, { displayName: 'Named Org', signerEmail: 'named@org.example' });
    const delivered = await added(lid, { displayName: 'Delivered Org', visibility: 'delivered' });
    const anonymous = await added(lid, { displayName: 'Quiet Org', visibility: 'anonymous' });

    const viewer = await list(lid, '', 'viewer').expect(200);
    expect(viewer.headers['x-total-count']).toBe('1');
    expect(ids(viewer.body)).toEqual([named.id]);
    for (const signature of viewer.body as Signature[]) {
      for (const key of PRIVATE) expect(signature).not.toHaveProperty(key);
    }
    expect((await list(lid, '?visibility=anonymous', 'viewer').expect(200)).body).toEqual([]);
    expect((await list(lid, '?visibility=delivered', 'viewer').expect(200)).body).toEqual([]);
    // Counted, not named.
    const stats = (
      await as('viewer')(http().get(`/api/letters/${lid}/stats`))
        .expect(conforms('get', '/api/letters/{lid}/stats'))
        .expect(200)
    ).body as { signed: number };
    expect(stats.signed).toBe(3);

    const coordinator = (await list(lid).expect(200)).body as Signature[];
    expect(ids(coordinator)).toEqual([named.id, delivered.id, anonymous.id]);
    expect(coordinator[0]).toMatchObject({ signerEmail: 'named@org.example', authorized: true });
    expect(Object.keys(coordinator[0])).toEqual(expect.arrayContaining(PRIVATE));
  });

  it('counts invitations and sign-ons by status and by revision signed', async () => {
    const lid = await openLetter();
    const [a, b, c, d] = [
      await organization(wid, 'Alpha Press'),
      await organization(wid, 'Beta Media'),
      await organization(wid, 'Gamma News'),
      await organization(wid, 'Delta Voices'),
    ];
    await as('coordinator')(http().post(`/api/letters/${lid}/invitations`))
      .send({ organizationIds: [a, b, c] })
      .expect(202);
    await waitForQueuesIdle(t.app);
    const invitations = (
      await as('coordinator')(http().get(`/api/letters/${lid}/invitations`)).expect(200)
    ).body as { organizationId: string; email: string }[];
    const linkOf = (org: string) => {
      const email = invitations.find((i) => i.organizationId === org)!.email;
      return /\/sign\/([A-Za-z0-9_-]{43})/.exec(sink.to(email).at(-1)!.text ?? '')![1];
    };
    await http()
      .post(`/api/sign/${linkOf(b)}/opened`)
      .expect(204);

    await added(lid, { organizationId: a, displayName: 'Alpha Press' });
    await added(lid, { organizationId: d, displayName: 'Delta Voices', visibility: 'anonymous' });
    await added(lid, { displayName: 'Outside Group' });
    const pending = await added(lid, { displayName: 'Pending Group' });
    await signatures().update({ id: pending.id }, { status: 'pending_approval' });
    const withdrawn = await added(lid, { displayName: 'Withdrawn Group' });
    await signatures().update(
      { id: withdrawn.id },
      { status: 'withdrawn', liveKey: null, withdrawnAt: new Date() },
    );
    const rejected = await added(lid, { displayName: 'Rejected Group' });
    await patch(rejected.id, { status: 'rejected' }).expect(200);

    const stats = async () =>
      (await as('viewer')(http().get(`/api/letters/${lid}/stats`)).expect(200)).body as Record<
        string,
        unknown
      >;
    expect(await stats()).toEqual({
      invited: 3,
      sent: 3,
      opened: 1,
      signed: 3,
      declined: 0,
      failed: 0,
      pending: 1,
      withdrawn: 1,
      rejected: 1,
      awaitingReconsent: 0,
      byRevision: { '1': 3 },
    });
    const byOrg = new Map(
      (
        (await as('coordinator')(http().get(`/api/letters/${lid}/invitations`)).expect(200))
          .body as { organizationId: string; status: string; respondedAt: string | null }[]
      ).map((i) => [i.organizationId, i]),
    );
    expect(byOrg.get(a)).toMatchObject({ status: 'signed', respondedAt: expect.any(String) });

    // The chart's curve: the three confirmed sign-ons, oldest first, counted up.
    const curve = await as('viewer')(http().get(`/api/letters/${lid}/sign-on-curve`))
      .expect(200)
      .expect(conforms('get', '/api/letters/{lid}/sign-on-curve'));
    expect(curve.body.total).toBe(3);
    expect(curve.body.points.map((p: { count: number }) => p.count)).toEqual([1, 2, 3]);
    const times = curve.body.points.map((p: { at: string }) => Date.parse(p.at));
    expect([...times].sort((x, y) => x - y)).toEqual(times);

    // A newer revision: the three who signed revision 1 now await re-consent.
    await as('owner')(http().put(`/api/letters/${lid}/draft`))
      .send({
        baseRevision: 1,
        content: { ...letter.content, body: `${letter.content.body}\n\nOne more line.` },
      })
      .expect(200);
    await as('owner')(http().post(`/api/letters/${lid}/publish`))
      .send({ revision: 2 })
      .expect(200);
    await added(lid, { displayName: 'Late Group' });
    expect(await stats()).toMatchObject({
      signed: 4,
      awaitingReconsent: 3,
      byRevision: { '1': 3, '2': 1 },
    });
  });

  it('approves, corrects, rejects and takes back a rejection; each change audited and mailed', async () => {
    const lid = await openLetter();
    const org = await organization(wid, 'Media Defence Network');
    const signer = 'li.wei@mdn.example';
    const s = await added(lid, {
      organizationId: org,
      displayName: 'Media Defence Netwrok',
      signerName: 'Li Wei',
      signerEmail: signer,
    });
    // As an open sign-on waiting for a coordinator would be.
    await signatures().update({ id: s.id }, { status: 'pending_approval' });

    expect((await patch(s.id, { status: 'confirmed' }).expect(200)).body).toMatchObject({
      status: 'confirmed',
      signerEmail: signer,
    });
    await patch(s.id, { status: 'confirmed' }).expect(200); // already approved: nothing happens
    const fixed = await patch(s.id, {
      displayName: '  Media Defence <b>Network</b>\u200B\u202E ',
    }).expect(200);
    expect(fixed.body.displayName).toBe('Media Defence <b>Network</b>');
    // A reason goes only with a rejection; it is cleaned like any text a signer will read.
    expect(
      (await patch(s.id, { displayName: 'MDN', reason: 'Not an organization' }).expect(400)).body
        .message,
    ).toMatch(/^reason: /);
    const reason = 'We could not <i>confirm</i> this organization.\u202E';
    expect((await patch(s.id, { status: 'rejected', reason }).expect(200)).body.status).toBe(
      'rejected',
    );

    // Rejected, the organization's place is free: a new sign-on may take it...
    const again = await added(lid, { organizationId: org, displayName: 'MDN' });
    // ...and the rejected one cannot come back beside it.
    const conflict = await patch(s.id, { status: 'confirmed' }).expect(409);
    expect(conflict.body.message).toMatch(/^status: this organization has another live sign-on/);
    await patch(again.id, { status: 'rejected' }).expect(200);
    await patch(s.id, { status: 'confirmed' }).expect(200);

    const actions = (await activity(lid))
      .filter((e) => e.subject.id === s.id)
      .map((e) => [e.action, e.data.from, e.data.to, e.data.reason]);
    expect(actions.map((a) => a.slice(0, 3))).toEqual([
      ['signature.approved', 'rejected', 'confirmed'],
      ['signature.rejected', 'confirmed', 'rejected'],
      ['signature.edited', 'Media Defence Netwrok', 'Media Defence <b>Network</b>'],
      ['signature.approved', 'pending_approval', 'confirmed'],
      ['signature.added', undefined, undefined],
    ]);
    expect(actions[1][3]).toBe('We could not <i>confirm</i> this organization.');

    await waitForQueuesIdle(t.app);
    const mails = sink.to(signer);
    expect(mails.map((m) => m.subject)).toEqual([
      `Sign-on accepted: ${TITLE}`,
      `Sign-on corrected: ${TITLE}`,
      `Sign-on not accepted: ${TITLE}`,
      `Sign-on accepted: ${TITLE}`,
    ]);
    const corrected = mails[1];
    expect(corrected.text).toContain(
      'from "Media Defence Netwrok" to "Media Defence <b>Network</b>"',
    );
    expect(corrected.html).toContain('Media Defence &lt;b&gt;Network&lt;/b&gt;');
    expect(corrected.html).not.toContain('<b>Network</b>');
    expect(corrected.replyTo?.value[0].address).toBe(accounts.coordinator.user.email);
    expect(corrected.from?.value[0].name).toBe('Press Freedom Coalition');
    expect(mails[2].text).toContain('will not be listed');
    expect(mails[2].text).toContain(
      'Their reason: "We could not <i>confirm</i> this organization."',
    );
    expect(mails[2].html).toContain('We could not &lt;i&gt;confirm&lt;/i&gt; this organization.');
    expect(mails[3].text).not.toContain('Their reason');
    // Only the signer's own sign-on: never the other one's name or address.
    expect(mails.every((m) => !m.text?.includes('MDN'))).toBe(true);
  });

  it('leaves withdrawn sign-ons to their signers and refuses bad changes, naming the field', async () => {
    const lid = await openLetter();
    const w = await added(lid, { displayName: 'Withdrawn Org' });
    await signatures().update(
      { id: w.id },
      { status: 'withdrawn', liveKey: null, withdrawnAt: new Date() },
    );
    for (const status of ['confirmed', 'rejected']) {
      const res = await patch(w.id, { status }).expect(422);
      expect(res.body.message).toMatch(/^status: this sign-on is withdrawn/);
    }
    expect((await patch(w.id, { displayName: 'X' }).expect(422)).body.message).toMatch(
      /^displayName: /,
    );

    const s = await added(lid, { displayName: 'Fine Org' });
    for (const [body, field] of [
      [{}, 'status'],
      [{ status: 'withdrawn' }, 'status'],
      [{ status: true }, 'status'],
      [{ displayName: 42 }, 'displayName'],
      [{ displayName: '  \u200B ' }, 'displayName'],
      [{ displayName: 'x'.repeat(301) }, 'displayName'],
      [{ displayName: 'Ok', signerEmail: 'a@b.example' }, 'signerEmail'],
    ] as const) {
      const res = await patch(s.id, body).expect(400);
      expect(res.body.message).toMatch(new RegExp(`^${field}: `));
    }
    expect((await patch(s.id, { status: 'rejected' }, 'viewer').expect(403)).body.message).toMatch(
      /coordinator/,
    );
  });

  it('refuses a second live sign-on, a foreign organization, an unpublished letter and bad fields', async () => {
    const lid = await openLetter();
    const org = await organization(wid, 'Index on Censorship');
    await added(lid, { organizationId: org, displayName: 'Index on Censorship' });
    const twice = await addManual(lid, { organizationId: org, displayName: 'Index' }).expect(409);
    expect(twice.body.message).toMatch(/^organizationId: this organization is already signed on/);
    await added(lid, { displayName: 'The Outside Group' });
    const sameName = await addManual(lid, { displayName: 'outside group!' }).expect(409);
    expect(sameName.body.message).toMatch(/^displayName: /);

    const elsewhere = await organization(await newWorkspace('Other Coalition'), 'Elsewhere Org');
    for (const organizationId of [elsewhere, MISSING, 'nonsense']) {
      const res = await addManual(lid, { organizationId, displayName: 'Someone' }).expect(400);
      expect(res.body.message).toMatch(/^organizationId: /);
    }

    const draft = (
      await as('owner')(http().post(`/api/campaigns/${cid}/letters`))
        .send({ content: letter.content })
        .expect(201)
    ).body.id as string;
    expect((await addManual(draft, { displayName: 'Early' }).expect(422)).body.message).toMatch(
      /^status: .*draft/,
    );

    const publicOnly = await openLetter(['public']);
    for (const [body, field] of [
      [{ displayName: 'A', authorized: false }, 'authorized'],
      [{ displayName: 'A', authorized: 'yes' }, 'authorized'],
      [{ displayName: 'A', authorized: undefined }, 'authorized'],
      [{ displayName: 123 }, 'displayName'],
      [{ signerName: 'Only a signer' }, 'displayName'],
      [{ displayName: 'A', signerName: ['x'] }, 'signerName'],
      [{ displayName: 'A', visibility: 'delivered' }, 'visibility'],
      [{ displayName: 'A', visibility: 'secret' }, 'visibility'],
      [{ displayName: 'A', signerEmail: 'not an address' }, 'signerEmail'],
      [{ displayName: 'A', country: 'Narnia' }, 'country'],
      [{ displayName: 'A', note: 'n'.repeat(1001) }, 'note'],
      [{ displayName: 'A', colour: 'red' }, 'colour'],
    ] as const) {
      const res = await addManual(publicOnly, body).expect(400);
      expect(res.body.message).toMatch(new RegExp(`^${field}: `));
    }
    expect((await list(publicOnly).expect(200)).body).toEqual([]);
    await addManual(publicOnly, { displayName: 'Viewer Org' }, 'viewer').expect(403);
  });

  it('exports CSV per edition: BOM, CRLF, formulas neutralised, no one named beyond their choice', async () => {
    const lid = await openLetter();
    await added(lid, { displayName: "=cmd|' /C calc'!A0", country: 'DE' });
    await added(lid, { displayName: 'Société Générale des Journalistes' });
    await added(lid, { displayName: 'Delivered Only Org', visibility: 'delivered' });
    await added(lid, {
      displayName: 'Anonymous Org',
      visibility: 'anonymous',
      signerEmail: 'anon@quiet.example',
    });
    const rowsOf = (text: string) =>
      text
        .replace(/^\uFEFF/, '')
        .replace(/\r\n$/, '')
        .split('\r\n');

    const pub = await csv(lid, '?scope=public', 'viewer').expect(200);
    expect(pub.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(pub.headers['content-disposition']).toBe(
      'attachment; filename="signatures-protect-journalists-and-the-free-flow-of-information.csv"',
    );
    expect(pub.text.startsWith('\uFEFFnumber,display_name,country,signed_at\r\n')).toBe(true);
    const rows = rowsOf(pub.text);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(/^1,'=cmd\|' \/C calc'!A0,DE,\d{4}-\d{2}-\d{2}$/);
    expect(rows[2]).toMatch(/^2,Société Générale des Journalistes,,\d{4}-\d{2}-\d{2}$/);
    for (const hidden of ['Delivered Only', 'Anonymous Org', 'anon@quiet.example']) {
      expect(pub.text).not.toContain(hidden);
    }
    expect((await csv(lid, '', 'viewer').expect(200)).text).toBe(pub.text);

    const refused = await csv(lid, '?scope=delivered', 'viewer').expect(403);
    expect(refused.body.message).toMatch(/^scope: /);
    expect(refused.text).not.toContain('Delivered Only Org');
    const delivered = await csv(lid, '?scope=delivered').expect(200);
    expect(rowsOf(delivered.text)).toHaveLength(4);
    expect(delivered.text).toContain('Delivered Only Org');
    expect(delivered.text).not.toContain('Anonymous Org');

    const forbidden = await csv(lid, '?scope=all', 'viewer').expect(403);
    expect(forbidden.body.message).toMatch(/^scope: /);
    expect((await csv(lid, '?scope=everything').expect(400)).body.message).toMatch(/^scope: /);

    const all = await csv(lid).expect(200);
    const records = rowsOf(all.text);
    expect(records[0]).toBe(
      'id,display_name,status,source,visibility,revision,organization_id,signer_name,signer_title,signer_email,country,website,signed_at,updated_at,withdrawn_at,domain_verified,authorized,consent_text,ip,user_agent',
    );
    expect(records).toHaveLength(5);
    expect(all.text).toContain('Anonymous Org');
    expect(all.text).toContain('anon@quiet.example');
    expect(all.text).toContain(",'=cmd|' /C calc'!A0,confirmed,manual,public,1,");
  });

  it("lists the letter's activity newest first, with who did what", async () => {
    const lid = await openLetter();
    const other = await openLetter();
    const s = await added(lid, { displayName: 'Active Org' });
    await patch(s.id, { status: 'rejected' }).expect(200);
    await added(other, { displayName: 'Elsewhere Org' });

    const events = await activity(lid);
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(events.map((e) => e.action).slice(0, 2)).toEqual([
      'signature.rejected',
      'signature.added',
    ]);
    expect(events.map((e) => e.action)).toContain('letter.published');
    expect(events[0]).toMatchObject({
      actor: { type: 'user', id: accounts.coordinator.user.id, name: 'Cora' },
      subject: { type: 'signature', id: s.id },
      data: { from: 'confirmed', to: 'rejected' },
    });
    expect(JSON.stringify(events)).not.toContain('Elsewhere Org');

    expect(await activity(lid, '?limit=1')).toEqual([events[0]]);
    expect(await activity(lid, `?before=${events[0].seq}`)).toEqual(events.slice(1));
    for (const query of ['?limit=0', '?limit=201', '?before=x']) {
      await as('coordinator')(http().get(`/api/letters/${lid}/activity${query}`))
        .expect(conforms('get', '/api/letters/{lid}/activity'))
        .expect(400);
    }
    await as('viewer')(http().get(`/api/letters/${lid}/activity`))
      .expect(conforms('get', '/api/letters/{lid}/activity'))
      .expect(403);
  });

  it('verifies the audit chain and finds a tampered event, through the API and the CLI', async () => {
    const auditCid = await newCampaign(await newWorkspace('Audit Coalition'));
    const lid = await openLetter(ALL_VISIBILITIES, auditCid);
    const s = await addManual(lid, { displayName: 'Chain Org' }, 'owner').expect(201);
    await patch(s.body.id, { displayName: 'Chain Organisation' }, 'owner').expect(200);
    const verify = (who: Who = 'owner') =>
      as(who)(http().get(`/api/letters/${lid}/audit/verify`)).expect(
        conforms('get', '/api/letters/{lid}/audit/verify'),
      );

    const ok = (await verify().expect(200)).body;
    expect(ok).toEqual({
      valid: true,
      events: expect.any(Number),
      letterEvents: expect.any(Number),
    });
    // At least the sign-on and its correction; the workspace also has its own events.
    expect(ok.letterEvents).toBeGreaterThanOrEqual(2);
    expect(ok.events).toBeGreaterThan(ok.letterEvents);
    // The coordinator is not a member of this workspace: it does not exist for them.
    await verify('coordinator').expect(404);
    // Each run boots the app's modules (a second or two): two at once, then one.
    const [valid, unknown] = await Promise.all([
      auditVerify(t, [lid]),
      auditVerify(t, [randomUUID()]),
    ]);
    expect(valid).toMatchObject({ code: 0, stderr: '' });
    expect(valid.stdout).toBe(
      `audit chain valid: ${ok.events} events, ${ok.letterEvents} about letter ${lid}\n`,
    );
    expect(unknown).toMatchObject({ code: 2, stderr: 'audit:verify: letter not found\n' });

    // Someone with database access rewrites what was recorded.
    const dataSource = t.app.get(DataSource);
    const added = await dataSource
      .getRepository(AuditEventEntity)
      .findOneByOrFail({ letterId: lid, action: 'signature.added' });
    const placeholder = t.database.kind === 'postgres' ? '$1' : '?';
    await dataSource.query(
      `UPDATE audit_events SET data = '{"displayName":"Someone Else"}' WHERE id = ${placeholder}`,
      [added.id],
    );

    expect((await verify().expect(200)).body).toEqual({
      valid: false,
      events: ok.events,
      letterEvents: ok.letterEvents,
      brokenAt: added.seq,
    });
    const broken = await auditVerify(t, [lid]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`BROKEN at seq ${added.seq}`);
  }, 90_000);

  it('answers unknown and malformed ids with 404, never a 500', async () => {
    for (const id of [MISSING, 'not-a-uuid', "x' OR 1=1 --", 'a'.repeat(300)]) {
      const e = encodeURIComponent(id);
      for (const path of ['signatures', 'stats', 'signatures.csv', 'activity', 'audit/verify']) {
        const res = await as('owner')(http().get(`/api/letters/${e}/${path}`));
        expect([path, res.status, res.body.message]).toEqual([path, 404, 'not found']);
      }
      await addManual(e, { displayName: 'Nobody' }, 'owner').expect(404);
      await patch(e, { status: 'confirmed' }, 'owner').expect(404);
    }
  });

  it('refuses a 1 MB name, cleans disguising characters, keeps markup as text and unicode intact', async () => {
    const lid = await openLetter();
    await addManual(lid, { displayName: 'A'.repeat(1024 * 1024) }).expect(413);
    const long = await addManual(lid, { displayName: 'A'.repeat(5000) }).expect(400);
    expect(long.body.message).toBe('displayName: at most 300 characters');

    const unicode = 'Ελληνική Ένωση Συντακτών — 中文笔会 — شبكة الصحفيين — Cafe\u0301';
    const u = await added(lid, { displayName: unicode, signerName: 'Zoë Ørsted' });
    expect(u.displayName).toBe(unicode.normalize('NFC'));
    expect(u.signerName).toBe('Zoë Ørsted');
    const hostile = await added(lid, {
      displayName: '<img src=x onerror=alert(1)> Org\u202Egnp.exe\u200B\u2066',
    });
    expect(hostile.displayName).toBe('<img src=x onerror=alert(1)> Orggnp.exe');

    const listed = (await list(lid).expect(200)).body as Signature[];
    expect(listed.map((s) => s.displayName)).toEqual([
      unicode.normalize('NFC'),
      '<img src=x onerror=alert(1)> Orggnp.exe',
    ]);
    const exported = (await csv(lid, '?scope=public').expect(200)).text;
    expect(exported).toContain(unicode.normalize('NFC'));
    expect(exported).not.toMatch(/[\u202E\u200B\u2066]/);
  });

  it('answers the stats, the list and the CSV of 10,000 signatures', async () => {
    const lid = await openLetter();
    const now = t.clock.now().getTime();
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      id: randomUUID(),
      letterId: lid,
      organizationId: null,
      invitationId: null,
      liveKey: i % 10 === 9 ? null : `name:bulk ${i}`,
      status: i % 10 === 9 ? ('withdrawn' as const) : ('confirmed' as const),
      source: 'open' as const,
      visibility: ALL_VISIBILITIES[i % 3] as 'public',
      revision: 1,
      displayName: `Bulk Organization ${i}`,
      signerName: `Signer ${i}`,
      signerTitle: 'Director',
      signerEmail: `signer${i}@bulk.example`,
      country: 'FR',
      website: null,
      consentText: 'I agree.',
      authorized: true,
      domainVerified: false,
      ip: '203.0.113.7',
      userAgent: 'Mozilla/5.0',
      position: null,
      tokenSeed: null,
      tokenHash: null,
      signedAt: new Date(now - i * 1000),
      updatedAt: new Date(now),
      withdrawnAt: null,
    }));
    for (let i = 0; i < rows.length; i += 500) await signatures().insert(rows.slice(i, i + 500));

    // How fast they are is measured by the benchmark's `track` scenario (npm run bench), not
    // here: a timed assertion on a shared machine measures the neighbours too.
    const stats = await as('coordinator')(http().get(`/api/letters/${lid}/stats`)).expect(200);
    expect(stats.body).toMatchObject({ signed: 9000, withdrawn: 1000, byRevision: { '1': 9000 } });

    const all = await csv(lid).expect(200);
    expect(all.text.split('\r\n')).toHaveLength(10_002);
    const pub = await csv(lid, '?scope=public').expect(200);
    expect(pub.text.split('\r\n')).toHaveLength(3000 + 2);

    const page = await list(lid, '?limit=1000&offset=9500').expect(200);
    expect(page.headers['x-total-count']).toBe('10000');
    expect(page.body).toHaveLength(500);
  });
});
