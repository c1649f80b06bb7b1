import { SmtpSink, waitForQueuesIdle } from '@app/testing';
import {
  Coalition,
  createTestApp,
  fixtureLetter as letter,
  signLinkIn as linkIn,
  type TestApp,
} from './support';
import { parse } from 'csv-parse/sync';

type Answer = 'public' | 'delivered' | 'anonymous' | 'declined' | 'withdrawn' | 'delegated';
const answers: Answer[] = [
  'public',
  'delivered',
  'anonymous',
  'declined',
  'withdrawn',
  'delegated',
];

/**
 * The whole journey for the fixture directory: every organization gets its own link by
 * mail and answers through it (signs in each visibility, declines, withdraws, or passes it
 * on to a colleague who signs); the coordinator's numbers, list, CSV and audit trail then
 * agree with what happened.
 */
describe('the fixture coalition signs on', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let coalition: Coalition;
  let lid: string;
  let organizations: { id: string; name: string; email: string }[];
  const auth = () => coalition.auth();
  const answerOf = (index: number) => answers[index % answers.length];

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ SMTP_URL: sink.url, MAIL_PER_MINUTE: '100000' });
    coalition = await Coalition.create(t);
    organizations = await coalition.importFixtureDirectory();
    lid = await coalition.openLetter({
      visibilities: ['public', 'delivered', 'anonymous'],
      showCountry: true,
    });
    await t
      .http()
      .post(`/api/letters/${lid}/invitations`)
      .set(auth())
      .send({ allOrganizations: true })
      .expect(202);
    await waitForQueuesIdle(t.app);

    for (const [index, organization] of organizations.entries()) {
      const link = linkIn(sink.to(organization.email)[0]?.text);
      // The page (GET) reads, and the person interacting with it marks it opened.
      const page = await t.http().get(`/sign/${link}`).expect(200);
      expect(page.text).toContain(letter.content.title);
      await t.http().post(`/api/sign/${link}/opened`).expect(204);
      const sign = (target: string, visibility = 'public') =>
        t
          .http()
          .post(`/api/sign/${target}`)
          .send({
            displayName: organization.name,
            signerName: `Signer ${index}`,
            signerTitle: 'Director',
            consent: true,
            authorized: true,
            visibility,
          })
          .expect(201);
      const answer = answerOf(index);
      if (answer === 'declined') {
        await t.http().post(`/api/sign/${link}/decline`).send({ reason: 'Not now' }).expect(200);
      } else if (answer === 'withdrawn') {
        await sign(link);
        await t.http().post(`/api/sign/${link}/withdraw`).expect(200);
      } else if (answer === 'delegated') {
        const colleague = `colleague${index}@delegated.example`;
        await t.http().post(`/api/sign/${link}/delegate`).send({ email: colleague }).expect(200);
        await sign(linkIn((await sink.waitForMail(colleague)).text));
      } else {
        await sign(link, answer);
      }
    }
    await waitForQueuesIdle(t.app);
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  const expected = (answer: Answer) => organizations.filter((_, i) => answerOf(i) === answer);

  it('counts what happened', async () => {
    const stats = (await t.http().get(`/api/letters/${lid}/stats`).set(auth()).expect(200)).body;
    const signed = ['public', 'delivered', 'anonymous', 'delegated'] as Answer[];
    expect(stats).toMatchObject({
      invited: organizations.length,
      sent: organizations.length,
      opened: organizations.length,
      signed: signed.reduce((n, a) => n + expected(a).length, 0),
      declined: expected('declined').length,
      withdrawn: expected('withdrawn').length,
      failed: 0,
      pending: 0,
    });
    const invitations = (
      await t.http().get(`/api/letters/${lid}/invitations`).set(auth()).expect(200)
    ).body as { organizationName: string; status: string }[];
    for (const [answer, status] of [
      ['declined', 'declined'],
      ['withdrawn', 'withdrawn'],
      ['public', 'signed'],
      ['delegated', 'signed'],
    ] as const) {
      const names = invitations.filter((i) => i.status === status).map((i) => i.organizationName);
      expect(names).toEqual(expect.arrayContaining(expected(answer).map((o) => o.name)));
    }
  });

  it('lists every sign-on with the revision signed, and mails each signer a receipt', async () => {
    const list = (
      await t.http().get(`/api/letters/${lid}/signatures?limit=1000`).set(auth()).expect(200)
    ).body as { displayName: string; status: string; revision: number; signerEmail: string }[];
    const confirmed = list.filter((s) => s.status === 'confirmed');
    expect(confirmed.map((s) => s.displayName).sort()).toEqual(
      organizations
        .filter((_, i) => !['declined', 'withdrawn'].includes(answerOf(i)))
        .map((o) => o.name)
        .sort(),
    );
    expect(confirmed.every((s) => s.revision === 1)).toBe(true);
    for (const organization of expected('public')) {
      const receipt = sink.to(organization.email).find((m) => m.subject?.startsWith('Signed on'));
      expect(receipt?.text).toContain(`"${organization.name}"`);
    }
  });

  it('exports the public names only in the public CSV, every name in the full one', async () => {
    const rowsOf = async (scope: string) => {
      const answer = await t
        .http()
        .get(`/api/letters/${lid}/signatures.csv?scope=${scope}`)
        .set(auth())
        .expect(200);
      return parse<Record<string, string>>(answer.text.replace(/^\uFEFF/, ''), { columns: true });
    };
    const cell = (row: Record<string, string>) =>
      (Object.entries(row).find(([key]) => /display/i.test(key))?.[1] ?? '').replace(/^'/, '');
    const publicNames = (await rowsOf('public')).map(cell);
    expect(publicNames.sort()).toEqual(
      [...expected('public'), ...expected('delegated')].map((o) => o.name).sort(),
    );
    for (const hidden of [...expected('delivered'), ...expected('anonymous')]) {
      expect(publicNames).not.toContain(hidden.name);
    }
    const allNames = (await rowsOf('all')).map(cell);
    for (const organization of organizations.filter((_, i) => answerOf(i) !== 'declined')) {
      expect(allNames).toContain(organization.name);
    }
  });

  it('keeps an activity feed and an audit chain that verifies', async () => {
    // The feed comes in pages, newest first; `before` asks for the next older one.
    const activity: { seq: number; action: string }[] = [];
    for (let before = ''; ;) {
      const page = (
        await t
          .http()
          .get(`/api/letters/${lid}/activity?limit=200${before}`)
          .set(auth())
          .expect(200)
      ).body as { seq: number; action: string }[];
      activity.push(...page);
      if (page.length < 200) break;
      before = `&before=${page[page.length - 1].seq}`;
    }
    expect(activity.map((e) => e.seq)).toEqual(
      [...activity.map((e) => e.seq)].sort((a, b) => b - a),
    );
    const count = (action: string) => activity.filter((e) => e.action === action).length;
    // A delegated invitation is sent a second time, to the colleague.
    expect(count('invitation.sent')).toBe(organizations.length + expected('delegated').length);
    expect(count('invitation.opened')).toBe(organizations.length);
    expect(count('invitation.declined')).toBe(expected('declined').length);
    expect(count('invitation.delegated')).toBe(expected('delegated').length);
    expect(count('signature.withdrawn')).toBe(expected('withdrawn').length);
    expect(count('signature.signed')).toBe(organizations.length - expected('declined').length);
    const verified = await t.http().get(`/api/letters/${lid}/audit/verify`).set(auth()).expect(200);
    expect(verified.body.valid).toBe(true);
  });
});
