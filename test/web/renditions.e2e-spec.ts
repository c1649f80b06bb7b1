import { CHROMIUM, haveChromium, SmtpSink, tinyPng, waitForQueuesIdle } from '@app/testing';
import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { signLinkIn, type TestApp } from '../support';
import { pdftotext } from './pdf-text';
import {
  apiAs,
  heading,
  NO_PROBLEMS,
  PASSWORD,
  screenProblems,
  startWebApp,
  stopWebApp,
  VIEWPORTS,
} from './screens';

// The callbacks given to page.evaluate run in the browser; the project compiles without the
// DOM library, so the few page globals they use are declared here, for this file only.
interface Canvas {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
  };
}
declare const document: {
  querySelectorAll(selector: string): Iterable<Canvas>;
  addEventListener(
    type: 'securitypolicyviolation',
    listener: (event: { violatedDirective: string; blockedURI: string }) => void,
  ): void;
};
declare const window: { cspViolations: string[] };
declare const navigator: { clipboard: { readText(): Promise<string> } };

const FIXTURES = join(__dirname, '..', 'fixtures');
const fixture = JSON.parse(readFileSync(join(FIXTURES, 'letter-press-freedom.json'), 'utf8')) as {
  content: Record<string, unknown> & { title: string };
};
/** Names from the fixture directory that break naive code: scripts, quotes, RTL. */
const hardNames = parse<{ name: string }>(readFileSync(join(FIXTURES, 'organizations.csv')), {
  columns: true,
})
  .map((o) => o.name)
  .filter((name) => /[^\x20-\x7e]|"/.test(name));
const named = (pattern: RegExp) => hardNames.find((n) => pattern.test(n))!;
const czech = named(/^Čeští/);
const japanese = named(/^日本/);
const russian = named(/^Ассоциация/);
const greek = named(/^Ελληνική/);
const quoted = named(/"/);
const arabic = named(/^[\u0600-\u06ff\s]+$/);

const DAY = 24 * 3600 * 1000;
const describeWithBrowser = haveChromium ? describe : describe.skip;

describeWithBrowser(
  haveChromium
    ? 'the final PDF, in a browser'
    : `the final PDF — SKIPPED: ${CHROMIUM} is not installed (.ci/run installs it)`,
  () => {
    let t: TestApp;
    let browser: Browser;
    let base: string;
    let sink: SmtpSink;
    /** The coordinator's context (the workspace's owner), signed in. */
    let owner: BrowserContext;
    let path: string;
    let lid: string;
    let wid: string;
    /** The sign-on link of the organization that withdraws before the second rendition. */
    let leavingLink: string;
    const email = 'cora@renditions.example';

    const signOn = (displayName: string, visibility = 'public') =>
      apiAs(owner, base, 'post', `/api/letters/${lid}/signatures`, {
        displayName,
        signerName: 'Signer',
        authorized: true,
        visibility,
      });

    /** An organization invited by mail, signed on through its link; returns the link. */
    async function signOnByLink(name: string): Promise<string> {
      const org = await apiAs(owner, base, 'post', `/api/workspaces/${wid}/organizations`, {
        name,
        email: 'leaving@czech.example',
      });
      const res = await owner.request.fetch(`${base}/api/letters/${lid}/invitations`, {
        method: 'POST',
        data: { organizationIds: [org.id] },
        headers: await csrf(owner),
      });
      expect(res.status()).toBe(202);
      const link = signLinkIn((await sink.waitForMail('leaving@czech.example')).text);
      await waitForQueuesIdle(t.app);
      await t
        .http()
        .post(`/api/sign/${link}`)
        .send({
          displayName: name,
          signerName: 'Jana',
          consent: true,
          authorized: true,
          visibility: 'public',
        })
        .expect(201);
      return link;
    }

    const csrf = async (context: BrowserContext) => ({
      'X-CSRF-Token': (await context.cookies(base)).find((c) => c.name === 'signatory_csrf')!.value,
    });

    /** A page that records CSP violations and script errors. */
    async function watchedPage(context: BrowserContext) {
      const page = await context.newPage();
      await page.addInitScript(() => {
        const seen: string[] = [];
        window.cspViolations = seen;
        document.addEventListener('securitypolicyviolation', (e) =>
          seen.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' || /Content Security Policy/.test(message.text())) {
          problems.push(message.text());
        }
      });
      const violations = () => page.evaluate(() => window.cspViolations);
      return { page, problems, violations };
    }

    /** A context signed in as the coordinator, by the API's login. */
    async function signedIn(options: Parameters<Browser['newContext']>[0]) {
      const context = await browser.newContext(options);
      const res = await context.request.post(`${base}/api/auth/login`, {
        data: { email, password: PASSWORD },
      });
      expect(res.ok()).toBe(true);
      return context;
    }

    /** The canvases drawn by the preview, each with how many pixels are not white. */
    const previewInk = (page: Page) =>
      page.evaluate(() =>
        [...document.querySelectorAll('.pdf-pages canvas')].map((canvas) => {
          const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
          let ink = 0;
          for (let i = 0; i < data.length; i += 4) {
            if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) ink++;
          }
          return { width: canvas.width, ink };
        }),
      );

    const rendition = (page: Page) => page.getByRole('region', { name: /edition,/ });

    beforeAll(async () => {
      sink = await SmtpSink.start();
      ({ t, browser, base } = await startWebApp({ SMTP_URL: sink.url, MAIL_PER_MINUTE: '100000' }));
      owner = await browser.newContext({ viewport: VIEWPORTS.desktop, acceptDownloads: true });
      const registered = await owner.request.post(`${base}/api/auth/register`, {
        data: { name: 'Cora', email, password: PASSWORD },
      });
      expect(registered.status()).toBe(201);
      wid = (await apiAs(owner, base, 'post', '/api/workspaces', { name: 'Final PDFs' })).id;
      const cid = (
        await apiAs(owner, base, 'post', `/api/workspaces/${wid}/campaigns`, { name: 'Press' })
      ).id;
      lid = (
        await apiAs(owner, base, 'post', `/api/campaigns/${cid}/letters`, {
          content: fixture.content,
          settings: { visibilities: ['public', 'delivered', 'anonymous'] },
        })
      ).id;
      await apiAs(owner, base, 'post', `/api/letters/${lid}/publish`, {
        deadline: new Date(t.clock.now().getTime() + 10 * DAY).toISOString(),
      });
      path = `/w/${wid}/letters/${lid}`;
      await signOn(japanese);
      await signOn(quoted);
      await signOn(greek);
      await signOn(arabic, 'delivered'); // named to the officials only
      await signOn(russian, 'anonymous'); // counted, never named
      leavingLink = await signOnByLink(czech);
      // Enough names for a second page, so the preview draws two.
      for (let i = 1; i <= 40; i++) await signOn(`Local Press Club ${i}`);
    }, 180_000);

    afterAll(async () => {
      await owner?.close();
      await stopWebApp({ t, browser });
      await sink?.close();
    });

    it('renders the delivered edition with a progress bar, downloads it with its hash, and previews it with pdf.js under the CSP', async () => {
      await owner.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
      const { page, problems, violations } = await watchedPage(owner);
      const workers: string[] = [];
      page.on('worker', (worker) => workers.push(worker.url()));
      await page.goto(base + path);
      await heading(page, fixture.content.title);
      await page.getByRole('link', { name: 'Final PDF' }).click();
      await heading(page, `Final PDF: ${fixture.content.title}`);
      await page.getByText('No rendition yet.').waitFor();

      expect(await page.getByRole('radio', { name: 'Combined' }).isChecked()).toBe(true);
      await page.getByRole('radio', { name: 'One per official' }).check();
      await page.getByRole('radio', { name: 'Combined' }).check();
      await page.getByRole('radio', { name: 'Delivered' }).check();
      await page.getByRole('button', { name: 'Render' }).click();

      // The bar shows at once (queued), then climbs to 100 %, polled every 700 ms.
      const bar = page.getByRole('progressbar', { name: 'Progress' });
      await bar.waitFor();
      const seen: number[] = [];
      for (let i = 0; i < 200 && seen.at(-1) !== 100; i++) {
        seen.push(Number(await bar.getAttribute('aria-valuenow')));
        await page.waitForTimeout(100);
      }
      expect(seen.at(-1)).toBe(100);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      await page.getByText('Rendered: 100 %').waitFor();
      expect(await bar.getAttribute('value')).toBe('100');

      // The file, through the link, as a download.
      const card = rendition(page);
      await card
        .getByRole('heading', { name: 'Delivered edition, one letter to all officials' })
        .waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        card.getByRole('link', { name: 'Download the PDF' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const file = await download.path();
      const bytes = readFileSync(file);
      const shown = await card.locator('.sha256 code').textContent();
      expect(shown).toBe(createHash('sha256').update(bytes).digest('hex'));
      const text = pdftotext(file);
      for (const name of [japanese, quoted, czech, greek, arabic]) {
        expect([name, text.includes(name)]).toEqual([name, true]);
      }
      expect(text).not.toContain(russian);
      const list = (await (
        await owner.request.get(`${base}/api/letters/${lid}/renditions`)
      ).json()) as {
        files: { pages: number }[];
        signatoryCount: number;
        unnamedCount: number;
      }[];
      const [{ files, signatoryCount, unnamedCount }] = list;
      expect({ signatoryCount, unnamedCount }).toEqual({ signatoryCount: 45, unnamedCount: 1 });
      expect(files[0].pages).toBeGreaterThanOrEqual(2);
      await card
        .getByText(`${files[0].pages === 1 ? '1 page' : `${files[0].pages} pages`}`)
        .first()
        .waitFor();

      // The hash copied, and said so.
      await card.getByRole('button', { name: 'Copy' }).click();
      await card.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);

      // The preview: the first pages drawn by pdf.js in its worker, not blank.
      const pages = Math.min(2, files[0].pages);
      await page
        .locator('.pdf-pages canvas[data-drawn="true"]')
        .nth(pages - 1)
        .waitFor();
      expect(
        await page
          .locator('.pdf-pages canvas')
          .evaluateAll((all) =>
            all.map((c) => `${c.getAttribute('role')} ${c.getAttribute('aria-label')}`),
          ),
      ).toEqual(Array.from({ length: pages }, (_, i) => `img Page ${i + 1} of ${files[0].pages}`));
      const ink = await previewInk(page);
      expect(ink).toHaveLength(pages);
      for (const canvas of ink) {
        expect(canvas.width).toBeGreaterThan(300);
        expect(canvas.ink).toBeGreaterThan(1000);
      }
      expect(workers.some((url) => /\/assets\/pdf\.worker\.min-[\w-]+\.mjs$/.test(url))).toBe(true);
      expect(await violations()).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('renders again after a sign-on and a withdrawal, and says what changed', async () => {
      await t.http().post(`/api/sign/${leavingLink}/withdraw`).expect(200);
      const added = hardNames.find((n) => n.includes('香港'))!;
      await signOn(added);

      const { page, problems, violations } = await watchedPage(owner);
      await page.goto(`${base}${path}/pdf`);
      await heading(page, `Final PDF: ${fixture.content.title}`);
      await rendition(page).getByText('The first one: nothing to compare with.').waitFor();
      await page.getByRole('radio', { name: 'Delivered' }).check();
      await page.getByRole('button', { name: 'Render' }).click();
      await page.getByText('Rendered: 100 %').waitFor();

      const card = rendition(page);
      await card.getByText('1 added, 1 withdrawn').waitFor();
      await card.getByText('Names').click();
      await card.getByRole('listitem').filter({ hasText: added }).waitFor();
      await card.getByRole('listitem').filter({ hasText: czech }).waitFor();
      expect(await card.getByRole('listitem').filter({ hasText: added }).getAttribute('dir')).toBe(
        'auto',
      );
      // The first rendition is listed below, newest first, with nothing before it.
      const earlier = page.getByRole('region', { name: 'Earlier renditions' });
      await earlier.getByText('The first one: nothing to compare with.').waitFor();
      expect(await violations()).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('shows a viewer the renditions but not the render form nor the delivered edition', async () => {
      const viewer = await browser.newContext({ viewport: VIEWPORTS.desktop });
      try {
        await viewer.request.post(`${base}/api/auth/register`, {
          data: { name: 'Vera', email: 'vera@renditions.example', password: PASSWORD },
        });
        await apiAs(owner, base, 'post', `/api/workspaces/${wid}/members`, {
          email: 'vera@renditions.example',
          role: 'viewer',
        });
        const page = await viewer.newPage();
        // A viewer's page listens to the letter's events too (progress, for any member).
        const stream = page.waitForResponse((r) => r.url().endsWith('/events'));
        await page.goto(`${base}${path}/pdf`);
        await heading(page, `Final PDF: ${fixture.content.title}`);
        expect((await stream).status()).toBe(200);
        await rendition(page).getByText('it is for coordinators').waitFor();
        expect(await page.getByRole('button', { name: 'Render' }).count()).toBe(0);
        expect(await page.getByRole('link', { name: /Download/ }).count()).toBe(0);
        expect(await page.locator('canvas').count()).toBe(0);
      } finally {
        await viewer.close();
      }
    });

    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      it(`has no axe-core violations with a finished rendition (${size}, ${viewport.width} px)`, async () => {
        const context = await signedIn({ bypassCSP: true, viewport });
        try {
          const page = await context.newPage();
          await page.goto(`${base}${path}/pdf`);
          await heading(page, `Final PDF: ${fixture.content.title}`);
          await rendition(page).getByText('1 added, 1 withdrawn').waitFor();
          await page.locator('.pdf-pages canvas[data-drawn="true"]').first().waitFor();
          await page
            .getByRole('region', { name: 'Earlier renditions' })
            .getByText('The first one')
            .waitFor();
          expect(await screenProblems(page)).toEqual(NO_PROBLEMS);
        } finally {
          await context.close();
        }
      });
    }

    it('shows why a rendition failed, and renders it on "Try again"', async () => {
      await owner.request.put(`${base}/api/workspaces/${wid}/letterhead`, {
        data: tinyPng(),
        headers: { ...(await csrf(owner)), 'Content-Type': 'image/png' },
      });
      // The stored logo is damaged behind the application's back.
      const logo = join(t.config.filesDir, `letterheads/${wid}.png`);
      const good = readFileSync(logo);
      writeFileSync(logo, good.subarray(0, 20));
      try {
        const { page, problems, violations } = await watchedPage(owner);
        await page.goto(`${base}${path}/pdf`);
        await heading(page, `Final PDF: ${fixture.content.title}`);
        await page.getByRole('radio', { name: 'Public' }).check();
        await page.getByRole('button', { name: 'Render' }).click();
        const card = rendition(page);
        await card.getByRole('status').filter({ hasText: 'Rendering failed.' }).waitFor();
        await card.getByText(/letterhead logo/).waitFor();

        writeFileSync(logo, good);
        await card.getByRole('button', { name: 'Try again' }).click();
        await page.getByText('Rendered: 100 %').waitFor();
        await card
          .getByRole('heading', { name: 'Public edition, one letter to all officials' })
          .waitFor();
        await card.getByRole('link', { name: 'Download the PDF' }).waitFor();
        expect(await violations()).toEqual([]);
        // The failed state's poll answered 200; nothing else was logged as an error.
        expect(problems).toEqual([]);
        await page.close();
      } finally {
        writeFileSync(logo, good);
      }
    });
  },
);
