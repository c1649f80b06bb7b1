import { JobName, JobProducer } from '@app/jobs';
import { SmtpSink, waitForQueuesIdle } from '@app/testing';
import type { ParsedMail } from 'mailparser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Contract, createTestApp, type TestApp } from './support';

// Issue 17: the sender's note, the truthful wording about passing the link on, the preview of
// the exact mail, selection by tags, and the reminder schedule; mail read as received.

const fixtures = join(__dirname, 'fixtures');
const letter = JSON.parse(readFileSync(join(fixtures, 'letter-press-freedom.json'), 'utf8')) as {
  content: { title: string; body: string };
};
const directoryCsv = readFileSync(join(fixtures, 'organizations.csv'));
const DAY = 24 * 3600 * 1000;
const LINK = /http:\/\/signatory\.test\/sign\/[A-Za-z0-9_-]{43}/g;
const PLACEHOLDER = 'http://signatory.test/sign/PREVIEW-ONLY-NOT-A-SIGN-ON-LINK';
const DOCUMENT_ROUTE = '/api/letters/{lid}/invitations/preview/{pid}';

// User text with markup, a bidi override (stripped at input) and a right-to-left script: the
// Arabic is an organization's name in the shared fixtures.
const SENDER = 'Amira <script>alert(1)</script> \u202Eحداد';
const SENDER_AS_STORED = 'Amira <script>alert(1)</script> حداد';
const WORKSPACE = 'Clean Air & “Press” Coalition – مركز حماية الصحفيين';
const NOTE = [
  'Dear friends,',
  '',
  'We would be **proud** to count you among the signers. <3 & see [our site](https://coalition.example/why).',
].join('\n');

interface Organization {
  id: string;
  name: string;
  email: string;
  tags: string[];
}

