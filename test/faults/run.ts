/**
 * `npm run faults`: the fault matrix of docs/reliability.md, against the real app and worker
 * on a private Redis and (for PostgreSQL rows) a private PostgreSQL server, never the
 * shared ones. Prints one Markdown table row per fault.
 *
 *   npm run faults                       every fault, SQLite and PostgreSQL
 *   FAULTS=kill,redis npm run faults     only those (kill, redis, postgres, smtp, disk)
 *   FAULTS_DATABASES=sqlite npm run faults
 *   FAULTS_KILL_ROUNDS=3                 rounds of the kill -9 fault per database
 *   FAULTS_SMTP_QUERY=?maxConnections=1  options for the SMTP pool (SMTP_URL's query)
 */
import 'reflect-metadata';
import { InvitationEntity, SignatureEntity, OrganizationEntity } from '@app/domain';
import { FileStorage } from '@app/files';
import { MailMessageEntity } from '@app/mail';
import { PostgresProcess, RedisProcess, SmtpSink } from '@app/testing';
import { Coalition, createTestApp, SIGN_LINK, type TestApp } from '../support';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

const ROOT = join(__dirname, '..', '..');
const DAY = 24 * 3600 * 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Row {
  fault: string;
  db: string;
  acknowledged: string;
  stored: string;
  mails: string;
  recover: string;
  health: string;
}
const rows: Row[] = [];

type Kind = 'sqlite' | 'postgres';

/** Private Redis (and PostgreSQL) for one fault, an SMTP sink, and the app on them. */
async function setUp(kind: Kind, env: Record<string, string> = {}) {
  const redis = await RedisProcess.start();
  const pg = kind === 'postgres' ? await PostgresProcess.start() : undefined;
  let databaseUrl: string | undefined;
  if (pg) {
    const client = new Client({ connectionString: pg.url });
    await client.connect();
    await client.query('CREATE DATABASE faults');
    await client.end();
    databaseUrl = pg.url.replace(/\/postgres$/, '/faults');
  }
  const sink = await SmtpSink.start();
  const t = await createTestApp({
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    REDIS_URL: redis.url,
    // FAULTS_SMTP_QUERY=?maxConnections=1 plays the faults with another SMTP pool.
    SMTP_URL: sink.url + (process.env.FAULTS_SMTP_QUERY ?? ''),
    MAIL_PER_MINUTE: '100000',
    RATE_LIMIT_PER_MINUTE: '1000000',
    SIGN_LINK_MISSES_PER_IP: '100000',
    LOGIN_LIMIT_PER_IP: '10000',
    ...env,
  });
  const tearDown = async () => {
    await t.close().catch(() => undefined);
    await sink.close();
    await redis.stop();
    await pg?.destroy();
  };
  return { redis, pg, sink, t, tearDown };
}

