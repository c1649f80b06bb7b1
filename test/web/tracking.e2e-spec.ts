import { CHROMIUM, haveChromium, SmtpSink, waitForQueuesIdle } from '@app/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { fixtureLetter, signLinkIn, type TestApp } from '../support';
import {
  apiAs,
  focusedId,
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

// The page globals the callbacks given to page.evaluate use (the project has no DOM lib).
declare const window: { localStorage: { setItem(k: string, v: string): void }; marker?: number };
declare function fetch(url: string): Promise<{ status: number; text(): Promise<string> }>;

describeWithBrowser(
  haveChromium
    ? 'a letter’s sign-ons: dashboard, live counts, moderation, paper sign-ons, in a browser'
    : `a letter’s sign-ons — SKIPPED: ${CHROMIUM} is not installed (.ci/run installs it)`,
  () => {
    let t: TestApp;
    let browser: Browser;
    let base: string;
    let sink: SmtpSink;
    let owner: BrowserContext;
    let wid: string;
    let lid: string;
    let orgs = 0;

    beforeAll(async () => {
      sink = await SmtpSink.start();
      ({ t, browser, base } = await startWebApp({ SMTP_URL: sink.url, MAIL_PER_MINUTE: '10000' }));
      // The owner's session, shared by every browser page below: a published letter with
      // open sign-on awaiting approval.
      owner = await browser.newContext({ viewport: VIEWPORTS.desktop, bypassCSP: true });
      // Poll every half second instead of 10 s while the event stream is absent (docs/web.md).
      await owner.addInitScript(() => window.localStorage.setItem('signatory.pollMs', '500'));
      const res = await owner.request.post(`${base}/api/auth/register`, {
        data: { name: 'Olga Owner', email: 'olga@coalition.example', password: PASSWORD },
      });
      expect(res.status()).toBe(201);
      wid = (await apiAs(owner, base, 'post', '/api/workspaces', { name: 'Tracking' })).id;
      const cid = (
        await apiAs(owner, base, 'post', `/api/workspaces/${wid}/campaigns`, { name: 'Press' })
      ).id;
      lid = (
        await apiAs(owner, base, 'post', `/api/campaigns/${cid}/letters`, {
          content: fixtureLetter.content,
          settings: { openSignOn: true, requireApproval: true },
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

    const focusedText = () =>
      (globalThis as unknown as { document: { activeElement: { textContent: string } | null } })
        .document.activeElement?.textContent;

    const path = (screen: string) => `${base}/w/${wid}/letters/${lid}/${screen}`;

    /** An organization invited by the owner signs through its emailed link (no browser). */
    async function invitedSigns(name: string) {
      const n = ++orgs;
      const email = `contact@org${n}.example`;
      const org = await apiAs(owner, base, 'post', `/api/workspaces/${wid}/organizations`, {
        name,
        email,
        country: 'KE',
        website: `https://org${n}.example`,
      });
      await apiAs(owner, base, 'post', `/api/letters/${lid}/invitations`, {
        organizationIds: [org.id],
      });
      const link = signLinkIn((await sink.waitForMail(email)).text);
      await waitForQueuesIdle(t.app);
      await t
        .http()
        .post(`/api/sign/${link}`)
        .send({ displayName: name, signerName: 'Wanjiru Kamau', consent: true, authorized: true })
        .expect(201);
    }

    /** An open sign-on, confirmed from its mail: it waits for the owner's approval. */
    async function openSignOn(name: string, email: string) {
      await t
        .http()
        .post(`/api/s/${lid}`)
        .send({
          displayName: name,
          signerName: 'Sam Open',
          signerEmail: email,
          consent: true,
          authorized: true,
        })
        .expect(202);
      await waitForQueuesIdle(t.app);
      const link = signLinkIn((await sink.waitForMail(email)).text);
      await t.http().post(`/api/sign/${link}/confirm`).expect(200);
    }

    const signatures = async (query = '') =>
      (await (
        await owner.request.get(`${base}/api/letters/${lid}/signatures?limit=100${query}`)
      ).json()) as { displayName: string; status: string; source: string }[];

    async function expectClean(page: Page) {
      for (const viewport of [VIEWPORTS.desktop, VIEWPORTS.phone]) {
        await page.setViewportSize(viewport);
        expect(await screenProblems(page)).toEqual(NO_PROBLEMS);
      }
      await page.setViewportSize(VIEWPORTS.desktop);
    }

    it('the dashboard’s count rises without a reload when an organization signs; chart, activity, audit badge and CSV', async () => {
      const page = await owner.newPage();
      await page.goto(path('dashboard'));
      await heading(page, 'Dashboard');
      await page.locator('#count-signed', { hasText: /^0$/ }).waitFor();
      await page.getByText('No confirmed sign-on yet.').first().waitFor();
      await page.evaluate(() => (window.marker = 1));

      await invitedSigns('Green Earth Alliance');

      // Whichever keeps it fresh (the event stream once it exists, else polling), the
      // number moves on the page as it is.
      await page.locator('#count-signed', { hasText: /^1$/ }).waitFor({ timeout: 20_000 });
      expect(await page.evaluate(() => window.marker)).toBe(1);
      await page.getByText('Green Earth Alliance signed revision 1').waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: /^(Live|Updating every \d+ s)$/ })
        .waitFor();
      await page
        .getByRole('img', { name: /^1 confirmed sign-on, from .+; deadline .+\.$/ })
        .waitFor();
      await page.getByRole('row', { name: /Revision 1 \(current\) 1/ }).waitFor();

      await page.getByText('Audit chain verified ✓').waitFor();
      await page.getByText(/^checked /).waitFor();

      // The export is a plain link to the API, fetched with the session cookie.
      const link = page.getByRole('link', { name: 'Everything (CSV)' });
      expect(await link.getAttribute('download')).not.toBeNull();
      const href = (await link.getAttribute('href'))!;
      expect(href).toBe(`/api/letters/${lid}/signatures.csv?scope=all`);
      const csv = await page.evaluate(async (url) => {
        const res = await fetch(url);
        return { status: res.status, text: await res.text() };
      }, href);
      expect(csv.status).toBe(200);
      const [header, row] = csv.text.replace(/^\uFEFF/, '').split(/\r?\n/);
      expect(header.startsWith('id,display_name,status,source,visibility,revision')).toBe(true);
      expect(row).toContain('Green Earth Alliance');

      await expectClean(page);
      await page.close();
    });

    it('approves one open sign-on and rejects another, the signers told', async () => {
      await openSignOn('Harbour Voices', 'sam@harbour.example');
      await openSignOn('Spam Corp', 'sam@spam.example');
      const page = await owner.newPage();
      await page.goto(path('moderation'));
      await heading(page, 'Moderation');
      await page
        .getByRole('list', { name: 'Waiting for approval' })
        .getByRole('listitem')
        .nth(1)
        .waitFor();
      await expectClean(page);

      // With the keyboard alone: Enter approves; the focus goes on to the next row.
      await page.getByRole('button', { name: 'Approve Harbour Voices' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('Approved Harbour Voices; the signer is told.').waitFor();
      await page.waitForFunction(
        () =>
          (
            globalThis as unknown as {
              document: { activeElement: { getAttribute(n: string): string | null } | null };
            }
          ).document.activeElement?.getAttribute('aria-label') === 'Approve Spam Corp',
      );

      // Rejecting asks first, the focus on the reason for the signer; Cancel gives it back
      // to the question.
      const reason = page.getByLabel('Reason, in the signer’s email (optional)');
      const isFocused = () =>
        reason.evaluate(
          (el) =>
            el ===
            (globalThis as unknown as { document: { activeElement: unknown } }).document
              .activeElement,
        );
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.getByRole('group', { name: 'Reject Spam Corp?' }).waitFor();
      expect(await isFocused()).toBe(true);
      await expectClean(page);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(focusedText)).toBe('Yes, reject');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Reject Spam Corp' }).waitFor();
      expect(await page.evaluate(focusedText)).toBe('Reject');
      await page.keyboard.press('Enter');
      await reason.waitFor();
      expect(await isFocused()).toBe(true);
      await page.keyboard.type('Not a member of the coalition.');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.getByText('Rejected Spam Corp; the signer is told, with your reason.').waitFor();
      await page.getByText('No sign-on is waiting for approval.').waitFor();

      const byName = Object.fromEntries((await signatures()).map((s) => [s.displayName, s.status]));
      expect(byName).toMatchObject({ 'Harbour Voices': 'confirmed', 'Spam Corp': 'rejected' });
      await waitForQueuesIdle(t.app);
      expect(sink.to('sam@harbour.example').length).toBeGreaterThanOrEqual(2);
      expect(sink.to('sam@spam.example').length).toBeGreaterThanOrEqual(2);
      expect(sink.to('sam@spam.example').at(-1)!.text).toContain(
        'Their reason: "Not a member of the coalition."',
      );
      await page.close();
    });

    it('adds a sign-on received on paper (refusals beside their fields), then corrects its name', async () => {
      const page = await owner.newPage();
      await page.goto(path('signatures/new'));
      await heading(page, 'Add a sign-on');

      // Nothing filled in: the API's refusal lands beside the first field, which takes the focus.
      await page.getByRole('button', { name: 'Add the sign-on' }).click();
      await page.locator('#field-displayName-error').waitFor();
      expect(await focusedId(page)).toBe('field-displayName');
      await expectClean(page);

      await page.getByLabel('Organization, as printed').fill('Paper Press Club');
      await page.getByLabel('Signer’s name').fill('Ana Ruiz');
      await page.getByLabel('Signer’s email (optional)').fill('ana@paper.example');
      await page.getByLabel('How and when it came (optional)').fill('Signed letter by post');
      // Unticked, the API refuses beside the box.
      await page.getByRole('button', { name: 'Add the sign-on' }).click();
      await page.locator('#field-authorized-error').waitFor();
      await page.getByLabel('The signer said they may sign for the organization').check();
      await page.getByRole('button', { name: 'Add the sign-on' }).click();
      await page.getByText('Added Paper Press Club, signed on revision 1.').waitFor();
      expect(await signatures('&source=manual')).toMatchObject([
        { displayName: 'Paper Press Club', status: 'confirmed', source: 'manual' },
      ]);

      // The list, filtered to what came by phone or paper, and the name corrected there.
      await page.getByRole('link', { name: 'See the signatures' }).click();
      await heading(page, 'Signatures');
      await page.getByLabel('Received through').selectOption('manual');
      // The select shows the choice at once, not the old value until the list has loaded.
      expect(await page.getByLabel('Received through').inputValue()).toBe('manual');
      await page.waitForURL(/source=manual/);
      const list = page.getByRole('list', { name: 'Sign-ons' });
      // The unfiltered page stays shown (aria-busy) until the filtered one arrives.
      await page.getByRole('status').filter({ hasText: '1–1 of 1 · page 1 of 1' }).waitFor();
      await list.getByText('Paper Press Club').waitFor();
      expect(await list.getByRole('listitem').count()).toBe(1);
      await page.getByRole('button', { name: 'Correct name of Paper Press Club' }).click();
      await page.getByLabel('Name as printed').fill('Paper Press Club (Lyon)');
      await expectClean(page);
      await page.getByRole('button', { name: 'Save the name' }).click();
      await page
        .getByText('The name is now “Paper Press Club (Lyon)”; the signer is told.')
        .waitFor();
      await list.getByText('Paper Press Club (Lyon)').waitFor();
      // The form gone, the focus is back on its row's button.
      expect(await page.evaluate(focusedText)).toBe('Correct name');
      await waitForQueuesIdle(t.app);
      expect(sink.to('ana@paper.example').length).toBe(1);
      await expectClean(page);
      await page.close();
    });

    it('pages a long list 50 at a time, the total from the API', async () => {
      for (let i = 0; i < 52; i++) {
        await apiAs(owner, base, 'post', `/api/letters/${lid}/signatures`, {
          displayName: `Bulk Union ${String(i).padStart(2, '0')}`,
          signerName: 'Bulk Signer',
          authorized: true,
        });
      }
      const page = await owner.newPage();
      await page.goto(path('signatures?status=confirmed'));
      await heading(page, 'Signatures');
      const list = page.getByRole('list', { name: 'Sign-ons' });
      await page
        .getByRole('status')
        .filter({ hasText: /^1–50 of 55 · page 1 of 2$/ })
        .waitFor();
      expect(await list.getByRole('listitem').count()).toBe(50);
      await page.getByRole('button', { name: 'Next' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^51–55 of 55 · page 2 of 2$/ })
        .waitFor();
      expect(await list.getByRole('listitem').count()).toBe(5);
      expect(page.url()).toContain('page=2');
      await expectClean(page);
      await page.close();
    });

    it('a draft letter’s dashboard says it is not published yet', async () => {
      const cid = (
        await apiAs(owner, base, 'post', `/api/workspaces/${wid}/campaigns`, { name: 'Drafts' })
      ).id;
      const draft = (
        await apiAs(owner, base, 'post', `/api/campaigns/${cid}/letters`, {
          content: fixtureLetter.content,
        })
      ).id;
      const page = await owner.newPage();
      await page.goto(`${base}/w/${wid}/letters/${draft}/dashboard`);
      await heading(page, 'Not published yet');
      await page.getByRole('link', { name: 'Back to the letter' }).waitFor();
      await page.close();
    });
  },
);
