import { CHROMIUM, haveChromium, SmtpSink, waitForQueuesIdle } from '@app/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { fixtureLetter, signLinkIn, type TestApp } from '../support';
import { BAD_REPORT, BAD_REPORT_REFUSAL, FORMS_XLSX, mapFormsColumns } from './import-files';
import { pdftotext } from './pdf-text';
import { apiAs, heading, PASSWORD, startWebApp, stopWebApp, VIEWPORTS } from './screens';

// The page globals the callbacks given to page.evaluate use (the project has no DOM lib).
declare const window: { localStorage: { setItem(k: string, v: string): void }; marker?: number };

const DAY = 24 * 3600 * 1000;
const describeWithBrowser = haveChromium ? describe : describe.skip;

const TITLE = fixtureLetter.content.title;
const NOTE = 'Dear friends,\n\nWe would be **proud** to count you among the signers.';
/** Two organizations of the imported directory, signing through their mailed links. */
const GREEK = {
  name: 'Ελληνική Ένωση για τα Δικαιώματα του Ανθρώπου',
  // Updated by the Action Network report: its address comes first.
  email: 'daniel.cohen@org13.example',
};
const CZECH = {
  name: 'Čeští novináři bez hranic',
  // Its report row was refused, so the Google Forms address is still the one invited.
  email: 'mateo@org9.example',
};
/** An organization outside the directory, asking to sign through the open form. */
const OPEN = { name: 'Harbour Voices', email: 'sam@harbour.example' };

