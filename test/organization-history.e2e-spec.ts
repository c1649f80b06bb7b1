import { SmtpSink } from '@app/testing';
import {
  Coalition,
  Contract,
  createTestApp,
  fixtureLetter,
  SIGN_LINK,
  signLinkIn,
  type TestApp,
} from './support';

const HISTORY = '/api/organizations/{oid}/history';

/** GET /api/organizations/:oid/history: an organization's invitations and sign-ons, per letter. */
describe("an organization's history across letters", () => {
  let t: TestApp;
  let sink: SmtpSink;
  let coalition: Coalition;
  let contract: Contract;
  /** A sign-on link mailed to `email` other than `known` (a new letter's invitation). */
  const newLink = async (email: string, known: string) => {
    const links = () =>
      sink
        .to(email)
        .filter((m) => SIGN_LINK.test(m.text ?? ''))
        .map((m) => signLinkIn(m.text))
        .filter((l) => l !== known);
    for (let i = 0; i < 150 && links().length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return links()[0];
  };
  const history = (oid: string, auth = coalition.auth()) =>
    t.http().get(`/api/organizations/${oid}/history`).set(auth);

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

  it('lists every letter invited to, with what became of it, newest activity first', async () => {
    const first = await coalition.openLetter();
    const { link, organizationId, email } = await coalition.invited(
      sink,
      first,
      'Maharat Foundation',
    );
    await t
      .http()
      .post(`/api/sign/${link}`)
      .send({
        displayName: 'Maharat Foundation',
        signerName: 'Amal Haddad',
        consent: true,
        authorized: true,
      })
      .expect(201);

    const one = await history(organizationId).expect(200);
    contract.expect('get', HISTORY, one);
    expect(one.body).toEqual([
      expect.objectContaining({
        letterId: first,
        campaignId: coalition.campaignId,
        campaignName: 'Safety',
        title: fixtureLetter.content.title,
        letterStatus: 'open',
        invitation: expect.objectContaining({ status: 'signed', revoked: false }),
        signature: expect.objectContaining({ status: 'confirmed', withdrawnAt: null }),
      }),
    ]);

    // A second letter, declined: it comes first (the latest activity).
    t.clock.advance(60_000);
    const second = await coalition.openLetter();
    await t
      .http()
      .post(`/api/letters/${second}/invitations`)
      .set(coalition.auth())
      .send({ organizationIds: [organizationId] })
      .expect(202);
    const declineLink = await newLink(email, link);
    await t.http().post(`/api/sign/${declineLink}/decline`).send({}).expect(200);

    const both = await history(organizationId).expect(200);
    contract.expect('get', HISTORY, both);
    expect(both.body.map((h: { letterId: string }) => h.letterId)).toEqual([second, first]);
    expect(both.body[0]).toMatchObject({
      invitation: { status: 'declined', revoked: false },
      signature: null,
    });
    expect(both.body[0].lastActivityAt).toBe(both.body[0].invitation.respondedAt);
  });

  it('answers 404 to another workspace, to an unknown and to a malformed id', async () => {
    const { body } = await t
      .http()
      .post(`/api/workspaces/${coalition.workspaceId}/organizations`)
      .set(coalition.auth())
      .send({ name: 'Never Invited', email: 'never@invited.example' })
      .expect(201);
    const empty = await history(body.id).expect(200);
    contract.expect('get', HISTORY, empty);
    expect(empty.body).toEqual([]);

    const stranger = (
      await t
        .http()
        .post('/api/auth/register')
        .send({ email: 'stranger@else.example', password: 'correct horse battery', name: 'S' })
        .expect(201)
    ).body.token as string;
    await history(body.id, { Authorization: `Bearer ${stranger}` }).expect(404);
    await history('5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f').expect(404);
    await history('not-a-uuid').expect(404);
  });
});
