import type { AddressInfo } from 'node:net';
import { Coalition, createTestApp, SseClient, type TestApp } from './support';

interface ActivityEvent {
  seq: number;
  action: string;
  data: Record<string, unknown>;
}

/**
 * Who may watch GET /api/letters/:lid/events, and for how long: every member, each sent
 * what their role may see; and no longer than their membership, role and session last.
 */
describe('the live event stream of a letter, by who watches it', () => {
  let t: TestApp;
  let coalition: Coalition;
  let base: string;
  const streams: SseClient[] = [];

  const open = async (lid: string, token: string) => {
    const client = await SseClient.open(`${base}/api/letters/${lid}/events`, {
      Authorization: `Bearer ${token}`,
    });
    streams.push(client);
    return client;
  };
  const register = async (email: string) =>
    (
      await t
        .http()
        .post('/api/auth/register')
        .send({ email, password: 'correct horse battery', name: email.split('@')[0] })
        .expect(201)
    ).body.token as string;
  /** A letter whose signers may ask to be named only to the officials. */
  const openLetter = () => coalition.openLetter({ visibilities: ['public', 'delivered'] });
  const membersPath = () => `/api/workspaces/${coalition.workspaceId}/members`;
  const member = async (email: string, role: string) => {
    const token = await register(email);
    await t.http().post(membersPath()).set(coalition.auth()).send({ email, role }).expect(201);
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    return { token, userId: me.body.id as string };
  };
  /** A sign-on the coordinators alone may name: its name is in the activity event's data. */
  const addDelivered = (lid: string, displayName: string) =>
    t
      .http()
      .post(`/api/letters/${lid}/signatures`)
      .set(coalition.auth())
      .send({
        displayName,
        visibility: 'delivered',
        signerName: 'Ana Ruiz',
        signerEmail: 'ana@quiet.example',
        authorized: true,
      })
      .expect(201);

  beforeAll(async () => {
    t = await createTestApp();
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    coalition = await Coalition.create(t, 'Press Freedom Coalition');
  });
  afterEach(() => streams.splice(0).forEach((s) => s.close()));
  afterAll(() => t.close());

  it('sends a coordinator the activity feed’s items; lowered to viewer, the stream ends and the new one sends only `change` ids', async () => {
    const lid = await openLetter();
    const vera = await member('vera@coalition.example', 'coordinator');
    const owners = await open(lid, coalition.token);
    const coordinators = await open(lid, vera.token);
    expect(coordinators.status).toBe(200);

    await addDelivered(lid, 'Quiet Voices');
    const added = await coordinators.waitForData<ActivityEvent>(
      'activity',
      (e) => e.action === 'signature.added',
      'the sign-on, in full',
    );
    expect(added.data).toMatchObject({ displayName: 'Quiet Voices', visibility: 'delivered' });

    await t
      .http()
      .patch(`${membersPath()}/${vera.userId}`)
      .set(coalition.auth())
      .send({ role: 'viewer' })
      .expect(200);
    await coordinators.ended;
    // Ended by the change itself, not by the check at the next heartbeat (a backstop).
    expect(coordinators.comments).toEqual([]);

    const viewers = await open(lid, vera.token);
    expect(viewers.status).toBe(200);
    await addDelivered(lid, 'Silent Partners');
    const second = await owners.waitForData<ActivityEvent>(
      'activity',
      (e) => e.action === 'signature.added' && e.data.displayName === 'Silent Partners',
    );
    const change = await viewers.waitFor((e) => e.event === 'change', 'the change');
    expect(change.id).toBe(String(second.seq));
    // The id and nothing else: not the name, the email, nor who added it.
    expect(JSON.parse(change.data)).toEqual({ seq: second.seq });
    expect(viewers.events.map((e) => e.event)).toEqual(['change']);
    // As the activity feed itself is refused to a viewer.
    await t
      .http()
      .get(`/api/letters/${lid}/activity`)
      .set('Authorization', `Bearer ${vera.token}`)
      .expect(403);
  });

  it('ends the stream of a member removed from the workspace; opening it again is 404', async () => {
    const lid = await openLetter();
    const ed = await member('ed@coalition.example', 'editor');
    const stream = await open(lid, ed.token);
    expect(stream.status).toBe(200);

    await t.http().delete(`${membersPath()}/${ed.userId}`).set(coalition.auth()).expect(204);
    await stream.ended;
    expect(stream.comments).toEqual([]);
    expect((await open(lid, ed.token)).status).toBe(404);
  });

  it('ends the stream of a revoked session, not the account’s other ones; opening it again is 401', async () => {
    const lid = await openLetter();
    const eve = await member('eve@coalition.example', 'editor');
    const laptop = (
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: 'eve@coalition.example', password: 'correct horse battery' })
        .expect(200)
    ).body.token as string;
    const onPhone = await open(lid, eve.token);
    const onLaptop = await open(lid, laptop);
    const sessions = await t
      .http()
      .get('/api/auth/sessions')
      .set('Authorization', `Bearer ${laptop}`)
      .expect(200);
    const current = (sessions.body as { id: string; current: boolean }[]).find((s) => s.current)!;

    await t
      .http()
      .delete(`/api/auth/sessions/${current.id}`)
      .set('Authorization', `Bearer ${eve.token}`)
      .expect(204);
    await onLaptop.ended;
    expect(onLaptop.comments).toEqual([]);
    expect((await open(lid, laptop)).status).toBe(401);

    // The phone's session was checked too, and still streams.
    await addDelivered(lid, 'Still Watching');
    await onPhone.waitFor((e) => e.event === 'change', 'the change on the session still live');
  });
});