describeWithBrowser(
  haveChromium
    ? 'a coordinator’s journey, in a browser: import, invite, live sign-ons, moderation, the final PDF'
    : `a coordinator’s journey — SKIPPED: ${CHROMIUM} is not installed (.ci/run installs it)`,
  () => {
    let t: TestApp;
    let browser: Browser;
    let base: string;
    let sink: SmtpSink;
    /** The coordinator's session, signed in through the API (as every web spec starts). */
    let coordinator: BrowserContext;
    let wid: string;
    let lid: string;

    beforeAll(async () => {
      sink = await SmtpSink.start();
      ({ t, browser, base } = await startWebApp({ SMTP_URL: sink.url, MAIL_PER_MINUTE: '10000' }));
      coordinator = await browser.newContext({
        viewport: VIEWPORTS.desktop,
        acceptDownloads: true,
      });
      const res = await coordinator.request.post(`${base}/api/auth/register`, {
        data: { name: 'Ines Coordinator', email: 'ines@coalition.example', password: PASSWORD },
      });
      expect(res.status()).toBe(201);
      wid = (await apiAs(coordinator, base, 'post', '/api/workspaces', { name: 'Press Freedom' }))
        .id;
      const cid = (
        await apiAs(coordinator, base, 'post', `/api/workspaces/${wid}/campaigns`, {
          name: 'Detained journalists',
        })
      ).id;
      // Open sign-on, each one approved by a coordinator; publishing in the browser is
      // publish.e2e-spec.ts's.
      lid = (
        await apiAs(coordinator, base, 'post', `/api/campaigns/${cid}/letters`, {
          content: fixtureLetter.content,
          settings: { openSignOn: true, requireApproval: true },
        })
      ).id;
      await apiAs(coordinator, base, 'post', `/api/letters/${lid}/publish`, {
        deadline: new Date(t.clock.now().getTime() + 10 * DAY).toISOString(),
      });
    }, 120_000);

    afterAll(async () => {
      await coordinator?.close();
      await stopWebApp({ t, browser });
      await sink?.close();
    });

    const status = (page: Page, text: string | RegExp) =>
      page.getByRole('status').filter({ hasText: text }).waitFor();

    /** The address the directory would mail an organization at first (its primary email). */
    async function primaryEmail(name: string) {
      const { items } = (await apiAs(
        coordinator,
        base,
        'get',
        `/api/workspaces/${wid}/organizations?search=${encodeURIComponent(name)}`,
      )) as unknown as { items: { name: string; email: string | null }[] };
      return items.find((o) => o.name === name)?.email;
    }

    async function openImport(page: Page) {
      await page.goto(`${base}/w/${wid}/directory`);
      await heading(page, 'Directory');
      await page.getByRole('link', { name: 'Import a spreadsheet…' }).click();
      await heading(page, 'Import a spreadsheet');
    }

    /** The Google Forms workbook with its columns chosen by hand. */
    async function importFormsWorkbook(page: Page) {
      await openImport(page);
      await page.getByLabel('Spreadsheet').setInputFiles(FORMS_XLSX);
      await page.getByRole('heading', { level: 2, name: 'Preview', exact: true }).waitFor();
      await mapFormsColumns(page);
      await page.getByRole('button', { name: 'Update preview' }).click();
      await status(page, '14 rows: 14 to create, 0 to update, 0 refused.');
      await page.getByRole('button', { name: 'Import 14 organizations' }).click();
      await status(page, 'Imported: 14 organizations created, 0 updated.');
    }

    /**
     * The Action Network report, one bad row in it, through its preset: the refused row is
     * shown with its line while nothing is written yet; then the good rows alone.
     */
    async function importReportWithRefusedRow(page: Page) {
      await openImport(page);
      await page
        .getByLabel('Spreadsheet')
        .setInputFiles({ name: 'report.csv', mimeType: 'text/csv', buffer: BAD_REPORT });
      await page.getByRole('heading', { level: 2, name: 'Preview', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Action Network signature report' }).click();
      await page.getByRole('button', { name: 'Update preview' }).click();
      await status(page, '14 rows: 0 to create, 13 to update, 1 refused.');
      await page.getByRole('heading', { level: 2, name: '1 refused row' }).waitFor();
      await page.getByText(BAD_REPORT_REFUSAL).waitFor();
      expect(await primaryEmail('Access to Information Project (ATIP)')).toBe('amina@org1.example');

      await page.getByRole('button', { name: 'Import the 13 good rows, skip the refused' }).click();
      await status(page, 'Imported: 0 organizations created, 13 updated, 1 refused row skipped.');
      expect(await primaryEmail('Access to Information Project (ATIP)')).toBe(
        'amina.haddad@org1.example',
      );
      expect(await primaryEmail(CZECH.name)).toBe(CZECH.email);
    }

    /** Every organization of the directory, with a personal note, previewed then sent. */
    async function inviteEveryone(page: Page) {
      await page.goto(`${base}/w/${wid}/letters/${lid}/invitations`);
      await heading(page, 'Invitations');
      await page.getByRole('radio', { name: 'All organizations' }).check();
      await page.getByLabel('Personal note (optional)').fill(NOTE);
      await page.getByRole('button', { name: 'Preview the mail' }).click();
      await page
        .locator('#preview-counts', { hasText: '14 to invite; 0 already invited (skipped).' })
        .waitFor();
      await page.getByRole('button', { name: 'Send 14 invitations' }).click();
      await status(page, 'Sent 14 invitations; 0 already invited, left alone.');
    }

    /**
     * The link of the mail sent to `email`, on this test's server: mails name PUBLIC_URL
     * (http://signatory.test), the path is the link's.
     */
    async function mailedLink(email: string) {
      const mail = await sink.waitForMail(email);
      return { text: mail.text ?? '', url: `${base}/sign/${signLinkIn(mail.text)}` };
    }

    /** An invited organization signs on the signer page its mail links to. */
    async function signThroughInvitation(page: Page, org: { name: string; email: string }) {
      const { text, url } = await mailedLink(org.email);
      expect(text).toContain('A note from Ines Coordinator at Press Freedom');
      expect(text).toContain('count you among the signers');
      await page.goto(url);
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      // Filled in from the directory the imports wrote.
      const printed = page.getByLabel('Organization name, exactly as it will be printed');
      expect(await printed.inputValue()).toBe(org.name);
      await page.getByLabel('Your name', { exact: true }).fill('A Signer');
      await page.getByRole('checkbox', { name: /^I am authorized to sign/ }).check();
      await page.getByRole('checkbox', { name: /^I agree that Press Freedom lists/ }).check();
      await page.getByRole('button', { name: 'Sign the letter' }).click();
      await heading(page, 'Your sign-on is recorded');
    }

    /** Someone outside the directory asks on the open form, then confirms from the mail. */
    async function askOnOpenForm(page: Page) {
      await page.goto(`${base}/s/${lid}`);
      await page.getByLabel('Organization name, exactly as it will be printed').fill(OPEN.name);
      await page.getByLabel('Your name', { exact: true }).fill('Sam Open');
      await page.getByLabel('Your email address').fill(OPEN.email);
      await page.getByRole('checkbox', { name: /^I am authorized to sign/ }).check();
      await page.getByRole('checkbox', { name: /^I agree that Press Freedom lists/ }).check();
      await page.getByRole('button', { name: 'Ask to sign' }).click();
      await heading(page, 'Check your email');
      await page.goto((await mailedLink(OPEN.email)).url);
      await page.getByRole('button', { name: 'Confirm my sign-on' }).click();
      await heading(page, 'Thank you: your sign-on is confirmed');
    }

    it('imports two spreadsheets, invites everyone with a note, watches sign-ons arrive live, approves one, and reads the final PDF back', async () => {
      const page = await coordinator.newPage();
      await importFormsWorkbook(page);
      await importReportWithRefusedRow(page);
      await inviteEveryone(page);

      // The dashboard, in a second session of the coordinator, stays open from here on.
      const watching = await browser.newContext({
        viewport: VIEWPORTS.desktop,
        storageState: await coordinator.storageState(),
      });
      // Polling once an hour (docs/web.md): only the event stream can bring the counts up.
      await watching.addInitScript(() =>
        window.localStorage.setItem('signatory.pollMs', String(3_600_000)),
      );
      const board = await watching.newPage();
      await board.goto(`${base}/w/${wid}/letters/${lid}/dashboard`);
      await heading(board, 'Dashboard');
      await board.locator('#count-signed', { hasText: /^0$/ }).waitFor();
      await board
        .getByRole('status')
        .filter({ hasText: /^Live$/ })
        .waitFor();
      // A reload would lose the marker and fire a load event.
      await board.evaluate(() => (window.marker = 1));
      let loads = 0;
      board.on('load', () => (loads += 1));
      const signed = (n: number) =>
        board.locator('#count-signed', { hasText: new RegExp(`^${n}$`) }).waitFor();

      const signers = await browser.newContext({ viewport: VIEWPORTS.phone });
      const signer = await signers.newPage();
      // The invitations go out from the queue: each is marked sent before its link is used.
      await sink.waitForMail(GREEK.email);
      await sink.waitForMail(CZECH.email);
      await waitForQueuesIdle(t.app);
      await signThroughInvitation(signer, GREEK);
      await signed(1);
      await signThroughInvitation(signer, CZECH);
      await signed(2);

      await askOnOpenForm(signer);
      await board.locator('#count-pending', { hasText: /^1$/ }).waitFor();
      await page
        .getByRole('navigation', { name: 'Sign-ons' })
        .getByRole('link', { name: 'Moderation' })
        .click();
      await heading(page, 'Moderation');
      await page.getByRole('button', { name: `Approve ${OPEN.name}` }).click();
      await page.getByText(`Approved ${OPEN.name}; the signer is told.`).waitFor();
      await signed(3);
      await board.locator('#count-pending', { hasText: /^0$/ }).waitFor();
      expect(await board.evaluate(() => window.marker)).toBe(1);
      expect(loads).toBe(0);
      await watching.close();
      await signers.close();

      // The final PDF, combined, from the letter's page.
      await page.getByRole('link', { name: TITLE }).click();
      await heading(page, TITLE);
      await page.getByRole('link', { name: 'Final PDF' }).click();
      await heading(page, `Final PDF: ${TITLE}`);
      expect(await page.getByRole('radio', { name: 'Combined' }).isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Render' }).click();
      const bar = page.getByRole('progressbar', { name: 'Progress' });
      await bar.waitFor();
      await page.getByText('Rendered: 100 %').waitFor();
      expect(await bar.getAttribute('aria-valuenow')).toBe('100');
      const card = page.getByRole('region', { name: /edition,/ });
      await card.getByText('3 organizations named').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        card.getByRole('link', { name: 'Download the PDF' }).click(),
      ]);
      const text = pdftotext(await download.path());
      // The letter's default order, alphabetical: Č with the Cs, Latin before Greek. They
      // signed in another order (Greek first), so the file was sorted, not appended.
      const printed = [CZECH.name, OPEN.name, GREEK.name];
      expect(printed.filter((name) => !text.includes(name))).toEqual([]);
      expect([...printed].sort((a, b) => text.indexOf(a) - text.indexOf(b))).toEqual(printed);
      await page.close();
    }, 240_000);
  },
);
