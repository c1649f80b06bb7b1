import { CHROMIUM, haveChromium, SmtpSink } from '@app/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { fixtureDirectoryCsv, fixtureLetter, type TestApp } from '../support';
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

const DAY = 24 * 3600 * 1000;
const describeWithBrowser = haveChromium ? describe : describe.skip;

/** test/fixtures/organizations.csv has 12 organizations tagged `regional`. */
const REGIONAL = 12;
const NOTE = [
  'Dear friends,',
  '',
  'We would be **proud** to count you among the signers:',
  '',
  '- sign before Friday',
  '- tell your members',
].join('\n');
const OPENING = 'We, the undersigned organizations';

// Runs in the browser (the project compiles without the DOM library): the computed style the
// frame's document gives an element.
declare function getComputedStyle(element: unknown): { color: string; fontFamily: string };

describeWithBrowser(
  haveChromium
    ? 'a letter’s invitations: funnel, inviting with a note and a preview, revoking, reminders, in a browser'
    : `a letter’s invitations — SKIPPED: ${CHROMIUM} is not installed (.ci/run installs it)`,
  () => {
    let t: TestApp;
    let browser: Browser;
    let base: string;
    let sink: SmtpSink;
    let owner: BrowserContext;
    let wid: string;
    let lid: string;

    beforeAll(async () => {
      sink = await SmtpSink.start();
      ({ t, browser, base } = await startWebApp({ SMTP_URL: sink.url, MAIL_PER_MINUTE: '10000' }));
      // The context bypasses the CSP only so that axe-core can be injected; the mail's frame
      // is checked under the real CSP in its own context below.
      owner = await browser.newContext({ viewport: VIEWPORTS.desktop, bypassCSP: true });
      const res = await owner.request.post(`${base}/api/auth/register`, {
        data: { name: 'Amira Haddad', email: 'amira@coalition.example', password: PASSWORD },
      });
      expect(res.status()).toBe(201);
      wid = (await apiAs(owner, base, 'post', '/api/workspaces', { name: 'Clean Air Coalition' }))
        .id;
      const csrf = (await owner.cookies(base)).find((c) => c.name === 'signatory_csrf')!.value;
      const imported = await owner.request.post(
        `${base}/api/workspaces/${wid}/organizations/import`,
        {
          data: fixtureDirectoryCsv(),
          headers: { 'Content-Type': 'text/csv', 'X-CSRF-Token': csrf },
        },
      );
      expect(imported.status()).toBe(200);
      const cid = (
        await apiAs(owner, base, 'post', `/api/workspaces/${wid}/campaigns`, { name: 'Press' })
      ).id;
      lid = (
        await apiAs(owner, base, 'post', `/api/campaigns/${cid}/letters`, {
          content: fixtureLetter.content,
        })
      ).id;
      await apiAs(owner, base, 'post', `/api/letters/${lid}/publish`, {
        deadline: new Date(t.clock.now().getTime() + 10 * DAY).toISOString(),
      });
    }, 120_000);

    afterAll(async () => {
      await owner?.close();
      await stopWebApp({ t, browser });
      await sink?.close();
    });

    const screen = '/w/:wid/letters/:lid/invitations';
    const url = () => `${base}/w/${wid}/letters/${lid}/invitations`;

    async function expectClean(page: Page) {
      for (const viewport of [VIEWPORTS.desktop, VIEWPORTS.phone]) {
        await page.setViewportSize(viewport);
        expect(await screenProblems(page)).toEqual(NO_PROBLEMS);
      }
      await page.setViewportSize(VIEWPORTS.desktop);
    }

    it(`${screen}: by tag, with a note; the preview shows the mail; sent, it has the note above the opening; the funnel counts them`, async () => {
      const page = await owner.newPage();
      try {
        await page.goto(url());
        await heading(page, 'Invitations');
        await page.getByRole('radio', { name: 'By tag' }).check();
        await page.getByRole('textbox', { name: 'Tag', exact: true }).fill('regional');
        await page.getByLabel('Personal note (optional)').fill(NOTE);
        await page.getByRole('button', { name: 'Preview the mail' }).click();

        await page
          .locator('#preview-counts', {
            hasText: `${REGIONAL} to invite; 0 already invited (skipped).`,
          })
          .waitFor();
        expect(await page.locator('#preview-subject').textContent()).toContain(
          fixtureLetter.content.title,
        );
        // The mail's HTML, rendered in its sandboxed frame: the note's list above the opening.
        const frame = page.frameLocator('iframe[title="The invitation mail"]');
        await frame.getByText('tell your members').waitFor();
        await frame.getByText(OPENING, { exact: false }).first().waitFor();
        expect(await page.locator('iframe.mail-frame').getAttribute('sandbox')).toBe('');
        await expectClean(page);

        await page.getByRole('button', { name: `Send ${REGIONAL} invitations` }).click();
        await page
          .getByRole('status')
          .filter({ hasText: `Sent ${REGIONAL} invitations; 0 already invited, left alone.` })
          .waitFor();

        const mail = await sink.waitForMail('contact1@org1.example');
        const text = mail.text ?? '';
        expect(text).toContain('A note from Amira Haddad at Clean Air Coalition');
        expect(text.indexOf('tell your members')).toBeGreaterThan(-1);
        expect(text.indexOf('tell your members')).toBeLessThan(text.indexOf(OPENING));
        const html = typeof mail.html === 'string' ? mail.html : '';
        expect(html).toMatch(/<li>\s*tell your members\s*<\/li>/);
        expect(html.indexOf('tell your members')).toBeLessThan(html.indexOf(OPENING));

        await page.locator('#funnel-invited', { hasText: new RegExp(`^${REGIONAL}$`) }).waitFor();
        await page
          .getByRole('listitem')
          .filter({ hasText: 'Access to Information Project (ATIP)' })
          .getByText('contact1@org1.example')
          .waitFor();
      } finally {
        await page.close();
      }
    }, 120_000);

    it('shows the mail styled as sent, in its frame, under the real CSPs', async () => {
      // A context that keeps the CSPs: the app page's own, and the mail document's, which lets
      // the mail's style attributes apply (a srcdoc frame, under the page's policy, refused them).
      const strict = await browser.newContext({
        viewport: VIEWPORTS.desktop,
        storageState: await owner.storageState(),
      });
      const page = await strict.newPage();
      const refused: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy|X-Frame-Options/.test(m.text())) refused.push(m.text());
      });
      try {
        await page.goto(url());
        await heading(page, 'Invitations');
        await page.getByRole('radio', { name: 'By tag' }).check();
        await page.getByRole('textbox', { name: 'Tag', exact: true }).fill('legal');
        await page.getByLabel('Personal note (optional)').fill('- a line of the note');
        await page.getByRole('button', { name: 'Preview the mail' }).click();
        const frame = page.frameLocator('iframe[title="The invitation mail"]');
        await frame.getByText('a line of the note').waitFor();
        // The layout's inline styles (libs/mail/src/templates/layout.ts), as computed in the frame.
        const footer = frame.getByText('Sent by Signatory on behalf of');
        expect(await footer.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(85, 85, 85)');
        expect(
          await frame.locator('body').evaluate((el) => getComputedStyle(el).fontFamily),
        ).toMatch(/^Georgia/);
        expect(refused).toEqual([]);
      } finally {
        await strict.close();
      }
    }, 60_000);

    it('marks the invited ones in the picker, revokes one, shows the reminder schedule and a refused note’s lines', async () => {
      const page = await owner.newPage();
      try {
        await page.goto(url());
        await heading(page, 'Invitations');
        await page.getByRole('radio', { name: 'Pick by hand' }).check();
        await page.getByRole('searchbox', { name: 'Search the directory' }).fill('Access');
        const invited = page.getByRole('checkbox', { name: /Access to Information Project/ });
        await invited.waitFor();
        expect(await invited.isDisabled()).toBe(true);
        expect(await invited.isChecked()).toBe(true);

        // A note with a table (line 3) and raw HTML (line 6): each line next to the note.
        await page.getByRole('searchbox', { name: 'Search the directory' }).fill('Forum for');
        await page.getByRole('checkbox', { name: /Forum for Free Expression/ }).check();
        await page
          .getByLabel('Personal note (optional)')
          .fill('Hello,\n\n| a | b |\n| - | - |\n\n<b>bold</b>');
        await page.getByRole('button', { name: 'Preview the mail' }).click();
        const problems = page.locator('#field-note-error');
        await problems.getByText('Line 3: tables are not allowed').waitFor();
        expect(await problems.textContent()).toMatch(/Line 6: /);
        expect(await page.getByLabel('Personal note (optional)').getAttribute('aria-invalid')).toBe(
          'true',
        );

        // Resend, twice: the second (or the first, the mail having gone moments ago) is a 429
        // whose message, with when to try again, shows under the row.
        const youth = page.getByRole('listitem').filter({ hasText: 'Youth Media Alliance' });
        await page.getByRole('button', { name: 'Resend to Youth Media Alliance' }).click();
        await page.waitForLoadState('networkidle');
        await page.getByRole('button', { name: 'Resend to Youth Media Alliance' }).click();
        await youth
          .getByRole('alert')
          .filter({ hasText: /resend again in \d+ min/ })
          .waitFor();

        // Revoke, after confirming.
        await page.getByRole('button', { name: 'Revoke Digital Rights Lab' }).click();
        await page.getByRole('button', { name: 'Yes, revoke' }).click();
        await page
          .getByRole('status')
          .filter({ hasText: 'Revoked the invitation of Digital Rights Lab.' })
          .waitFor();
        await page
          .getByRole('listitem')
          .filter({ hasText: 'Digital Rights Lab' })
          .getByText('Revoked', { exact: true })
          .waitFor();
        const list = (await apiAs(
          owner,
          base,
          'get',
          `/api/letters/${lid}/invitations`,
        )) as unknown as {
          organizationName: string;
          revoked: boolean;
        }[];
        expect(list.find((i) => i.organizationName === 'Digital Rights Lab')?.revoked).toBe(true);

        // The schedule: 7 and 2 days before the deadline, each with whom it would go to.
        const reminders = page.getByRole('list', { name: 'Reminders' });
        await reminders.getByText('7 days before the deadline').waitFor();
        await reminders.getByText('2 days before the deadline').waitFor();
      } finally {
        await page.close();
      }
    }, 120_000);
  },
);
