import { SignatureEntity } from '@app/domain';
import { SmtpSink, waitForQueuesIdle } from '@app/testing';
import {
  Coalition,
  createTestApp,
  fixtureLetter as letter,
  signLinkIn as linkIn,
  type TestApp,
} from './support';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
const OPEN_PER_IP = 8;

/** What a person fills in on the sign page, as the browser posts it. */
const signForm = (form: string, displayName: string, extra: object = {}) => ({
  form,
  displayName,
  signerName: 'Amal Haddad',
  signerTitle: 'Director',
  country: 'LB',
  authorized: 'on',
  consent: 'on',
  ...extra,
});

/** Every way a name could break out of the page, if anything were inserted unescaped. */
const XSS = {
  title: '<script>alert("title")</script> Free the press',
  addressee: '<script>alert("addressee")</script>Minister',
  // Raw HTML is refused in a body; escaped in Markdown it is text that must stay text.
  body: 'We ask \\<script>alert("body")\\</script> and \\<img src=x onerror=alert(1)> now.',
  displayName: '<script>alert("display")</script> "Org" =cmd',
  organization: 'Acme" onfocus="alert(1)',
  workspace: 'Coalition <script>alert("ws")</script>',
};

function expectEscaped(html: string) {
  expect(html).not.toMatch(/<script>alert/i);
  expect(html).not.toMatch(/<img/i);
  expect(html).not.toMatch(/onfocus="alert/);
}

function expectPageHeaders(res: Response) {
  expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['x-robots-tag']).toBe('noindex');
  const csp = res.headers['content-security-policy'];
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("form-action 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
}

const formTokenIn = (html: string) => /name="form" value="([0-9a-f]{64})"/.exec(html)![1];

describe('sign-on pages (HTML)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let coalition: Coalition;
  const auth = () => coalition.auth();
  const openLetter = (settings: object = {}, content?: object) =>
    coalition.openLetter(settings, { content });
  const invited = (lid: string, name?: string) => coalition.invited(sink, lid, name);

  const page = (path: string) => t.http().get(path);
  const post = (path: string, fields: object) => t.http().post(path).type('form').send(fields);
  const signatures = (lid: string) =>
    t.app.get(DataSource).getRepository(SignatureEntity).findBy({ letterId: lid });
  const invitationStatus = async (link: string) =>
    (await t.http().get(`/api/sign/${link}`).expect(200)).body.invitationStatus as string;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({
      SMTP_URL: sink.url,
      MAIL_PER_MINUTE: '10000',
      OPEN_SIGNON_LIMIT_PER_IP: String(OPEN_PER_IP),
    });
    coalition = await Coalition.create(t, XSS.workspace);
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('shows the letter and the form, signs, shows the sign-on, changes, withdraws, signs again', async () => {
    const lid = await openLetter();
    const { link, email } = await invited(lid, 'Maharat Foundation');

    const first = await page(`/sign/${link}`).expect(200);
    expectPageHeaders(first);
    expect(first.headers['content-security-policy']).toMatch(
      /script-src 'sha256-[A-Za-z0-9+/]+=*'/,
    );
    const html = first.text;
    expect(html).toContain(
      '<h1 dir="auto">Protect journalists and the free flow of information</h1>',
    );
    expect(html).toContain('March 2, 2026');
    expect(html).toContain('The Honorable Mariana Okafor-Lindqvist<br>Minister');
    expect(html).toContain('Zoë Šimić');
    expect(html).toContain('<strong>without delay</strong>');
    expect(html).toContain('<li>41 arbitrary detentions of reporters;</li>');
    expect(html).toContain(letter.content.closing);
    expect(html).toContain('Sign-ons close on');
    expect(html).toContain('No organization has signed yet.');
    expect(html).toMatch(
      /<input id="displayName" name="displayName" type="text" value="Maharat Foundation"/,
    );
    expect(html).toContain('<option value="FR" selected>France</option>');
    expect(html).toContain(`href="/sign/${link}/decline"`);
    expect(html).toContain(`action="/sign/${link}/delegate"`);
    expect(html).toContain('I am authorized to sign on behalf of this organization');
    expect(html).toContain('I agree that');
    // A page view (a mail scanner's GET, no script run) records nothing.
    expect(await invitationStatus(link)).toBe('sent');

    const form = formTokenIn(html);
    const signed = await post(`/sign/${link}`, signForm(form, 'Maharat Foundation')).expect(201);
    expectPageHeaders(signed);
    expect(signed.text).toContain('Your sign-on is recorded');
    expect(signed.text).toContain('A confirmation email is on its way');
    expect(await invitationStatus(link)).toBe('signed');
    const [row] = await signatures(lid);
    expect(row).toMatchObject({
      displayName: 'Maharat Foundation',
      signerName: 'Amal Haddad',
      country: 'LB',
      visibility: 'public',
      status: 'confirmed',
      authorized: true,
    });
    await waitForQueuesIdle(t.app);
    expect(sink.to(email).some((m) => m.subject?.startsWith('Signed on'))).toBe(true);

    const current = (await page(`/sign/${link}`).expect(200)).text;
    expect(current).toContain('Your sign-on</h2>');
    expect(current).toContain('1 organization has signed.');
    expect(current).toMatch(/<dt>Printed as<\/dt><dd dir="auto">Maharat Foundation<\/dd>/);
    expect(current).toContain('Revision 1');
    expect(current).toContain(`action="/sign/${link}/withdraw"`);
    expect(current).toContain('Save changes');
    expect(current).not.toContain('/decline"');

    const changed = await post(
      `/sign/${link}`,
      signForm(form, 'Maharat Foundation for Media Freedom'),
    ).expect(200);
    expect(changed.text).toContain('Your sign-on is updated');
    const repeated = await post(
      `/sign/${link}`,
      signForm(form, 'Maharat Foundation for Media Freedom'),
    ).expect(200);
    expect(repeated.text).toContain('Nothing changed');
    expect((await signatures(lid))[0].displayName).toBe('Maharat Foundation for Media Freedom');

    const withdrawn = await post(`/sign/${link}/withdraw`, { form }).expect(200);
    expect(withdrawn.text).toContain('Your sign-on is withdrawn');
    expect(await invitationStatus(link)).toBe('withdrawn');
    const after = (await page(`/sign/${link}`).expect(200)).text;
    expect(after).toContain('Your organization withdrew its sign-on.');
    expect(after).toContain('value="Maharat Foundation for Media Freedom"');
    await post(`/sign/${link}`, signForm(form, 'Maharat Foundation')).expect(201);
    expect((await signatures(lid)).map((s) => s.status).sort()).toEqual(['confirmed', 'withdrawn']);
  });

  it('declines from its own page; the GET changes nothing, the POST records the reason', async () => {
    const lid = await openLetter();
    const { link } = await invited(lid);
    const declinePage = await page(`/sign/${link}/decline`).expect(200);
    expectPageHeaders(declinePage);
    expect(declinePage.text).toContain('<textarea id="reason" name="reason"');
    expect(await invitationStatus(link)).toBe('sent');

    const form = formTokenIn(declinePage.text);
    const tooLong = await post(`/sign/${link}/decline`, { form, reason: 'x'.repeat(1001) }).expect(
      400,
    );
    expect(tooLong.text).toContain('role="alert"');
    expect(tooLong.text).toContain('Reason: at most 1000 characters');
    expect(await invitationStatus(link)).toBe('opened');

    const declined = await post(`/sign/${link}/decline`, { form, reason: 'Not our focus' }).expect(
      200,
    );
    expect(declined.text).toContain('Thank you for letting us know');
    expect(await invitationStatus(link)).toBe('declined');
    const again = (await page(`/sign/${link}`).expect(200)).text;
    expect(again).toContain('Your organization declined this invitation.');
    expect(again).toContain('id="displayName"');
    expect(again).not.toContain('/decline"');
  });

  it('shows a refused form again with the message, the focus on the field, and what was typed', async () => {
    const lid = await openLetter();
    const { link } = await invited(lid);
    const form = formTokenIn((await page(`/sign/${link}`)).text);

    const noConsent = await post(
      `/sign/${link}`,
      signForm(form, 'Typed Name', { consent: undefined, signerTitle: '' }),
    ).expect(400);
    expectPageHeaders(noConsent);
    expect(noConsent.text).toMatch(
      /<p class="error" role="alert" id="form-error" tabindex="-1">Consent: must be true: agree to the consent statement to sign on<\/p>/,
    );
    expect(noConsent.text).toMatch(
      /id="consent" name="consent" required aria-invalid="true"[^>]*autofocus/,
    );
    expect(noConsent.text).toContain('value="Typed Name"');
    expect(noConsent.text).toMatch(/id="authorized" name="authorized" required checked/);
    expect(noConsent.text).toContain('<option value="LB" selected>Lebanon</option>');

    const badCountry = await post(
      `/sign/${link}`,
      signForm(form, 'Typed', { country: 'XX' }),
    ).expect(400);
    expect(badCountry.text).toContain('Country: expected a two-letter ISO 3166-1 code');
    const blank = await post(`/sign/${link}`, signForm(form, '   ')).expect(400);
    expect(blank.text).toContain('Organization name: required');
    expect(blank.text).toMatch(/id="displayName"[^>]*aria-invalid="true" autofocus/);
    expect(await signatures(lid)).toHaveLength(0);
  });

  it('refuses a form without its check value (400) or from another site (403), storing nothing', async () => {
    const lid = await openLetter();
    const { link } = await invited(lid);
    const other = await invited(lid);
    const otherForm = formTokenIn((await page(`/sign/${other.link}`)).text);
    const form = formTokenIn((await page(`/sign/${link}`)).text);

    const missing = await post(`/sign/${link}`, { ...signForm(form, 'X'), form: undefined }).expect(
      400,
    );
    expectPageHeaders(missing);
    expect(missing.text).toContain('did not come from the sign-on page');
    await post(`/sign/${link}`, signForm(otherForm, 'X')).expect(400);
    await post(`/sign/${link}`, signForm('0'.repeat(64), 'X')).expect(400);
    await post(`/sign/${link}/withdraw`, {}).expect(400);
    await post(`/sign/${link}/decline`, {}).expect(400);
    await post(`/sign/${link}/delegate`, { email: 'x@y.example' }).expect(400);

    const foreign = await t
      .http()
      .post(`/sign/${link}`)
      .set('Origin', 'https://evil.example')
      .type('form')
      .send(signForm(form, 'X'))
      .expect(403);
    expectPageHeaders(foreign);
    expect(foreign.text).toContain('sent from another site');
    expect(await signatures(lid)).toHaveLength(0);
    // Refused forms are not a person opening the page either.
    expect(await invitationStatus(link)).toBe('sent');

    await t
      .http()
      .post(`/sign/${link}`)
      .set('Origin', 'http://signatory.test')
      .type('form')
      .send(signForm(form, 'Same Site Org'))
      .expect(201);
  });

  it('passes the link on to a colleague from the page', async () => {
    const lid = await openLetter();
    const { link } = await invited(lid, 'Index on Censorship');
    const form = formTokenIn((await page(`/sign/${link}`)).text);

    const bad = await post(`/sign/${link}/delegate`, {
      form,
      email: 'nope',
      fromName: 'Ruth',
    }).expect(400);
    expect(bad.text).toContain('Colleague’s email address: must be an email address');
    expect(bad.text).toMatch(/id="delegate-email"[^>]*value="nope" aria-invalid="true"/);
    expect(bad.text).toContain('value="Ruth"');

    const colleague = 'press@index.example';
    const passed = await post(`/sign/${link}/delegate`, {
      form,
      email: colleague,
      fromName: 'Ruth',
    }).expect(200);
    expect(passed.text).toContain(`We emailed ${colleague}`);
    const mail = await sink.waitForMail(colleague);
    const fresh = linkIn(mail.text);
    expect((await page(`/sign/${link}`).expect(404)).text).toContain('This page does not exist');
    expect((await page(`/sign/${fresh}`).expect(200)).text).toContain('Index on Censorship');
  });

  it('asks to confirm a newer text, and confirms it from the page', async () => {
    const lid = await openLetter();
    const { link } = await invited(lid);
    const form = formTokenIn((await page(`/sign/${link}`)).text);
    await post(`/sign/${link}`, signForm(form, 'PEN International')).expect(201);
    const revised = { ...letter.content, body: `${letter.content.body}\n\nRelease them all.` };
    await t
      .http()
      .put(`/api/letters/${lid}/draft`)
      .set(auth())
      .send({ baseRevision: 1, content: revised, message: 'Add the release demand' })
      .expect(200);
    await t.http().post(`/api/letters/${lid}/publish`).set(auth()).send({}).expect(200);

    const html = (await page(`/sign/${link}`).expect(200)).text;
    expect(html).toContain('The text changed after your organization signed revision 1');
    expect(html).toContain('Release them all.');
    expect(html).toContain(`action="/sign/${link}/confirm"`);
    expect(html).toContain('Confirm the new text');
    const confirmed = await post(`/sign/${link}/confirm`, { form }).expect(200);
    expect(confirmed.text).toContain('Your sign-on is confirmed');
    expect(confirmed.text).toContain('Revision 2');
    expect((await signatures(lid))[0].revision).toBe(2);
    expect((await page(`/sign/${link}`)).text).not.toContain('Confirm the new text');
  });

  it('shows a closed letter read-only and refuses every change with 422', async () => {
    const lid = await openLetter();
    const { link } = await invited(lid);
    const form = formTokenIn((await page(`/sign/${link}`)).text);
    await post(`/sign/${link}`, signForm(form, 'Article 19')).expect(201);
    await t.http().post(`/api/letters/${lid}/close`).set(auth()).expect(200);

    const closed = await page(`/sign/${link}`).expect(200);
    expect(closed.text).toContain('Sign-ons are closed.');
    expect(closed.text).toContain('Nothing can be signed or changed any more.');
    expect(closed.text).toContain('Article 19');
    expect(closed.text).not.toContain('<form');
    expect(closed.headers['content-security-policy']).not.toContain('script-src');

    for (const [path, fields] of [
      ['', signForm(form, 'Changed')],
      ['/withdraw', { form }],
      ['/decline', { form }],
      ['/delegate', { form, email: 'someone@else.example' }],
    ] as const) {
      const refused = await post(`/sign/${link}${path}`, fields).expect(422);
      expectPageHeaders(refused);
      expect(refused.text).toContain('This cannot be changed now');
    }
    const declinePage = (await page(`/sign/${link}/decline`).expect(200)).text;
    expect(declinePage).not.toContain('<form');
    expect((await signatures(lid))[0].displayName).toBe('Article 19');
  });

  it('answers dead links with 404 and 410 pages', async () => {
    const unknown = await page(`/sign/${'A'.repeat(43)}`).expect(404);
    expectPageHeaders(unknown);
    expect(unknown.text).toContain('This page does not exist');
    await page('/sign/not-a-token').expect(404);
    await page(`/sign/${'A'.repeat(43)}/decline`).expect(404);

    const lid = await openLetter();
    const { link } = await invited(lid);
    const form = formTokenIn((await page(`/sign/${link}`)).text);
    const [invitation] = (
      await t.http().get(`/api/letters/${lid}/invitations`).set(auth()).expect(200)
    ).body;
    await t.http().post(`/api/invitations/${invitation.id}/revoke`).set(auth()).expect(200);
    const gone = await page(`/sign/${link}`).expect(410);
    expectPageHeaders(gone);
    expect(gone.text).toContain('This link can no longer be used');
    expect(gone.text).toContain('This link was withdrawn by the coordinators.');
    await post(`/sign/${link}`, signForm(form, 'X')).expect(410);
  });

  it('escapes hostile text in the letter, the names and the workspace on every page', async () => {
    const content = {
      ...letter.content,
      title: XSS.title,
      body: XSS.body,
      salutation: `Dear ${XSS.addressee},`,
      addressees: [{ name: XSS.addressee, title: XSS.addressee, addressLines: [XSS.addressee] }],
      subject: XSS.addressee,
      listHeading: XSS.addressee,
    };
    const lid = await openLetter(
      { openSignOn: true, publicPage: true, visibilities: ['public', 'delivered'] },
      content,
    );
    const { link } = await invited(lid, XSS.organization);

    const signPage = await page(`/sign/${link}`).expect(200);
    expectEscaped(signPage.text);
    expect(signPage.text).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    expect(signPage.text).toContain('value="Acme&quot; onfocus&#x3D;&quot;alert(1)"');
    expect(signPage.text).toContain('Coalition &lt;script&gt;');
    const form = formTokenIn(signPage.text);

    const name = `\u202E${XSS.displayName}`;
    const receipt = await post(`/sign/${link}`, signForm(form, name)).expect(201);
    expectEscaped(receipt.text);
    // The stored name lost its disguising override; only a refused form shows it as typed.
    expect(receipt.text).not.toContain('\u202E');
    expect(receipt.text).toContain('&lt;script&gt;alert(&quot;display&quot;)&lt;/script&gt;');
    const refused = await post(`/sign/${link}`, signForm(form, name, { consent: '' })).expect(400);
    expectEscaped(refused.text);
    for (const path of [`/sign/${link}`, `/sign/${link}/decline`, `/s/${lid}`, `/l/${lid}`]) {
      const html = (await page(path).expect(200)).text;
      expectEscaped(html);
      expect(html).not.toContain('\u202E');
    }
    expect((await page(`/l/${lid}`)).text).toContain(
      '&lt;script&gt;alert(&quot;display&quot;)&lt;/script&gt; &quot;Org&quot; &#x3D;cmd',
    );
  });

  describe('open sign-on', () => {
    it('is a 404 page unless the letter allows it', async () => {
      const lid = await openLetter();
      const res = await page(`/s/${lid}`).expect(404);
      expectPageHeaders(res);
      expect(res.text).toContain('Letter not found.');
      await post(`/s/${lid}`, { displayName: 'X' }).expect(404);
      await page(`/l/${lid}`).expect(404);
    });

    it('shows the form with a hidden honeypot; a filled honeypot gets the same page and stores nothing', async () => {
      const lid = await openLetter({ openSignOn: true, requireApproval: false });
      const form = await page(`/s/${lid}`).expect(200);
      expectPageHeaders(form);
      expect(form.headers['content-security-policy']).not.toContain('script-src');
      expect(form.text).toContain('id="signerEmail" name="signerEmail" type="email"');
      expect(form.text).toMatch(
        /<div class="trap" aria-hidden="true">.*<input id="homepage" name="homepage" type="text" value="" tabindex="-1" autocomplete="off">/,
      );
      expect(form.text).toContain('I agree that');
      expect(form.text).toContain('lists my organization as a signatory');
      const request = {
        displayName: 'Radio Free Town',
        signerName: 'Nadia Benali',
        signerEmail: 'nadia@radio.example',
        signerTitle: '',
        country: '',
        website: '',
        authorized: 'on',
        consent: 'on',
      };

      const trapped = await post(`/s/${lid}`, {
        ...request,
        signerEmail: 'bot@spam.example',
        homepage: 'http://spam.example',
      }).expect(202);
      expect(trapped.text).toContain('Check your email');
      const real = await post(`/s/${lid}`, { ...request, homepage: '' }).expect(202);
      expect(real.text).toBe(trapped.text);
      await waitForQueuesIdle(t.app);
      expect(sink.to('bot@spam.example')).toHaveLength(0);
      const rows = await signatures(lid);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        status: 'pending_confirmation',
        signerEmail: 'nadia@radio.example',
      });

      const bad = await post(`/s/${lid}`, { ...request, signerEmail: 'not-an-email' }).expect(400);
      expect(bad.text).toContain('Your email address: must be an email address');
      expect(bad.text).toContain('value="Radio Free Town"');

      // The emailed link: a GET shows the button and confirms nothing; the POST confirms.
      const link = linkIn((await sink.waitForMail('nadia@radio.example')).text);
      const pending = await page(`/sign/${link}`).expect(200);
      expect(pending.text).toContain('Confirm my sign-on');
      expect(pending.text).not.toContain('id="displayName"');
      expect((await signatures(lid))[0].status).toBe('pending_confirmation');
      const confirmed = await post(`/sign/${link}/confirm`, {
        form: formTokenIn(pending.text),
      }).expect(200);
      expect(confirmed.text).toContain('Your sign-on is confirmed');
      expect((await signatures(lid))[0].status).toBe('confirmed');
      expect((await page(`/sign/${link}`)).text).toContain('Withdraw our sign-on');
    });
  });

  it('shows only the public names on the public page, and counts the others', async () => {
    const lid = await openLetter();
    await t
      .http()
      .patch(`/api/letters/${lid}/settings`)
      .set(auth())
      .send({ visibilities: ['public', 'delivered', 'anonymous'], publicPage: true })
      .expect(200);
    const signers = [
      ['Öffentlich e.V.', 'public'],
      ['Delivered Only Org', 'delivered'],
      ['Anonymous Org', 'anonymous'],
    ];
    for (const [name, visibility] of signers) {
      const { link } = await invited(lid, name);
      await t
        .http()
        .post(`/api/sign/${link}`)
        .send({
          displayName: name,
          signerName: `Secret Person ${visibility}`,
          consent: true,
          authorized: true,
          visibility,
        })
        .expect(201);
    }
    const res = await page(`/l/${lid}`).expect(200);
    expectPageHeaders(res);
    expect(res.text).toContain('<li><span dir="auto">Öffentlich e.V.</span></li>');
    expect(res.text).toContain('And 2 organizations more, not named here.');
    for (const secret of ['Delivered Only Org', 'Anonymous Org', 'Secret Person', '@org']) {
      expect(res.text).not.toContain(secret);
    }
  });

  it('shows the subject line and the list heading only when the letter has them', async () => {
    const settings = { publicPage: true, visibilities: ['public', 'delivered'] };
    const plain = await openLetter(settings);
    const { link: plainLink } = await invited(plain);
    for (const html of [
      (await page(`/sign/${plainLink}`).expect(200)).text,
      (await page(`/l/${plain}`).expect(200)).text,
    ]) {
      expect(html).not.toContain('class="subject"');
      expect(html).not.toContain('Re:');
      expect(html).not.toContain('<h2 id="signatories-heading"');
    }
    expect((await page(`/l/${plain}`)).text).toContain('<section aria-label="Signatories">');

    const shaped = await openLetter(settings, {
      ...letter.content,
      subject: 'Re: detained journalists',
      listHeading: 'Signed,',
    });
    const { link } = await invited(shaped);
    const subject = '<p class="subject" dir="auto"><strong>Re: detained journalists</strong></p>';
    const signPage = (await page(`/sign/${link}`).expect(200)).text;
    expect(signPage).toContain(subject);
    // Between the addressees and the salutation, as in the PDF.
    const salutation = String(letter.content.salutation);
    expect(signPage.indexOf(subject)).toBeLessThan(signPage.indexOf(salutation));
    const publicPage = (await page(`/l/${shaped}`).expect(200)).text;
    expect(publicPage).toContain(subject);
    expect(publicPage).toContain('<h2 id="signatories-heading" dir="auto">Signed,</h2>');
  });

  // Last: these use up the per-IP allowances for the rest of the minute.
  it('answers too many open sign-on requests with a 429 page', async () => {
    const lid = await openLetter({ openSignOn: true });
    let last: Response | undefined;
    for (let i = 0; i <= OPEN_PER_IP && last?.status !== 429; i++) {
      last = await post(`/s/${lid}`, { displayName: `Org ${i}` });
    }
    expect(last!.status).toBe(429);
    expectPageHeaders(last!);
    expect(last!.text).toContain('Too many attempts');
    expect(last!.headers['retry-after']).toBeDefined();
  });

  it('answers guessing links with a 429 page', async () => {
    let last: Response | undefined;
    for (let i = 0; i < 40 && last?.status !== 429; i++) {
      last = await page(`/sign/${'C'.repeat(41)}${String(i).padStart(2, '0')}`);
    }
    expect(last!.status).toBe(429);
    expectPageHeaders(last!);
    expect(last!.text).toContain('Too many attempts');
  });
});
