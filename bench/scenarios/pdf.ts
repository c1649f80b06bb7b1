// Scenario 1 of issue 8: the final letter with 100, 1,000 and 10,000 signatories (the
// fixture's organizations, every script, made unique), rendered
//   - by the renderer alone, in a child process per size (peak RSS is its own),
//   - through the whole job path of the built app (POST a rendition, poll until done),
//   - and, as the peer, as an HTML page printed to PDF by headless Chromium.
// Each: median of 5 after a warm-up. The checks read the PDFs back.
import {
  parseLetterSettings,
  renditionDocuments,
  type FrozenSignatory,
  type LetterContent,
} from '@app/domain';
import type { LetterDocument } from '@app/pdf';
import { pdftotext } from '@app/pdf/testing/poppler';
import { readPdf, type PdfContent } from '@app/pdf/testing/read-pdf';
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import ts from 'typescript';
import { startApp, type AppProcess } from '../lib/app-process';
import { createDatabase } from '../lib/databases';
import type { Row, ScenarioReport } from '../lib/report';
import type { Scenario } from '../lib/scenario';
import { Api, organizations, query, seedLetter } from '../lib/seed';
import { mb, median, ms, msSince } from '../lib/stats';
import { startFontServer } from './pdf/font-server';
import { letterHtml } from './pdf/letter-html';
import type { RenderReply, RenderRequest } from './pdf/render-child';

const SIZES = [100, 1_000, 10_000] as const;
const RUNS = 5;
const POLL_MS = 10;
const ROOT = join(__dirname, '..', '..');
const RENDERER = join(ROOT, 'dist', 'libs', 'pdf', 'src', 'index.js');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
];
// Names the checks look for: every script of the fixture (the list is alphabetical, so the
// round suffixes " 2", " 3"… of later names follow their base name).
const SAMPLE_NAMES = [
  'Access to Information Project (ATIP)',
  'مركز حماية الصحفيين',
  "Arab Reporters' Network – شبكة الصحفيين العرب",
  'Hong Kong Journalists Abroad 香港記者在海外',
  '日本報道の自由協会',
  'Ελληνική Ένωση για τα Δικαιώματα του Ανθρώπου',
  'Ассоциация независимых журналистов',
  'Free Speech Ukraine / Вільне слово',
  'Việt Nam Free Press Coalition',
];

const TARGET = {
  renderer100Ms: 100,
  renderer10kMs: 500,
  renderer10kRss: 250 * 1024 * 1024,
  chromiumRatio: 20,
};

type Size = (typeof SIZES)[number];
type Check = ScenarioReport['checks'][number];
const count = (n: number) => n.toLocaleString('en-US');
const sleep = (milliseconds: number) => new Promise((r) => setTimeout(r, milliseconds));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const note = (what: string) => process.stderr.write(`pdf: ${what}…\n`);

interface RenditionFileView {
  pages: number;
  sha256: string;
  bytes: number;
}
interface RenditionView {
  id: string;
  status: string;
  signatoryCount: number;
  files: RenditionFileView[];
  error?: string;
}

interface JobRun {
  id: string;
  /** POST to the first GET that answers `done`. */
  ms: number;
  /** In the worker: claimed (`started_at`) to done (`finished_at`). */
  workerMs: number;
  file: RenditionFileView;
  signatoryCount: number;
}

interface JobResult {
  runs: JobRun[];
  warmUp: JobRun;
  /** The rendition's input, rebuilt as the job builds it, for the renderer alone. */
  document: LetterDocument;
  download: { bytes: number; sha256: string };
  /** The downloaded file of the last run: rendered in the worker, after its warm-up. */
  pdf: Uint8Array;
  addSignaturesMs: number;
  /** VmHWM of the API process (fresh for each size): once started, and after the renders. */
  rss: { start: number; peak: number };
}

// --- the whole job path -----------------------------------------------------------------

