import { SignatureEntity } from '@app/domain';
import { SmtpSink, waitForQueuesIdle } from '@app/testing';
import {
  Coalition,
  Contract,
  createTestApp,
  SIGN_LINK as LINK,
  signLinkIn as linkIn,
  type TestApp,
} from './support';
import { DataSource } from 'typeorm';

const PER_IP = 25;

const request = (displayName: string, signerEmail: string, extra: object = {}) => ({
  displayName,
  signerName: 'Nadia Benali',
  signerEmail,
  consent: true,
  authorized: true,
  ...extra,
});

describe('open sign-on and the public letter', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let coalition: Coalition;
  /** Real answers checked against the served OpenAPI document, as a generated client reads them. */
  let contract: Contract;
  const rows = (lid: string) =>
    t.app.get(DataSource).getRepository(SignatureEntity).findBy({ letterId: lid });
  const openLetter = (settings: object) => coalition.openLetter(settings);
  /** Asks to sign and returns the confirmation link from the mail. */
  const ask = async (lid: string, body: object, to: string) => {
    const before = sink.to(to).length;
    const asked = await t
      .http()
      .post(`/api/s/${lid}`)
      .send(body)
      .expect(202, { status: 'check_email' });
    contract.expect('post', '/api/s/{letterId}', asked);
    await waitForQueuesIdle(t.app);
    const mails = sink.to(to);
    expect(mails.length).toBe(before + 1);
    return mails[mails.length - 1];
  };

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({
      SMTP_URL: sink.url,
      MAIL_PER_MINUTE: '10000',
      OPEN_SIGNON_LIMIT_PER_IP: String(PER_IP),
    });
    coalition = await Coalition.create(t);
    contract = await Contract.of(t);
    await t
      .http()
      .post(`/api/workspaces/${coalition.workspaceId}/organizations`)
      .set(coalition.auth())
      .send({ name: 'Free Press Unlimited', email: 'info@fpu.example', website: 'https://fpu.nl' })
      .expect(201);
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('is not there unless the letter allows it', async () => {
    const lid = await openLetter({});
    contract.expect('get', '/api/s/{letterId}', await t.http().get(`/api/s/${lid}`).expect(404));
    const refused = await t
      .http()
      .post(`/api/s/${lid}`)
      .send(request('X', 'x@x.example'))
      .expect(404);
    contract.expect('post', '/api/s/{letterId}', refused);
    contract.expect('get', '/api/l/{letterId}', await t.http().get(`/api/l/${lid}`).expect(404));
  });

  it('confirms by email (twice is harmless), then waits for approval', async () => {
    const lid = await openLetter({ openSignOn: true, requireApproval: true });
    const shown = await t.http().get(`/api/s/${lid}`).expect(200);
    contract.expect('get', '/api/s/{letterId}', shown);
    const form = shown.body;
    expect(form).toMatchObject({ open: true, requireApproval: true, workspace: 'Coalition' });

    const mail = await ask(lid, request('free press unlimited', 'nadia@fpu.nl'), 'nadia@fpu.nl');
    expect(mail.subject).toContain('Confirm your sign-on');
    const link = linkIn(mail.text);
    // Opening the link (a GET, as mail scanners do) changes nothing.
    const viewed = await t.http().get(`/api/sign/${link}`).expect(200);
    contract.expect('get', '/api/sign/{token}', viewed);
    const pending = viewed.body;
    expect(pending.signature.status).toBe('pending_confirmation');
    expect(pending.allowedActions).toEqual(['confirm']);

    const first = await t.http().post(`/api/sign/${link}/confirm`).expect(200);
    const second = await t.http().post(`/api/sign/${link}/confirm`).expect(200);
    expect(first.body.signature.status).toBe('pending_approval');
    expect(second.body.signature).toEqual(first.body.signature);
    contract.expect('post', '/api/sign/{token}/confirm', first);

    const [row] = await rows(lid);
    expect(row).toMatchObject({ source: 'open', status: 'pending_approval', domainVerified: true });
    expect(row.organizationId).not.toBeNull();
  });

  it('confirms straight away when the letter needs no approval; flags other domains unverified', async () => {
    const lid = await openLetter({ openSignOn: true, requireApproval: false });
    const mail = await ask(
      lid,
      request('Tiny Radio', 'volunteer@gmail.example', { website: 'https://tinyradio.example' }),
      'volunteer@gmail.example',
    );
    const confirmed = await t
      .http()
      .post(`/api/sign/${linkIn(mail.text)}/confirm`)
      .expect(200);
    expect(confirmed.body.signature.status).toBe('confirmed');
    const [row] = await rows(lid);
    expect(row).toMatchObject({ domainVerified: false, organizationId: null });
  });

  it('answers a duplicate exactly like a new request, and mails the address instead', async () => {
    const lid = await openLetter({ openSignOn: true, requireApproval: false });
    const mail = await ask(lid, request('Radio Sawa', 'a@sawa.example'), 'a@sawa.example');
    await t
      .http()
      .post(`/api/sign/${linkIn(mail.text)}/confirm`)
      .expect(200);

    const duplicate = await ask(lid, request('RADIO SAWA', 'b@sawa.example'), 'b@sawa.example');
    expect(duplicate.subject).toContain('About your sign-on request');
    expect(duplicate.text).not.toMatch(LINK);

    // Asking again before confirming resends the same link; still one row per request.
    const again1 = await ask(
      lid,
      request('Radio Dabanga', 'c@dabanga.example'),
      'c@dabanga.example',
    );
    const again2 = await ask(
      lid,
      request('Radio Dabanga', 'c@dabanga.example'),
      'c@dabanga.example',
    );
    expect(linkIn(again2.text)).toBe(linkIn(again1.text));
    expect(await rows(lid)).toHaveLength(2);
  });

  it('lets a robot that fills the honeypot believe it worked, and stores nothing', async () => {
    const lid = await openLetter({ openSignOn: true });
    await t
      .http()
      .post(`/api/s/${lid}`)
      .send(request('Spam Org', 'bot@spam.example', { homepage: 'http://spam.example' }))
      .expect(202, { status: 'check_email' });
    await waitForQueuesIdle(t.app);
    expect(sink.to('bot@spam.example')).toHaveLength(0);
    expect(await rows(lid)).toHaveLength(0);
  });

  it('refuses bad requests with a message naming the field', async () => {
    const lid = await openLetter({ openSignOn: true });
    for (const [body, message] of [
      [request('X', 'not-an-email'), /^signerEmail: /],
      [request('X', 'x@x.example', { website: 'javascript:alert(1)' }), /^website: /],
      [request('X', 'x@x.example', { consent: false }), /^consent: /],
      [{ ...request('X', 'x@x.example'), signerEmail: undefined }, /^signerEmail: required/],
    ] as const) {
      const answer = await t.http().post(`/api/s/${lid}`).send(body).expect(400);
      expect(answer.body.message).toMatch(message);
      contract.expect('post', '/api/s/{letterId}', answer);
    }
    expect(await rows(lid)).toHaveLength(0);
  });

  it('shows only the public names on the public page', async () => {
    const lid = await openLetter({
      openSignOn: true,
      requireApproval: false,
      publicPage: true,
      showCountry: true,
      visibilities: ['public', 'delivered', 'anonymous'],
    });
    for (const [name, visibility] of [
      ['Öffentlich e.V.', 'public'],
      ['Delivered Only Org', 'delivered'],
      ['Anonymous Org', 'anonymous'],
    ]) {
      const email = `${visibility}@example.org`;
      const mail = await ask(lid, request(name, email, { visibility, country: 'DE' }), email);
      await t
        .http()
        .post(`/api/sign/${linkIn(mail.text)}/confirm`)
        .expect(200);
    }
    const page = await t.http().get(`/api/l/${lid}`).expect(200);
    contract.expect('get', '/api/l/{letterId}', page);
    expect(page.body.signatories).toEqual([{ displayName: 'Öffentlich e.V.', country: 'DE' }]);
    expect(page.body.signedCount).toBe(3);
    const raw = JSON.stringify(page.body);
    for (const secret of ['Delivered Only Org', 'Anonymous Org', 'Nadia', '@example.org']) {
      expect(raw).not.toContain(secret);
    }
  });

  it('limits requests per client IP', async () => {
    const lid = await openLetter({ openSignOn: true });
    const statuses: number[] = [];
    for (let i = 0; i <= PER_IP; i++) {
      statuses.push(
        (
          await t
            .http()
            .post(`/api/s/${lid}`)
            .send(request(`Org ${i}`, `o${i}@x.example`))
        ).status,
      );
    }
    expect(statuses).toContain(429);
  });
});