/** The worker as its own process (ts-node), on the app's configuration. */
function spawnWorker(t: TestApp): ChildProcess {
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: t.config.database.url,
    REDIS_URL: t.config.redisUrl,
    QUEUE_PREFIX: t.config.queuePrefix,
    SMTP_URL: t.config.smtpUrl ?? '',
    APP_SECRET: t.config.appSecret,
    VAR_DIR: t.config.varDir,
    FILES_DIR: t.config.filesDir,
    MAIL_PER_MINUTE: '100000',
    DB_MIGRATE: 'false',
    PUBLIC_URL: 'http://signatory.test',
    OUTBOX_POLL_MS: '50',
  };
  return spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      join(ROOT, 'apps/worker/src/main.ts'),
    ],
    { env, cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

/** A directory of `n` organizations, imported as CSV. */
async function importOrganizations(c: Coalition, n: number, prefix: string): Promise<void> {
  const lines = ['name,email,contact_name,country,website,tags'];
  for (let i = 1; i <= n; i++) lines.push(`${prefix} ${i},c${i}@${prefix}${i}.example,,FR,,`);
  await c.t
    .http()
    .post(`/api/workspaces/${c.workspaceId}/organizations/import`)
    .set(c.auth())
    .set('Content-Type', 'text/csv')
    .send(lines.join('\n'))
    .expect(200);
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** once / twice or more / never, per address among `addresses`. */
function deliveries(sink: SmtpSink, addresses: string[], subject?: RegExp) {
  const messages = sink.messages.filter((m) => !subject || subject.test(m.subject ?? ''));
  const per = countBy(messages, (m) =>
    [m.to ?? []]
      .flat()
      .flatMap((to) => to.value.map((v) => v.address?.toLowerCase() ?? ''))
      .join(','),
  );
  let once = 0;
  let twice = 0;
  let never = 0;
  for (const address of addresses) {
    const n = per.get(address.toLowerCase()) ?? 0;
    if (n === 0) never++;
    else if (n === 1) once++;
    else twice++;
  }
  return { once, twice, never };
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(100);
  }
}

async function healthStatus(t: TestApp): Promise<number> {
  return (await t.http().get('/health')).status;
}

/** Watches /health every 100 ms; says whether it answered 503 while `during` runs. */
async function watchingHealth<T>(t: TestApp, during: () => Promise<T>) {
  let saw503 = false;
  let running = true;
  const watcher = (async () => {
    while (running) {
      if ((await healthStatus(t).catch(() => 0)) === 503) saw503 = true;
      await sleep(100);
    }
  })();
  try {
    return { result: await during(), saw503: () => saw503 };
  } finally {
    running = false;
    await watcher;
  }
}

// ---------------------------------------------------------------------------------------

/** kill -9 of the worker while it sends 1,000 invitations; a new worker finishes. */
async function killDuringSend(kind: Kind, round: number): Promise<void> {
  const N = 1000;
  const h = await setUp(kind, { WORKER_INLINE: 'false' });
  let worker = spawnWorker(h.t);
  try {
    const c = await Coalition.create(h.t);
    await importOrganizations(c, N, `k${round}org`);
    const lid = await c.openLetter();
    await h.t
      .http()
      .post(`/api/letters/${lid}/invitations`)
      .set(c.auth())
      .send({ allOrganizations: true })
      .expect(202);
    const sendStarted = Date.now();
    const killAt = 200 + Math.floor(Math.random() * 400);
    await waitUntil(
      'sending to start',
      () => Promise.resolve(h.sink.messages.length >= killAt),
      180_000,
    );
    worker.kill('SIGKILL');
    const killedAt = Date.now();
    const rate = h.sink.messages.length / ((killedAt - sendStarted) / 1000);
    await new Promise((resolve) => worker.once('exit', resolve));
    await sleep(200); // the sink finishes what was on the wire
    const atKill = h.sink.messages.length;
    const mailRows = h.t.app.get(DataSource).getRepository(MailMessageEntity);
    const unrecorded = atKill - (await mailRows.countBy({ status: 'sent' }));
    worker = spawnWorker(h.t);
    await waitUntil(
      'every invitation sent',
      async () => (await mailRows.countBy({ status: 'queued' })) === 0,
      300_000,
    );
    const recovered = Date.now() - killedAt;
    await sleep(1000);
    const invitations = await h.t.app.get(DataSource).getRepository(InvitationEntity).find();
    const d = deliveries(
      h.sink,
      invitations.map((i) => i.email),
    );
    const ids = countBy(h.sink.messages, (m) => m.messageId ?? '');
    const sameId = [...ids.values()].filter((n) => n > 1).length;
    rows.push({
      fault: `worker \`kill -9\` during a ${N}-invitation send (killed after ${atKill} accepted, ${unrecorded} of them not yet stored as sent)`,
      db: kind,
      acknowledged: `${N} invitations (202)`,
      stored: `${invitations.length} invitations, ${await mailRows.countBy({ status: 'sent' })} mails sent`,
      mails: `${d.once} once, ${d.twice} twice (${sameId} with one Message-ID), ${d.never} never`,
      recover: `${(recovered / 1000).toFixed(1)} s to the last mail; ${rate.toFixed(0)} mails/s before the kill`,
      health: 'ok throughout (workers have no HTTP; watch the process and queue depth)',
    });
  } finally {
    worker.kill('SIGKILL');
    await h.tearDown();
  }
}

/** Redis stopped for 5 s (and back empty) while organizations sign on at a steady pace. */
async function redisDuringSignOns(kind: Kind): Promise<void> {
  const N = 150;
  const h = await setUp(kind, { SCAN_EVERY_MS: '1000' });
  try {
    const c = await Coalition.create(h.t);
    await importOrganizations(c, N, 'rorg');
    const lid = await c.openLetter();
    const soon = await c.openLetter({}, { days: 1 });
    await h.t
      .http()
      .post(`/api/letters/${lid}/invitations`)
      .set(c.auth())
      .send({ allOrganizations: true })
      .expect(202);
    await waitUntil(
      'invitations delivered',
      () => Promise.resolve(h.sink.messages.length >= N),
      120_000,
    );
    const links = h.sink.messages
      .map((m) => SIGN_LINK.exec(m.text ?? '')?.[1])
      .filter((l): l is string => !!l);
    const invitationMails = h.sink.messages.length;
    let acknowledged = 0;
    let refused = 0;
    let downAt = 0;
    let upAt = 0;
    let healthyAfter = 0;
    const { saw503 } = await watchingHealth(h.t, async () => {
      const signing = (async () => {
        for (const [i, link] of links.entries()) {
          const res = await h.t
            .http()
            .post(`/api/sign/${link}`)
            .send({
              displayName: `Signer ${i}`,
              signerName: 'A Person',
              consent: true,
              authorized: true,
              visibility: 'public',
            });
          if (res.status === 201) acknowledged++;
          else refused++;
          await sleep(40);
        }
      })();
      await sleep(1500);
      await h.redis.stop();
      downAt = Date.now();
      await sleep(5000);
      await h.redis.start(); // empty: no persistence
      upAt = Date.now();
      await waitUntil('/health back', async () => (await healthStatus(h.t)) === 200, 60_000);
      healthyAfter = Date.now() - upAt;
      await signing;
    });
    const stored = await h.t.app
      .get(DataSource)
      .getRepository(SignatureEntity)
      .countBy({ letterId: lid });
    // The receipts: every signer gets one mail after the invitation.
    await waitUntil(
      'receipts',
      () => Promise.resolve(h.sink.messages.length - invitationMails >= stored),
      120_000,
    ).catch(() => undefined);
    const receipts = h.sink.messages.slice(invitationMails);
    const perSigner = countBy(receipts, (m) => JSON.stringify(m.to));
    const once = [...perSigner.values()].filter((n) => n === 1).length;
    const twice = [...perSigner.values()].filter((n) => n > 1).length;
    // A deadline that passes after the flush.
    h.t.clock.advance(DAY + 60_000);
    const since = Date.now();
    const status = async () =>
      ((await h.t.http().get(`/api/letters/${soon}`).set(c.auth())).body as { status: string })
        .status;
    const closed = await waitUntil(
      'deadline closed',
      async () => (await status()) === 'closed',
      30_000,
    )
      .then(() => `closed ${((Date.now() - since) / 1000).toFixed(1)} s after it passed`)
      .catch(() => 'NOT closed within 30 s');
    rows.push({
      fault: `Redis stopped 5 s and restarted empty during ${links.length} sign-ons`,
      db: kind,
      acknowledged: `${acknowledged} (201), ${refused} refused`,
      stored: `${stored} signatures`,
      mails: `receipts: ${once} once, ${twice} twice, ${stored - once - twice} never`,
      recover: `/health ok ${(healthyAfter / 1000).toFixed(1)} s after Redis was back; deadline ${closed}`,
      health: saw503()
        ? `503 (redis down) during the ${((upAt - downAt) / 1000).toFixed(0)} s`
        : 'never said so',
    });
  } finally {
    await h.tearDown();
  }
}

/** PostgreSQL stopped for 5 s and started again while organizations are created. */
async function postgresDuringWrites(): Promise<void> {
  const h = await setUp('postgres');
  try {
    const c = await Coalition.create(h.t);
    const statuses = new Map<number, number>();
    const acknowledgedNames: string[] = [];
    let upAt = 0;
    let firstOkAfter = 0;
    let retryAfter = false;
    const { saw503 } = await watchingHealth(h.t, async () => {
      let writing = true;
      const writer = (async () => {
        for (let i = 0; writing; i++) {
          const name = `Org ${i}`;
          const res = await h.t
            .http()
            .post(`/api/workspaces/${c.workspaceId}/organizations`)
            .set(c.auth())
            .send({ name, email: `o${i}@o.example` });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status === 201) {
            acknowledgedNames.push(name);
            if (upAt && !firstOkAfter) firstOkAfter = Date.now() - upAt;
          }
          if (res.status === 503 && res.headers['retry-after']) retryAfter = true;
          await sleep(20);
        }
      })();
      await sleep(1500);
      await h.pg!.stop();
      await sleep(5000);
      await h.pg!.start();
      upAt = Date.now();
      await sleep(4000);
      writing = false;
      await writer;
    });
    const organizations = h.t.app.get(DataSource).getRepository(OrganizationEntity);
    const stored = await organizations.countBy({ workspaceId: c.workspaceId });
    const lost = acknowledgedNames.length - stored;
    rows.push({
      fault: 'PostgreSQL stopped 5 s and restarted during writes',
      db: 'postgres',
      acknowledged: `${acknowledgedNames.length} (201)`,
      stored: `${stored} (${lost} lost)`,
      mails: '—',
      recover: `first 201 ${(firstOkAfter / 1000).toFixed(1)} s after PostgreSQL was back; answers: ${[...statuses].map(([s, n]) => `${n}×${s}`).join(', ')}${retryAfter ? ', 503s with Retry-After' : ''}`,
      health: saw503() ? '503 (db down) during the outage' : 'never said so',
    });
  } finally {
    await h.tearDown();
  }
}

