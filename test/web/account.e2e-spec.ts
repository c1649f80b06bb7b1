import {
  AXE_SOURCE,
  AXE_TAGS,
  CHROMIUM,
  haveChromium,
  readableViolations,
  SmtpSink,
} from '@app/testing';
import type { AxeResults } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../support';
import { startWebApp, stopWebApp } from './screens';

// page.evaluate callbacks run in the browser; the project compiles without the DOM library.
declare const document: {
  activeElement: { id: string } | null;
  documentElement: { scrollWidth: number };
  querySelectorAll(selector: string): { length: number };
};
declare const window: { innerWidth: number; axe: { run(options: object): Promise<AxeResults> } };

const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 375, height: 740 },
};
const PASSWORD = 'a long enough password';
const NEW_PASSWORD = 'another long passphrase';
const RESET_LINK = /http:\/\/signatory\.test(\/reset-password\?token=[A-Za-z0-9_-]{43})/;

const describeWithBrowser = haveChromium ? describe : describe.skip;

describeWithBrowser(
  haveChromium
    ? 'the account screens in a browser: sessions, password change and reset, axe-core'
    : `the account screens in a browser — SKIPPED: ${CHROMIUM} is not installed`,
  () => {
    let t: TestApp;
    let sink: SmtpSink;
    let browser: Browser;
    let base: string;
    let people = 0;

    beforeAll(async () => {
      sink = await SmtpSink.start();
      ({ t, browser, base } = await startWebApp({
        SMTP_URL: sink.url,
        LOGIN_LIMIT_PER_IP: '1000',
      }));
    }, 120_000);

    afterAll(async () => {
      await stopWebApp({ t, browser });
      await sink?.close();
    });

    const register = async () => {
      people += 1;
      const person = { name: `Lead ${people}`, email: `lead${people}@account.example` };
      await t
        .http()
        .post('/api/auth/register')
        .send({ ...person, password: PASSWORD })
        .expect(201);
      return person;
    };
    const heading = (page: Page, name: string) =>
      page.getByRole('heading', { level: 1, name }).waitFor();
    const signIn = async (page: Page, email: string, password = PASSWORD) => {
      await page.goto(`${base}/sign-in`);
      await heading(page, 'Sign in');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await heading(page, 'Create your first workspace');
    };

    it('resets a forgotten password through the mailed link, then signs in with it', async () => {
      const me = await register();
      const context = await browser.newContext({ viewport: VIEWPORTS.phone });
      try {
        const page = await context.newPage();
        await page.goto(`${base}/sign-in`);
        await heading(page, 'Sign in');
        await page.getByRole('link', { name: 'Forgot your password?' }).click();
        await heading(page, 'Forgot your password?');
        // Keyboard only: from the heading, Tab reaches the field and Enter sends the form.
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-email');
        await page.keyboard.type(me.email);
        await page.keyboard.press('Enter');
        await heading(page, 'Check your email');

        const mail = await sink.waitForMail(me.email);
        const path = RESET_LINK.exec(mail.text ?? '')![1];
        await page.goto(base + path);
        await heading(page, 'Choose a new password');
        await page.getByLabel('New password').fill('short');
        await page.getByRole('button', { name: 'Set new password' }).click();
        await page.getByText('Must be 10 to 256 characters.').waitFor();
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-newPassword');
        await page.getByLabel('New password').fill(NEW_PASSWORD);
        await page.getByRole('button', { name: 'Set new password' }).click();
        await heading(page, 'Sign in');
        await page.getByText('Your password was changed', { exact: false }).waitFor();

        await page.getByLabel('Email').fill(me.email);
        await page.getByLabel('Password').fill(NEW_PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await heading(page, 'Create your first workspace');

        // The link worked once: opened again, it says so and offers a new one.
        await page.goto(base + path);
        await heading(page, 'Choose a new password');
        await page.getByLabel('New password').fill('yet another passphrase');
        await page.getByRole('button', { name: 'Set new password' }).click();
        await heading(page, 'This link no longer works');
        await page.getByRole('link', { name: 'Ask for a new link' }).click();
        await heading(page, 'Forgot your password?');
      } finally {
        await context.close();
      }
    }, 60_000);

    it('gives the same confirmation for an address without an account', async () => {
      const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
      try {
        const page = await context.newPage();
        await page.goto(`${base}/forgot-password`);
        await heading(page, 'Forgot your password?');
        await page.getByLabel('Email').fill('nobody@account.example');
        await page.getByRole('button', { name: 'Email me a link' }).click();
        await heading(page, 'Check your email');
        await page.getByText('If an account has this address', { exact: false }).waitFor();
      } finally {
        await context.close();
      }
    }, 30_000);

    it('ends another browser’s session from the account page, signing it out', async () => {
      const me = await register();
      const first = await browser.newContext({ viewport: VIEWPORTS.desktop });
      const second = await browser.newContext({ viewport: VIEWPORTS.desktop });
      try {
        const other = await second.newPage();
        await signIn(other, me.email);
        const page = await first.newPage();
        await signIn(page, me.email);
        await page.goto(`${base}/account`);
        await heading(page, 'Account');
        const sessions = page.getByRole('region', { name: 'Sessions' }).getByRole('listitem');
        await sessions.nth(1).waitFor();
        // The register call's session, the second browser's and this one: newest (this) first.
        expect(await sessions.count()).toBe(3);
        await sessions.first().getByText('This device').waitFor();
        const end = sessions.nth(1).getByRole('button', { name: /^End the session signed in/ });
        await end.focus();
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.querySelectorAll('.sessions li').length === 2);

        await other.goto(`${base}/account`);
        await heading(other, 'Sign in');
        await page.reload();
        await heading(page, 'Account');
      } finally {
        await first.close();
        await second.close();
      }
    }, 60_000);

    it('changes the password from the account page, the wrong current one shown on its field', async () => {
      const me = await register();
      const context = await browser.newContext({ viewport: VIEWPORTS.phone });
      try {
        const page = await context.newPage();
        await signIn(page, me.email);
        await page.goto(`${base}/account`);
        await heading(page, 'Account');
        await page.getByLabel('Current password').fill('not my password');
        await page.getByLabel('New password').fill(NEW_PASSWORD);
        await page.getByRole('button', { name: 'Change password' }).click();
        await page.getByText('Is not your current password.').waitFor();
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-currentPassword');
        await page.getByLabel('Current password').fill(PASSWORD);
        await page.getByRole('button', { name: 'Change password' }).click();
        await page.getByText('Password changed.', { exact: false }).waitFor();
        // The register call's session was ended; this one stays.
        await page.waitForFunction(() => document.querySelectorAll('.sessions li').length === 1);
        const login = (password: string) =>
          t.http().post('/api/auth/login').send({ email: me.email, password });
        await login(PASSWORD).expect(401);
        await login(NEW_PASSWORD).expect(200);
      } finally {
        await context.close();
      }
    }, 60_000);

    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      it(`has no axe-core violations on the account screens (${size}, ${viewport.width} px)`, async () => {
        // bypassCSP: axe-core is injected into the page, which the app's own CSP forbids.
        const context = await browser.newContext({ bypassCSP: true, viewport });
        const found: Record<string, string[]> = {};
        const overflow: Record<string, boolean> = {};
        try {
          const page = await context.newPage();
          const check = async (name: string) => {
            await page.addScriptTag({ content: AXE_SOURCE });
            const results = await page.evaluate(
              (tags) => window.axe.run({ runOnly: { type: 'tag', values: tags } }),
              AXE_TAGS,
            );
            found[name] = readableViolations(results.violations);
            overflow[name] = await page.evaluate(
              () => document.documentElement.scrollWidth > window.innerWidth,
            );
          };
          const visit = async (path: string, title: string) => {
            await page.goto(base + path);
            await heading(page, title);
            await check(title);
          };

          await visit('/forgot-password', 'Forgot your password?');
          await page.getByRole('button', { name: 'Email me a link' }).click();
          await page.getByText('Must be an email address.').waitFor();
          await check('Forgot your password?, refused');
          await page.getByLabel('Email').fill('someone@account.example');
          await page.getByRole('button', { name: 'Email me a link' }).click();
          await heading(page, 'Check your email');
          await check('Check your email');
          await visit(`/reset-password?token=${'A'.repeat(43)}`, 'Choose a new password');
          await page.getByLabel('New password').fill(NEW_PASSWORD);
          await page.getByRole('button', { name: 'Set new password' }).click();
          await heading(page, 'This link no longer works');
          await check('This link no longer works');
          await visit('/sign-in?reset=done', 'Sign in');

          const me = await register();
          await signIn(page, me.email);
          await visit('/account', 'Account');
          await page.getByRole('button', { name: 'Change password' }).click();
          await page.getByText('Must be 10 to 256 characters.').waitFor();
          await check('Account, password refused');
        } finally {
          await context.close();
        }
        expect(found).toEqual(Object.fromEntries(Object.keys(found).map((name) => [name, []])));
        expect(Object.values(overflow)).not.toContain(true);
      }, 120_000);
    }
  },
);
