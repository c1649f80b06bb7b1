import { CHROMIUM, haveChromium, launchChromium, SmtpSink } from '@app/testing';
import { Coalition, createTestApp, type TestApp } from './support';
import type { AddressInfo } from 'node:net';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';

const describeWithBrowser = haveChromium ? describe : describe.skip;

const EMAIL = 'cora@coalition.example';
const PASSWORD = 'correct horse battery';

/**
 * Issue 14.6: a coordinator signed in to Signatory opens a sign link (their own
 * organization's) in the same browser. Public token routes and log-in must not ask for
 * the session's CSRF token just because the session cookie rides along.
 */
describeWithBrowser(
  haveChromium
    ? 'public routes in a browser that holds a session cookie'
    : `public routes with a session cookie — SKIPPED: ${CHROMIUM} is not installed`,
  () => {
    let t: TestApp;
    let sink: SmtpSink;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let base: string;
    let coalition: Coalition;
    let lid: string;

    beforeAll(async () => {
      sink = await SmtpSink.start();
      t = await createTestApp({ SMTP_URL: sink.url, MAIL_PER_MINUTE: '10000' });
      await t.app.listen(0, '127.0.0.1');
      base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
      browser = await launchChromium();
      coalition = await Coalition.create(t);
      lid = await coalition.openLetter({ visibilities: ['public', 'delivered', 'anonymous'] });

      // Signed in, as the web UI is: the log-in answer sets the session and CSRF cookies.
      context = await browser.newContext();
      page = await context.newPage();
      await page.goto(`${base}/api/ping`);
      expect(await postJson(page, '/api/auth/login', { email: EMAIL, password: PASSWORD })).toBe(
        200,
      );
      const names = (await context.cookies()).map((c) => c.name);
      expect(names).toEqual(expect.arrayContaining(['signatory_session', 'signatory_csrf']));
    }, 60_000);

    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await t?.close();
      await sink?.close();
    });

    /** A same-origin fetch from the page: the browser adds its cookies, no CSRF header. */
    const postJson = (on: Page, path: string, body: object): Promise<number> =>
      on.evaluate(
        async ({ path, body }) =>
          (
            await fetch(path, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify(body),
            })
          ).status,
        { path, body },
      );

    it('signs with the HTML form of a sign link', async () => {
      const { link } = await coalition.invited(sink, lid, 'Coordinators Own Organization');
      await page.goto(`${base}/sign/${link}`);
      await page.fill('#displayName', 'Coordinators Own Organization');
      await page.fill('#signerName', 'Cora');
      await page.check('#authorized');
      await page.check('#consent');
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.click('button:text("Sign the letter")'),
      ]);
      expect(response.status()).toBe(201);
      const signed = await t.http().get(`/api/sign/${link}`).expect(200);
      expect(signed.body.invitationStatus).toBe('signed');
    });

    it('signs through the JSON route of a sign link', async () => {
      const { link } = await coalition.invited(sink, lid, 'Second Organization');
      await page.goto(`${base}/sign/${link}`);
      const status = await postJson(page, `/api/sign/${link}`, {
        displayName: 'Second Organization',
        signerName: 'Cora',
        consent: true,
        authorized: true,
        visibility: 'public',
      });
      expect(status).toBe(201);
    });

    it('signs in again', async () => {
      expect(await postJson(page, '/api/auth/login', { email: EMAIL, password: PASSWORD })).toBe(
        200,
      );
    });

    it('still refuses a change to the account without the CSRF token', async () => {
      expect(await postJson(page, '/api/auth/logout', {})).toBe(403);
    });
  },
);