/** The SMTP server answering 4xx, 5xx, or hanging, for a batch of invitations. */
async function smtpFaults(kind: Kind): Promise<void> {
  const cases: {
    name: string;
    arrange: (sink: SmtpSink, n: number) => void;
    lift?: (sink: SmtpSink) => void;
  }[] = [
    {
      name: 'SMTP answering 451 (temporary) to the first attempt of each',
      arrange: (s, n) => s.failNext(451, 'Try again later', n),
    },
    {
      name: 'SMTP answering 550 (permanent)',
      arrange: (s, n) => s.failNext(550, 'No such mailbox', n),
    },
    {
      name: 'SMTP hanging 20 s before it answers',
      arrange: (s) => s.hold(20_000),
      lift: (s) => s.hold(0),
    },
  ];
  for (const [i, fault] of cases.entries()) {
    const N = 20;
    const h = await setUp(kind);
    try {
      const c = await Coalition.create(h.t);
      await importOrganizations(c, N, `s${i}org`);
      const lid = await c.openLetter();
      fault.arrange(h.sink, N);
      const started = Date.now();
      await h.t
        .http()
        .post(`/api/letters/${lid}/invitations`)
        .set(c.auth())
        .send({ allOrganizations: true })
        .expect(202);
      // Held for the first 5 s of the send: those messages wait 20 s for their answer.
      if (fault.lift) setTimeout(() => fault.lift!(h.sink), 5000);
      const mails = h.t.app.get(DataSource).getRepository(MailMessageEntity);
      await waitUntil(
        'mail settled',
        async () => (await mails.countBy({ status: 'queued' })) === 0,
        120_000,
      );
      const took = Date.now() - started;
      await sleep(500);
      const invitations = await h.t.app.get(DataSource).getRepository(InvitationEntity).find();
      const d = deliveries(
        h.sink,
        invitations.map((x) => x.email),
      );
      const failed = invitations.filter((x) => x.status === 'failed').length;
      rows.push({
        fault: `${fault.name}, ${N} invitations`,
        db: kind,
        acknowledged: `${N} invitations (202)`,
        stored: `${invitations.length} invitations, ${failed} marked failed`,
        mails: `${d.once} once, ${d.twice} twice, ${d.never} never; ${h.sink.attempts} SMTP attempts`,
        recover: `${(took / 1000).toFixed(1)} s until every mail was sent or failed`,
        health: `${(await healthStatus(h.t)) === 200 ? 'ok' : 'not ok'} (SMTP is not part of /health; failures show on the invitations)`,
      });
    } finally {
      await h.tearDown();
    }
  }
}

