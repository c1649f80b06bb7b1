// Scenario 3 of issue 8: invite 10,000 organizations and time the mail path end to end
// (invite transaction → outbox → BullMQ → worker → pooled nodemailer → SMTP sink), held
// against a plain nodemailer pool sending the same messages to the same sink.
import { SMTP_POOL_OPTIONS } from '@app/mail';
import { readFileSync } from 'node:fs';
import { startApp, type AppProcess } from '../lib/app-process';
import { createDatabase, type BenchDatabase, type DatabaseKind } from '../lib/databases';
import type { Row, ScenarioReport } from '../lib/report';
import type { Scenario } from '../lib/scenario';
import { query, seedLetter } from '../lib/seed';
import { startSinkProcess, type SinkProcess } from '../lib/smtp-sink-process';
import { mb, msSince } from '../lib/stats';
import { plainPoolSend, type SampleMail } from './invite/ceiling';

const COUNT = Number(process.env.BENCH_INVITE_COUNT ?? 10_000);
const TARGET_MS = 10_000;
const TARGET_RATIO = 0.7;
/** PostgreSQL (the production database) carries the targets; SQLite is reported alongside. */
const DATABASES = (process.env.BENCH_DATABASES ?? 'postgres,sqlite')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean) as DatabaseKind[];
const DELIVERY_TIMEOUT_MS = 300_000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rate = (ms: number) => COUNT / (ms / 1000);

interface InviteRun {
  database: DatabaseKind;
  seedMs: number;
  /** POST /invitations until its 202 (the invite transaction). */
  inviteRequestMs: number;
  /** POST /invitations until the sink accepted the last message. */
  deliveredMs: number;
  /** POST /invitations until every invitation was recorded `sent` in the database. */
  recordedMs: number;
  /** [ms since the POST, messages accepted by the sink], about every second. */
  progress: [number, number][];
  /** CPU time (user + system) the API and the worker used from the POST to the last message. */
  cpu: { api: number; worker: number };
  apiPeakRss: number;
  workerPeakRss: number;
  sink: { accepted: number; recipients: number; duplicated: number };
  invitations: { total: number; sentWithMessageId: number; mailsSent: number };
  /** The plain pool, run right after (the app stopped), on the same machine load. */
  ceiling: Awaited<ReturnType<typeof plainPoolSend>>;
}

