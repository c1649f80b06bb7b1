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

const DAY = 24 * 3600 * 1000;

const signBody = (displayName: string, extra: object = {}) => ({
  displayName,
  signerName: 'Amal Haddad',
  signerTitle: 'Director',
  country: 'LB',
  consent: true,
  authorized: true,
  ...extra,
});

describe('signing on by email link (JSON)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let coalition: Coalition;
  /** Real answers checked against the served OpenAPI document, as a generated client reads them. */
  let contract: Contract;
  const SIGN = '/api/sign/{token}';
  const auth = () => coalition.auth();
  const openLetter = (settings: object = {}, days = 10) => coalition.openLetter(settings, { days });
  const invited = (lid: string, name?: string) => coalition.invited(sink, lid, name);

  const signatures = (lid: string) =>
    t.app.get(DataSource).getRepository(SignatureEntity).findBy({ letterId: lid });
  const invitationStatus = async (link: string) =>
    (await t.http().get(`/api/sign/${link}`).expect(200)).body.invitationStatus as string;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ SMTP_URL: sink.url, MAIL_PER_MINUTE: '10000' });
    coalition = await Coalition.create(t, 'Press Freedom Coalition');
    contract = await Contract.of(t);
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('signs once, answers a repeat with the same signature, and mails a receipt', async () => {
    const lid = await openLetter();
    const { link, email } = await invited(lid, 'Maharat Foundation');

    const viewed = await t.http().get(`/api/sign/${link}`).expect(200);
    contract.expect('get', SIGN, viewed);
    const view = viewed.body;
    expect(view).toMatchObject({
      organization: { name: 'Maharat Foundation' },
      invitationStatus: 'sent',
      signature: null,
      signedCount: 0,
      visibilities: ['public'],
      letter: { title: letter.content.title, revision: 1, open: true },
      allowedActions: ['sign', 'decline', 'delegate'],
    });
    expect(view.consentText).toContain('Maharat Foundation');

    const first = await t
      .http()
      .post(`/api/sign/${link}`)
      .set('User-Agent', 'Browser/1.0')
      .send(signBody('Maharat Foundation'))
      .expect(201);
    expect(first.body.signature).toMatchObject({ status: 'confirmed', revision: 1 });
    contract.expect('post', SIGN, first);
    const again = await t.http().post(`/api/sign/${link}`).send(signBody('Maharat Foundation'));
    expect(again.status).toBe(200);
    contract.expect('post', SIGN, again);
    contract.expect('get', SIGN, await t.http().get(`/api/sign/${link}`).expect(200));
    expect(again.body.signature.id).toBe(first.body.signature.id);

    const [stored] = await signatures(lid);
    expect(stored).toMatchObject({
      source: 'invitation',
      visibility: 'public',
      signerEmail: email,
      userAgent: 'Browser/1.0',
      authorized: true,
      consentText: view.consentText,
    });
    expect(stored.ip).toBeTruthy();
    expect(await invitationStatus(link)).toBe('signed');

    await waitForQueuesIdle(t.app);
    const receipt = sink.to(email).find((m) => m.subject?.startsWith('Signed on'));
    expect(receipt?.text).toContain('revision 1');
    expect(receipt?.text).toContain(link);
    // A repeat that changes nothing sends nothing more.
    expect(sink.to(email).filter((m) => m.subject?.startsWith('Signed on'))).toHaveLength(1);
  });

  it('turns 100 simultaneous submissions on one link into exactly one signature', async () => {
    const lid = await openLetter();
    const { link } = await invited(lid);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        t.http().post(`/api/sign/${link}`).send(signBody('Reporters Without Borders')),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(99);
    expect(new Set(answers.map((a) => a.body.signature.id)).size).toBe(1);
    expect(await signatures(lid)).toHaveLength(1);
  });

  it('declines, signs after all, withdraws, signs again, and refuses every change once closed', async () => {
    const lid = await openLetter();
    const { link } = await invited(lid);

    const declined = await t
      .http()
      .post(`/api/sign/${link}/decline`)
      .send({ reason: 'Not our focus' })
      .expect(200);
    contract.expect('post', `${SIGN}/decline`, declined);
    expect(await invitationStatus(link)).toBe('declined');
    await t.http().post(`/api/sign/${link}/decline`).send({}).expect(200);

    await t.http().post(`/api/sign/${link}`).send(signBody('Article 19')).expect(201);
    expect(await invitationStatus(link)).toBe('signed');
    const declineSigned = await t.http().post(`/api/sign/${link}/decline`).send({}).expect(422);
    expect(declineSigned.body.message).toMatch(/withdraw/);
    contract.expect('post', `${SIGN}/decline`, declineSigned);

    const withdrawn = await t.http().post(`/api/sign/${link}/withdraw`).expect(200);
    contract.expect('post', `${SIGN}/withdraw`, withdrawn);
    expect(withdrawn.body.signature.status).toBe('withdrawn');
    expect(await invitationStatus(link)).toBe('withdrawn');
    await t.http().post(`/api/sign/${link}/withdraw`).expect(200);

    await t.http().post(`/api/sign/${link}`).send(signBody('ARTICLE 19')).expect(201);
    const rows = await signatures(lid);
    expect(rows.map((s) => s.status).sort()).toEqual(['confirmed', 'withdrawn']);

    await t.http().post(`/api/letters/${lid}/close`).set(auth()).expect(200);
    const view = (await t.http().get(`/api/sign/${link}`).expect(200)).body;
    expect(view.letter.open).toBe(false);
    expect(view.allowedActions).toEqual([]);
    expect(view.signature.displayName).toBe('ARTICLE 19');
    for (const [path, body] of [
      ['', signBody('Changed')],
      ['/withdraw', {}],
      ['/decline', {}],
    ] as const) {
      const refused = await t.http().post(`/api/sign/${link}${path}`).send(body).expect(422);
      expect(refused.body.message).toMatch(/^letter: sign-ons are closed/);
      contract.expect('post', `${SIGN}${path}`, refused);
    }
    expect((await signatures(lid)).find((s) => s.status === 'confirmed')?.displayName).toBe(
      'ARTICLE 19',
    );
  });

  it('refuses changes after the deadline and answers 410 after the grace period', async () => {
    const lid = await openLetter({}, 1);
    const { link } = await invited(lid);
    await t.http().post(`/api/sign/${link}`).send(signBody('Late Org')).expect(201);
    t.clock.advance(DAY + 60_000);
    await t.http().post(`/api/sign/${link}/withdraw`).expect(422);
    t.clock.advance(2 * DAY);
    const gone = await t.http().get(`/api/sign/${link}`).expect(410);
    expect(gone.body.message).toMatch(/^token: /);
    contract.expect('get', SIGN, gone);
    await t.http().post(`/api/sign/${link}`).send(signBody('Late Org')).expect(410);
  });

  it('corrects the display name and visibility through the same link', async () => {
    const lid = await openLetter({ visibilities: ['public', 'delivered', 'anonymous'] });
    const { link } = await invited(lid);
    const created = await t.http().post(`/api/sign/${link}`).send(signBody('CPJ')).expect(201);
    const changed = await t
      .http()
      .post(`/api/sign/${link}`)
      .send(signBody('Committee to Protect Journalists', { visibility: 'anonymous' }))
      .expect(200);
    expect(changed.body.signature).toMatchObject({
      id: created.body.signature.id,
      displayName: 'Committee to Protect Journalists',
      visibility: 'anonymous',
    });
    const refused = await t
      .http()
      .post(`/api/sign/${link}`)
      .send(signBody('CPJ', { visibility: 'secret' }))
      .expect(400);
    expect(refused.body.message).toMatch(/^visibility: /);
    contract.expect('post', SIGN, refused);
  });

  it('hands the link to a colleague: the old link stops, the new one works, both are audited', async () => {
    const lid = await openLetter();
    const { link, email } = await invited(lid, 'Index on Censorship');
    const colleague = 'press-officer@index.example';
    const passedOn = await t
      .http()
      .post(`/api/sign/${link}/delegate`)
      .send({ email: colleague, fromName: 'Ruth' })
      .expect(200, { delegatedTo: colleague });
    contract.expect('post', `${SIGN}/delegate`, passedOn);
    const mail = await sink.waitForMail(colleague);
    expect(mail.subject).toContain('Passed on to you');
    expect(mail.text).toContain(`Ruth (${email})`);
    const fresh = linkIn(mail.text);
    expect(fresh).not.toBe(link);

    contract.expect('get', SIGN, await t.http().get(`/api/sign/${link}`).expect(404));
    await t.http().post(`/api/sign/${fresh}`).send(signBody('Index on Censorship')).expect(201);

    const events = await t.app.get(AuditService).listForLetter(lid);
    const delegated = events.find((e) => e.action === 'invitation.delegated');
    expect(JSON.parse(delegated!.data)).toMatchObject({ from: email, to: colleague });
    expect(events.map((e) => e.action)).toContain('signature.signed');

    const refused = await t.http().post(`/api/sign/${fresh}/delegate`).send({ email: 'nope' });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/^email: /);
    contract.expect('post', `${SIGN}/delegate`, refused);
  });

  it('asks earlier signers to confirm a newer revision, with a diff; confirming updates it', async () => {
    const lid = await openLetter();
    const { link, email } = await invited(lid, 'PEN International');
    await t.http().post(`/api/sign/${link}`).send(signBody('PEN International')).expect(201);

    const revised = {
      ...letter.content,
      body: `${letter.content.body}\n\nWe also ask for the immediate release of detained reporters.`,
    };
    await t
      .http()
      .put(`/api/letters/${lid}/draft`)
      .set(auth())
      .send({ baseRevision: 1, content: revised, message: 'Add the release demand' })
      .expect(200);
    await t.http().post(`/api/letters/${lid}/publish`).set(auth()).send({}).expect(200);
    await waitForQueuesIdle(t.app);

    const mail = sink.to(email).find((m) => m.subject?.includes('has changed'));
    expect(mail?.text).toContain('{+');
    expect(mail?.text).toContain('release');
    expect(mail?.html).toContain('<ins');
    expect(linkIn(mail?.text)).toBe(link);

    const before = (await t.http().get(`/api/sign/${link}`).expect(200)).body;
    expect(before.signature).toMatchObject({ revision: 1, needsReconsent: true });
    expect(before.allowedActions).toEqual(['change', 'confirm', 'withdraw', 'delegate']);
    const confirmed = await t.http().post(`/api/sign/${link}/confirm`).expect(200);
    expect(confirmed.body.signature).toMatchObject({ revision: 2, needsReconsent: false });
    contract.expect('post', `${SIGN}/confirm`, confirmed);
    await t.http().post(`/api/sign/${link}/confirm`).expect(200);
    const [stored] = await signatures(lid);
    expect(stored.revision).toBe(2);
    expect(stored.consentText).toContain('revision 2');
  });

  it('records "opened" only when the page says so, and only once', async () => {
    const lid = await openLetter();
    const { link } = await invited(lid);
    await waitForQueuesIdle(t.app);
    await t.http().get(`/api/sign/${link}`).expect(200);
    expect(await invitationStatus(link)).toBe('sent');
    await t.http().post(`/api/sign/${link}/opened`).expect(204);
    await t.http().post(`/api/sign/${link}/opened`).expect(204);
    expect(await invitationStatus(link)).toBe('opened');
    const opened = (await t.app.get(AuditService).listForLetter(lid)).filter(
      (e) => e.action === 'invitation.opened',
    );
    expect(opened).toHaveLength(1);
    const unknown = await t
      .http()
      .post(`/api/sign/${'x'.repeat(43)}/opened`)
      .expect(404);
    contract.expect('post', `${SIGN}/opened`, unknown);
  });

  describe('hostile input', () => {
    let lid: string;
    beforeAll(async () => {
      lid = await openLetter();
    });

    it('keeps markup and a leading "=" as text, strips controls and disguising characters', async () => {
      const { link, email } = await invited(lid, 'Journalistes "Sans" Frontières & Co');
      const name = '=HYPERLINK("x")\u202E<script>alert(1)</script>\u200B\u0007 Org';
      const signed = await t.http().post(`/api/sign/${link}`).send(signBody(name)).expect(201);
      expect(signed.body.signature.displayName).toBe(
        '=HYPERLINK("x")<script>alert(1)</script> Org',
      );
      await waitForQueuesIdle(t.app);
      const receipt = sink.to(email).find((m) => m.subject?.startsWith('Signed on'))!;
      expect(receipt.html).not.toMatch(/<script/);
      expect(receipt.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(receipt.html).toContain('Journalistes &quot;Sans&quot; Frontières &amp; Co');
      expect(receipt.text).toContain('<script>alert(1)</script>');
    });

    it('keeps every script intact', async () => {
      const { link } = await invited(lid);
      for (const name of [
        'مؤسسة مهارات',
        'Ассоциация «Журналисты»',
        '無國界記者',
        'Ἑλληνικὴ Ἕνωσις',
      ]) {
        const signed = await t.http().post(`/api/sign/${link}`).send(signBody(name));
        expect(signed.body.signature.displayName).toBe(name);
      }
    });

    it.each([
      ['consent false', { ...signBody('X'), consent: false }, /^consent: must be true/],
      ['consent as text', { ...signBody('X'), consent: 'true' }, /^consent: /],
      ['no attestation', { ...signBody('X'), authorized: undefined }, /^authorized: /],
      ['a blank name', { ...signBody('X'), displayName: '   ' }, /^displayName: required/],
      ['a number as name', { ...signBody('X'), displayName: 42 }, /^displayName: must be text/],
      ['a 301-character name', signBody('x'.repeat(301)), /^displayName: at most 300/],
      ['a list as signer', { ...signBody('X'), signerName: ['a'] }, /^signerName: must be text/],
      ['an unknown country', { ...signBody('X'), country: 'XX' }, /^country: /],
      ['an unknown field', { ...signBody('X'), isAdmin: true }, /^isAdmin: is not an accepted/],
    ])('refuses %s with a message naming the field', async (_label, body, message) => {
      const { link } = await invited(lid);
      const answer = await t.http().post(`/api/sign/${link}`).send(body).expect(400);
      expect(answer.body.message).toMatch(message);
      contract.expect('post', SIGN, answer);
      expect(await invitationStatus(link)).not.toBe('signed');
    });

    it('refuses a body that is not an object, and a 1 MB field', async () => {
      const { link } = await invited(lid);
      const array = await t.http().post(`/api/sign/${link}`).send([1, 2]).expect(400);
      expect(array.body.message).toMatch(/^body: /);
      const huge = await t
        .http()
        .post(`/api/sign/${link}`)
        .send(signBody('x'.repeat(1024 * 1024)));
      expect([400, 413]).toContain(huge.status);
      expect(await invitationStatus(link)).not.toBe('signed');
    });

    it('answers unknown and malformed links with 404, and rate-limits guessing', async () => {
      await t
        .http()
        .get(`/api/sign/${'A'.repeat(43)}`)
        .expect(404);
      await t.http().get('/api/sign/not-a-token').expect(404);
      await t
        .http()
        .get(`/api/sign/${encodeURIComponent("' OR 1=1 --")}`)
        .expect(404);
      let last = 0;
      for (let i = 0; i < 40 && last !== 429; i++) {
        last = (await t.http().post(`/api/sign/${'B'.repeat(42)}${i % 10}/withdraw`)).status;
      }
      expect(last).toBe(429);
    });
  });
});
