import { InvitationEntity } from '@app/domain';
import { JobName, JobProducer } from '@app/jobs';
import { SmtpSink, waitForQueuesIdle } from '@app/testing';
import { Contract, createTestApp, type TestApp } from './support';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

const fixtures = join(__dirname, 'fixtures');
const directoryCsv = readFileSync(join(fixtures, 'organizations.csv'));
const letter = JSON.parse(readFileSync(join(fixtures, 'letter-press-freedom.json'), 'utf8')) as {
  content: { title: string };
};
const DAY = 24 * 3600 * 1000;
const LINK = /http:\/\/signatory\.test\/sign\/([A-Za-z0-9_-]{43})/;

interface Invitation {
  id: string;
  organizationId: string;
  organizationName: string;
  email: string;
  status: string;
  revoked: boolean;
  sentAt: string | null;
  remindersSent: number;
  failureReason: string | null;
}

describe('invitations by email link', () => {
  let t: TestApp;
  let contract: Contract;
  let sink: SmtpSink;
  let token: string;
  let wid: string;
  let cid: string;
  let organizations: { id: string; name: string; email: string; tags: string[] }[];
  const auth = () => ({ Authorization: `Bearer ${token}` });

  /** A letter published until `days` from now, with the given reminder days. */
  const openLetter = async (days = 10, reminderDays = [7, 2]) => {
    const lid = (
      await t
        .http()
        .post(`/api/campaigns/${cid}/letters`)
        .set(auth())
        .send({ content: letter.content, settings: { reminderDays } })
        .expect(201)
    ).body.id as string;
    const deadline = new Date(t.clock.now().getTime() + days * DAY).toISOString();
    await t.http().post(`/api/letters/${lid}/publish`).set(auth()).send({ deadline }).expect(200);
    return lid;
  };
  const invite = (lid: string, body: object) =>
    t
      .http()
      .post(`/api/letters/${lid}/invitations`)
      .set(auth())
      .send(body)
      .expect((res) => contract.expect('post', '/api/letters/{lid}/invitations', res));
  const invitations = async (lid: string) =>
    (
      await t
        .http()
        .get(`/api/letters/${lid}/invitations`)
        .set(auth())
        .expect(200)
        .expect((res) => contract.expect('get', '/api/letters/{lid}/invitations', res))
    ).body as Invitation[];
  const linkIn = (text: string | undefined) => LINK.exec(text ?? '')![1];
  const scanReminders = async () => {
    const producer = t.app.get(JobProducer);
    await Promise.all(
      [1, 2].map((i) =>
        producer.add(
          JobName.RemindersInvitations,
          {},
          { jobId: `scan-${Date.now()}-${i}-${Math.random()}` },
        ),
      ),
    );
    await waitForQueuesIdle(t.app);
  };

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ SMTP_URL: sink.url, MAIL_PER_MINUTE: '10000' });
    contract = await Contract.of(t);
    token = (
      await t
        .http()
        .post('/api/auth/register')
        .send({
          email: 'coordinator@coalition.example',
          password: 'correct horse battery',
          name: 'Cora',
        })
        .expect(201)
    ).body.token;
    wid = (
      await t
        .http()
        .post('/api/workspaces')
        .set(auth())
        .send({ name: 'Press Freedom Coalition' })
        .expect(201)
    ).body.id;
    await t
      .http()
      .post(`/api/workspaces/${wid}/organizations/import`)
      .set(auth())
      .set('Content-Type', 'text/csv')
      .send(directoryCsv)
      .expect(200);
    organizations = (
      await t.http().get(`/api/workspaces/${wid}/organizations?limit=200`).set(auth()).expect(200)
    ).body.items;
    cid = (
      await t
        .http()
        .post(`/api/workspaces/${wid}/campaigns`)
        .set(auth())
        .send({ name: 'Safety' })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('invites all 60 organizations once, each with its own working link', async () => {
    const lid = await openLetter();
    await invite(lid, { allOrganizations: true }).expect(202, { queued: 60, alreadyInvited: 0 });
    await waitForQueuesIdle(t.app);
    const mails = organizations.map((o) => sink.to(o.email));
    expect(mails.every((m) => m.length === 1)).toBe(true);

    const first = mails[0][0];
    expect(first.subject).toBe(`Invitation to sign: ${letter.content.title}`);
    expect(first.from?.value[0].name).toBe('Press Freedom Coalition');
    expect(first.replyTo?.value[0].address).toBe('coordinator@coalition.example');
    expect(first.text).toContain('Sign-ons close on');
    expect(first.html).toContain('/decline');
    const links = mails.map((m) => linkIn(m[0].text));
    expect(new Set(links).size).toBe(60);
    expect(links.every((l, i) => (mails[i][0].html as string).includes(l))).toBe(true);

    for (const [i, link] of links.entries()) {
      const view = await t.http().get(`/api/sign/${link}`).expect(200);
      expect(view.body.organization.name).toBe(organizations[i].name);
      expect(view.body.letter.title).toBe(letter.content.title);
    }
    const listed = await invitations(lid);
    expect(listed).toHaveLength(60);
    expect(listed.every((i) => i.status === 'sent' && i.sentAt)).toBe(true);

    await invite(lid, { allOrganizations: true }).expect(202, { queued: 0, alreadyInvited: 60 });
    await waitForQueuesIdle(t.app);
    expect(organizations.every((o) => sink.to(o.email).length === 1)).toBe(true);
  });

  it('retries a 451 until delivered once, marks a 550 failed with the reason, delivers the rest', async () => {
    const lid = await openLetter();
    const [greylisted, gone, fine] = organizations.slice(0, 3);
    const before = (address: string) => sink.to(address).length;
    const counts = [greylisted, gone, fine].map((o) => before(o.email));
    sink.failFor(greylisted.email, 451, 'Greylisted, try again later');
    sink.failFor(gone.email, 550, 'No such mailbox here');
    await invite(lid, { organizationIds: [greylisted.id, gone.id, fine.id] }).expect(202);
    await waitForQueuesIdle(t.app);

    expect(before(greylisted.email) - counts[0]).toBe(1);
    expect(before(gone.email) - counts[1]).toBe(0);
    expect(before(fine.email) - counts[2]).toBe(1);
    const byOrg = new Map((await invitations(lid)).map((i) => [i.organizationId, i]));
    expect(byOrg.get(greylisted.id)).toMatchObject({ status: 'sent', failureReason: null });
    expect(byOrg.get(gone.id)).toMatchObject({ status: 'failed' });
    expect(byOrg.get(gone.id)!.failureReason).toContain('550');
    expect(byOrg.get(fine.id)).toMatchObject({ status: 'sent' });
  });

  it('records "opened" only on the page\'s POST, never on a GET', async () => {
    const lid = await openLetter();
    const org = organizations[5];
    await invite(lid, { organizationIds: [org.id] }).expect(202);
    await waitForQueuesIdle(t.app);
    const link = linkIn(sink.to(org.email).at(-1)!.text);
    await t.http().get(`/api/sign/${link}`).expect(200);
    expect((await invitations(lid))[0].status).toBe('sent');
    await t.http().post(`/api/sign/${link}/opened`).expect(204);
    expect((await invitations(lid))[0]).toMatchObject({ status: 'opened' });
  });

  it('revokes a link: it answers 410', async () => {
    const lid = await openLetter();
    const org = organizations[6];
    await invite(lid, { organizationIds: [org.id] }).expect(202);
    await waitForQueuesIdle(t.app);
    const link = linkIn(sink.to(org.email).at(-1)!.text);
    const [invitation] = await invitations(lid);
    const revoked = await t
      .http()
      .post(`/api/invitations/${invitation.id}/revoke`)
      .set(auth())
      .expect(200);
    contract.expect('post', '/api/invitations/{iid}/revoke', revoked);
    expect(revoked.body).toMatchObject({ id: invitation.id, revoked: true });
    const res = await t.http().get(`/api/sign/${link}`).expect(410);
    expect(res.body.message).toMatch(/^token: /);
    await t.http().post(`/api/sign/${link}/opened`).expect(410);
    await t
      .http()
      .get(`/api/sign/${'A'.repeat(43)}`)
      .expect(404);
    await t.http().get('/api/sign/short').expect(404);
  });

  it('sends each due reminder step once, not after an answer, never twice, never after the deadline', async () => {
    const lid = await openLetter(10, [7, 2]);
    const [a, b, answered] = organizations.slice(10, 13);
    await invite(lid, { organizationIds: [a.id, b.id, answered.id] }).expect(202);
    await waitForQueuesIdle(t.app);
    const rows = t.app.get(DataSource).getRepository(InvitationEntity);
    // Until signing exists (the next issue), an answer is recorded straight in the database.
    await rows.update(
      { letterId: lid, organizationId: answered.id },
      { status: 'declined', respondedAt: t.clock.now() },
    );
    // Other tests' letters remind the same organizations: count this letter's links only.
    const invitationTo = (o: { email: string }) =>
      sink
        .to(o.email)
        .filter((m) => m.subject?.startsWith('Invitation to sign'))
        .at(-1)!;
    const links = new Map([a, b, answered].map((o) => [o.email, linkIn(invitationTo(o).text)]));
    const mailsTo = (o: { email: string }) =>
      sink
        .to(o.email)
        .filter((m) => m.subject?.startsWith('Reminder') && m.text?.includes(links.get(o.email)!))
        .length;

    await scanReminders();
    expect([mailsTo(a), mailsTo(b), mailsTo(answered)]).toEqual([0, 0, 0]);

    t.clock.advance(3.5 * DAY); // 6.5 days before the deadline: the 7-day step is due
    await scanReminders();
    await scanReminders();
    expect([mailsTo(a), mailsTo(b), mailsTo(answered)]).toEqual([1, 1, 0]);

    t.clock.advance(5 * DAY); // 1.5 days before: the 2-day step
    await scanReminders();
    expect([mailsTo(a), mailsTo(b), mailsTo(answered)]).toEqual([2, 2, 0]);
    const listed = new Map((await invitations(lid)).map((i) => [i.organizationId, i]));
    expect(listed.get(a.id)!.remindersSent).toBe(2);

    t.clock.advance(2 * DAY); // past the deadline
    await scanReminders();
    expect([mailsTo(a), mailsTo(b)]).toEqual([2, 2]);
  });

  it('resends by hand, counted and rate-limited', async () => {
    const lid = await openLetter();
    const org = organizations[20];
    await invite(lid, { organizationIds: [org.id] }).expect(202);
    await waitForQueuesIdle(t.app);
    const [invitation] = await invitations(lid);
    const tooSoon = await t
      .http()
      .post(`/api/invitations/${invitation.id}/resend`)
      .set(auth())
      .expect(429);
    contract.expect('post', '/api/invitations/{iid}/resend', tooSoon);
    // Resends are 10 minutes apart; the header says how long is left, as every 429 does.
    expect(Number(tooSoon.headers['retry-after'])).toBeGreaterThan(9 * 60);
    expect(Number(tooSoon.headers['retry-after'])).toBeLessThanOrEqual(10 * 60);
    t.clock.advance(11 * 60 * 1000);
    const resent = await t
      .http()
      .post(`/api/invitations/${invitation.id}/resend`)
      .set(auth())
      .expect(202, { queued: 1 });
    contract.expect('post', '/api/invitations/{iid}/resend', resent);
    await waitForQueuesIdle(t.app);
    expect(sink.to(org.email).filter((m) => LINK.test(m.text ?? '')).length).toBeGreaterThanOrEqual(
      2,
    );
    expect((await invitations(lid))[0].remindersSent).toBe(1);
  });

  it.each([
    [{}, 400, 'organizationIds: give exactly one of'],
    [{ allOrganizations: true, tag: 'press' }, 400, 'organizationIds: give exactly one of'],
    [
      { organizationIds: ['00000000-0000-4000-8000-000000000000'] },
      400,
      'organizationIds: no organization',
    ],
    [{ organizationIds: "x' OR 1=1" }, 400, 'organizationIds: '],
    [{ allOrganizations: 'yes' }, 400, 'allOrganizations: '],
  ])('refuses %j, inviting no one', async (body, status, message) => {
    const lid = await openLetter();
    const res = await invite(lid, body).expect(status);
    expect(res.body.message.startsWith(message)).toBe(true);
    expect(await invitations(lid)).toEqual([]);
  });

  it('refuses to invite to a draft or closed letter, or an organization of another workspace', async () => {
    const draft = (
      await t
        .http()
        .post(`/api/campaigns/${cid}/letters`)
        .set(auth())
        .send({ content: letter.content })
        .expect(201)
    ).body.id as string;
    await invite(draft, { allOrganizations: true }).expect(422);
    const closed = await openLetter();
    await t.http().post(`/api/letters/${closed}/close`).set(auth()).expect(200);
    await invite(closed, { allOrganizations: true }).expect(422);

    const other = (
      await t
        .http()
        .post('/api/workspaces')
        .set(auth())
        .send({ name: 'Other coalition' })
        .expect(201)
    ).body.id;
    const stranger = (
      await t
        .http()
        .post(`/api/workspaces/${other}/organizations`)
        .set(auth())
        .send({ name: 'Stranger Org', email: 'stranger@org.example' })
        .expect(201)
    ).body.id as string;
    const lid = await openLetter();
    await invite(lid, { organizationIds: [organizations[0].id, stranger] }).expect(400);
    expect(await invitations(lid)).toEqual([]);
  });

  it('merges a duplicate: invitations move, a double invitation is revoked, the duplicate is archived', async () => {
    const survivor = organizations[30];
    const duplicate = (
      await t
        .http()
        .post(`/api/workspaces/${wid}/organizations`)
        .set(auth())
        .send({ name: `The ${survivor.name}`, email: 'second-address@dup.example', tags: ['dup'] })
        .expect(201)
    ).body;
    expect(duplicate.possibleDuplicates).toEqual([{ id: survivor.id, name: survivor.name }]);
    const onlyDuplicate = await openLetter();
    const both = await openLetter();
    await invite(onlyDuplicate, { organizationIds: [duplicate.id] }).expect(202);
    await invite(both, { organizationIds: [duplicate.id, survivor.id] }).expect(202);
    await waitForQueuesIdle(t.app);

    await t.http().delete(`/api/organizations/${duplicate.id}`).set(auth()).expect(422);
    const merged = await t
      .http()
      .post(`/api/organizations/${duplicate.id}/merge`)
      .set(auth())
      .send({ into: survivor.id })
      .expect(200);
    expect(merged.body.movedInvitations).toBe(1);
    expect(merged.body.organization.emails).toEqual([survivor.email, 'second-address@dup.example']);
    expect(merged.body.organization.tags).toEqual(expect.arrayContaining(['dup']));
    expect((await invitations(onlyDuplicate)).map((i) => i.organizationId)).toEqual([survivor.id]);
    const inBoth = await invitations(both);
    expect(inBoth.find((i) => i.organizationId === duplicate.id)).toMatchObject({ revoked: true });
    expect(inBoth.find((i) => i.organizationId === survivor.id)).toMatchObject({ revoked: false });
    expect(
      (await t.http().get(`/api/organizations/${duplicate.id}`).set(auth()).expect(200)).body
        .archived,
    ).toBe(true);
    await t
      .http()
      .post(`/api/organizations/${survivor.id}/merge`)
      .set(auth())
      .send({ into: survivor.id })
      .expect(400);
  });

  it('invites by tag', async () => {
    const lid = await openLetter();
    const res = await invite(lid, { tag: 'legal' }).expect(202);
    expect(res.body.queued).toBe(organizations.filter((o) => o.tags.includes('legal')).length);
  });
});
