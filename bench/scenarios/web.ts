// The web app in headless Chromium, against the built API on a fresh SQLite database:
//   - the JavaScript and CSS the browser downloads for the first screen, gzip -9 (the
//     target's unit) and the bytes actually transferred (as the server encodes them):
//     /sign-in, and the signed-in first screen (the workspace's campaigns);
//   - page.goto() of the letter editor → usable, with a 3,000-word draft (cold: a fresh
//     context each time, nothing cached; warm: the same page again);
//   - keystroke latency in the body editor with its live preview, and the preview's delay;
//   - a letter with 10,000 signatures: the dashboard usable, its API requests and bytes, the
//     signatures list's first page, paging and scrolling (web/dashboard.ts);
//   - the directory of its 10,000 organizations: first page, paging, sorting, a search
//     (web/directory.ts).
// Each measure is a step of STEPS, run in order on one seeded app and browser; a later
// measure is one more step.
import { loadavg } from 'node:os';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { markdownProblems } from '@app/markdown';
import { launchChromium } from '../../libs/testing/src/browser';
import { startApp, type AppProcess } from '../lib/app-process';
import { createDatabase, type Measured } from '../lib/databases';
import type { Row, ScenarioReport } from '../lib/report';
import type { Scenario } from '../lib/scenario';
import { Api, BENCH_ACCOUNT, fixtureLetter } from '../lib/seed';
import { median, ms, percentile } from '../lib/stats';
import { dashboard, signaturesList } from './web/dashboard';
import { directory } from './web/directory';
import { openEditor, typeAtEnd, withUsableProbe, type PerKey, type Usable } from './web/editor';
import { firstScreen, type FirstScreen } from './web/first-screen';
import { END_PHRASE, longLetterBody, wordCount } from './web/letter-body';
import { benchEnv } from './signon/invited-letter';

const TARGET = { firstScreenJsKb: 200, editorUsableMs: 1000, keystrokeMedianMs: 16 };
const NAVIGATIONS = Number(process.env.BENCH_WEB_NAVIGATIONS ?? 7);
const WORDS = 3000;
/** Typed at the end of the body, one key at a time: 100 characters, letters and spaces. */
const TYPED =
  ' We also ask that you answer this letter in writing within thirty days of receiving it and its annex';
const VIEWPORT = { width: 1280, height: 900 };

/** The seeded app and the browser every step works on. */
export interface WebBench {
  app: AppProcess;
  browser: Browser;
  workspaceId: string;
  campaignId: string;
  letterId: string;
  body: string;
  /** The coordinator's API client (signed in as the browser is). */
  api: Api;
  /** A context option set that is signed in as the coordinator (the session cookies). */
  signedIn: BrowserContextOptions;
}

