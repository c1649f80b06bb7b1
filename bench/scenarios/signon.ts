// Scenario 2 of issue 8: autocannon against POST /api/sign/:token with 10,000 distinct valid
// links, 32 connections, 20 s, on SQLite and on PostgreSQL; the ceiling is GET /api/ping in
// the same app, measured just before. Afterwards every 201 must be exactly one signature.
import {
  acrossDatabases,
  createDatabase,
  type DatabaseKind,
  type Measured,
} from '../lib/databases';
import { startApp } from '../lib/app-process';
import type { Row, ScenarioReport } from '../lib/report';
import type { Scenario } from '../lib/scenario';
import { query } from '../lib/seed';
import { mb, ms, msSince } from '../lib/stats';
import { benchEnv, invitedLetter, signBody } from './signon/invited-letter';
import { ceiling, run, summarize } from './signon/load';

const LINKS = 10_000;
const CONNECTIONS = 32;
const SECONDS = 20;
const CEILING_SECONDS = 10;

const label: Record<DatabaseKind, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

const rate = (n: number) => `${Math.round(n).toLocaleString('en-US')}/s`;
const count = (n: number) => n.toLocaleString('en-US');

async function measure(kind: DatabaseKind): Promise<Measured> {
  const db = await createDatabase(kind);
  const app = await startApp({ databaseUrl: db.url, worker: 'none', env: benchEnv });
  try {
    const seedStart = process.hrtime.bigint();
    const letter = await invitedLetter(app, LINKS);
    const seedMs = msSince(seedStart);
    const { links } = letter;
    const bodies = links.map(signBody);

    // Warm up: the ceiling route, then the sign-on page's read path (GET changes nothing).
    await run({ url: `${app.url}/api/ping`, connections: 8, duration: 2 });
    let warm = 0;
    await run({
      url: app.url,
      connections: 8,
      duration: 3,
      requests: [
        {
          method: 'GET',
          setupRequest: (req) => ({ ...req, path: `/api/sign/${links[warm++ % LINKS].token}` }),
        },
      ],
    });

    const bare = await ceiling(app.url, CONNECTIONS, CEILING_SECONDS);

    // Round robin over the links: the first pass signs on (201), later passes repeat an
    // identical submission (200, the same signature, nothing written). Every answer is
    // accounted to its link, so that the database can be checked link by link.
    let next = 0;
    let created = 0;
    let allCreatedMs = 0;
    const sent = new Uint32Array(LINKS);
    const answers = new Uint32Array(LINKS);
    const answers201 = new Uint32Array(LINKS);
    const start = process.hrtime.bigint();
    const raw = await run(
      {
        url: app.url,
        connections: CONNECTIONS,
        duration: SECONDS,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'user-agent': 'bench/autocannon' },
            setupRequest: (req, context) => {
              const i = next++ % LINKS;
              sent[i]++;
              (context as { link?: number }).link = i;
              return { ...req, path: `/api/sign/${links[i].token}`, body: bodies[i] };
            },
            onResponse: (status, _body, context) => {
              const i = (context as { link: number }).link;
              answers[i]++;
              if (status === 201) answers201[i]++;
            },
          },
        ],
      },
      (status) => {
        if (status === 201 && ++created === LINKS) allCreatedMs = msSince(start);
      },
    );
    const signOn = summarize(raw);
    const answered201 = signOn.statuses['201'] ?? 0;
    const answered200 = signOn.statuses['200'] ?? 0;

    // The run stops with up to one request per connection unanswered: the app still
    // completes those. Wait until it has, then compare link by link.
    const url = app.env.DATABASE_URL;
    const one = async (sql: string) =>
      Number(
        Object.values((await query<Record<string, unknown>>(url, sql, [letter.letterId]))[0])[0],
      );
    await settled(() => one("SELECT COUNT(*) FROM mail_messages WHERE context = 'letter:' || $1"));
    const perOrganization = new Map(
      (
        await query<{ organization_id: string; n: number | string }>(
          url,
          `SELECT organization_id, COUNT(*) AS n FROM signatures WHERE letter_id = $1
            GROUP BY organization_id`,
          [letter.letterId],
        )
      ).map((r) => [r.organization_id, Number(r.n)]),
    );
    let lost = 0;
    let doubled = 0;
    let cutOff = 0;
    let linksTried = 0;
    links.forEach((link, i) => {
      const rows = perOrganization.get(link.organizationId) ?? 0;
      if (sent[i]) linksTried++;
      if (answers201[i] && !rows) lost++;
      if (answers201[i] > 1 || rows > 1) doubled++;
      // Signed, but no 201 was seen: fine only if the run cut its answer off.
      if (rows && !answers201[i]) {
        if (sent[i] > answers[i]) cutOff++;
        else doubled++;
      }
    });
    const signatures = await one('SELECT COUNT(*) FROM signatures WHERE letter_id = $1');
    const live = await one(
      'SELECT COUNT(*) FROM signatures WHERE letter_id = $1 AND live_key IS NOT NULL',
    );
    const invitationsSigned = await one(
      "SELECT COUNT(*) FROM invitations WHERE letter_id = $1 AND status = 'signed'",
    );
    const signedEvents = await one(
      "SELECT COUNT(*) FROM audit_events WHERE letter_id = $1 AND action = 'signature.signed'",
    );
    const receipts = await one(
      "SELECT COUNT(*) FROM mail_messages WHERE context = 'letter:' || $1",
    );
    const chain = await letter.api.call<{ valid: boolean; events: number; brokenAt?: number }>(
      'GET',
      `/api/letters/${letter.letterId}/audit/verify`,
    );

    const name = label[kind];
    const pg = kind === 'postgres';
    const ratio = signOn.requestsPerSecond / bare.requestsPerSecond;
    const firstPassRate = allCreatedMs ? LINKS / (allCreatedMs / 1000) : answered201 / SECONDS;
    const rows: Row[] = [
      {
        measure: `${name}: sign-on requests/s (${count(signOn.total)} in ${signOn.durationS} s)`,
        value: rate(signOn.requestsPerSecond),
        ...(pg ? { target: '≥ 2,000/s', met: signOn.requestsPerSecond >= 2000 } : {}),
      },
      {
        measure: `${name}: new sign-ons/s (${count(answered201)} × 201${allCreatedMs ? `, all ${count(LINKS)} in ${(allCreatedMs / 1000).toFixed(1)} s` : ''})`,
        value: rate(firstPassRate),
      },
      {
        measure: `${name}: sign-on latency p50`,
        value: ms(signOn.p50),
      },
      {
        measure: `${name}: sign-on latency p99`,
        value: ms(signOn.p99),
        ...(pg ? { target: '≤ 25 ms', met: signOn.p99 <= 25 } : {}),
      },
      {
        measure: `${name}: bare endpoint GET /api/ping requests/s (p50 ${ms(bare.p50)}, p99 ${ms(bare.p99)})`,
        value: rate(bare.requestsPerSecond),
      },
      {
        measure: `${name}: sign-on ÷ bare endpoint`,
        value: `${ratio.toFixed(2)}×`,
        ...(pg ? { target: '≥ 0.5×', met: ratio >= 0.5 } : {}),
      },
      {
        measure: `${name}: answers 201 / 200 / other / socket errors`,
        value: `${count(answered201)} / ${count(answered200)} / ${count(signOn.non2xx)} / ${count(signOn.errors)}`,
      },
      {
        measure: `${name}: signatures lost / doubled`,
        value: `${lost} / ${doubled}`,
        target: '0 / 0',
        met: lost === 0 && doubled === 0,
      },
      { measure: `${name}: app peak RSS`, value: mb(app.peakRss()) },
    ];
    const checks: ScenarioReport['checks'] = [
      {
        what: `${name}: every answer 200 or 201, no socket error or timeout`,
        ok: signOn.total === answered200 + answered201 && signOn.errors === 0,
        detail: JSON.stringify({ statuses: signOn.statuses, errors: signOn.errors }),
      },
      {
        what: `${name}: signatures = 201 answers (+ the answers the end of the run cut off)`,
        ok:
          signatures === answered201 + cutOff &&
          signatures === linksTried &&
          live === signatures &&
          lost === 0 &&
          doubled === 0,
        detail: `${signatures} signatures, ${answered201} × 201 + ${cutOff} cut off, ${linksTried} links tried, ${live} live, ${lost} lost, ${doubled} doubled`,
      },
      {
        what: `${name}: one signed invitation, one signature.signed event, one receipt each`,
        ok:
          invitationsSigned === signatures &&
          signedEvents === signatures &&
          receipts === signatures,
        detail: `${invitationsSigned} invitations signed, ${signedEvents} events, ${receipts} receipts`,
      },
      {
        what: `${name}: audit chain verifies`,
        ok: chain.body.valid,
        detail: `${chain.body.events} events${chain.body.brokenAt ? `, broken at ${chain.body.brokenAt}` : ''}`,
      },
    ];
    return {
      rows,
      checks,
      data: {
        seedMs,
        signOn,
        bare,
        ratio,
        allCreatedMs,
        firstPassRate,
        signatures,
        cutOff,
        lost,
        doubled,
      },
    };
  } finally {
    await app.stop();
    await db.drop();
  }
}

/** Resolves once `read` gives the same answer four times in a row, 250 ms apart. */
async function settled(read: () => Promise<number>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  let same = 0;
  while (same < 4) {
    if (Date.now() > deadline) throw new Error('the app did not settle');
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await read();
    same = now === last ? same + 1 : 0;
    last = now;
  }
}

export const signon: Scenario = {
  name: 'signon',
  description: `POST /api/sign/:token, ${count(LINKS)} links, ${CONNECTIONS} connections, ${SECONDS} s, vs GET /api/ping; SQLite and PostgreSQL`,
  run: () => acrossDatabases('signon', ['sqlite', 'postgres'], measure),
};