/** CPU time (user + system) a process has used so far, from /proc (USER_HZ = 100). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function invitationCounts(db: BenchDatabase, letterId: string) {
  const [row] = await query<{ total: number; sent: number }>(
    db.url,
    `SELECT COUNT(*) AS total,
            SUM(CASE WHEN status = 'sent' AND message_id IS NOT NULL AND sent_at IS NOT NULL
                     THEN 1 ELSE 0 END) AS sent
       FROM invitations WHERE letter_id = $1`,
    [letterId],
  );
  return { total: Number(row.total), sent: Number(row.sent ?? 0) };
}

/** Polls the sink until it accepted `COUNT` messages; answers the progress seen. */
async function waitForDelivery(sink: SinkProcess, start: bigint): Promise<[number, number][]> {
  const progress: [number, number][] = [];
  for (;;) {
    const { accepted } = await sink.stats();
    const at = Math.round(msSince(start));
    if (!progress.length || at - progress.at(-1)![0] >= 1000 || accepted >= COUNT) {
      progress.push([at, accepted]);
    }
    if (accepted >= COUNT) return progress;
    if (at > DELIVERY_TIMEOUT_MS) {
      throw new Error(`SMTP sink: ${accepted} of ${COUNT} messages after ${at} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function runOnce(kind: DatabaseKind, sink: SinkProcess): Promise<InviteRun> {
  const db = await createDatabase(kind);
  let app: AppProcess | undefined;
  try {
    app = await startApp({
      databaseUrl: db.url,
      smtpUrl: sink.url,
      worker: 'separate',
      env: {
        MAIL_PER_MINUTE: '100000',
        RATE_LIMIT_PER_MINUTE: '1000000',
        MAIL_FROM: 'Signatory <no-reply@bench.example>',
      },
    });
    const seedStart = process.hrtime.bigint();
    const seeded = await seedLetter(app.url, COUNT);
    const seedMs = msSince(seedStart);
    await sink.reset();

    const cpuBefore = { api: cpuMs(app.pid), worker: cpuMs(app.worker!.pid) };
    const start = process.hrtime.bigint();
    const answer = await seeded.api.call<{ queued: number; alreadyInvited: number }>(
      'POST',
      `/api/letters/${seeded.letterId}/invitations`,
      { allOrganizations: true },
    );
    const inviteRequestMs = msSince(start);
    if (answer.body.queued !== COUNT) {
      throw new Error(`the invitation queued ${answer.body.queued}, expected ${COUNT}`);
    }
    const progress = await waitForDelivery(sink, start);
    const deliveredMs = msSince(start);
    const cpu = {
      api: cpuMs(app.pid) - cpuBefore.api,
      worker: cpuMs(app.worker!.pid) - cpuBefore.worker,
    };
    const deadline = Date.now() + 120_000;
    while ((await invitationCounts(db, seeded.letterId)).sent < COUNT && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const recordedMs = msSince(start);
    // A duplicate still in flight would arrive now.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const stats = await sink.stats();
    const counts = await invitationCounts(db, seeded.letterId);
    const [mails] = await query<{ sent: number }>(
      db.url,
      `SELECT COUNT(*) AS sent FROM mail_messages WHERE status = 'sent' AND message_id IS NOT NULL`,
    );
    // The ceiling sends a real invitation, as the product rendered and stored it.
    const [sample] = await query<SampleMail & { reply_to: string | null }>(
      db.url,
      `SELECT from_address AS "from", reply_to, subject, text_body AS text, html_body AS html
         FROM mail_messages LIMIT 1`,
    );
    const apiPeakRss = app.peakRss();
    const workerPeakRss = app.worker!.peakRss();
    await app.stop();
    app = undefined;
    const ceiling = await plainPoolSend(sink, { ...sample, replyTo: sample.reply_to }, COUNT);
    return {
      database: kind,
      seedMs,
      inviteRequestMs,
      deliveredMs,
      recordedMs,
      progress,
      cpu,
      apiPeakRss,
      workerPeakRss,
      sink: {
        accepted: stats.accepted,
        recipients: stats.recipients,
        duplicated: stats.duplicated,
      },
      invitations: {
        total: counts.total,
        sentWithMessageId: counts.sent,
        mailsSent: Number(mails.sent),
      },
      ceiling,
    };
  } finally {
    await app?.stop();
    await db.drop();
  }
}

function report(
  run: InviteRun,
  withTargets: boolean,
): { rows: Row[]; checks: ScenarioReport['checks'] } {
  const label = `[${run.database}]`;
  const ratio = rate(run.deliveredMs) / rate(run.ceiling.ms);
  const target = (text: string, met: boolean) => (withTargets ? { target: text, met } : {});
  return {
    rows: [
      { measure: `${label} seed ${COUNT} organizations and a letter`, value: seconds(run.seedMs) },
      { measure: `${label} invite request (202)`, value: seconds(run.inviteRequestMs) },
      {
        measure: `${label} ${COUNT} delivered to the SMTP sink`,
        value: seconds(run.deliveredMs),
        ...target(`≤ ${TARGET_MS / 1000} s`, run.deliveredMs <= TARGET_MS),
      },
      { measure: `${label} messages/s`, value: `${Math.round(rate(run.deliveredMs))}` },
      {
        measure: `${label} plain nodemailer pool (${SMTP_POOL_OPTIONS.maxConnections} connections), same messages`,
        value: `${seconds(run.ceiling.ms)}, ${Math.round(rate(run.ceiling.ms))} messages/s`,
      },
      {
        measure: `${label} ratio to the plain pool`,
        value: `${ratio.toFixed(2)}×`,
        ...target(`≥ ${TARGET_RATIO}×`, ratio >= TARGET_RATIO),
      },
      { measure: `${label} every invitation recorded sent`, value: seconds(run.recordedMs) },
      {
        measure: `${label} CPU per message: worker, API; plain pool`,
        value: `${(run.cpu.worker / COUNT).toFixed(2)} ms, ${(run.cpu.api / COUNT).toFixed(2)} ms; ${(run.ceiling.cpuMs / COUNT).toFixed(2)} ms`,
      },
      { measure: `${label} peak RSS, API`, value: mb(run.apiPeakRss) },
      { measure: `${label} peak RSS, worker`, value: mb(run.workerPeakRss) },
    ],
    checks: [
      {
        what: `${label} the sink accepted exactly ${COUNT} messages`,
        ok: run.sink.accepted === COUNT,
        detail: `${run.sink.accepted}`,
      },
      {
        what: `${label} ${COUNT} distinct recipients, none duplicated`,
        ok: run.sink.recipients === COUNT && run.sink.duplicated === 0,
        detail: `${run.sink.recipients} recipients, ${run.sink.duplicated} duplicated`,
      },
      {
        what: `${label} every invitation is sent with a Message-ID`,
        ok:
          run.invitations.total === COUNT &&
          run.invitations.sentWithMessageId === COUNT &&
          run.invitations.mailsSent === COUNT,
        detail: `${run.invitations.sentWithMessageId} of ${run.invitations.total} invitations, ${run.invitations.mailsSent} mails sent`,
      },
      {
        what: `${label} plain pool: ${COUNT} messages to ${COUNT} recipients, none duplicated`,
        ok:
          run.ceiling.accepted === COUNT &&
          run.ceiling.recipients === COUNT &&
          run.ceiling.duplicated === 0,
        detail: `${run.ceiling.accepted} accepted`,
      },
    ],
  };
}

export const invite: Scenario = {
  name: 'invite',
  description: `invite ${COUNT} organizations: outbox → BullMQ → worker → nodemailer pool → SMTP sink`,
  async run(): Promise<ScenarioReport> {
    const sink = await startSinkProcess();
    try {
      const runs: InviteRun[] = [];
      for (const kind of DATABASES) runs.push(await runOnce(kind, sink));
      const parts = runs.map((run, i) => report(run, i === 0));
      return {
        scenario: 'invite',
        rows: parts.flatMap((p) => p.rows),
        checks: parts.flatMap((p) => p.checks),
        data: {
          count: COUNT,
          smtpPool: SMTP_POOL_OPTIONS,
          runs: runs.map((run) => ({
            ...run,
            perSecond: rate(run.deliveredMs),
            ceilingPerSecond: rate(run.ceiling.ms),
            ratio: rate(run.deliveredMs) / rate(run.ceiling.ms),
          })),
        },
      };
    } finally {
      await sink.stop();
    }
  },
};
