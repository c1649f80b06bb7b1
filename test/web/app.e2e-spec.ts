import { CHROMIUM, haveChromium } from '@app/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { WEB_APP_CSP, webAppCsp } from '../../apps/api/src/web/web-app';
import type { TestApp } from '../support';
import { PASSWORD, screenProblems, startWebApp, stopWebApp, VIEWPORTS } from './screens';

// The callbacks given to page.evaluate run in the browser; the project compiles without the
// DOM library, so the few page globals they use are declared here, for this file only.
interface PageElement {
  tagName: string;
  outerHTML: string;
  id: string;
  type?: string;
  labels?: { length: number } | null;
  getAttribute(name: string): string | null;
}
declare const document: {
  activeElement: PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement> & { length: number };
  addEventListener(
    type: 'securitypolicyviolation',
    listener: (event: { violatedDirective: string; blockedURI: string }) => void,
  ): void;
};
declare const window: { cspViolations: string[] };

const describeWithBrowser = haveChromium ? describe : describe.skip;

describeWithBrowser(
  haveChromium
    ? 'the web app in a browser: journey, axe-core, keyboard, CSP'
    : `the web app in a browser — SKIPPED: ${CHROMIUM} is not installed (.ci/run installs it)`,
  () => {
    let t: TestApp;
    let browser: Browser;
    let base: string;
    let people = 0;
    const someone = () => {
      people += 1;
      return { name: `Amina Diallo ${people}`, email: `amina${people}@coalition.example` };
    };

    beforeAll(async () => {
      ({ t, browser, base } = await startWebApp());
    }, 120_000);

    afterAll(async () => {
      await stopWebApp({ t, browser });
    });

    /** A page that records CSP violations, script errors and every origin it talks to. */
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
      const origins = new Set<string>();
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        // The browser logs every 4xx the API answers (the signed-out check of /api/auth/me,
        // the refusals this test provokes); those are expected, anything else is not.
        const refusal = /^Failed to load resource: the server responded with a status of 4\d\d/;
        if (message.type() === 'error' && !refusal.test(message.text())) {
          problems.push(message.text());
        }
      });
      page.on('request', (request) => origins.add(new URL(request.url()).origin));
      const violations = () => page.evaluate(() => window.cspViolations);
      return { page, problems, origins, violations };
    }

    const heading = (page: Page, name: string) =>
      page.getByRole('heading', { level: 1, name }).waitFor();

    it('serves the app at / with its CSP, and leaves /api, /health and the signer pages alone', async () => {
      const index = await t.http().get('/w/anything/settings').expect(200);
      // A nonce per response, in the page and in its CSP's style-src alike; never a script's.
      const nonceOf = (res: { text: string; headers: Record<string, string> }) => {
        const nonce = /<meta name="csp-nonce" content="([A-Za-z0-9+/=]{24})" \/>/.exec(
          res.text,
        )?.[1];
        expect(nonce).toBeDefined();
        expect(res.headers['content-security-policy']).toBe(webAppCsp(nonce));
        return nonce;
      };
      const again = await t.http().get('/w/anything/settings').expect(200);
      expect(nonceOf(again)).not.toBe(nonceOf(index));
      expect(index.headers['content-security-policy']).toMatch(/(^|; )script-src 'self'(;|$)/);
      expect(index.headers['content-security-policy']).not.toContain('unsafe-inline');
      expect(index.headers['cache-control']).toBe('no-store');
      expect(index.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(index.headers['referrer-policy']).toBe('no-referrer');
      expect(index.text).toContain('<div id="root"></div>');
      expect(index.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);

      const asset = /src="(\/assets\/[^"]+\.js)"/.exec(index.text)?.[1];
      expect(asset).toBeDefined();
      // Without Accept-Encoding (identity): the plain file; with it, the copy the build
      // precompressed (vite.config.mts), with the same type, caching and CSP.
      const js = await t.http().get(asset!).set('Accept-Encoding', 'identity').expect(200);
      expect(js.headers['content-encoding']).toBeUndefined();
      expect(js.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(js.headers['content-type']).toMatch(/javascript/);
      expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(js.headers['content-security-policy']).toBe(WEB_APP_CSP);
      const gz = await t.http().get(asset!).set('Accept-Encoding', 'gzip').expect(200);
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(gz.headers['content-type']).toBe(js.headers['content-type']);
      expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(gz.headers['content-security-policy']).toBe(WEB_APP_CSP);
      expect(Number(gz.headers['content-length'])).toBeLessThan(js.text.length / 2);
      expect(gz.text).toBe(js.text); // supertest decodes the gzip body
      // A different representation, a different ETag; each one revalidates to 304.
      expect(gz.headers['etag']).toBeDefined();
      expect(gz.headers['etag']).not.toBe(js.headers['etag']);
      await t
        .http()
        .get(asset!)
        .set('Accept-Encoding', 'gzip')
        .set('If-None-Match', gz.headers['etag'])
        .expect(304);
      const br = await t
        .http()
        .head(asset!)
        .set('Accept-Encoding', 'gzip, deflate, br')
        .expect(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(Number(br.headers['content-length'])).toBeLessThan(
        Number(gz.headers['content-length']),
      );
      // Refused with q=0: the next best, never what the browser refused.
      const noBr = await t.http().head(asset!).set('Accept-Encoding', 'br;q=0, gzip').expect(200);
      expect(noBr.headers['content-encoding']).toBe('gzip');
      // The API's responses are never compressed (its event streams must not be buffered).
      const health = await t.http().get('/health').set('Accept-Encoding', 'gzip, br');
      expect(health.headers['content-encoding']).toBeUndefined();

      await t.http().get('/assets/missing.js').expect(404);
      const unknown = await t.http().get('/api/no-such-route').expect(404);
      expect(unknown.body).toMatchObject({ statusCode: 404 });
      await t.http().get('/health').expect('Content-Type', /json/);
      const sign = await t.http().get('/sign/not-a-token');
      expect(sign.headers['content-security-policy']).not.toBe(WEB_APP_CSP);
    });

    it('register → first workspace → rename and time zone → sign out → sign in → account', async () => {
      const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
      const { page, problems, origins, violations } = await watchedPage(context);
      const me = someone();
      try {
        await page.goto(`${base}/`);
        await heading(page, 'Sign in');
        await page.getByRole('link', { name: 'Create an account' }).click();
        await heading(page, 'Create an account');

        // The API's refusal shows next to its field, which takes the focus.
        await page.getByLabel('Your name').fill(me.name);
        await page.getByLabel('Email').fill('not an email');
        await page.getByLabel('Password').fill(PASSWORD);
        await page.getByRole('button', { name: 'Create account' }).click();
        await page.getByText('Must be an email address.').waitFor();
        const email = page.getByLabel('Email');
        expect(await email.getAttribute('aria-invalid')).toBe('true');
        expect(await email.getAttribute('aria-describedby')).toBe('field-email-error');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-email');

        await email.fill(me.email);
        await page.getByRole('button', { name: 'Create account' }).click();
        // No workspace yet: the app leads to creating one.
        await heading(page, 'Create your first workspace');
        await page.getByLabel('Name').fill('Press Freedom');
        await page.getByRole('button', { name: 'Create workspace' }).click();
        await page.waitForURL(/\/w\/[^/]+\/settings$/);
        await heading(page, 'Workspace settings');
        const wid = /\/w\/([^/]+)\/settings$/.exec(page.url())![1];

        await page.getByLabel('Name', { exact: true }).fill('Press Freedom Coalition');
        await page.getByLabel('Time zone').selectOption('Europe/Paris');
        await page.getByRole('button', { name: 'Save changes' }).click();
        await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
        const saved = await context.request.get(`${base}/api/workspaces/${wid}`);
        expect(await saved.json()).toMatchObject({
          name: 'Press Freedom Coalition',
          timeZone: 'Europe/Paris',
          role: 'owner',
        });
        await page.getByText('Press Freedom Coalition', { exact: true }).first().waitFor();

        await page.getByRole('button', { name: 'Sign out' }).click();
        await heading(page, 'Sign in');
        expect((await context.request.get(`${base}/api/auth/me`)).status()).toBe(401);

        await page.getByLabel('Email').fill(me.email);
        await page.getByLabel('Password').fill(PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        // Back to the workspace opened last in this browser: its home, the campaigns.
        await page.waitForURL(`${base}/w/${wid}`);
        await heading(page, 'Campaigns');
        await page.getByRole('link', { name: 'Settings' }).click();
        await heading(page, 'Workspace settings');
        expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/Paris');

        await page.getByRole('link', { name: 'Account' }).click();
        await heading(page, 'Account');
        await page.getByText(me.email).waitFor();
        await page.getByText(me.name).waitFor();

        await page.getByRole('link', { name: 'Workspaces' }).click();
        await heading(page, 'Workspaces');
        await page.getByRole('link', { name: 'Press Freedom Coalition' }).waitFor();

        expect(await violations()).toEqual([]);
        expect(problems).toEqual([]);
        expect([...origins]).toEqual([base]);
      } finally {
        await context.close();
      }
    }, 120_000);

    it('signs in with the keyboard alone (Tab, typing, Enter)', async () => {
      const me = someone();
      await t
        .http()
        .post('/api/auth/register')
        .send({ ...me, password: PASSWORD })
        .expect(201);
      const context = await browser.newContext({ viewport: VIEWPORTS.phone });
      try {
        const page = await context.newPage();
        await page.goto(`${base}/sign-in`);
        await heading(page, 'Sign in');
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-email');
        await page.keyboard.type(me.email);
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-password');
        await page.keyboard.type(PASSWORD);
        await page.keyboard.press('Enter');
        await heading(page, 'Create your first workspace');
        // The heading has the focus: Tab goes on to the form, and Enter submits it.
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-name');
        await page.keyboard.type('Keyboard Coalition');
        await page.keyboard.press('Enter');
        await heading(page, 'Workspace settings');
      } finally {
        await context.close();
      }
    }, 60_000);

    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      it(`has no axe-core violations (of any impact) on any screen (${size}, ${viewport.width} px)`, async () => {
        // bypassCSP: axe-core is injected into the page, which the app's own CSP forbids.
        const context = await browser.newContext({ bypassCSP: true, viewport });
        const found: Record<string, string[]> = {};
        const shapes: object[] = [];
        try {
          const page = await context.newPage();
          const check = async (name: string) => {
            const { violations, ...shape } = await screenProblems(page);
            found[name] = violations;
            shapes.push({ name, ...shape });
          };
          const visit = async (path: string, title: string) => {
            await page.goto(base + path);
            await heading(page, title);
            await check(title);
          };

          await visit('/sign-in', 'Sign in');
          await page.getByRole('button', { name: 'Sign in' }).click();
          await page.getByText('Must be an email address.').waitFor();
          await check('Sign in, refused');
          await visit('/register', 'Create an account');

          const me = someone();
          const registered = await context.request.post(`${base}/api/auth/register`, {
            data: { ...me, password: PASSWORD },
          });
          expect(registered.status()).toBe(201);
          await visit('/', 'Create your first workspace');
          await page.getByRole('button', { name: 'Create workspace' }).click();
          await page.getByText('Must contain visible text', { exact: false }).waitFor();
          await check('Create your first workspace, refused');
          await page.getByLabel('Name').fill('Axe Coalition');
          await page.getByRole('button', { name: 'Create workspace' }).click();
          await heading(page, 'Workspace settings');
          await check('Workspace settings');
          const wid = /\/w\/([^/]+)\/settings$/.exec(page.url())![1];

          await visit('/workspaces', 'Workspaces');
          await visit('/workspaces/new', 'New workspace');
          await visit('/account', 'Account');
          await visit('/w/00000000-0000-4000-8000-000000000000/settings', 'Workspace not found');
          await visit('/no/such/screen', 'Page not found');
          await visit(`/w/${wid}/settings`, 'Workspace settings');
        } finally {
          await context.close();
        }
        expect(found).toEqual(Object.fromEntries(Object.keys(found).map((name) => [name, []])));
        for (const shape of shapes) {
          expect(shape).toMatchObject({ main: 1, h1: 1, unlabelled: [], overflow: [] });
        }
      }, 180_000);
    }
  },
);
