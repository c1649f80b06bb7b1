import { SmtpSink, waitForQueuesIdle } from '@app/testing';
import { Coalition, Contract, createTestApp, type TestApp } from './support';

/** GET /api/renditions/{rid}/changes: what changed since the previous finished rendition. */
describe('what changed between two renditions', () => {
  let t: TestApp;
  let contract: Contract;
  let sink: SmtpSink;
  let coalition: Coalition;
  let lid: string;
  const auth = () => coalition.auth();
  const CHANGES = '/api/renditions/{rid}/changes';

  const render = async (edition: 'delivery' | 'public') => {
    const queued = await t
      .http()
      .post(`/api/letters/${lid}/renditions`)
      .set(auth())
      .send({ edition })
      .expect(202);
    await waitForQueuesIdle(t.app);
    const done = await t.http().get(`/api/renditions/${queued.body.id}`).set(auth()).expect(200);
    expect(done.body.status).toBe('done');
    return done.body.id as string;
  };
  const changesOf = async (rid: string, as = auth()) => {
    const res = await t.http().get(`/api/renditions/${rid}/changes`).set(as);
    contract.expect('get', CHANGES, res);
    return res;
  };
  const manual = async (displayName: string, visibility = 'public') =>
    (
      await t
        .http()
        .post(`/api/letters/${lid}/signatures`)
        .set(auth())
        .send({ displayName, signerName: 'Signer', authorized: true, visibility })
        .expect(201)
    ).body.id as string;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ SMTP_URL: sink.url, MAIL_PER_MINUTE: '100000' });
    coalition = await Coalition.create(t);
    contract = await Contract.of(t);
    lid = await coalition.openLetter({ visibilities: ['public', 'delivered', 'anonymous'] });
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('lists the sign-ons added, withdrawn and renamed since the previous rendition of the edition', async () => {
    const kept = await manual('Arab Reporters’ Network – شبكة الصحفيين العرب');
    const toOfficials = await manual('Hong Kong Journalists Abroad 香港記者在海外', 'delivered');
    const leaving = await coalition.invited(sink, lid, 'Čeští novináři bez hranic');
    const signed = await t
      .http()
      .post(`/api/sign/${leaving.link}`)
      .send({
        displayName: 'Čeští novináři bez hranic',
        signerName: 'Jana',
        consent: true,
        authorized: true,
        visibility: 'public',
      })
      .expect(201);
    const leavingId = signed.body.signature.id as string;

    const firstDelivery = await render('delivery');
    const firstPublic = await render('public');
    const first = await changesOf(firstDelivery);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      since: null,
      added: [],
      withdrawn: [],
      renamed: [],
      revisionChanged: false,
    });

    // Between the two: one more sign-on, one withdrawal, one name corrected.
    const added = await manual('Ассоциация независимых журналистов');
    await t.http().post(`/api/sign/${leaving.link}/withdraw`).expect(200);
    await t
      .http()
      .patch(`/api/signatures/${kept}`)
      .set(auth())
      .send({ displayName: 'Arab Reporters’ Network (شبكة الصحفيين العرب)' })
      .expect(200);
    const secondDelivery = await render('delivery');
    const secondPublic = await render('public');

    const delivery = await changesOf(secondDelivery);
    expect(delivery.status).toBe(200);
    // Compared with the delivery edition, not the public one rendered in between.
    expect(delivery.body).toMatchObject({
      since: { id: firstDelivery, revision: 1 },
      added: [{ signatureId: added, displayName: 'Ассоциация независимых журналистов' }],
      withdrawn: [{ signatureId: leavingId, displayName: 'Čeští novináři bez hranic' }],
      renamed: [
        {
          signatureId: kept,
          from: 'Arab Reporters’ Network – شبكة الصحفيين العرب',
          to: 'Arab Reporters’ Network (شبكة الصحفيين العرب)',
        },
      ],
      revisionChanged: false,
    });
    const publicChanges = await changesOf(secondPublic);
    expect(publicChanges.body.since.id).toBe(firstPublic);
    expect(publicChanges.body.added.map((s: { signatureId: string }) => s.signatureId)).toEqual([
      added,
    ]);
    // The name shown only to the officials never appears in the public edition's changes.
    expect(JSON.stringify(publicChanges.body)).not.toContain(toOfficials);
    expect(JSON.stringify(publicChanges.body)).not.toContain('香港');
  });

  it('shows a viewer the public edition’s changes, never the delivery edition’s', async () => {
    const viewer = await t
      .http()
      .post('/api/auth/register')
      .send({ email: 'vera@coalition.example', password: 'correct horse battery', name: 'Vera' })
      .expect(201);
    await t
      .http()
      .post(`/api/workspaces/${coalition.workspaceId}/members`)
      .set(auth())
      .send({ email: 'vera@coalition.example', role: 'viewer' })
      .expect(201);
    const asViewer = { Authorization: `Bearer ${viewer.body.token as string}` };
    const list = (await t.http().get(`/api/letters/${lid}/renditions`).set(auth()).expect(200))
      .body as { id: string; edition: string }[];
    const delivery = list.find((r) => r.edition === 'delivery')!;
    const published = list.find((r) => r.edition === 'public')!;

    const refused = await changesOf(delivery.id, asViewer);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/^edition: /);
    expect(JSON.stringify(refused.body)).not.toContain('香港');
    expect((await changesOf(published.id, asViewer)).status).toBe(200);
  });

  it('answers an unknown or malformed id with 404', async () => {
    const unknown = await changesOf('00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    await t.http().get("/api/renditions/' OR 1=1/changes").set(auth()).expect(404);
    await t.http().get('/api/renditions/not-a-uuid/changes').set(auth()).expect(404);
  });
});
