import { AuditService } from '@app/domain';
import { SmtpSink } from '@app/testing';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { Coalition, Contract, createTestApp, SseClient, type TestApp } from './support';

interface ActivityEvent {
  seq: number;
  at: string;
  action: string;
  actor: { type: string; id: string | null; name?: string };
  subject: { type: string; id: string };
  data: Record<string, unknown>;
}
interface RenditionProgress {
  id: string;
  status: string;
  progress: number;
  files: { pages: number; sha256: string }[];
  error?: string;
}

const signBody = (displayName: string) => ({
  displayName,
  signerName: 'Amal Haddad',
  signerTitle: 'Director',
  country: 'LB',
  consent: true,
  authorized: true,
});

/**
 * GET /api/letters/:lid/events (issue 17): a letter's activity and rendition progress as
 * Server-Sent Events, read here by a plain HTTP client that parses the stream by hand.
 */
describe('the live event stream of a letter', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let coalition: Coalition;
  let contract: Contract;
  let base: string;
  const streams: SseClient[] = [];

  const open = async (lid: string, headers: Record<string, string> = {}, query = '') => {
    const client = await SseClient.open(`${base}/api/letters/${lid}/events${query}`, {
      ...coalition.auth(),
      ...headers,
    });
    streams.push(client);
    return client;
  };
  const activity = async (lid: string) =>
    (await t.http().get(`/api/letters/${lid}/activity?limit=200`).set(coalition.auth()).expect(200))
      .body as ActivityEvent[];

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ SMTP_URL: sink.url, MAIL_PER_MINUTE: '10000' });
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    coalition = await Coalition.create(t, 'Press Freedom Coalition');
    contract = await Contract.of(t);
  });
  afterEach(() => streams.splice(0).forEach((s) => s.close()));
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('sends a sign-on as an `activity` event shaped like the activity feed, then resumes after Last-Event-ID', async () => {
    const lid = await coalition.openLetter();
    const { link } = await coalition.invited(sink, lid, 'Maharat Foundation');

    const stream = await open(lid);
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers['cache-control']).toBe('no-cache, no-transform');
    expect(stream.headers['x-accel-buffering']).toBe('no');
    expect(stream.headers['content-encoding']).toBeUndefined();

    await t.http().post(`/api/sign/${link}`).send(signBody('Maharat Foundation')).expect(201);
    const signed = await stream.waitFor(
      (e) => e.event === 'activity' && JSON.parse(e.data).action === 'signature.signed',
      'the sign-on',
    );
    expect(stream.retry).toBe(3000);
    const event = JSON.parse(signed.data) as ActivityEvent;
    expect(signed.id).toBe(String(event.seq));
    // Exactly an item of GET /api/letters/:lid/activity.
    const feed = await activity(lid);
    expect(feed.find((e) => e.seq === event.seq)).toEqual(event);
    expect(event).toMatchObject({ action: 'signature.signed', actor: { type: 'signer' } });
    stream.close();

    // Missed while away: the withdrawal and the coordinator's reminder of the link.
    await t.http().post(`/api/sign/${link}/withdraw`).expect(200);
    await t.http().post(`/api/sign/${link}`).send(signBody('Maharat Foundation')).expect(201);
    const missed = (await activity(lid)).filter((e) => e.seq > event.seq).reverse();
    expect(missed.map((e) => e.action)).toEqual(['signature.withdrawn', 'signature.signed']);

    const resumed = await open(lid, { 'Last-Event-ID': signed.id! });
    await resumed.waitFor((e) => e.id === String(missed.at(-1)!.seq), 'the last missed event');
    // Then live events follow the replay.
    const second = await coalition.invited(sink, lid, 'Article 19');
    await t.http().post(`/api/sign/${second.link}`).send(signBody('Article 19')).expect(201);
    const live = await resumed.waitForData<ActivityEvent>(
      'activity',
      (e) => e.action === 'signature.signed' && e.seq > missed.at(-1)!.seq,
      'the live sign-on after the replay',
    );
    const received = resumed.dataOf<ActivityEvent>('activity');
    const after = (await activity(lid)).filter((e) => e.seq > event.seq).reverse();
    // Every event after Last-Event-ID, in order, once each, nothing before it.
    expect(received.slice(0, missed.length)).toEqual(missed);
    expect(received.map((e) => e.seq).filter((s) => s <= live.seq)).toEqual(
      after.map((e) => e.seq).filter((s) => s <= live.seq),
    );
    expect(new Set(received.map((e) => e.seq)).size).toBe(received.length);

    // The same through ?lastEventId= (an EventSource cannot set the header on its first try).
    const byQuery = await open(lid, {}, `?lastEventId=${missed[0].seq}`);
    await byQuery.waitFor((e) => e.id === String(live.seq), 'the events after the query id');
    expect(byQuery.dataOf<ActivityEvent>('activity').map((e) => e.seq)).toEqual(
      after.map((e) => e.seq).filter((s) => s > missed[0].seq && s <= live.seq),
    );
  });

  it('sends one `reset` instead of replaying more than 500 missed events, then goes on live', async () => {
    const lid = await coalition.draftLetter();
    const audit = t.app.get(AuditService);
    await t.app.get(DataSource).transaction((manager) =>
      audit.appendMany(
        manager,
        Array.from({ length: 501 }, (_, n) => ({
          workspaceId: coalition.workspaceId,
          event: {
            actor: { type: 'system' as const, id: null },
            action: 'test.filler',
            subject: { type: 'letter', id: lid },
            letterId: lid,
            data: { n },
          },
        })),
      ),
    );
    const newest = (await activity(lid))[0].seq;

    // From the start: every event of the letter, more than a stream replays.
    const stream = await open(lid, { 'Last-Event-ID': '0' });
    const reset = await stream.waitFor((e) => e.event === 'reset', 'the reset');
    expect(reset.id).toBe(String(newest));
    expect(JSON.parse(reset.data)).toEqual({ reason: 'missed', lastEventId: newest });
    await t
      .http()
      .post(`/api/letters/${lid}/publish`)
      .set(coalition.auth())
      .send({ deadline: new Date(t.clock.now().getTime() + 10 * 24 * 3600 * 1000).toISOString() })
      .expect(200);
    await stream.waitForData<ActivityEvent>('activity', (e) => e.action === 'letter.published');
    expect(stream.events.map((e) => e.event)).toEqual(['reset', 'activity']);
  });

  it('accepts the session cookie, as an EventSource sends it', async () => {
    const lid = await coalition.draftLetter();
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'cora@coalition.example', password: 'correct horse battery' })
      .expect(200);
    const cookies = ([] as string[])
      .concat(login.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0])
      .join('; ');
    const stream = await SseClient.open(`${base}/api/letters/${lid}/events`, { Cookie: cookies });
    streams.push(stream);
    expect(stream.status).toBe(200);
    const deadline = new Date(t.clock.now().getTime() + 10 * 24 * 3600 * 1000);
    await t
      .http()
      .post(`/api/letters/${lid}/publish`)
      .set(coalition.auth())
      .send({ deadline: deadline.toISOString() })
      .expect(200);
    await stream.waitForData<ActivityEvent>(
      'activity',
      (e) => e.action === 'letter.published',
      'the publication',
    );
  });

  it('answers like the activity feed to strangers: 404, 401 signed out, 404 for a malformed id, 400 for a bad Last-Event-ID', async () => {
    const lid = await coalition.draftLetter();
    const stranger = (
      await t
        .http()
        .post('/api/auth/register')
        .send({ email: 'sam@elsewhere.example', password: 'correct horse battery', name: 'Sam' })
        .expect(201)
    ).body.token as string;
    const path = '/api/letters/{lid}/events';
    const check = (status: number) => (res: import('supertest').Response) => {
      expect(res.status).toBe(status);
      contract.expect('get', path, res);
    };
    await t
      .http()
      .get(`/api/letters/${lid}/events`)
      .set('Authorization', `Bearer ${stranger}`)
      .then(check(404));
    await t.http().get(`/api/letters/${lid}/events`).then(check(401));
    // Like every route: an id that is not a UUID never reaches the database (PathIdsGuard).
    await t.http().get('/api/letters/not-a-uuid/events').set(coalition.auth()).then(check(404));
    await t
      .http()
      .get(`/api/letters/${lid}/events`)
      .set(coalition.auth())
      .set('Last-Event-ID', 'yesterday')
      .then(check(400));
    await t
      .http()
      .get(`/api/letters/${lid}/events?lastEventId=-1`)
      .set(coalition.auth())
      .then(check(400));
  });

  it('streams the progress of a rendition the worker renders, up to its file', async () => {
    const lid = await coalition.openLetter();
    const stream = await open(lid);
    const requested = await t
      .http()
      .post(`/api/letters/${lid}/renditions`)
      .set(coalition.auth())
      .send({})
      .expect(202);
    const rid = requested.body.id as string;
    const done = await stream.waitForData<RenditionProgress>(
      'rendition',
      (r) => r.id === rid && r.status === 'done',
      'the finished rendition',
    );
    const rendition = (
      await t.http().get(`/api/renditions/${rid}`).set(coalition.auth()).expect(200)
    ).body as RenditionProgress;
    expect(done).toEqual({ id: rid, status: 'done', progress: 100, files: rendition.files });
    expect(done.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);

    const states = stream.dataOf<RenditionProgress>('rendition').filter((r) => r.id === rid);
    expect(states[0]).toMatchObject({ status: 'queued', progress: 0 });
    expect(states.map((r) => r.status)).toContain('rendering');
    const progress = states.map((r) => r.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // The rendition events carry no id: a resume is about the activity feed only.
    expect(stream.events.filter((e) => e.event === 'rendition').every((e) => !e.id)).toBe(true);
  });

  it('ends open streams when the app closes, so that it can stop', async () => {
    const other = await createTestApp();
    const server = other.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const owner = await Coalition.create(other, 'Closing Coalition');
    const lid = await owner.draftLetter();
    const stream = await SseClient.open(
      `http://127.0.0.1:${port}/api/letters/${lid}/events`,
      owner.auth(),
    );
    expect(stream.status).toBe(200);
    await other.close();
    await stream.ended;
  });
});