describe('invitation notes, wording, preview and schedule (issue 17)', () => {
  let t: TestApp;
  let contract: Contract;
  let sink: SmtpSink;
  let token: string;
  let wid: string;
  let cid: string;
  let organizations: Organization[];
  const auth = () => ({ Authorization: `Bearer ${token}` });
  const opening = (): string => {
    // The letter's first paragraph as the mail quotes it (plain text of the Markdown).
    const first = letter.content.body.split(/\n\s*\n/)[0];
    return first.replace(/\*\*|_/g, '').slice(0, 40);
  };

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
  const preview = (lid: string, body: object) =>
    t
      .http()
      .post(`/api/letters/${lid}/invitations/preview`)
      .set(auth())
      .send(body)
      .expect((res) => contract.expect('post', '/api/letters/{lid}/invitations/preview', res));
  const schedule = async (lid: string) =>
    (
      await t
        .http()
        .get(`/api/letters/${lid}/reminders`)
        .set(auth())
        .expect(200)
        .expect((res) => contract.expect('get', '/api/letters/{lid}/reminders', res))
    ).body as {
      stopped: string | null;
      steps: {
        daysBefore: number;
        at: string;
        due: boolean;
        sent: number;
        recipients: { organizationId: string; email: string }[];
      }[];
    };
  const invitations = async (lid: string) =>
    (await t.http().get(`/api/letters/${lid}/invitations`).set(auth()).expect(200)).body as {
      id: string;
      organizationId: string;
    }[];
  const lastMail = (o: Organization, subject: string): ParsedMail =>
    sink
      .to(o.email)
      .filter((m) => m.subject?.startsWith(subject))
      .at(-1)!;
  const scanReminders = async () => {
    await t.app
      .get(JobProducer)
      .add(JobName.RemindersInvitations, {}, { jobId: `scan-${Date.now()}-${Math.random()}` });
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
        .send({ email: 'amira@coalition.example', password: 'correct horse battery', name: SENDER })
        .expect(201)
    ).body.token;
    wid = (await t.http().post('/api/workspaces').set(auth()).send({ name: WORKSPACE }).expect(201))
      .body.id as string;
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
        .send({ name: 'Air' })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('puts the note above the letter’s opening, introduced and escaped, with the true wording, in HTML and text', async () => {
    const lid = await openLetter();
    const org = organizations[2];
    await invite(lid, { organizationIds: [org.id], note: NOTE }).expect(202, {
      queued: 1,
      alreadyInvited: 0,
    });
    await waitForQueuesIdle(t.app);
    const mail = lastMail(org, 'Invitation to sign');
    const html = mail.html as string;
    const text = mail.text!;

    // HTML: the intro with both names escaped and isolated, the note rendered, before the opening.
    const intro = html.indexOf(
      'A note from <bdi>Amira &lt;script&gt;alert(1)&lt;/script&gt; حداد</bdi> at <bdi>Clean Air &amp; “Press” Coalition – مركز حماية الصحفيين</bdi>:',
    );
    expect(intro).toBeGreaterThan(-1);
    const noteAt = html.indexOf('We would be <strong>proud</strong> to count you');
    expect(noteAt).toBeGreaterThan(intro);
    expect(html).toContain('&lt;3 &amp; see <a href="https://coalition.example/why"');
    expect(html.indexOf(opening())).toBeGreaterThan(noteAt);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('\u202E');

    // Text: the same, as plain text (no Markdown), names verbatim.
    const textIntro = text.indexOf(`A note from ${SENDER_AS_STORED} at ${WORKSPACE}:`);
    expect(textIntro).toBeGreaterThan(-1);
    const textNote = text.indexOf('We would be proud to count you among the signers. <3 & see');
    expect(textNote).toBeGreaterThan(textIntro);
    expect(text).toContain('our site <https://coalition.example/why>');
    expect(text.indexOf(opening())).toBeGreaterThan(textNote);
    expect(text).not.toContain('**');
    expect(text).not.toContain('\u202E');

    for (const part of [html, text]) {
      expect(part).not.toMatch(/do not forward/i);
      expect(part).toMatch(
        /This link signs on for .+\. To involve a colleague, use .Send my colleague a link. on the letter.s page/,
      );
    }
    expect(text).toContain(
      `Questions? Reply to this message to reach ${SENDER_AS_STORED} at ${WORKSPACE}.`,
    );
    expect(mail.replyTo?.value[0].address).toBe('amira@coalition.example');

    // The sign page offers exactly the button the mail names.
    const link = text.match(LINK)![0];
    const page = await t.http().get(new URL(link).pathname).expect(200);
    expect(page.text).toContain('Pass this on to a colleague');
    expect(page.text).toContain('Send my colleague a link');

    // Passed on with that button, the colleague's mail carries the note too.
    const colleague = 'colleague@org3.example';
    await t
      .http()
      .post(`/api/sign/${new URL(link).pathname.split('/').at(-1)}/delegate`)
      .send({ email: colleague })
      .expect(200);
    const passedOn = await sink.waitForMail(colleague);
    expect(passedOn.text).toContain(`A note from ${SENDER_AS_STORED} at ${WORKSPACE}:`);
    expect(passedOn.html).toContain('We would be <strong>proud</strong>');
  });

  it('previews the exact mail (writing nothing), equal to the one sent but for the link', async () => {
    const lid = await openLetter();
    const [first, chosen] = [organizations[7], organizations[8]];
    const sentBefore = sink.to(chosen.email).length;
    const body = { organizationIds: [first.id, chosen.id], note: NOTE };
    const res = await preview(lid, { ...body, organizationId: chosen.id }).expect(200);
    expect(res.body).toMatchObject({
      recipients: 2,
      alreadyInvited: 0,
      skipped: [],
      placeholderLink: PLACEHOLDER,
      mail: { organizationId: chosen.id, to: chosen.email, replyTo: 'amira@coalition.example' },
    });
    expect(res.body.mail.html).toContain(`${PLACEHOLDER}/decline`);
    expect(res.body.mail.text).not.toMatch(LINK);
    // The mail as a document of its own, for the web app's frame: a policy under which its
    // inline styles apply and nothing else loads or runs.
    const served = await t.http().get(res.body.mail.documentUrl).set(auth()).expect(200);
    expect(served.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox",
      'x-frame-options': 'SAMEORIGIN',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    expect(served.text).toBe(res.body.mail.html);
    // Nothing written, nothing sent.
    await waitForQueuesIdle(t.app);
    expect(await invitations(lid)).toEqual([]);
    expect(sink.to(chosen.email)).toHaveLength(sentBefore);

    await invite(lid, body).expect(202, { queued: 2, alreadyInvited: 0 });
    await waitForQueuesIdle(t.app);
    const sent = lastMail(chosen, 'Invitation to sign');
    const link = sent.text!.match(LINK)![0];
    expect(sent.subject).toBe(res.body.mail.subject);
    expect(sent.from?.value[0].name).toBe(res.body.mail.fromName);
    expect((sent.html as string).split(link).join(PLACEHOLDER)).toBe(served.text);
    expect(sent.text!.split(link).join(PLACEHOLDER).trimEnd()).toBe(res.body.mail.text.trimEnd());

    // The first recipient by name is the default; those invited already are listed as skipped.
    const again = await preview(lid, { organizationIds: [first.id, chosen.id] }).expect(200);
    expect(again.body).toMatchObject({ recipients: 0, alreadyInvited: 2, mail: null });
    expect(
      again.body.skipped.map((s: { organizationId: string }) => s.organizationId).sort(),
    ).toEqual([first.id, chosen.id].sort());
    await preview(lid, { organizationIds: [first.id], organizationId: chosen.id }).expect(400);
  });

  it('serves a preview’s document to whoever asked for it only, until their next preview', async () => {
    const lid = await openLetter();
    const body = { organizationIds: [organizations[9].id], note: NOTE };
    const first = (await preview(lid, body).expect(200)).body.mail.documentUrl as string;
    expect(first).toMatch(
      new RegExp(`^/api/letters/${lid}/invitations/preview/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-`),
    );
    const colleague = (
      await t
        .http()
        .post('/api/auth/register')
        .send({ email: 'noor@coalition.example', password: 'correct horse battery', name: 'Noor' })
        .expect(201)
    ).body.token as string;
    await t
      .http()
      .post(`/api/workspaces/${wid}/members`)
      .set(auth())
      .send({ email: 'noor@coalition.example', role: 'coordinator' })
      .expect(201);
    const get = (path: string, token = auth()) =>
      t
        .http()
        .get(path)
        .set(token)
        .expect((res) => res.status === 200 || contract.expect('get', DOCUMENT_ROUTE, res));

    // A coordinator of the same letter, but not the one who previewed: not theirs to see.
    await get(first, { Authorization: `Bearer ${colleague}` }).expect(404);
    // An id that is not a UUID never reaches Redis (404, as for every id in a path).
    await get(`/api/letters/${lid}/invitations/preview/not-a-uuid`).expect(404);
    // A newer preview of the letter replaces the last: the old frame cannot show it.
    const second = (await preview(lid, body).expect(200)).body.mail.documentUrl as string;
    await get(first).expect(404);
    await get(second).expect(200);
  });

  it('carries the note into reminders and resends, and shows the schedule the scan follows', async () => {
    const lid = await openLetter(10, [7, 2]);
    const [a, b] = [organizations[20], organizations[21]];
    await invite(lid, { organizationIds: [a.id, b.id], note: NOTE }).expect(202);
    await waitForQueuesIdle(t.app);

    const before = await schedule(lid);
    expect(before.stopped).toBeNull();
    expect(before.steps.map((s) => s.daysBefore)).toEqual([7, 2]);
    expect(before.steps.every((s) => !s.due && s.sent === 0)).toBe(true);
    expect(before.steps[0].recipients.map((r) => r.organizationId).sort()).toEqual(
      [a.id, b.id].sort(),
    );
    expect(new Date(before.steps[0].at) < new Date(before.steps[1].at)).toBe(true);

    t.clock.advance(3.5 * DAY); // the 7-day step is due
    expect((await schedule(lid)).steps[0]).toMatchObject({ due: true });
    await scanReminders();
    const reminder = lastMail(a, 'Reminder');
    expect(reminder.text).toContain(`A note from ${SENDER_AS_STORED} at ${WORKSPACE}:`);
    expect(reminder.html).toContain('We would be <strong>proud</strong>');
    expect(reminder.text).not.toMatch(/do not forward/i);
    const after = await schedule(lid);
    expect(after.steps[0]).toMatchObject({ daysBefore: 7, due: true, sent: 2, recipients: [] });
    expect(after.steps[1].recipients).toHaveLength(2);

    const [invitation] = (await invitations(lid)).filter((i) => i.organizationId === b.id);
    const count = sink.to(b.email).length;
    t.clock.advance(11 * 60 * 1000); // resends wait 10 minutes after the last message
    await t.http().post(`/api/invitations/${invitation.id}/resend`).set(auth()).expect(202);
    await waitForQueuesIdle(t.app);
    expect(sink.to(b.email)).toHaveLength(count + 1);
    expect(sink.to(b.email).at(-1)!.text).toContain('We would be proud to count you');

    await t.http().post(`/api/letters/${lid}/close`).set(auth()).expect(200);
    expect(await schedule(lid)).toMatchObject({
      stopped: expect.stringContaining('closed'),
      steps: [],
    });
    await t
      .http()
      .get('/api/letters/00000000-0000-4000-8000-000000000000/reminders')
      .set(auth())
      .expect(404);
  });

  it('invites by any of several tags, skipping those already invited', async () => {
    const lid = await openLetter();
    const tagged = (tag: string) => organizations.filter((o) => o.tags.includes(tag));
    const [one, two] = ['legal', 'press'];
    const either = new Set([...tagged(one), ...tagged(two)].map((o) => o.id));
    expect(either.size).toBeGreaterThan(tagged(one).length);
    await invite(lid, { tag: one }).expect(202);
    const res = await preview(lid, { tags: [one, two] }).expect(200);
    expect(res.body).toMatchObject({
      recipients: either.size - tagged(one).length,
      alreadyInvited: tagged(one).length,
    });
    await invite(lid, { tags: [one, two] }).expect(202, {
      queued: either.size - tagged(one).length,
      alreadyInvited: tagged(one).length,
    });
  });

  it('refuses Markdown a letter does not use in the note with 422 and its line, inviting no one', async () => {
    const lid = await openLetter();
    const note = 'Hello,\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n<img src=x onerror=alert(1)>';
    for (const send of [invite, preview]) {
      const res = await send(lid, { organizationIds: [organizations[0].id], note }).expect(422);
      expect(res.body.message).toBe('note: line 3: tables are not allowed');
      expect(res.body.details).toEqual([
        expect.objectContaining({ field: 'note', line: 3, construct: 'table' }),
        expect.objectContaining({ field: 'note', line: 7, construct: 'raw HTML' }),
      ]);
    }
    expect(await invitations(lid)).toEqual([]);
  });

  it.each([
    ['a note of 2,001 characters', { note: 'x'.repeat(2001) }, 'note: '],
    ['a NUL byte', { note: 'nul\u0000byte' }, 'note'],
    ['a lone surrogate', { note: 'lone \ud800 surrogate' }, 'note'],
    ['a control character', { note: 'bell\u0007' }, 'note: must not contain control characters'],
    ['a note that is not text', { note: 42 }, 'note: '],
    ['an id that is not a UUID', { organizationIds: ['not-a-uuid'] }, 'organizationIds'],
    ['an injection attempt', { organizationIds: ["x' OR 1=1"] }, 'organizationIds'],
    ['no tags', { tags: [] }, 'tags: '],
    ['two selections', { tags: ['legal'], tag: 'legal' }, 'organizationIds: give exactly one of'],
  ])('refuses %s with a 400 naming the field', async (_label, extra, message) => {
    const lid = await openLetter();
    const body = { organizationIds: [organizations[0].id], ...extra };
    if ('tags' in extra) delete (body as { organizationIds?: string[] }).organizationIds;
    for (const send of [invite, preview]) {
      const res = await send(lid, body).expect(400);
      expect(res.body.message).toContain(message);
    }
    await preview(lid, { allOrganizations: true, organizationId: 'nope' })
      .expect(400)
      .expect((res) => expect(res.body.message).toMatch(/^organizationId: /));
    expect(await invitations(lid)).toEqual([]);
  });
});
