import {
  AXE_SOURCE,
  AXE_TAGS,
  CHROMIUM,
  haveChromium,
  launchChromium,
  readableViolations,
  SmtpSink,
} from '@app/testing';
import { Coalition, createTestApp, fixtureLetter, type TestApp } from './support';
import type { AxeResults } from 'axe-core';
import type { AddressInfo } from 'node:net';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';

// The callbacks given to page.evaluate run in the browser. The project compiles without the
// DOM library (it would retype Node's globals everywhere), so the few page globals they use
// are declared here, for this file only.
interface PageElement {
  id: string;
  tagName: string;
  outerHTML: string;
  type?: string;
  labels?: { length: number } | null;
  removeAttribute(name: string): void;
}
interface PageElements extends Iterable<PageElement> {
  length: number;
  forEach(callback: (element: PageElement) => void): void;
}
declare const document: {
  activeElement: PageElement | null;
  documentElement: { scrollWidth: number };
  querySelectorAll(selector: string): PageElements;
  addEventListener(
    type: 'securitypolicyviolation',
    listener: (event: { violatedDirective: string; blockedURI: string }) => void,
  ): void;
};
declare const window: {
  innerWidth: number;
  axe: { run(options: object): Promise<AxeResults> };
  cspViolations: string[];
};

const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 375, height: 740 },
};

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(
    (tags) =>
      window.axe.run({
        runOnly: { type: 'tag', values: tags },
      }),
    AXE_TAGS,
  );
  return readableViolations(results.violations);
}

const describeWithBrowser = haveChromium ? describe : describe.skip;

