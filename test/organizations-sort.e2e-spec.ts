import { SmtpSink } from '@app/testing';
import { Coalition, Contract, createTestApp, type TestApp } from './support';

const LIST = '/api/workspaces/{wid}/organizations';

interface Row {
  id: string;
  name: string;
  archived: boolean;
  lastActivityAt: string | null;
}

/** GET /api/workspaces/:wid/organizations?sort=: the directory's orders and last activity. */
describe('the directory, sorted', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let contract: Contract;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ SMTP_URL: sink.url, MAIL_PER_MINUTE: '10000' });
    contract = await Contract.of(t);
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  const list = async (coalition: Coalition, query: string) => {
    const res = await t
      .http()
      .get(`/api/workspaces/${coalition.workspaceId}/organizations${query}`)
      .set(coalition.auth())
      .expect(200);
    contract.expect('get', LIST, res);
    return res.body as { items: Row[]; total: number };
  };
  const names = async (coalition: Coalition, query: string) =>
    (await list(coalition, query)).items.map((o) => o.name);
  const add = async (coalition: Coalition, name: string) =>
    (
      await t
        .http()
        .post(`/api/workspaces/${coalition.workspaceId}/organizations`)
        .set(coalition.auth())
        .send({ name, email: `${encodeURIComponent(name)}@org.example`.toLowerCase() })
        .expect(201)
    ).body as Row;

  it("gives each row its history's last activity: invited, then signed; a merge takes it along", async () => {
    const coalition = await Coalition.create(t, 'Active Coalition');
    const idle = await add(coalition, 'Quiet Association');
    const lid = await coalition.openLetter();
    // No clock.advance() before the mails are sent: the worker stamps `sentAt` with the real
    // time, and an invitation created in the test's future would be "invited" when created.
    // This test runs first, while the app's clock is still the real one.
    const signer = await coalition.invited(sink, lid, 'Maharat Foundation');
    const invitee = await coalition.invited(sink, lid, 'Observatoire de la presse');
    const latest = async (oid: string) =>
      (await t.http().get(`/api/organizations/${oid}/history`).set(coalition.auth()).expect(200))
        .body[0] as { lastActivityAt: string; invitation: { invitedAt: string } };
    const activity = async (query = '') =>
      Object.fromEntries(
        (await list(coalition, `?archived=true${query}`)).items.map((o) => [
          o.name,
          o.lastActivityAt,
        ]),
      );

    const invited = await activity();
    expect(invited['Quiet Association']).toBeNull();
    expect(invited['Maharat Foundation']).toBe(
      (await latest(signer.organizationId)).invitation.invitedAt,
    );
    expect(invited['Observatoire de la presse']).toBe(
      (await latest(invitee.organizationId)).lastActivityAt,
    );
    expect(await names(coalition, '?sort=-lastActivity')).toEqual([
      'Observatoire de la presse',
      'Maharat Foundation',
      'Quiet Association',
    ]);

    // Signing makes the first invitee the latest.
    t.clock.advance(60_000);
    await t
      .http()
      .post(`/api/sign/${signer.link}`)
      .send({
        displayName: 'Maharat Foundation',
        signerName: 'Amal Haddad',
        consent: true,
        authorized: true,
      })
      .expect(201);
    const signed = await activity();
    const history = await latest(signer.organizationId);
    expect(signed['Maharat Foundation']).toBe(history.lastActivityAt);
    expect(Date.parse(history.lastActivityAt)).toBeGreaterThan(
      Date.parse(invited['Maharat Foundation']!),
    );
    expect(await names(coalition, '?sort=-lastActivity')).toEqual([
      'Maharat Foundation',
      'Observatoire de la presse',
      'Quiet Association',
    ]);
    expect(await names(coalition, '?sort=lastActivity')).toEqual([
      'Quiet Association',
      'Observatoire de la presse',
      'Maharat Foundation',
    ]);

    // Merged into the idle one, the signer's activity moves with its invitation and sign-on,
    // and the archived duplicate has none left.
    await t
      .http()
      .post(`/api/organizations/${signer.organizationId}/merge`)
      .set(coalition.auth())
      .send({ into: idle.id })
      .expect(200);
    const merged = await activity();
    expect(merged['Quiet Association']).toBe(signed['Maharat Foundation']);
    expect(merged['Maharat Foundation']).toBeNull();
  });

  it('sorts by name, date added and last activity, ties by name then id, and refuses any other order', async () => {
    const coalition = await Coalition.create(t, 'Sorting Coalition');
    // Added a minute apart, in an order that is neither A to Z nor Z to A. "Àlpha" and
    // "alpha" are one name to the search (accents and case aside): only their ids tell them apart.
    const added: Row[] = [];
    for (const name of ['Charlie', 'alpha', 'Bravo', 'Àlpha']) {
      added.push(await add(coalition, name));
      t.clock.advance(60_000);
    }
    const [, alpha, , alphaAccent] = added;
    const alphas = [alpha, alphaAccent].sort((a, b) => a.id.localeCompare(b.id)).map((o) => o.name);

    expect(await names(coalition, '')).toEqual([...alphas, 'Bravo', 'Charlie']);
    expect(await names(coalition, '?sort=name')).toEqual([...alphas, 'Bravo', 'Charlie']);
    expect(await names(coalition, '?sort=-name')).toEqual([
      'Charlie',
      'Bravo',
      ...alphas.reverse(),
    ]);
    expect(await names(coalition, '?sort=createdAt')).toEqual(added.map((o) => o.name));
    expect(await names(coalition, '?sort=-createdAt')).toEqual(added.map((o) => o.name).reverse());

    alphas.reverse();
    // Never active, all four tie: by name, then id, in both directions, and one row per page
    // gives every row exactly once.
    const tied = [...alphas, 'Bravo', 'Charlie'];
    expect(await names(coalition, '?sort=lastActivity')).toEqual(tied);
    expect(await names(coalition, '?sort=-lastActivity')).toEqual(tied);
    const paged: string[] = [];
    for (let page = 1; page <= 4; page++) {
      paged.push(...(await names(coalition, `?sort=-lastActivity&limit=1&page=${page}`)));
    }
    expect(paged).toEqual(tied);
    expect((await list(coalition, '?sort=-name&search=ALPHA')).items.map((o) => o.id)).toEqual(
      [alpha, alphaAccent]
        .map((o) => o.id)
        .sort()
        .reverse(),
    );

    for (const sort of ['country', 'NAME', '-', 'name,-createdAt']) {
      const refused = await t
        .http()
        .get(`/api/workspaces/${coalition.workspaceId}/organizations?sort=${sort}`)
        .set(coalition.auth())
        .expect(400);
      expect(refused.body.message).toMatch(/^sort: /);
      expect(refused.body.details).toEqual([expect.objectContaining({ field: 'sort' })]);
    }
  });
});