/** One measure of the scenario. */
export interface WebStep {
  name: string;
  measure(bench: WebBench): Promise<Measured>;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const count = (n: number) => n.toLocaleString('en-US');

/** Account, workspace, campaign and a draft letter with a long body, through the HTTP API. */
async function seed(app: AppProcess, browser: Browser): Promise<WebBench> {
  const api = new Api(app.url);
  await api.register();
  const workspaceId = (
    await api.call<{ id: string }>('POST', '/api/workspaces', { name: 'Bench Coalition' })
  ).body.id;
  const campaignId = (
    await api.call<{ id: string }>('POST', `/api/workspaces/${workspaceId}/campaigns`, {
      name: 'Press freedom',
    })
  ).body.id;
  const body = longLetterBody(WORDS);
  const letterId = (
    await api.call<{ id: string }>('POST', `/api/campaigns/${campaignId}/letters`, {
      content: { ...fixtureLetter.content, body },
    })
  ).body.id;
  // Signed in as a browser is: the session and CSRF cookies of POST /api/auth/login.
  const context = await browser.newContext();
  try {
    const res = await context.request.post(`${app.url}/api/auth/login`, {
      data: { email: BENCH_ACCOUNT.email, password: BENCH_ACCOUNT.password },
    });
    if (!res.ok()) throw new Error(`login: ${res.status()} ${await res.text()}`);
    const signedIn = { storageState: await context.storageState(), viewport: VIEWPORT };
    return { app, browser, workspaceId, campaignId, letterId, body, api, signedIn };
  } finally {
    await context.close();
  }
}

function firstScreenStep(
  name: string,
  label: string,
  path: (bench: WebBench) => string,
  signedIn: boolean,
  heading: string,
): WebStep {
  return {
    name,
    async measure(bench) {
      const screen: FirstScreen = await firstScreen(
        bench.browser,
        `${bench.app.url}${path(bench)}`,
        signedIn ? bench.signedIn : { viewport: VIEWPORT },
        (page) => page.getByRole('heading', { level: 1, name: heading }).waitFor(),
      );
      const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;
      return {
        rows: [
          {
            measure: `${label}: JavaScript, gzip (${files(screen.js.files)}, ${kb(screen.js.bytes)} as served)`,
            value: kb(screen.js.gzipBytes),
            target: `≤ ${TARGET.firstScreenJsKb} KB`,
            met: screen.js.gzipBytes <= TARGET.firstScreenJsKb * 1024,
          },
          {
            measure: `${label}: CSS, gzip (${files(screen.css.files)}, ${kb(screen.css.bytes)} as served)`,
            value: kb(screen.css.gzipBytes),
          },
          {
            measure: `${label}: JavaScript / CSS as transferred (Content-Encoding: ${[...new Set([...screen.js.encodings, ...screen.css.encodings])].join(', ')})`,
            value: `${kb(screen.js.wireBytes)} / ${kb(screen.css.wireBytes)}`,
          },
        ],
        checks: [
          {
            what: `${label}: the screen showed its heading "${heading}" and loaded JavaScript and CSS`,
            ok: screen.js.files > 0 && screen.css.files > 0,
            detail: screen.downloads
              .map(
                (d) =>
                  `${d.url} ${kb(d.gzipBytes)} gzip, ${kb(d.wireBytes)} ${d.encoding ?? 'identity'}`,
              )
              .join(', '),
          },
        ],
        data: { ...screen },
      };
    },
  };
}

/** The editor opened `NAVIGATIONS` times, cold (fresh context each) and warm (same page). */
const editorUsable: WebStep = {
  name: 'editor',
  async measure(bench) {
    const url = `${bench.app.url}/w/${bench.workspaceId}/letters/${bench.letterId}/edit`;
    const cold: Usable[] = [];
    for (let i = 0; i < NAVIGATIONS; i++) {
      const context = await withUsableProbe(await bench.browser.newContext(bench.signedIn));
      try {
        cold.push(await openEditor(await context.newPage(), url));
      } finally {
        await context.close();
      }
    }
    const warm: Usable[] = [];
    const context = await withUsableProbe(await bench.browser.newContext(bench.signedIn));
    try {
      const page = await context.newPage();
      await openEditor(page, url); // fills the cache; not counted
      for (let i = 0; i < NAVIGATIONS; i++) warm.push(await openEditor(page, url));
    } finally {
      await context.close();
    }
    const row = (what: string, runs: Usable[], target: boolean): Row => {
      const m = median(runs.map((r) => r.ms));
      return {
        measure: `editor usable, ${what}: goto → usable, median of ${runs.length} (max)`,
        value: `${ms(m)} (${ms(Math.max(...runs.map((r) => r.ms)))})`,
        ...(target
          ? { target: `≤ ${TARGET.editorUsableMs} ms`, met: m <= TARGET.editorUsableMs }
          : {}),
      };
    };
    const phase = (runs: Usable[], key: keyof Usable['phases']) =>
      ms(median(runs.map((r) => r.phases[key])));
    const phases = (what: string, runs: Usable[]): Row => ({
      measure: `editor usable, ${what}: where the time goes, from navigation start (medians): HTML / DOMContentLoaded / last script / account / workspace / letter JSON asked, received / usable`,
      value: `${phase(runs, 'html')} / ${phase(runs, 'domContentLoaded')} / ${phase(runs, 'lastScript')} / ${phase(runs, 'session')} / ${phase(runs, 'workspace')} / ${phase(runs, 'letterAsked')}, ${phase(runs, 'letter')} / ${ms(median(runs.map((r) => r.pageMs)))}`,
    });
    const all = [...cold, ...warm];
    return {
      rows: [
        row(`${count(wordCount(bench.body))}-word draft, cold cache`, cold, true),
        phases('cold', cold),
        row('same, warm cache (the same page again)', warm, false),
        phases('warm', warm),
      ],
      checks: [
        {
          what: 'editor usable: every time, the body field was visible and editable and the preview showed the end of the draft (as Playwright sees it too)',
          ok: all.every((r) => r.confirmed),
          detail: `${all.filter((r) => r.confirmed).length} of ${all.length}; the body field is a ${all[0]?.editor}`,
        },
      ],
      data: { cold, warm },
    };
  },
};

/** Chromium's main-thread time per key, by kind (CDP Performance metrics over the typing). */
const perKeyRow = (what: string, perKey: PerKey): Row => ({
  measure: `${what}: main-thread time per key (Chromium's metrics): script / style / layout / all tasks (the bench's own calls included)`,
  value: `${ms(perKey.script)} / ${ms(perKey.style)} / ${ms(perKey.layout)} / ${ms(perKey.task)}`,
});

/** TYPED at the end of the body, one key at a time, in a warm editor. */
const typing: WebStep = {
  name: 'typing',
  async measure(bench) {
    const url = `${bench.app.url}/w/${bench.workspaceId}/letters/${bench.letterId}/edit`;
    const context = await withUsableProbe(await bench.browser.newContext(bench.signedIn));
    try {
      const page = await context.newPage();
      const opened = await openEditor(page, url);
      const typed = await typeAtEnd(page, TYPED);
      const latency = typed.keys.flatMap((k) => (k.frame === undefined ? [] : [k.frame - k.down]));
      const previewed = typed.keys.filter((k) => !k.previewUnchanged);
      const delay = previewed.flatMap((k) => (k.preview === undefined ? [] : [k.preview - k.down]));
      const med = median(latency);
      return {
        rows: [
          {
            measure: `typing at the end of the body (${TYPED.length} keys, live preview): keydown → next frame, median`,
            value: ms(med),
            target: `≤ ${TARGET.keystrokeMedianMs} ms`,
            met: med <= TARGET.keystrokeMedianMs,
          },
          {
            measure: 'typing: keydown → next frame, p95 (max)',
            value: `${ms(percentile(latency, 95))} (${ms(Math.max(...latency))})`,
          },
          {
            measure: `typing: keydown → the preview shows the typed text, median / p95 (${delay.length} keys; spaces change nothing)`,
            value: `${ms(median(delay))} / ${ms(percentile(delay, 95))}`,
          },
          perKeyRow('typing', typed.perKey),
        ],
        checks: [
          {
            what: 'typing: every keystroke reached the editor and a frame followed it',
            ok: latency.length === TYPED.length && typed.keys.length === TYPED.length,
            detail: `${latency.length} of ${TYPED.length} keys; the body field is a ${opened.editor}`,
          },
          {
            what: 'typing: the preview showed the text after every key that changes it',
            ok: delay.length === previewed.length,
            detail: `${delay.length} of ${previewed.length}`,
          },
          {
            what: 'typing: the body field holds the typed text after the end of the draft',
            ok: typed.landed,
          },
        ],
        data: {
          typed: TYPED,
          keys: typed.keys,
          latency,
          previewDelay: delay,
          perKey: typed.perKey,
        },
      };
    } finally {
      await context.close();
    }
  },
};

/**
 * For comparison: the same keys at the end of the Title field of the same editor, which has
 * no preview, so what the body's preview costs shows as the difference.
 */
const titleTyping: WebStep = {
  name: 'title',
  async measure(bench) {
    const url = `${bench.app.url}/w/${bench.workspaceId}/letters/${bench.letterId}/edit`;
    const context = await withUsableProbe(await bench.browser.newContext(bench.signedIn));
    try {
      const page = await context.newPage();
      await openEditor(page, url);
      const title = fixtureLetter.content.title;
      const typed = await typeAtEnd(page, TYPED, { field: 'Title', after: title });
      const latency = typed.keys.flatMap((k) => (k.frame === undefined ? [] : [k.frame - k.down]));
      return {
        rows: [
          {
            measure: `for comparison, the same keys at the end of the Title field (no preview): keydown → next frame, median / p95`,
            value: `${ms(median(latency))} / ${ms(percentile(latency, 95))}`,
          },
          perKeyRow('title', typed.perKey),
        ],
        checks: [
          {
            what: 'title: every keystroke reached the field, a frame followed it, and the field holds the text',
            ok: latency.length === TYPED.length && typed.landed,
            detail: `${latency.length} of ${TYPED.length} keys`,
          },
        ],
        data: { keys: typed.keys, latency, perKey: typed.perKey },
      };
    } finally {
      await context.close();
    }
  },
};

/** The measures, in order. */
export const STEPS: WebStep[] = [
  firstScreenStep('sign-in', 'first screen, /sign-in', () => '/sign-in', false, 'Sign in'),
  firstScreenStep(
    'campaigns',
    'signed-in first screen, the workspace’s campaigns',
    (b) => `/w/${b.workspaceId}`,
    true,
    'Campaigns',
  ),
  editorUsable,
  typing,
  titleTyping,
  dashboard,
  signaturesList,
  directory,
];

export const web: Scenario = {
  name: 'web',
  description:
    'the web app in Chromium: first-screen JavaScript and CSS (gzip), the editor with a 3,000-word letter usable, keystroke latency, the dashboard and signatures list of 10,000 signatures, the directory of 10,000 organizations',
  async run(): Promise<ScenarioReport> {
    const db = await createDatabase('sqlite');
    const app = await startApp({ databaseUrl: db.url, worker: 'none', env: benchEnv });
    const browser = await launchChromium();
    try {
      const bench = await seed(app, browser);
      const words = wordCount(bench.body);
      const problems = markdownProblems(bench.body);
      const report: ScenarioReport = {
        scenario: 'web',
        rows: [],
        checks: [
          {
            what: `the draft is about ${count(WORDS)} words of Markdown letters accept, ending in a known phrase`,
            ok:
              words >= WORDS &&
              words < WORDS * 1.1 &&
              problems.length === 0 &&
              bench.body.endsWith(END_PHRASE),
            detail: `${count(words)} words, ${count(bench.body.length)} characters, ${problems.length} problems`,
          },
        ],
        data: { words, bodyChars: bench.body.length, loadAverage: { before: loadavg() } },
      };
      // BENCH_WEB_STEPS=dashboard,signatures runs only those (while iterating on a step).
      const only = process.env.BENCH_WEB_STEPS?.split(',');
      for (const step of STEPS.filter((s) => !only || only.includes(s.name))) {
        process.stderr.write(`web: ${step.name}…\n`);
        const measured = await step.measure(bench);
        report.rows.push(...measured.rows);
        report.checks.push(...measured.checks);
        report.data[step.name] = measured.data;
      }
      (report.data.loadAverage as Record<string, number[]>).after = loadavg();
      return report;
    } finally {
      await browser.close();
      await app.stop();
      await db.drop();
    }
  },
};
