// Scenario 4 of issue 8: a letter with 10,000 signatures; p50/p99 of the coordinators'
// stats, the first page of the signatures list and the full CSV export. The signatures are
// made through the sign-on route itself (POST /api/sign/:token, each link once), so the
// rows, audit events and receipts are those real sign-ons leave.
import { parse } from 'csv-parse/sync';
import { startApp } from '../lib/app-process';
import { acrossDatabases, createDatabase, type DatabaseKind } from '../lib/databases';
import type { Row, ScenarioReport } from '../lib/report';
import type { Scenario } from '../lib/scenario';
import { query } from '../lib/seed';
import { mb, ms, msSince, percentile } from '../lib/stats';
import { benchEnv, invitedLetter, signBody, type InvitedLetter } from './signon/invited-letter';
import { run, summarize } from './signon/load';

const SIGNATURES = 10_000;
const REQUESTS = { stats: 200, page: 200, csv: 20 };
const WARM_UP = 5;

const label: Record<DatabaseKind, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

interface Timed {
  p50: number;
  p99: number;
  samples: number[];
}

/** `count` sequential requests after a few unmeasured ones; the last answer is kept. */
async function timed(
  count: number,
  request: () => Promise<Response>,
): Promise<Timed & { last: { response: Response; text: string } }> {
  let last: { response: Response; text: string } | undefined;
  const once = async () => {
    const response = await request();
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${response.status}: ${text.slice(0, 200)}`);
    last = { response, text };
  };
  for (let i = 0; i < WARM_UP; i++) await once();
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    await once();
    samples.push(msSince(start));
  }
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), samples, last: last! };
}

const summary = (set: Record<'stats' | 'page' | 'csv', Timed>) =>
  Object.fromEntries(
    Object.entries(set).map(([route, t]) => [
      route,
      { p50: t.p50, p99: t.p99, samples: t.samples },
    ]),
  );

/** Every link signs once, 32 at a time, through the sign-on route. */
export async function signAll(
  url: string,
  letter: InvitedLetter,
): Promise<{ ms: number; created: number }> {
  const bodies = letter.links.map(signBody);
  let next = 0;
  const start = process.hrtime.bigint();
  const result = summarize(
    await run({
      url,
      connections: 32,
      amount: letter.links.length,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': 'bench/autocannon' },
          setupRequest: (req) => {
            const i = next++;
            return { ...req, path: `/api/sign/${letter.links[i].token}`, body: bodies[i] };
          },
        },
      ],
    }),
  );
  return { ms: msSince(start), created: result.statuses['201'] ?? 0 };
}

async function measure(kind: DatabaseKind) {
  const db = await createDatabase(kind);
  const app = await startApp({ databaseUrl: db.url, worker: 'none', env: benchEnv });
  try {
    const letter = await invitedLetter(app, SIGNATURES);
    const signed = await signAll(app.url, letter);
    const lid = letter.letterId;
    const get = (path: string) => () =>
      fetch(`${app.url}/api/letters/${lid}${path}`, {
        headers: { Authorization: `Bearer ${letter.bearer}` },
      });

    const routes = async () => ({
      stats: await timed(REQUESTS.stats, get('/stats')),
      page: await timed(REQUESTS.page, get('/signatures')),
      csv: await timed(REQUESTS.csv, get('/signatures.csv')),
    });
    // Right after the sign-ons, as the planner's statistics are then (autovacuum may not
    // have analyzed the new rows yet); then, on PostgreSQL, as autovacuum soon leaves them.
    const fresh = await routes();
    const analyzed =
      kind === 'postgres'
        ? (await query(app.env.DATABASE_URL, 'VACUUM ANALYZE signatures, invitations'),
          await routes())
        : undefined;
    const { stats, page, csv } = fresh;
    // Correctness of what was timed.
    const numbers = JSON.parse(stats.last.text) as { signed: number; invited: number };
    const items = JSON.parse(page.last.text) as { id: string; signedAt: string }[];
    const total = Number(page.last.response.headers.get('x-total-count'));
    const ordered = items.every(
      (s, i) =>
        i === 0 ||
        items[i - 1].signedAt < s.signedAt ||
        (items[i - 1].signedAt === s.signedAt && items[i - 1].id < s.id),
    );
    const rows = parse<Record<string, string>>(csv.last.text, { columns: true, bom: true });
    const ids = new Set(
      (
        await query<{ id: string }>(
          app.env.DATABASE_URL,
          'SELECT id FROM signatures WHERE letter_id = $1',
          [lid],
        )
      ).map((r) => r.id),
    );
    const csvIds = new Set(rows.map((r) => r.id));
    const sameIds = csvIds.size === ids.size && [...ids].every((id) => csvIds.has(id));

    const name = label[kind];
    const csvMb = (Buffer.byteLength(csv.last.text) / 1024 / 1024).toFixed(1);
    const routeRows = (set: typeof fresh, when: string): Row[] =>
      (
        [
          ['GET /stats', set.stats, 30],
          ['GET /signatures (first page, 100)', set.page, 30],
          [`GET /signatures.csv (all, ${csvMb} MB)`, set.csv, 300],
        ] as const
      ).map(([what, t, target]) => ({
        measure: `${name}: ${what} p50 / p99${when}`,
        value: `${ms(t.p50)} / ${ms(t.p99)}`,
        target: `p50 ≤ ${target} ms`,
        met: t.p50 <= target,
      }));
    return {
      rows: [
        {
          measure: `${name}: seeding, ${SIGNATURES.toLocaleString('en-US')} sign-ons through POST /api/sign/:token`,
          value: `${(signed.ms / 1000).toFixed(1)} s`,
        },
        ...routeRows(fresh, ''),
        ...(analyzed ? routeRows(analyzed, ', after VACUUM ANALYZE') : []),
        { measure: `${name}: app peak RSS`, value: mb(app.peakRss()) },
      ] satisfies Row[],
      checks: [
        {
          what: `${name}: ${SIGNATURES} sign-ons answered 201`,
          ok: signed.created === SIGNATURES,
          detail: `${signed.created}`,
        },
        {
          what: `${name}: stats count ${SIGNATURES} signed of ${SIGNATURES} invited`,
          ok: numbers.signed === SIGNATURES && numbers.invited === SIGNATURES,
          detail: `signed ${numbers.signed}, invited ${numbers.invited}`,
        },
        {
          what: `${name}: first page is 100 signatures in signing order, X-Total-Count ${SIGNATURES}`,
          ok: items.length === 100 && ordered && total === SIGNATURES,
          detail: `${items.length} items, total ${total}, ordered ${ordered}`,
        },
        {
          what: `${name}: CSV has ${SIGNATURES} data rows, exactly the letter's signatures`,
          ok: rows.length === SIGNATURES && sameIds,
          detail: `${rows.length} rows, ${ids.size} signatures in the database`,
        },
      ] satisfies ScenarioReport['checks'],
      data: {
        seedSignMs: signed.ms,
        csvBytes: Buffer.byteLength(csv.last.text),
        fresh: summary(fresh),
        ...(analyzed ? { analyzed: summary(analyzed) } : {}),
      },
    };
  } finally {
    await app.stop();
    await db.drop();
  }
}

export const track: Scenario = {
  name: 'track',
  description: `stats, first page and full CSV of a letter with ${SIGNATURES.toLocaleString('en-US')} signatures; PostgreSQL and SQLite`,
  run: () => acrossDatabases('track', ['postgres', 'sqlite'], measure),
};