/** Confirmed, public sign-ons recorded by the coordinator: no invitations needed. */
async function addSignatures(api: Api, letterId: string, from: number, to: number) {
  const all = organizations(to);
  let next = from;
  const worker = async () => {
    while (next < to) {
      const organization = all[next++];
      await api.call('POST', `/api/letters/${letterId}/signatures`, {
        displayName: organization.name,
        signerName: 'Bench Signer',
        country: organization.country,
        visibility: 'public',
        authorized: true,
      });
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

// The shared Api keeps its token to itself: the file (not JSON) is downloaded with it, and
// the same user goes on in the restarted app (same database and APP_SECRET).
const bearerOf = (api: Api) => (api as unknown as { token: string }).token;
function sameUser(api: Api, url: string): Api {
  const next = new Api(url);
  (next as unknown as { token: string }).token = bearerOf(api);
  return next;
}

// TypeORM keeps SQLite datetimes as UTC text, "2026-03-02 09:30:00.123".
const sqliteTime = (value: string) => Date.parse(`${value.replace(' ', 'T')}Z`);

async function renderThroughJob(app: AppProcess, api: Api, letterId: string): Promise<JobRun> {
  const start = process.hrtime.bigint();
  const { id } = (await api.call<{ id: string }>('POST', `/api/letters/${letterId}/renditions`, {}))
    .body;
  for (;;) {
    const view = (await api.call<RenditionView>('GET', `/api/renditions/${id}`)).body;
    if (view.status === 'done') {
      const elapsed = msSince(start);
      const [row] = await query<{ started_at: string; finished_at: string }>(
        app.env.DATABASE_URL,
        'SELECT started_at, finished_at FROM renditions WHERE id = $1',
        [id],
      );
      return {
        id,
        ms: elapsed,
        workerMs: sqliteTime(row.finished_at) - sqliteTime(row.started_at),
        file: view.files[0],
        signatoryCount: view.signatoryCount,
      };
    }
    if (view.status === 'failed') throw new Error(`rendition ${id} failed: ${view.error}`);
    await sleep(POLL_MS);
  }
}

/** The LetterDocument the job gave the renderer (RenditionRenderer.documents, combined). */
async function renditionDocument(
  app: AppProcess,
  api: Api,
  letterId: string,
  renditionId: string,
): Promise<LetterDocument> {
  const databaseUrl = app.env.DATABASE_URL;
  const [rendition] = await query<{ signatories: string; unnamed_count: number; revision: number }>(
    databaseUrl,
    'SELECT signatories, unnamed_count, revision FROM renditions WHERE id = $1',
    [renditionId],
  );
  const [letter] = await query<{ settings: string; campaign_id: string }>(
    databaseUrl,
    'SELECT settings, campaign_id FROM letters WHERE id = $1',
    [letterId],
  );
  const [workspace] = await query<{ name: string }>(
    databaseUrl,
    'SELECT w.name FROM workspaces w JOIN campaigns c ON c.workspace_id = w.id WHERE c.id = $1',
    [letter.campaign_id],
  );
  const revision = (
    await api.call<{
      content: LetterContent;
      createdAt: string;
    }>('GET', `/api/letters/${letterId}/revisions/${rendition.revision}`)
  ).body;
  const [document] = renditionDocuments({
    content: revision.content,
    settings: parseLetterSettings(letter.settings),
    signatories: JSON.parse(rendition.signatories) as FrozenSignatory[],
    unnamedCount: rendition.unnamed_count,
    variant: 'combined',
    edition: 'delivery',
    workspaceName: workspace.name,
    revisionCreatedAt: revision.createdAt,
  });
  return document;
}

async function measureJobPath(): Promise<Map<Size, JobResult>> {
  const db = await createDatabase('sqlite');
  const start = () =>
    startApp({ databaseUrl: db.url, worker: 'inline', env: { RATE_LIMIT_PER_MINUTE: '10000000' } });
  let app = await start();
  const bySize = new Map<Size, JobResult>();
  try {
    const seeded = await seedLetter(app.url, 1);
    const { letterId } = seeded;
    let api = seeded.api;
    let signed = 0;
    for (const size of SIZES) {
      const addStart = process.hrtime.bigint();
      await addSignatures(api, letterId, signed, size);
      const addSignaturesMs = msSince(addStart);
      signed = size;
      // A fresh API process for the job path, so that its peak RSS is not the sign-ons'.
      await app.stop();
      app = await start();
      api = sameUser(api, app.url);
      const startRss = app.peakRss();
      const warmUp = await renderThroughJob(app, api, letterId);
      const runs: JobRun[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await renderThroughJob(app, api, letterId));
      const peakRss = app.peakRss();
      const last = runs[runs.length - 1];
      const response = await fetch(`${app.url}/api/renditions/${last.id}/file`, {
        headers: { Authorization: `Bearer ${bearerOf(api)}` },
      });
      const downloaded = new Uint8Array(await response.arrayBuffer());
      bySize.set(size, {
        runs,
        warmUp,
        document: await renditionDocument(app, api, letterId, last.id),
        download: { bytes: downloaded.length, sha256: sha256(downloaded) },
        pdf: downloaded,
        addSignaturesMs,
        rss: { start: startRss, peak: peakRss },
      });
    }
    return bySize;
  } finally {
    await app.stop();
    await db.drop();
  }
}

// --- the renderer alone -------------------------------------------------------------------

/** render-child.ts as plain JavaScript, so that the child runs without ts-node. */
function compileChild(dir: string): string {
  const source = readFileSync(join(__dirname, 'pdf', 'render-child.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
  });
  const file = join(dir, 'render-child.js');
  writeFileSync(file, outputText);
  return file;
}

function renderInChild(childFile: string, request: RenderRequest): Promise<RenderReply> {
  return new Promise((resolve, reject) => {
    const child = fork(childFile, [], {
      execArgv: [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let answered = false;
    child.once('message', (message: { ok: boolean; reply?: RenderReply; error?: string }) => {
      answered = true;
      if (message.ok && message.reply) resolve(message.reply);
      else reject(new Error(`render child: ${message.error}`));
    });
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`render child exited with ${code} before answering`));
    });
    child.send(request);
  });
}

// --- the peer: headless Chromium -----------------------------------------------------------

interface ChromiumResult {
  timesMs: number[];
  warmUpMs: number;
  pdf: Buffer;
}

async function printWithChromium(context: BrowserContext, html: string): Promise<ChromiumResult> {
  const once = async (): Promise<{ ms: number; pdf: Buffer }> => {
    const page = await context.newPage();
    try {
      const start = process.hrtime.bigint();
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready.then(() => true)');
      const pdf = await page.pdf({
        format: 'Letter',
        margin: { top: '80px', bottom: '96px', left: '96px', right: '96px' }, // 60 and 72 pt
      });
      return { ms: msSince(start), pdf };
    } finally {
      await page.close();
    }
  };
  const warmUp = await once();
  const timesMs: number[] = [];
  let last = warmUp;
  for (let i = 0; i < RUNS; i++) {
    last = await once();
    timesMs.push(last.ms);
  }
  return { timesMs, warmUpMs: warmUp.ms, pdf: last.pdf };
}

// --- checks ---------------------------------------------------------------------------------

// Footers sit 40 pt above the bottom edge; the list is above 60 pt.
const isFooter = (line: PdfContent['lines'][number]) => line.y < 50;

/** Where the list starts: after its heading, or after the closing when it has none. */
function listStart(lines: string[], document: LetterDocument): number {
  const { listHeading, closing } = document.content;
  const marker = listHeading?.trim() || closing.trim();
  return lines.findIndex((line) => line.trim() === marker);
}

/** The list's entries as pdf.js reads them: "7. Name", wrapped lines joined to their entry. */
function listEntries(pdf: PdfContent, document: LetterDocument): string[] {
  const start = listStart(
    pdf.lines.map((line) => line.text),
    document,
  );
  if (start < 0) return [];
  const entries: string[] = [];
  for (const line of pdf.lines.slice(start + 1)) {
    if (isFooter(line)) continue;
    if (/^\d+\. /.test(line.text) || entries.length === 0) entries.push(line.text);
    else entries[entries.length - 1] += ` ${line.text}`;
  }
  return entries;
}

const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
const words = (text: string) => text.split(' ').sort().join(' ');

/**
 * Every name once, numbered, in the job's order. pdf.js reads text in visual order, so in a
 * name with right-to-left words only the words are compared, not their order ("Network –
 * شبكة الصحفيين العرب 2" is drawn, correctly, with the 2 left of the Arabic).
 */
function checkNames(pdf: PdfContent, document: LetterDocument): Check {
  const entries = listEntries(pdf, document);
  const expected = document.signatories.map((s, i) => `${i + 1}. ${s.displayName}`);
  const wrong: string[] = [];
  let exact = 0;
  for (let i = 0; i < Math.max(entries.length, expected.length); i++) {
    const [found, wanted] = [entries[i], expected[i]];
    if (found === wanted) exact++;
    else if (!(found && wanted && RTL.test(wanted) && words(found) === words(wanted))) {
      wrong.push(`#${i + 1}: "${found}" ≠ "${wanted}"`);
    }
  }
  const scripts = SAMPLE_NAMES.filter((name) => entries.some((e) => e.endsWith(`. ${name}`)));
  return {
    what: `renderer, ${count(expected.length)}: pdf.js reads back every name exactly once, numbered, in the job's order (all scripts)`,
    ok: wrong.length === 0 && scripts.length === SAMPLE_NAMES.length,
    detail:
      wrong.length === 0
        ? `${count(entries.length)} entries on ${pdf.pageCount} pages, ${count(exact)} letter for letter, ${count(entries.length - exact)} right-to-left ones word for word; ${scripts.length}/${SAMPLE_NAMES.length} sample names of every script found`
        : `${wrong.length} mismatches: ${wrong.slice(0, 5).join('; ')}`,
  };
}

const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * The same through poppler's `pdftotext -layout`, the text layer officials' document systems
 * read: every name numbered, in order (right-to-left ones word for word), so that a fast
 * renderer cannot be a wrong one. Entries are one line each here (wrapped names excepted:
 * their continuation lines, indented without a number, are joined to the entry).
 */
function checkPoppler(what: string, bytes: Uint8Array, document: LetterDocument): Check {
  const lines = pdftotext(bytes, { layout: true })
    .replace(BIDI_CONTROLS, '')
    .split('\n')
    // Footers ("Final edition   3 of 40") and the anonymous count after the last name.
    .filter((line) => !/\b\d+ of \d+\s*$|^\s*and [\d,]+ other organizations?\s*$/.test(line));
  const start = listStart(lines, document);
  const entries: string[] = [];
  for (const line of start < 0 ? [] : lines.slice(start + 1)) {
    const text = line.trim().replace(/\s+/g, ' ');
    if (text === '') continue;
    if (/^\d+\. /.test(text) || entries.length === 0) entries.push(text);
    else entries[entries.length - 1] += ` ${text}`;
  }
  const expected = document.signatories.map((s, i) => `${i + 1}. ${s.displayName}`);
  const wrong: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    const [found, wanted] = [entries[i], expected[i]];
    if (found === wanted) continue;
    if (!(found && RTL.test(wanted) && words(found) === words(wanted))) {
      wrong.push(`#${i + 1}: "${found}" ≠ "${wanted}"`);
    }
  }
  return {
    what: `${what}: pdftotext -layout reads back every name exactly once, numbered, in order`,
    ok: wrong.length === 0 && entries.length >= expected.length,
    detail:
      wrong.length === 0
        ? `${count(entries.length)} entries`
        : `${wrong.length} mismatches: ${wrong.slice(0, 5).join('; ')}`,
  };
}

// --- the scenario ----------------------------------------------------------------------------

async function runPdf(): Promise<ScenarioReport> {
  const work = mkdtempSync(join(tmpdir(), 'signatory-bench-pdf-'));
  const rows: Row[] = [];
  const checks: Check[] = [];
  const loadBefore = loadavg();
  try {
    // 1. The job path, which also gives the exact input the renderer got.
    note('job path (adding 10,000 sign-ons through the API takes a minute)');
    const jobs = await measureJobPath();

    // 2. The renderer alone, same input, one child process per size.
    note('renderer alone');
    const childFile = compileChild(work);
    const renderer = new Map<Size, RenderReply>();
    for (const size of SIZES) {
      const documentFile = join(work, `letter-${size}.json`);
      writeFileSync(documentFile, JSON.stringify(jobs.get(size)!.document));
      renderer.set(
        size,
        await renderInChild(childFile, {
          renderer: RENDERER,
          documentFile,
          pdfFile: join(work, `renderer-${size}.pdf`),
          runs: RUNS,
        }),
      );
    }

    // 3. Chromium, the same letter as HTML in the same fonts; one browser, one context (so
    // the fonts are cached after the warm-up), a new page per render.
    note('Chromium');
    const fonts = await startFontServer();
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const peer = new Map<Size, ChromiumResult>();
    try {
      const context = await browser.newContext();
      for (const size of SIZES) {
        peer.set(
          size,
          await printWithChromium(context, letterHtml(jobs.get(size)!.document, fonts)),
        );
      }
    } finally {
      await browser.close();
      await fonts.close();
    }

    // Rows.
    const rendererMedian = (size: Size) => median(renderer.get(size)!.timesMs);
    const jobMedian = (size: Size) => median(jobs.get(size)!.runs.map((r) => r.ms));
    const chromiumMedian = (size: Size) => median(peer.get(size)!.timesMs);
    for (const size of SIZES) {
      const value = rendererMedian(size);
      const target =
        size === 100 ? TARGET.renderer100Ms : size === 10_000 ? TARGET.renderer10kMs : undefined;
      const reply = renderer.get(size)!;
      rows.push({
        measure: `renderer alone, ${count(size)} signatories (${reply.pages} pages, ${Math.round(reply.bytes / 1024)} KB): median of ${RUNS}`,
        value: ms(value),
        ...(target !== undefined ? { target: `≤ ${ms(target)}`, met: value <= target } : {}),
      });
    }
    const big = renderer.get(10_000)!;
    rows.push({
      measure: `renderer alone, 10,000: CPU time per render (median; wall > CPU = machine busy)`,
      value: ms(median(big.cpuMs)),
    });
    rows.push({
      measure: 'renderer alone, 10,000: peak RSS of its process (warm-up + 5 renders)',
      value: mb(big.peakRss),
      target: `≤ ${mb(TARGET.renderer10kRss)}`,
      met: big.peakRss <= TARGET.renderer10kRss,
    });
    rows.push({
      measure: 'renderer alone, 100 / 1,000: peak RSS of its process',
      value: `${mb(renderer.get(100)!.peakRss)} / ${mb(renderer.get(1_000)!.peakRss)}`,
    });
    for (const size of SIZES) {
      const job = jobs.get(size)!;
      rows.push({
        measure: `job path (SQLite, inline worker), ${count(size)}: POST rendition → GET done, median of ${RUNS}`,
        value: ms(jobMedian(size)),
      });
      rows.push({
        measure: `  of which in the worker (claimed → done), median`,
        value: ms(median(job.runs.map((r) => r.workerMs))),
      });
    }
    rows.push({
      measure: 'job path: peak RSS of the API process (fresh per size), 100 / 1,000 / 10,000',
      value: SIZES.map((size) => mb(jobs.get(size)!.rss.peak)).join(' / '),
    });
    for (const size of SIZES) {
      rows.push({
        measure: `Chromium page.pdf(), ${count(size)}: setContent + pdf, median of ${RUNS}`,
        value: ms(chromiumMedian(size)),
      });
    }
    for (const size of SIZES) {
      const ratio = chromiumMedian(size) / rendererMedian(size);
      rows.push({
        measure: `Chromium / renderer, ${count(size)}`,
        value: `${ratio.toFixed(1)}×`,
        ...(size === 10_000
          ? { target: `≥ ${TARGET.chromiumRatio}×`, met: ratio >= TARGET.chromiumRatio }
          : {}),
      });
    }

    // Checks.
    for (const size of SIZES) {
      const reply = renderer.get(size)!;
      const job = jobs.get(size)!;
      const jobShas = [job.warmUp, ...job.runs].map((r) => r.file.sha256);
      checks.push({
        what: `renderer, ${count(size)}: a PDF with pages, the same bytes on every render`,
        ok: reply.pages > 0 && reply.bytes > 0 && new Set(reply.sha256s).size === 1,
        detail: `${reply.pages} pages, ${count(reply.bytes)} bytes, ${new Set(reply.sha256s).size} distinct sha256 in ${reply.sha256s.length} renders`,
      });
      checks.push({
        what: `job path, ${count(size)}: every rendition names ${count(size)} signatories and has the same sha256; the download is that file`,
        ok:
          [job.warmUp, ...job.runs].every((r) => r.signatoryCount === size) &&
          new Set(jobShas).size === 1 &&
          job.download.bytes === job.runs.at(-1)!.file.bytes &&
          job.download.sha256 === jobShas[0],
        detail: `${new Set(jobShas).size} distinct sha256 in ${jobShas.length} renditions; download ${count(job.download.bytes)} bytes`,
      });
      checks.push({
        what: `job path and renderer alone, ${count(size)}: the same input gives the same bytes`,
        ok: jobShas[0] === reply.sha256s[0] && job.runs[0].file.pages === reply.pages,
        detail: `${jobShas[0].slice(0, 12)}… vs ${reply.sha256s[0].slice(0, 12)}…`,
      });
      if (reply.warnings.length > 0) {
        checks.push({
          what: `renderer, ${count(size)}: no character without a font`,
          ok: false,
          detail: reply.warnings.slice(0, 2).join('; '),
        });
      }
    }
    note('reading the PDFs back');
    const bigPdf = await readPdf(readFileSync(join(work, 'renderer-10000.pdf')));
    checks.push({
      what: 'renderer, 10,000: pdf.js counts the pages the renderer reported',
      ok: bigPdf.pageCount === big.pages,
      detail: `${bigPdf.pageCount} vs ${big.pages}`,
    });
    checks.push(checkNames(bigPdf, jobs.get(10_000)!.document));
    const bigBytes = readFileSync(join(work, 'renderer-10000.pdf'));
    checks.push(checkPoppler('renderer, 10,000', bigBytes, jobs.get(10_000)!.document));
    for (const size of SIZES) {
      const job = jobs.get(size)!;
      checks.push(checkPoppler(`job path (worker), ${count(size)}`, job.pdf, job.document));
    }
    for (const size of [100, 10_000] as const) {
      const { pdf } = peer.get(size)!;
      const read = await readPdf(pdf);
      const text = read.lines.map((line) => line.text).join('\n');
      const names = jobs
        .get(size)!
        .document.signatories.map((s) => s.displayName)
        .filter((name) => /^[\x20-\x7e]+$/.test(name));
      const sample = [names[0], names[Math.floor(names.length / 2)], names[names.length - 1]];
      const found = sample.filter((name) => text.includes(name));
      checks.push({
        what: `Chromium, ${count(size)}: a PDF with pages that shows the first, middle and last Latin name`,
        ok:
          pdf.subarray(0, 5).toString('latin1') === '%PDF-' &&
          read.pageCount > 0 &&
          found.length === 3,
        detail: `${read.pageCount} pages, ${count(pdf.length)} bytes; found ${found.length}/3`,
      });
    }

    const data = {
      database: 'sqlite',
      loadAverage: { before: loadBefore, after: loadavg() },
      renderer: Object.fromEntries(
        SIZES.map((size) => {
          const { timesMs, cpuMs, warmUpMs, pages, bytes, peakRss, baselineRss } =
            renderer.get(size)!;
          return [size, { timesMs, cpuMs, warmUpMs, pages, bytes, peakRss, baselineRss }];
        }),
      ),
      jobPath: Object.fromEntries(
        SIZES.map((size) => {
          const job = jobs.get(size)!;
          return [
            size,
            {
              timesMs: job.runs.map((r) => r.ms),
              workerMs: job.runs.map((r) => r.workerMs),
              warmUpMs: job.warmUp.ms,
              sha256: job.runs[0].file.sha256,
              addSignaturesMs: job.addSignaturesMs,
              rss: job.rss,
            },
          ];
        }),
      ),
      chromium: Object.fromEntries(
        SIZES.map((size) => {
          const { timesMs, warmUpMs, pdf } = peer.get(size)!;
          return [size, { timesMs, warmUpMs, bytes: pdf.length }];
        }),
      ),
    };
    return { scenario: 'pdf', rows, checks, data };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export const pdf: Scenario = {
  name: 'pdf',
  description:
    'the final letter with 100, 1,000 and 10,000 signatories (organizations.csv, every script, made unique; ' +
    'added as confirmed sign-ons through POST /api/letters/:lid/signatures), each timed as the median of 5 ' +
    'after a warm-up: the built renderer alone (a child process per size); the whole job path, POST rendition ' +
    'to GET done (SQLite, inline worker, a fresh API process per size, default 500 ms outbox poll); and, as the ' +
    "peer, headless Chromium printing the same letter as HTML in the renderer's own fonts",
  run: runPdf,
};
