import { JobName, JobProducer } from '@app/jobs';
import { SmtpSink, waitForQueuesIdle } from '@app/testing';
import { Coalition, Contract, createTestApp, fixtureLetter, type TestApp } from './support';

const NY_DEADLINE = '20 December 2026, 11:59 pm EST';

/**
 * Deadlines read and shown in the letter's time zone: a workspace in New York, a letter
 * due "2026-12-20" that closes at 23:59 there, mails and pages that say so, and reminders
 * that keep their local time across a daylight-saving change.
 */
describe('time zones', () => {
  let t: TestApp;
  let contract: Contract;
  let sink: SmtpSink;
  let coalition: Coalition;
  const as = () => coalition.auth();
  const run = async (name: JobName) => {
    await t.app.get(JobProducer).add(name, {}, { jobId: `${name}-${Math.random()}` });
    await waitForQueuesIdle(t.app);
  };
  const publish = (lid: string, body: object) =>
    t
      .http()
      .post(`/api/letters/${lid}/publish`)
      .set(as())
      .send(body)
      .expect((res) => contract.expect('post', '/api/letters/{lid}/publish', res));
  const letterOf = async (lid: string) =>
    (
      await t
        .http()
        .get(`/api/letters/${lid}`)
        .set(as())
        .expect(200)
        .expect((res) => contract.expect('get', '/api/letters/{lid}', res))
    ).body as {
      status: string;
      deadline: string | null;
      deadlineInZone: string | null;
      timeZone: string;
      settings: { timeZone: string | null };
    };

  beforeAll(async () => {
    sink = await SmtpSink.start();
    // Sessions outlive the three months the clock moves through.
    t = await createTestApp({
      SMTP_URL: sink.url,
      MAIL_PER_MINUTE: '10000',
      SESSION_TTL_DAYS: '365',
    });
    // Pinned to a calendar, so that the dates below stay in the future.
    t.clock.travelTo('2026-12-01T12:00:00Z');
    coalition = await Coalition.create(t, 'Washington Coalition');
    contract = await Contract.of(t);
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('sets the workspace zone and a letter override, refusing unknown zones by field', async () => {
    const ws = `/api/workspaces/${coalition.workspaceId}`;
    const workspace = await t.http().get(ws).set(as()).expect(200);
    expect(workspace.body.timeZone).toBe('UTC');

    const bad = await t.http().patch(ws).set(as()).send({ timeZone: 'America/Gotham' }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('timeZone');
    expect((await t.http().get(ws).set(as()).expect(200)).body.timeZone).toBe('UTC');

    const set = await t.http().patch(ws).set(as()).send({ timeZone: 'America/New_York' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ name: 'Washington Coalition', timeZone: 'America/New_York' });
    const listed = await t.http().get('/api/workspaces').set(as()).expect(200);
    expect(listed.body[0].timeZone).toBe('America/New_York');

    const paris = await t
      .http()
      .post('/api/workspaces')
      .set(as())
      .send({ name: 'Paris Coalition', timeZone: 'Europe/Paris' })
      .expect(201);
    expect(paris.body.timeZone).toBe('Europe/Paris');
    await t.http().patch(`/api/workspaces/${paris.body.id}`).set(as()).send({ timeZone: null });
    const reset = await t.http().get(`/api/workspaces/${paris.body.id}`).set(as()).expect(200);
    expect(reset.body).toMatchObject({ name: 'Paris Coalition', timeZone: 'UTC' });
    const refusedWorkspace = await t
      .http()
      .post('/api/workspaces')
      .set(as())
      .send({ name: 'Nowhere Coalition', timeZone: 'Europe/Atlantis' })
      .expect(400);
    expect(refusedWorkspace.body.message).toContain('timeZone');

    const lid = await coalition.draftLetter();
    expect(await letterOf(lid)).toMatchObject({
      timeZone: 'America/New_York',
      settings: { timeZone: null },
    });
    const settings = `/api/letters/${lid}/settings`;
    const refused = await t.http().patch(settings).set(as()).send({ timeZone: 'Mars/Base' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('timeZone');
    await t.http().patch(settings).set(as()).send({ timeZone: 'asia/kolkata' }).expect(200);
    expect(await letterOf(lid)).toMatchObject({
      timeZone: 'Asia/Kolkata',
      settings: { timeZone: 'Asia/Kolkata' },
    });
    await t.http().patch(settings).set(as()).send({ timeZone: null }).expect(200);
    expect((await letterOf(lid)).timeZone).toBe('America/New_York');

    const createBad = await t
      .http()
      .post(`/api/campaigns/${coalition.campaignId}/letters`)
      .set(as())
      .send({ content: fixtureLetter.content, settings: { timeZone: 'Nowhere' } });
    expect(createBad.status).toBe(400);
    expect(JSON.stringify(createBad.body)).toContain('timeZone');
  });

  it('refuses deadlines that are malformed, past, or before the letter’s date, changing nothing', async () => {
    const lid = await coalition.draftLetter({}, { ...fixtureLetter.content, date: '2026-12-10' });
    for (const [deadline, problem] of [
      ['2026-02-30', 'deadline: expected a date'],
      ['next friday', 'deadline: expected a date'],
      ['2026-11-30', 'deadline: must be in the future'],
      ['2026-12-01T06:59', 'deadline: must be in the future'], // 11:59 UTC, a minute ago
      ['2026-12-09T17:00', "deadline: must not be before the letter's date (2026-12-10)"],
    ]) {
      const res = await publish(lid, { deadline });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain(problem);
    }
    expect(await letterOf(lid)).toMatchObject({ status: 'draft', deadline: null });
    // The letter's own day is fine.
    await publish(lid, { deadline: '2026-12-10' }).expect(200);
  });

  it('closes a New York deadline at 23:59 there, and says so on every surface', async () => {
    const lid = await coalition.draftLetter({ publicPage: true });
    const published = await publish(lid, { deadline: '2026-12-20' }).expect(200);
    expect(published.body).toMatchObject({
      deadline: '2026-12-21T04:59:00.000Z',
      deadlineInZone: '2026-12-20T23:59:00-05:00',
      timeZone: 'America/New_York',
    });
    expect(await letterOf(lid)).toMatchObject({
      status: 'open',
      deadline: '2026-12-21T04:59:00.000Z',
      deadlineInZone: '2026-12-20T23:59:00-05:00',
    });

    // The invitation mail, the sign-on API and page, the public page.
    const { link, email } = await coalition.invited(sink, lid);
    const invitation = sink.to(email)[0];
    expect(invitation.text).toContain(`Sign-ons close on ${NY_DEADLINE}.`);
    expect(invitation.html).toContain(NY_DEADLINE);
    const view = await t.http().get(`/api/sign/${link}`).expect(200);
    expect(view.body.letter).toMatchObject({
      deadline: '2026-12-21T04:59:00.000Z',
      deadlineInZone: '2026-12-20T23:59:00-05:00',
      timeZone: 'America/New_York',
    });
    expect((await t.http().get(`/sign/${link}`).expect(200)).text).toContain(
      `Sign-ons close on ${NY_DEADLINE}.`,
    );
    expect((await t.http().get(`/l/${lid}`).expect(200)).text).toContain(NY_DEADLINE);

    // The receipt says when, in New York time too.
    await t
      .http()
      .post(`/api/sign/${link}`)
      .send({ displayName: 'Org', signerName: 'Sam', consent: true, authorized: true })
      .expect(201);
    await waitForQueuesIdle(t.app);
    const receipt = sink.to(email).find((m) => m.subject?.startsWith('Signed on'));
    expect(receipt?.text).toMatch(/Recorded 1 December 2026, 7:\d\d am EST/);
    expect(receipt?.text).toContain(NY_DEADLINE);

    // A minute before 23:59 in New York (04:58 UTC the next day) it is still open...
    t.clock.travelTo('2026-12-21T04:58:00Z');
    await run(JobName.RemindersDeadlines);
    expect((await letterOf(lid)).status).toBe('open');
    expect((await t.http().get(`/sign/${link}`).expect(200)).text).toContain('Sign-ons close on');
    // ... and at 23:59 it closes.
    t.clock.travelTo('2026-12-21T04:59:30Z');
    await run(JobName.RemindersDeadlines);
    expect((await letterOf(lid)).status).toBe('closed');
    const closed = (await t.http().get(`/sign/${link}`).expect(200)).text;
    expect(closed).toContain('Sign-ons are closed.');
    expect(closed).not.toContain('Sign-ons close on');
  });

  it('sends a reminder at the deadline’s local time across the spring change', async () => {
    t.clock.travelTo('2027-03-01T12:00:00Z');
    const lid = await coalition.draftLetter({ reminderDays: [7] });
    // 16 March 2027, 23:59 EDT; clocks go forward on 14 March. Seven days before is
    // 9 March, 23:59 EST (04:59 UTC on the 10th), not 7 × 24 hours before (03:59 UTC).
    const published = await publish(lid, { deadline: '2027-03-16' }).expect(200);
    expect(published.body.deadlineInZone).toBe('2027-03-16T23:59:00-04:00');
    const { email } = await coalition.invited(sink, lid);
    const reminders = () =>
      sink.to(email).filter((m) => m.subject?.toLowerCase().includes('reminder')).length;
    expect(reminders()).toBe(0);

    t.clock.travelTo('2027-03-10T04:00:00Z'); // past 7 × 24 h, before 23:59 EST
    await run(JobName.RemindersInvitations);
    expect(reminders()).toBe(0);

    t.clock.travelTo('2027-03-10T04:59:30Z');
    await run(JobName.RemindersInvitations);
    await run(JobName.RemindersInvitations);
    expect(reminders()).toBe(1);
    const reminder = sink.to(email).find((m) => m.subject?.toLowerCase().includes('reminder'));
    expect(reminder?.text).toContain('16 March 2027, 11:59 pm EDT');
  });
});
