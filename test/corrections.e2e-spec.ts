import { AuditService, SignatureEntity } from '@app/domain';
import { SmtpSink, waitForQueuesIdle } from '@app/testing';
import {
  Coalition,
  Contract,
  createTestApp,
  fixtureLetter as letter,
  signLinkIn as linkIn,
  type TestApp,
} from './support';
import { DataSource } from 'typeorm';

const signBody = (displayName: string) => ({
  displayName,
  signerName: 'Amal Haddad',
  consent: true,
  authorized: true,
});

const formTokenIn = (html: string) => /name="form" value="([0-9a-f]{64})"/.exec(html)![1];

type Content = typeof letter.content;
const withBody = (edit: (body: string) => string): Content => ({
  ...letter.content,
  body: edit(letter.content.body),
});

/** A typo fixed (2 words: "teams" out, "staff" in) and emphasis changed (0 words). */
const corrected = withBody((body) =>
  body
    .replace('brief your teams', 'brief your staff')
    .replace('**without delay**', '_without delay_'),
);

describe('publishing a correction', () => {
  let t: TestApp;
  let contract: Contract;
  let sink: SmtpSink;
  let coalition: Coalition;
  let userId: string;
  const auth = () => coalition.auth();
  const invited = (lid: string, name?: string) => coalition.invited(sink, lid, name);

  const signatures = async (lid: string) =>
    (await t.app.get(DataSource).getRepository(SignatureEntity).findBy({ letterId: lid })).sort(
      (a, b) => a.displayName.localeCompare(b.displayName),
    );
  const events = async (lid: string, action: string) =>
    (await t.app.get(AuditService).listForLetter(lid))
      .filter((e) => e.action === action)
      .map((e) => ({ ...e, data: JSON.parse(e.data) as Record<string, unknown> }));
  const save = (lid: string, baseRevision: number, content: Content) =>
    t
      .http()
      .put(`/api/letters/${lid}/draft`)
      .set(auth())
      .send({ baseRevision, content })
      .expect(200)
      .expect((res) => contract.expect('put', '/api/letters/{lid}/draft', res));
  const publish = (lid: string, body: object) =>
    t
      .http()
      .post(`/api/letters/${lid}/publish`)
      .set(auth())
      .send(body)
      .expect((res) => contract.expect('post', '/api/letters/{lid}/publish', res));
  const mails = (email: string, subject: string) =>
    sink.to(email).filter((m) => m.subject?.includes(subject));

  /** An open letter signed by `names`, each through its own invitation. */
  async function signedLetter(...names: string[]) {
    const lid = await coalition.openLetter();
    const signers: { link: string; email: string; name: string }[] = [];
    for (const name of names) {
      const { link, email } = await invited(lid, name);
      await t.http().post(`/api/sign/${link}`).send(signBody(name)).expect(201);
      signers.push({ link, email, name });
    }
    await waitForQueuesIdle(t.app);
    return { lid, signers };
  }

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ SMTP_URL: sink.url, MAIL_PER_MINUTE: '10000' });
    coalition = await Coalition.create(t, 'Press Freedom Coalition');
    contract = await Contract.of(t);
    userId = (await t.http().get('/api/auth/me').set(auth()).expect(200)).body.id as string;
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('keeps every signer on the corrected text, tells each once with the readable diff, and lets them withdraw', async () => {
    const { lid, signers } = await signedLetter('Article 19', 'PEN International');
    await save(lid, 1, corrected);
    const reason = 'Typo: we brief their staff, not their "teams"';
    await publish(lid, { kind: 'correction', reason })
      .expect(200)
      .expect((res) => expect(res.body).toMatchObject({ status: 'open', publishedRevision: 2 }));
    await waitForQueuesIdle(t.app);

    // Signed on the new revision; the consent they gave (to revision 1) is kept as given.
    for (const signature of await signatures(lid)) {
      expect(signature).toMatchObject({ status: 'confirmed', revision: 2 });
      expect(signature.consentText).toContain('revision 1');
    }
    for (const { link, email } of signers) {
      const view = (await t.http().get(`/api/sign/${link}`).expect(200)).body;
      expect(view.signature).toMatchObject({ revision: 2, needsReconsent: false });
      expect(mails(email, 'has changed')).toHaveLength(0);
      const notices = mails(email, 'A correction to');
      expect(notices).toHaveLength(1);
      const [notice] = notices;
      expect(notice.subject).toBe(`A correction to “${letter.content.title}”: your sign-on stands`);
      // The words as read: "teams" out, "staff" in, no Markdown anywhere.
      expect(notice.text).toContain('[-teams-]{+staff+}');
      expect(notice.text).toContain(reason);
      expect(notice.text).toContain('There is nothing you need to do');
      expect(notice.text).not.toMatch(/\*\*|_without|\[joint report\]/);
      expect(notice.html).toMatch(/<del[^>]*>teams<\/del><ins[^>]*>staff<\/ins>/);
      expect(notice.html).toContain('Typo: we brief their staff, not their &quot;teams&quot;');
      expect(notice.html).not.toContain('**');
      expect(linkIn(notice.text)).toBe(link);
      expect(notice.text).toContain(`/sign/${link}#respond`);
      expect(notice.html).toContain(`href="http://signatory.test/sign/${link}#respond"`);
    }

    // The withdraw link works: the page it opens has the withdraw button, which withdraws.
    const [first, second] = signers;
    const page = await t.http().get(`/sign/${first.link}`).expect(200);
    expect(page.text).toContain('id="respond"');
    expect(page.text).toContain(`action="/sign/${first.link}/withdraw"`);
    const withdrawn = await t
      .http()
      .post(`/sign/${first.link}/withdraw`)
      .type('form')
      .send({ form: formTokenIn(page.text) })
      .expect(200);
    expect(withdrawn.text).toContain('Your sign-on is withdrawn');
    expect((await signatures(lid)).map((s) => [s.displayName, s.status])).toEqual([
      [first.name, 'withdrawn'],
      [second.name, 'confirmed'],
    ]);

    // Who chose "correction", and why; each sign-on's move, one by one.
    const [published] = await events(lid, 'letter.published');
    expect(published).toMatchObject({
      actorType: 'user',
      actorId: userId,
      data: {
        revision: 2,
        previousRevision: 1,
        kind: 'correction',
        reason,
        carriedForward: 2,
        notified: 2,
        reconsentRequested: 0,
        textChange: { changedWords: 2 },
      },
    });
    const carried = await events(lid, 'signature.carried_forward');
    expect(carried).toHaveLength(2);
    for (const event of carried) {
      expect(event).toMatchObject({
        actorType: 'user',
        actorId: userId,
        data: { fromRevision: 1, toRevision: 2, kind: 'correction' },
      });
    }

    // The diff a person is shown compares the text as read.
    const diff = (
      await t.http().get(`/api/letters/${lid}/diff?from=1&to=2`).set(auth()).expect(200)
    ).body;
    expect(diff).toMatchObject({
      formattingOnly: false,
      correctionAllowed: true,
      textChange: { changedWords: 2 },
    });
    const body = diff.fields.find((f: { field: string }) => f.field === 'body');
    expect(body.runs.filter((r: { type: string }) => r.type !== 'unchanged')).toEqual([
      { type: 'removed', text: 'teams' },
      { type: 'added', text: 'staff' },
    ]);
    expect(JSON.stringify(body.runs)).not.toContain('**');
    expect(body.sourceRuns).toContainEqual({ type: 'removed', text: '**without delay**' });
  });

  it('says in one line when only the formatting changed', async () => {
    const { lid, signers } = await signedLetter('Index on Censorship');
    await save(
      lid,
      1,
      withBody((body) => body.replace('**without delay**', '*without delay*')),
    );
    const diff = (
      await t.http().get(`/api/letters/${lid}/diff?from=1&to=2`).set(auth()).expect(200)
    ).body;
    expect(diff).toMatchObject({ formattingOnly: true, textChange: { changedWords: 0 } });

    await publish(lid, { kind: 'correction', reason: 'Emphasis in italics' }).expect(200);
    await waitForQueuesIdle(t.app);
    const [notice] = mails(signers[0].email, 'A correction to');
    expect(notice.text).toContain('Text:\nFormatting changed; the words are the same.');
    expect(notice.text?.split('Text:')[1]).not.toMatch(/\{\+|\[-/);
    expect(notice.html).toContain('Formatting changed; the words are the same.');
    expect(notice.html).not.toContain('<ins');
  });

  it('carries sign-ons over an unchanged text without mailing anyone', async () => {
    const { lid, signers } = await signedLetter('Global Voices');
    await save(lid, 1, letter.content);
    await publish(lid, { kind: 'correction', reason: 'Same text, saved again' }).expect(200);
    await waitForQueuesIdle(t.app);
    expect((await signatures(lid)).map((s) => s.revision)).toEqual([2]);
    expect(mails(signers[0].email, 'A correction to')).toHaveLength(0);
    const [published] = await events(lid, 'letter.published');
    expect(published.data).toMatchObject({ carriedForward: 1, notified: 0 });
  });

  it('still asks for re-consent after a substantive change, with the words as read', async () => {
    const { lid, signers } = await signedLetter('Reporters Sans Frontières');
    await save(
      lid,
      1,
      withBody((body) => body.replace('**without delay**', '**within thirty days**')),
    );
    await publish(lid, { kind: 'substantive' }).expect(200);
    await waitForQueuesIdle(t.app);

    const [{ link, email }] = signers;
    expect(mails(email, 'A correction to')).toHaveLength(0);
    const [mail] = mails(email, 'has changed');
    expect(mail.text).toContain('[-without delay-]{+within thirty days+}');
    expect(mail.text).not.toContain('**');
    expect(mail.html).toMatch(/<del[^>]*>without delay<\/del><ins[^>]*>within thirty days<\/ins>/);
    const view = (await t.http().get(`/api/sign/${link}`).expect(200)).body;
    expect(view.signature).toMatchObject({ revision: 1, needsReconsent: true });
    const [published] = await events(lid, 'letter.published');
    expect(published.data).toMatchObject({ kind: 'substantive', reconsentRequested: 1 });
  });

  it('refuses a correction that changes more than 2 % of the words, changing nothing', async () => {
    const { lid, signers } = await signedLetter('Committee to Protect Journalists');
    const rewritten = withBody((body) =>
      body.replace(
        'We stand ready to brief your teams.',
        'We would welcome the chance to brief your teams in person next month.',
      ),
    );
    await save(lid, 1, rewritten);
    const before = await events(lid, 'letter.published');
    const mailsBefore = sink.messages.length;

    const refused = await publish(lid, { kind: 'correction', reason: 'Small fix' }).expect(422);
    expect(refused.body.message).toMatch(/^kind: revision 2 changes \d+ of the \d+ words/);
    expect(refused.body.message).toContain('at most 2 %');

    const view = (await t.http().get(`/api/letters/${lid}`).set(auth()).expect(200)).body;
    expect(view.publishedRevision).toBe(1);
    expect((await signatures(lid)).map((s) => s.revision)).toEqual([1]);
    expect(await events(lid, 'letter.published')).toHaveLength(before.length);
    expect(await events(lid, 'signature.carried_forward')).toHaveLength(0);
    await waitForQueuesIdle(t.app);
    expect(sink.messages.length).toBe(mailsBefore);
    expect(mails(signers[0].email, 'A correction to')).toHaveLength(0);

    const diff = (
      await t.http().get(`/api/letters/${lid}/diff?from=1&to=2`).set(auth()).expect(200)
    ).body;
    expect(diff.correctionAllowed).toBe(false);
    // The same revision can still go out as a substantive change.
    await publish(lid, {}).expect(200);
  });

  it.each([
    ['no reason', { kind: 'correction' }, /^reason: required for a correction/],
    ['a blank reason', { kind: 'correction', reason: '   ' }, /^reason: required/],
    ['a control character', { kind: 'correction', reason: 'Typo\u0007' }, /^reason: must not/],
    ['501 characters', { kind: 'correction', reason: 'x'.repeat(501) }, /^reason: .*500/],
    ['a number as reason', { kind: 'correction', reason: 42 }, /^reason: /],
    [
      'an unknown kind',
      { kind: 'typo', reason: 'Typo' },
      /^kind: must be one of substantive, correction/,
    ],
  ])(
    'refuses a correction with %s (400 naming the field), changing nothing',
    async (_, body, message) => {
      const { lid } = await signedLetter('Free Press Unlimited');
      await save(lid, 1, corrected);
      const refused = await publish(lid, body).expect(400);
      expect(refused.body.message).toMatch(message);
      const view = (await t.http().get(`/api/letters/${lid}`).set(auth()).expect(200)).body;
      expect(view.publishedRevision).toBe(1);
      expect((await signatures(lid)).map((s) => s.revision)).toEqual([1]);
    },
  );

  it('documents kind, reason and the diff answer in the OpenAPI document', async () => {
    const { schemas } = (await t.http().get('/api/docs-json').expect(200)).body.components;
    expect(schemas.PublishDto.properties.kind).toMatchObject({
      enum: ['substantive', 'correction'],
      default: 'substantive',
    });
    expect(schemas.PublishDto.properties.reason).toMatchObject({ type: 'string', maxLength: 500 });
    expect(Object.keys(schemas.FieldDiffDto.properties)).toEqual(
      expect.arrayContaining(['runs', 'sourceRuns', 'formattingOnly']),
    );
    expect(Object.keys(schemas.LetterDiffDto.properties)).toEqual(
      expect.arrayContaining(['fields', 'formattingOnly', 'textChange', 'correctionAllowed']),
    );
  });

  it('refuses a correction when nothing newer than a published revision is published', async () => {
    const draft = await coalition.draftLetter();
    const deadline = new Date(t.clock.now().getTime() + 5 * 24 * 3600 * 1000).toISOString();
    const first = await publish(draft, { deadline, kind: 'correction', reason: 'Typo' }).expect(
      422,
    );
    expect(first.body.message).toMatch(/^kind: nothing is published yet/);
    await publish(draft, { deadline }).expect(200);
    const same = await publish(draft, { kind: 'correction', reason: 'Typo' }).expect(422);
    expect(same.body.message).toMatch(/^kind: a correction publishes a revision newer/);
  });

  it('asks again those still to re-confirm an earlier change, with all of it, and carries the rest', async () => {
    const lid = await coalition.openLetter();
    const early = await invited(lid, 'Maharat Foundation');
    await t.http().post(`/api/sign/${early.link}`).send(signBody('Maharat Foundation')).expect(201);
    // A substantive change: the early signer is asked to re-confirm, and has not yet.
    const demand = withBody(
      (body) => `${body}\n\nWe also ask for the release of detained reporters.`,
    );
    await save(lid, 1, demand);
    await publish(lid, {}).expect(200);
    const late = await invited(lid, 'SMEX');
    await t.http().post(`/api/sign/${late.link}`).send(signBody('SMEX')).expect(201);
    await waitForQueuesIdle(t.app);
    expect(mails(early.email, 'has changed')).toHaveLength(1);

    // Then a correction of revision 2.
    await save(lid, 2, {
      ...demand,
      body: demand.body.replace('brief your teams', 'brief your staff'),
    });
    await publish(lid, { kind: 'correction', reason: 'Typo in the last sentence' }).expect(200);
    await waitForQueuesIdle(t.app);

    const [maharat, smex] = await signatures(lid);
    // The late signer signed revision 2: carried to 3, told once, not asked anything.
    expect(smex.revision).toBe(3);
    expect(mails(late.email, 'A correction to')).toHaveLength(1);
    expect(mails(late.email, 'has changed')).toHaveLength(0);
    // The early signer never agreed to revision 2: still on 1, asked again about the text
    // now to be confirmed, with everything since revision 1 and the correction's reason.
    expect(maharat.revision).toBe(1);
    expect(mails(early.email, 'A correction to')).toHaveLength(0);
    const asked = mails(early.email, 'has changed');
    expect(asked).toHaveLength(2);
    const latest = asked[1];
    expect(latest.text).toContain('revision 3 is now the text');
    expect(latest.text).toContain('Typo in the last sentence');
    expect(latest.text).toContain('[-teams-]{+staff+}');
    expect(latest.text).toContain('release of detained reporters');
    expect(
      (await t.http().get(`/api/sign/${early.link}`).expect(200)).body.signature,
    ).toMatchObject({ revision: 1, needsReconsent: true });
    const [published] = await events(lid, 'letter.published');
    expect(published.data).toMatchObject({
      kind: 'correction',
      carriedForward: 1,
      notified: 1,
      reconsentRequested: 1,
    });

    // Confirming now confirms the corrected text.
    await t.http().post(`/api/sign/${early.link}/confirm`).expect(200);
    expect((await signatures(lid))[0]).toMatchObject({ revision: 3 });
  });
});
