import {
  AXE_SOURCE,
  AXE_TAGS,
  CHROMIUM,
  haveChromium,
  launchChromium,
  readableViolations,
} from '@app/testing';
import { Coalition, createTestApp, fixtureLetter, type TestApp } from './support';
import type { AxeResults } from 'axe-core';
import type { AddressInfo } from 'node:net';
import { type Browser } from 'playwright-core';

// As in sign-pages.a11y.e2e-spec.ts: the callbacks given to page.evaluate run in the
// browser, and the project compiles without the DOM library.
interface PageElement {
  tagName: string;
  hasAttribute(name: string): boolean;
  matches(selector: string): boolean;
}
declare const document: {
  querySelectorAll(selector: string): Iterable<PageElement> & { length: number };
};
declare const window: { axe: { run(options: object): Promise<AxeResults> } };

const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 375, height: 740 },
};

const describeWithBrowser = haveChromium ? describe : describe.skip;

describeWithBrowser(
  haveChromium
    ? 'the sign page preview in a browser: axe-core, and a form that cannot be sent'
    : `the sign page preview in a browser — SKIPPED: ${CHROMIUM} is not installed`,
  () => {
    let t: TestApp;
    let browser: Browser;
    let coalition: Coalition;
    let url: string;
    let lid: string;

    beforeAll(async () => {
      t = await createTestApp();
      await t.app.listen(0, '127.0.0.1');
      const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
      browser = await launchChromium();
      coalition = await Coalition.create(t);
      // Every visibility, so the form shows its most complex shape.
      lid = await coalition.openLetter({
        ...fixtureLetter.settings,
        visibilities: ['public', 'delivered', 'anonymous'],
      });
      url = `${base}/api/letters/${lid}/preview`;
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await t?.close();
    });

    const newPage = async (viewport = VIEWPORTS.desktop, bypassCSP = false) => {
      const context = await browser.newContext({
        viewport,
        bypassCSP,
        extraHTTPHeaders: coalition.auth(),
      });
      return { context, page: await context.newPage() };
    };

    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      it(`has no axe-core violations (${AXE_TAGS.join(', ')}) on a ${size}`, async () => {
        // bypassCSP: axe-core is injected as a script, which the page's policy forbids.
        const { context, page } = await newPage(viewport, true);
        try {
          await page.goto(url);
          await page.addScriptTag({ content: AXE_SOURCE });
          const results = await page.evaluate(
            (tags) => window.axe.run({ runOnly: { type: 'tag', values: tags } }),
            AXE_TAGS,
          );
          expect(readableViolations(results.violations)).toEqual([]);
        } finally {
          await context.close();
        }
      }, 60_000);
    }

    it('shows the banner and the letter, and nothing in it can be sent', async () => {
      const { context, page } = await newPage();
      const posts: string[] = [];
      page.on('request', (request) => {
        if (request.method() !== 'GET') posts.push(`${request.method()} ${request.url()}`);
      });
      try {
        await page.goto(url);
        expect(await page.textContent('main p.notice')).toContain('Preview.');
        expect(await page.textContent('h1')).toBe(fixtureLetter.content.title);
        expect(await page.textContent('article.letter')).toContain(
          'We, the undersigned organizations',
        );
        expect(await page.inputValue('#displayName')).toBe('Example Organization');

        const controls = await page.evaluate(() =>
          [...document.querySelectorAll('form input, form select, form textarea, form button')].map(
            // A control inside a disabled fieldset is :disabled (its own attribute is not set).
            (element) => ({ tag: element.tagName, disabled: element.matches(':disabled') }),
          ),
        );
        expect(controls.length).toBeGreaterThan(5);
        expect(controls.filter((control) => !control.disabled)).toEqual([]);
        expect(
          await page.evaluate(
            () =>
              [...document.querySelectorAll('form')].filter(
                (form) => form.hasAttribute('action') || form.hasAttribute('method'),
              ).length,
          ),
        ).toBe(0);

        // Even clicked at, the buttons do nothing; typing goes nowhere either.
        const before = page.url();
        await page.click('button:text("Sign the letter")', { force: true });
        await page.click('button:text("Send my colleague a link")', { force: true });
        await page.keyboard.press('Enter');
        await page.waitForTimeout(300);
        expect(page.url()).toBe(before);
        expect(posts).toEqual([]);
        const signatures = await t
          .http()
          .get(`/api/letters/${lid}/signatures`)
          .set(coalition.auth())
          .expect(200);
        expect(signatures.body).toEqual([]);
      } finally {
        await context.close();
      }
    }, 60_000);
  },
);