/** Every file under `dir` (relative paths), but `except`. */
function filesUnder(dir: string, except: string[] = []): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .filter((f) => !except.includes(f));
}

/**
 * The disk for renditions full: FILES_DIR on a 1 MB tmpfs filled to 4 KB of room (as root;
 * elsewhere a storage adapter whose writes get ENOSPC from /dev/full), a rendition
 * requested, other writes going on; then the space freed.
 */
async function diskFull(kind: Kind): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'signatory-faults-files-'));
  let mounted = false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0750', 'tmpfs', dir], {
      stdio: 'ignore',
    });
    mounted = true;
  } catch {
    // Not root, or no tmpfs here: the failing adapter below plays the full disk.
  }
  const h = await setUp(kind, { FILES_DIR: dir });
  const filler = join(dir, 'filler');
  const files = h.t.app.get(FileStorage);
  const write = files.write.bind(files);
  try {
    const c = await Coalition.create(h.t);
    const lid = await c.openLetter();
    if (mounted) {
      const fs = statfsSync(dir);
      writeFileSync(filler, Buffer.alloc(Math.max(0, fs.bavail * fs.bsize - 4096)));
    } else {
      files.write = async (key, data) => {
        if (key.startsWith('renditions/')) await writeFile('/dev/full', data);
        return write(key, data);
      };
    }
    const state = async (id: string) =>
      (await h.t.http().get(`/api/renditions/${id}`).set(c.auth())).body as {
        status: string;
        error?: string;
        attempts: number;
      };
    let acknowledged = 0;
    let stored = 0;
    let rid = '';
    let error = '';
    let failedAt = 0;
    let freedAt = 0;
    let leftover: string[] = [];
    const { saw503 } = await watchingHealth(h.t, async () => {
      const queued = await h.t
        .http()
        .post(`/api/letters/${lid}/renditions`)
        .set(c.auth())
        .send({ variant: 'per-addressee' })
        .expect(202);
      rid = (queued.body as { id: string }).id;
      acknowledged++;
      // Other writes while the disk is full: organizations, every 50 ms.
      let writing = true;
      const names: string[] = [];
      const writer = (async () => {
        for (let i = 0; writing; i++) {
          const res = await h.t
            .http()
            .post(`/api/workspaces/${c.workspaceId}/organizations`)
            .set(c.auth())
            .send({ name: `Disk Org ${i}`, email: `d${i}@d.example` });
          if (res.status === 201) names.push((res.body as { id: string }).id);
          await sleep(50);
        }
      })();
      await waitUntil(
        'rendition failed',
        async () => (await state(rid)).status === 'failed',
        60_000,
      );
      failedAt = Date.now();
      error = (await state(rid)).error ?? '';
      leftover = filesUnder(dir, ['filler']);
      await sleep(5000); // the disk stays full a while: the queue's retries fail too
      if (mounted) rmSync(filler);
      else files.write = write;
      freedAt = Date.now();
      writing = false;
      await writer;
      acknowledged += names.length;
      stored = await h.t.app
        .get(DataSource)
        .getRepository(OrganizationEntity)
        .countBy({ workspaceId: c.workspaceId });
      await waitUntil('rendition done', async () => (await state(rid)).status === 'done', 180_000);
    });
    const recovered = Date.now() - freedAt;
    const { attempts } = await state(rid);
    const again = await h.t
      .http()
      .post(`/api/letters/${lid}/renditions`)
      .set(c.auth())
      .send({})
      .expect(202);
    const againId = (again.body as { id: string }).id;
    await waitUntil(
      'new rendition',
      async () =>
        (await state(againId)).status !== 'queued' && (await state(againId)).status !== 'rendering',
      60_000,
    );
    const newOne = (await state(againId)).status;
    rows.push({
      fault: `disk for renditions full (${mounted ? 'FILES_DIR on a 1 MB tmpfs with 4 KB free' : 'a storage adapter whose writes get ENOSPC'}), a per-addressee rendition requested, organizations written every 50 ms; space freed after ${((freedAt - failedAt) / 1000).toFixed(0)} s`,
      db: kind,
      acknowledged: `1 rendition (202), ${acknowledged - 1} organizations (201)`,
      stored: `${stored} organizations (${acknowledged - 1 - stored} lost); rendition \`failed\`: "${error}", ${leftover.length} files left behind${leftover.length ? ` (${leftover.join(', ')})` : ''}`,
      mails: '—',
      recover: `rendition done ${(recovered / 1000).toFixed(1)} s after space was freed (the queue's retry, attempt ${attempts}); a new rendition afterwards: ${newOne}`,
      health: saw503()
        ? '503 at some point'
        : 'ok throughout (the disk is not part of /health; the failure shows on the rendition)',
    });
  } finally {
    files.write = write;
    await h.tearDown();
    if (mounted) execFileSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const only = (process.env.FAULTS ?? 'kill,redis,postgres,smtp,disk').split(',');
  const kinds = (process.env.FAULTS_DATABASES ?? 'sqlite,postgres').split(',') as Kind[];
  const rounds = Number(process.env.FAULTS_KILL_ROUNDS ?? 1);
  const step = async (name: string, work: () => Promise<void>) => {
    const started = Date.now();
    process.stderr.write(`faults: ${name} ...\n`);
    try {
      await work();
    } catch (error) {
      rows.push({
        fault: name,
        db: '',
        acknowledged: '',
        stored: '',
        mails: '',
        recover: `ERROR: ${(error as Error).message}`,
        health: '',
      });
    }
    process.stderr.write(
      `faults: ${name} done in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
    );
  };
  for (const kind of kinds) {
    if (only.includes('kill'))
      for (let r = 1; r <= rounds; r++)
        await step(`kill -9 (${kind}, round ${r})`, () => killDuringSend(kind, r));
    if (only.includes('redis')) await step(`redis (${kind})`, () => redisDuringSignOns(kind));
    if (only.includes('smtp')) await step(`smtp (${kind})`, () => smtpFaults(kind));
    if (only.includes('disk')) await step(`disk (${kind})`, () => diskFull(kind));
  }
  if (only.includes('postgres') && kinds.includes('postgres'))
    await step('postgres', () => postgresDuringWrites());

  const header = [
    'fault',
    'database',
    'acknowledged',
    'stored',
    'mails sent',
    'recovery',
    '/health',
  ];
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map(
      (r) =>
        `| ${[r.fault, r.db, r.acknowledged, r.stored, r.mails, r.recover, r.health].join(' | ')} |`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exit(
    rows.some((r) => r.recover.startsWith('ERROR') || / [1-9]\d* lost/.test(r.stored)) ? 1 : 0,
  );
}

void main();
