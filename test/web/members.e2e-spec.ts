import { CHROMIUM, haveChromium, SmtpSink } from '@app/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../support';
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

const describeWithBrowser = haveChromium ? describe : describe.skip;

describeWithBrowser(
  haveChromium
    ? 'the members screen and the join link, in a browser'
    : `the members screen — SKIPPED: ${CHROMIUM} is not installed (.ci/run installs it)`,
  () => {
    let t: TestApp;
    let sink: SmtpSink;
    let browser: Browser;
    let base: string;
    let people = 0;
    const someone = () => {
      people += 1;
      return { name: `Owner ${people}`, email: `members-owner${people}@coalition.example` };
    };

    beforeAll(async () => {
      sink = await SmtpSink.start();
      ({ t, browser, base } = await startWebApp({ SMTP_URL: sink.url }));
    }, 120_000);

    afterAll(async () => {
      await stopWebApp({ t, browser });
      await sink?.close();
    });

    /** A new account, signed in in `context`, owning a new workspace; its id. */
    async function ownerWithWorkspace(context: BrowserContext, name: string) {
      const res = await context.request.post(`${base}/api/auth/register`, {
        data: { ...someone(), password: PASSWORD },
      });
      expect(res.status()).toBe(201);
      return (await apiAs(context, base, 'post', '/api/workspaces', { name })).id;
    }

    /** The token of the join link mailed to `email`. */
    async function joinToken(email: string) {
      const mail = await sink.waitForMail(email);
      const token = /\/join\/([A-Za-z0-9_-]{43})/.exec(mail.text ?? '')?.[1];
      expect(token).toBeDefined();
      return token!;
    }

    const row = (page: Page, name: string) => page.getByRole('listitem').filter({ hasText: name });

    it('invites by email, the member joins signed in, the owner changes the role; the last owner stays', async () => {
      const owner = await browser.newContext({ viewport: VIEWPORTS.desktop });
      const joiner = await browser.newContext({ viewport: VIEWPORTS.phone });
      try {
        const wid = await ownerWithWorkspace(owner, 'Members Coalition');
        const page = await owner.newPage();
        await page.goto(`${base}/w/${wid}/settings`);
        await page.getByRole('link', { name: 'Members' }).click();
        await heading(page, 'Members');

        // The only owner: leaving is offered but disabled, with the rule beside it.
        const mine = row(page, '(you)');
        expect(await mine.getByRole('button', { name: 'Leave' }).isDisabled()).toBe(true);
        await mine.getByText('The last owner cannot be demoted or removed').waitFor();

        const email = 'new.member@coalition.example';
        await page.getByLabel('Email address').fill(email);
        await page.getByLabel('Role', { exact: true }).selectOption('editor');
        await page.getByRole('button', { name: 'Add member' }).click();
        await page.getByRole('status').filter({ hasText: 'a join link was emailed' }).waitFor();
        await page
          .getByRole('region', { name: 'Invited, not joined yet' })
          .getByText(email)
          .waitFor();

        // The emailed link, followed in another browser: a page that works without the app.
        const join = await joiner.newPage();
        await join.goto(`${base}/join/${await joinToken(email)}`);
        await join.getByLabel('Your name').fill('Nadia Benali');
        await join.getByLabel('Choose a password').fill(PASSWORD);
        await join.getByRole('button', { name: 'Join Members Coalition' }).click();
        await join.getByRole('heading', { name: 'Welcome to Members Coalition' }).waitFor();
        await join.getByRole('link', { name: 'Open Members Coalition in Signatory' }).click();
        // Inside the app, signed in: the workspace's home.
        await join.waitForURL(`${base}/w/${wid}`);
        await heading(join, 'Campaigns');
        await join.getByText('Members Coalition', { exact: true }).first().waitFor();
        const me = await joiner.request.get(`${base}/api/auth/me`);
        expect(await me.json()).toMatchObject({ email, name: 'Nadia Benali' });

        await page.reload();
        await heading(page, 'Members');
        const nadia = row(page, 'Nadia Benali');
        await nadia.getByLabel('Role of Nadia Benali').selectOption('owner');
        await nadia.getByRole('button', { name: 'Change role' }).click();
        // Two owners now: the rule no longer holds the signed-in owner back.
        await mine.getByRole('button', { name: 'Leave' }).and(page.locator(':enabled')).waitFor();
        expect(await mine.getByText('The last owner').count()).toBe(0);
        const list = await apiAs(owner, base, 'get', `/api/workspaces/${wid}/members`);
        expect(list.members).toContainEqual(expect.objectContaining({ email, role: 'owner' }));

        // Removing asks first; with one owner left, the rule is back.
        page.once('dialog', (dialog) => void dialog.accept());
        await nadia.getByRole('button', { name: 'Remove' }).click();
        await nadia.waitFor({ state: 'detached' });
        await mine.getByText('The last owner cannot be demoted or removed').waitFor();
        const after = await apiAs(owner, base, 'get', `/api/workspaces/${wid}/members`);
        expect(after.members).toEqual([expect.objectContaining({ role: 'owner' })]);
      } finally {
        await owner.close();
        await joiner.close();
      }
    }, 120_000);

    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      it(`has no axe-core violations on the members screen (${size}, ${viewport.width} px)`, async () => {
        const context = await browser.newContext({ bypassCSP: true, viewport });
        try {
          const wid = await ownerWithWorkspace(context, `Axe Members ${size}`);
          await apiAs(context, base, 'post', `/api/workspaces/${wid}/members`, {
            email: `axe-${size}@coalition.example`,
            role: 'viewer',
          });
          const page = await context.newPage();
          await page.goto(`${base}/w/${wid}/members`);
          await heading(page, 'Members');
          await page.getByText(`axe-${size}@coalition.example`).waitFor();
          expect(await screenProblems(page)).toEqual(NO_PROBLEMS);
          await page.getByRole('button', { name: 'Add member' }).click();
          await page.getByText('Must be an email address', { exact: false }).waitFor();
          expect(await screenProblems(page)).toEqual(NO_PROBLEMS);
        } finally {
          await context.close();
        }
      }, 60_000);
    }
  },
);
