import { freePort, SmtpSink } from '@app/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Coalition, createTestApp, SseClient, type TestApp } from './support';
import { builtEntry } from './support/built-app';

const API_MAIN = builtEntry('apps/api/src/main.ts');

interface ActivityEvent {
  seq: number;
  action: string;
  subject: { type: string; id: string };
  data: { organizationId?: string };
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
 * Two API replicas behind a load balancer (issue 17): process A is this jest process's
 * app, process B a real `apps/api/src/main.ts` started beside it on the same database,
 * the same Redis and the same QUEUE_PREFIX. A sign-on through either reaches the streams
 * open on both: the events cross processes through Redis, not through memory.
 */
describe('live events across two API processes on one Redis', () => {
  let a: TestApp;
  let sink: SmtpSink;
  let coalition: Coalition;
  let b: ChildProcess;
  let bExit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  let baseA: string;
  let baseB: string;
  const streams: SseClient[] = [];

  beforeAll(async () => {
    sink = await SmtpSink.start();
    a = await createTestApp({ SMTP_URL: sink.url, MAIL_PER_MINUTE: '10000' });
    const server = a.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseA = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const port = await freePort();
    baseB = `http://127.0.0.1:${port}`;
    const folder = mkdtempSync(join(tmpdir(), 'signatory-replica-'));
    b = spawn(process.execPath, [API_MAIN], {
      cwd: join(__dirname, '..'),
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        PORT: String(port),
        DATABASE_URL: a.database.url,
        REDIS_URL: a.config.redisUrl,
        QUEUE_PREFIX: a.config.queuePrefix,
        APP_SECRET: a.config.appSecret,
        PUBLIC_URL: a.config.publicUrl,
        VAR_DIR: join(folder, 'var'),
        FILES_DIR: join(folder, 'files'),
        // The jobs (mail) run in process A; B only answers HTTP.
        WORKER_INLINE: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let stderr = '';
    b.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    bExit = new Promise((resolve) =>
      b.on('exit', (code, signal) => resolve({ code, signal, stderr })),
    );
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`API B did not start: ${output}`)), 90_000);
      const look = (chunk: Buffer) => {
        output += chunk.toString();
        if (/Signatory API on/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      b.stdout!.on('data', look);
      b.stderr!.on('data', look);
      b.once('exit', () => reject(new Error(`API B exited: ${output}`)));
    });
    coalition = await Coalition.create(a, 'Two Replicas Coalition');
  }, 120_000);
  afterAll(async () => {
    streams.forEach((s) => s.close());
    if (b.exitCode === null && b.signalCode === null) b.kill('SIGTERM');
    await bExit;
    await a.close();
    await sink.close();
  });

  const open = async (base: string, lid: string) => {
    const stream = await SseClient.open(`${base}/api/letters/${lid}/events`, coalition.auth());
    streams.push(stream);
    expect(stream.status).toBe(200);
    return stream;
  };
  const signedBy = (stream: SseClient, organizationId: string, replica: string) =>
    stream.waitForData<ActivityEvent>(
      'activity',
      (e) => e.action === 'signature.signed' && e.data.organizationId === organizationId,
      `on ${replica}, the sign-on of ${organizationId}`,
    );

  it('delivers a sign-on made through B to a stream on A, and one made through A to a stream on B', async () => {
    const lid = await coalition.openLetter();
    const first = await coalition.invited(sink, lid, 'Maharat Foundation');
    const second = await coalition.invited(sink, lid, 'Article 19');
    const onA = await open(baseA, lid);
    const onB = await open(baseB, lid);

    // Through B: B records the sign-on and publishes it; A's stream receives it.
    const signedOnB = await fetch(`${baseB}/api/sign/${first.link}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(signBody('Maharat Foundation')),
    });
    expect(signedOnB.status).toBe(201);
    const onAFromB = await signedBy(onA, first.organizationId, 'A');
    const onBFromB = await signedBy(onB, first.organizationId, 'B');
    expect(onBFromB).toEqual(onAFromB);

    // Through A: B's stream receives it.
    await a.http().post(`/api/sign/${second.link}`).send(signBody('Article 19')).expect(201);
    const onBFromA = await signedBy(onB, second.organizationId, 'B');
    expect(onBFromA.seq).toBeGreaterThan(onAFromB.seq);
    expect(await signedBy(onA, second.organizationId, 'A')).toEqual(onBFromA);
  });

  it('ends its open streams when the real process is stopped with SIGTERM, and exits cleanly', async () => {
    const lid = await coalition.draftLetter();
    const onB = await open(baseB, lid);
    b.kill('SIGTERM');
    await onB.ended;
    const exit = await bExit;
    expect(exit.signal).toBe('SIGTERM');
    expect(exit.stderr).not.toMatch(/error/i);
  });
});