describeWithBrowser(
  haveChromium
    ? 'sign-on pages in a browser: axe-core, keyboard, CSP'
    : `sign-on pages in a browser — SKIPPED: ${CHROMIUM} is not installed (.ci/run installs it)`,
  () => {
    let t: TestApp;
    let sink: SmtpSink;
    let browser: Browser;
    let base: string;
    let lid: string;
    let coalition: Coalition;
    const invite = async (name: string) => (await coalition.invited(sink, lid, name)).link;

    const invitationStatus = async (link: string) =>
      (await t.http().get(`/api/sign/${link}`).expect(200)).body.invitationStatus as string;

    let pages: Record<string, string>;
    let freshLink: string;

    beforeAll(async () => {
      sink = await SmtpSink.start();
      t = await createTestApp({ SMTP_URL: sink.url, MAIL_PER_MINUTE: '10000' });
      await t.app.listen(0, '127.0.0.1');
      base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
      browser = await launchChromium();

      coalition = await Coalition.create(t);
      // The body has every construct a letter may use, so axe checks how pages show them.
      const body = [
        fixtureLetter.content.body,
        '## Our requests',
        '> A free press is the [guardian](https://example.org/court) of every other right.',
        '### In detail',
        '1. release them:\n   - all of them,\n   - *now*.',
      ].join('\n\n');
      lid = await coalition.openLetter(
        { openSignOn: true, publicPage: true, visibilities: ['public', 'delivered', 'anonymous'] },
        { content: { ...fixtureLetter.content, body } },
      );

      const toSign = await invite('Maharat Foundation');
      const signed = await invite('مؤسسة سمير قصير');
      await t
        .http()
        .post(`/api/sign/${signed}`)
        .send({
          displayName: 'مؤسسة سمير قصير',
          signerName: 'Amal Haddad',
          consent: true,
          authorized: true,
          visibility: 'public',
        })
        .expect(201);
      freshLink = await invite('Article 19');
      pages = {
        'sign-on form': `/sign/${toSign}`,
        'signed sign-on': `/sign/${signed}`,
        decline: `/sign/${toSign}/decline`,
        'open sign-on': `/s/${lid}`,
        'public letter': `/l/${lid}`,
      };
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await t?.close();
      await sink?.close();
    });

    /** A context that may inject axe-core into the pages despite their CSP. */
    const axeContext = (viewport: { width: number; height: number }) =>
      browser.newContext({ bypassCSP: true, viewport });

    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      it(`has no axe-core violations (${AXE_TAGS.join(', ')}) on a ${size}`, async () => {
        const context = await axeContext(viewport);
        const found: Record<string, string[]> = {};
        try {
          const page = await context.newPage();
          for (const [name, path] of Object.entries(pages)) {
            await page.goto(base + path);
            found[name] = await axeViolations(page);
          }
          // The form again after a refusal: its message, the field marked invalid.
          await page.goto(base + pages['sign-on form']);
          await page.evaluate(() =>
            document.querySelectorAll('[required]').forEach((el) => el.removeAttribute('required')),
          );
          await page.fill('#displayName', '');
          await page.click('button:text("Sign the letter")');
          await page.waitForSelector('#form-error');
          found['refused form'] = await axeViolations(page);
        } finally {
          await context.close();
        }
        expect(found).toEqual(Object.fromEntries(Object.keys(found).map((name) => [name, []])));
      }, 120_000);
    }

    it('reaches the display name first with Tab; has a main, one h1, and a label for every field', async () => {
      const context = await axeContext(VIEWPORTS.phone);
      try {
        const page = await context.newPage();
        await page.goto(base + pages['sign-on form']);
        let first: string | null = null;
        for (let i = 0; i < 40 && first === null; i++) {
          await page.keyboard.press('Tab');
          first = await page.evaluate(() => {
            const el = document.activeElement;
            return el && ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName) ? el.id : null;
          });
        }
        expect(first).toBe('displayName');

        for (const path of Object.values(pages)) {
          await page.goto(base + path);
          const shape = await page.evaluate(() => ({
            main: document.querySelectorAll('main').length,
            h1: document.querySelectorAll('h1').length,
            unlabelled: [...document.querySelectorAll('input, select, textarea')]
              .filter((el) => el.type !== 'hidden')
              .filter((el) => !el.labels?.length)
              .map((el) => el.id || el.outerHTML),
            // Nothing wider than the screen: readable on a phone without scrolling sideways.
            overflow: document.documentElement.scrollWidth > window.innerWidth,
          }));
          expect({ path, ...shape }).toEqual({
            path,
            main: 1,
            h1: 1,
            unlabelled: [],
            overflow: false,
          });
        }
      } finally {
        await context.close();
      }
    }, 60_000);

    it('runs under its own CSP: no violations, no other origin, "opened" only on interaction, the form posts', async () => {
      const context: BrowserContext = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.addInitScript(() => {
          const seen: string[] = [];
          window.cspViolations = seen;
          document.addEventListener('securitypolicyviolation', (e) =>
            seen.push(`${e.violatedDirective} ${e.blockedURI}`),
          );
        });
        const problems: string[] = [];
        const origins = new Set<string>();
        const posts: { url: string; origin: string | undefined }[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(message.text());
        });
        page.on('pageerror', (error) => problems.push(error.message));
        page.on('request', (request) => {
          origins.add(new URL(request.url()).origin);
          if (request.method() === 'POST') {
            posts.push({ url: request.url(), origin: request.headers()['origin'] });
          }
        });
        const violations = () => page.evaluate(() => window.cspViolations);

        for (const path of Object.values(pages)) {
          await page.goto(base + path);
          expect({ path, violations: await violations() }).toEqual({ path, violations: [] });
        }

        await page.goto(`${base}/sign/${freshLink}`);
        expect(await violations()).toEqual([]);
        expect(await invitationStatus(freshLink)).toBe('sent');
        await page.focus('#displayName');
        for (let i = 0; i < 50 && (await invitationStatus(freshLink)) !== 'opened'; i++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(await invitationStatus(freshLink)).toBe('opened');

        await page.fill('#signerName', 'Quinn Norton');
        await page.check('#authorized');
        await page.check('#consent');
        await page.click('button:text("Sign the letter")');
        await page.waitForSelector('h1:text("Your sign-on is recorded")');
        expect(await invitationStatus(freshLink)).toBe('signed');

        expect(problems).toEqual([]);
        expect([...origins]).toEqual([base]);
        expect(posts.map((p) => p.url)).toEqual([
          `${base}/api/sign/${freshLink}/opened`,
          `${base}/sign/${freshLink}`,
        ]);
        // Under `Referrer-Policy: no-referrer` Chromium sends `Origin: null` with the form,
        // which the page takes as "no origin given" (the form check still applies).
        expect([base, 'null', undefined]).toContain(posts[1].origin);
      } finally {
        await context.close();
      }
    }, 60_000);
  },
);
