import { CHROMIUM, haveChromium } from '@app/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../support';
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

const fixture = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/letter-press-freedom.json'), 'utf8'),
) as { content: Record<string, unknown> & { title: string; closing: string } };

const DAY = 24 * 3600 * 1000;
// The workspace is in Paris and the letter in Kolkata (+05:30 all year): the deadline must
// be read in the letter's zone, neither the workspace's nor the browser's (UTC here).
const LETTER_ZONE = 'Asia/Kolkata';
const describeWithBrowser = haveChromium ? describe : describe.skip;

describeWithBrowser(
  haveChromium
    ? 'publishing, history and comments, in a browser'
    : `publishing, history and comments — SKIPPED: ${CHROMIUM} is not installed (.ci/run installs it)`,
  () => {
    let t: TestApp;
    let browser: Browser;
    let base: string;
    let people = 0;

    beforeAll(async () => {
      ({ t, browser, base } = await startWebApp());
    }, 120_000);

    afterAll(async () => {
      await stopWebApp({ t, browser });
    });

    /** A lead's draft letter (the fixture's text) in Kolkata's zone, in a Paris workspace. */
    async function draftLetter(context: BrowserContext) {
      people += 1;
      const res = await context.request.post(`${base}/api/auth/register`, {
        data: {
          name: `Lead ${people}`,
          email: `publish${people}@coalition.example`,
          password: PASSWORD,
        },
      });
      expect(res.status()).toBe(201);
      const wid = (
        await apiAs(context, base, 'post', '/api/workspaces', {
          name: `Publishing ${people}`,
          timeZone: 'Europe/Paris',
        })
      ).id;
      const cid = (
        await apiAs(context, base, 'post', `/api/workspaces/${wid}/campaigns`, { name: 'Press' })
      ).id;
      const lid = (
        await apiAs(context, base, 'post', `/api/campaigns/${cid}/letters`, {
          content: fixture.content,
        })
      ).id;
      await apiAs(context, base, 'patch', `/api/letters/${lid}/settings`, {
        timeZone: LETTER_ZONE,
      });
      return { wid, lid, path: `/w/${wid}/letters/${lid}` };
    }

    /** A second revision, closing with one more word: a correction by the 2 % rule. */
    const saveSmallChange = (context: BrowserContext, lid: string, baseRevision: number) =>
      apiAs(context, base, 'put', `/api/letters/${lid}/draft`, {
        baseRevision,
        content: { ...fixture.content, closing: 'Respectfully yours,' },
        message: 'warmer closing',
      });

    /** Ten days from the app's now, at 17:00 as read in the letter's zone, and that instant. */
    function deadlineInLetterZone() {
      const day = new Date(t.clock.now().getTime() + 10 * DAY).toISOString().slice(0, 10);
      return { local: `${day}T17:00`, instant: new Date(`${day}T17:00:00+05:30`).toISOString() };
    }

    const dialog = (page: Page) => page.getByRole('dialog', { name: /Publish revision/ });

    /** Tab from where the focus is until `id` has it; fails after 30 presses. */
    async function tabTo(page: Page, name: string) {
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab');
        const text = await page.evaluate(
          () =>
            (
              globalThis as unknown as {
                document: { activeElement: { textContent: string } | null };
              }
            ).document.activeElement?.textContent,
        );
        if (text === name) return;
      }
      throw new Error(`no focusable "${name}" within 30 tabs`);
    }

    /**
     * A `datetime-local` value (2026-12-20T17:00) typed as Chromium's en-US field takes it:
     * month, day and year (each part moves on when full), ArrowRight from the year to the
     * hour, then hour and minute on a 12-hour clock and A or P.
     */
    async function typeDateTime(page: Page, local: string) {
      const [, year, month, day, hour, minute] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(
        local,
      )!;
      const h = Number(hour);
      await page.keyboard.type(`${month}${day}${year}`);
      await page.keyboard.press('ArrowRight');
      const twelve = String(h % 12 || 12).padStart(2, '0');
      await page.keyboard.type(`${twelve}${minute}${h < 12 ? 'A' : 'P'}`);
    }

    it('publishes with the keyboard alone, the deadline read in the letter’s zone; then a correction with its reason and consequences', async () => {
      // en-US: the order typeDateTime types the deadline's parts in.
      const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-US' });
      try {
        const { lid, path } = await draftLetter(context);
        const page = await context.newPage();
        await page.goto(base + path);
        await heading(page, fixture.content.title);

        // Keyboard only: Tab to the button, Enter opens the dialog with the focus inside it.
        await tabTo(page, 'Publish revision 1…');
        await page.keyboard.press('Enter');
        await dialog(page).waitFor();
        expect(await focusedId(page)).toBe('field-deadline');
        await dialog(page).getByText(`In the letter’s time zone, ${LETTER_ZONE}`).waitFor();
        // Esc closes it; Enter opens it again.
        await page.keyboard.press('Escape');
        await dialog(page).waitFor({ state: 'hidden' });
        await page.keyboard.press('Enter');
        await dialog(page).waitFor();

        // Without a deadline the API's refusal shows beside the field, which takes the focus.
        await tabTo(page, 'Publish');
        await page.keyboard.press('Enter');
        await page.locator('#field-deadline-error').waitFor();
        expect(await focusedId(page)).toBe('field-deadline');
        expect(await page.getByLabel('Deadline').getAttribute('aria-invalid')).toBe('true');

        const { local, instant } = deadlineInLetterZone();
        // Typed into the focused field, as a person would.
        await typeDateTime(page, local);
        expect(await page.getByLabel('Deadline').inputValue()).toBe(local);
        await tabTo(page, 'Publish');
        await page.keyboard.press('Enter');
        await dialog(page)
          .getByRole('status')
          .filter({ hasText: 'Published revision 1' })
          .waitFor();
        await page.keyboard.press('Escape');
        await dialog(page).waitFor({ state: 'hidden' });
        await page.getByText('organizations sign revision 1.', { exact: false }).waitFor();

        const published = await apiAs(context, base, 'get', `/api/letters/${lid}`);
        expect(published).toMatchObject({
          status: 'open',
          publishedRevision: 1,
          deadline: new Date(instant).toISOString(),
          deadlineInZone: `${local}:00+05:30`,
          timeZone: LETTER_ZONE,
        });

        // A small change saved meanwhile, published as a correction with its reason.
        await saveSmallChange(context, lid, 1);
        await page.reload();
        await heading(page, fixture.content.title);

        // The history lists both revisions and compares 1 with 2 side by side.
        await page.getByText('warmer closing', { exact: false }).waitFor();
        expect(await page.getByLabel('Compare revision').inputValue()).toBe('1');
        expect(await page.getByLabel('with revision').inputValue()).toBe('2');
        const closing = page.getByRole('region', { name: 'Closing' });
        await closing.locator('ins').filter({ hasText: 'yours' }).waitFor();
        expect(await closing.locator('del').count()).toBe(0);
        expect(await closing.locator('.compare-sides > div').allTextContents()).toEqual([
          expect.stringMatching(/^Revision 1\s*Respectfully,$/),
          expect.stringMatching(/^Revision 2\s*Respectfully\s*\[inserted:\s+yours\],$/),
        ]);
        // Swapped, the same words read as removed.
        await page.getByLabel('Compare revision').selectOption('2');
        await page.getByLabel('with revision').selectOption('1');
        await closing.locator('del').filter({ hasText: 'yours' }).waitFor();
        await page.getByRole('button', { name: 'Publish revision 2…' }).click();
        await dialog(page)
          .getByText(/^1 word changed of \d+ \(0\.5 %\)/)
          .waitFor();
        await dialog(page)
          .getByText('Small enough to publish as a correction', { exact: false })
          .waitFor();
        expect(await dialog(page).locator('ins').allTextContents()).toEqual([
          expect.stringContaining('yours'),
        ]);
        await dialog(page)
          .getByText(/0 confirmed sign-ons on revision 1/)
          .waitFor();
        // The deadline in force is offered as it reads in the letter's zone.
        expect(await page.getByLabel('Deadline').inputValue()).toBe(local);

        await page.getByLabel('Correction').check();
        await page.getByRole('button', { name: 'Publish', exact: true }).click();
        await page
          .locator('#field-reason-error')
          .getByText(/required for a correction/i)
          .waitFor();
        await page.getByLabel(/^Reason/).fill('A warmer closing');
        await page.getByRole('button', { name: 'Publish', exact: true }).click();
        await dialog(page)
          .getByRole('status')
          .filter({ hasText: 'Published revision 2' })
          .waitFor();

        const corrected = await apiAs(context, base, 'get', `/api/letters/${lid}`);
        expect(corrected).toMatchObject({ publishedRevision: 2, deadline: instant });
      } finally {
        await context.close();
      }
    }, 120_000);

    it('comments on a selected passage and on a typed one, resolves and reopens', async () => {
      const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
      try {
        const { lid, path } = await draftLetter(context);
        const page = await context.newPage();
        await page.goto(base + path);
        await heading(page, fixture.content.title);
        await page.getByText('No comments yet.').waitFor();

        // Select "Dear Minister" in the draft's salutation, as a reader would with the mouse.
        const passage = 'Dear Minister';
        await page.evaluate((words) => {
          const w = globalThis as unknown as {
            document: {
              querySelector(s: string): { firstChild: object; textContent: string } | null;
              createRange(): {
                setStart(n: object, o: number): void;
                setEnd(n: object, o: number): void;
              };
              getSelection(): { removeAllRanges(): void; addRange(r: object): void };
            };
          };
          const dd = [
            ...(
              w.document.querySelector('.letter-content') as unknown as {
                querySelectorAll(s: string): Iterable<{ firstChild: object; textContent: string }>;
              }
            ).querySelectorAll('dd'),
          ].find((d) => d.textContent.startsWith(words))!;
          const range = w.document.createRange();
          range.setStart(dd.firstChild, 0);
          range.setEnd(dd.firstChild, words.length);
          w.document.getSelection().removeAllRanges();
          w.document.getSelection().addRange(range);
        }, passage);
        await page.getByRole('button', { name: 'Comment on selection' }).click();
        expect(await page.getByLabel('Quoted passage (optional)').inputValue()).toBe(passage);
        expect(await focusedId(page)).toBe('field-body');
        await page.keyboard.type('Name the Commissioner first?');
        await page.getByRole('button', { name: 'Add comment' }).click();
        const first = page.getByRole('listitem', { name: `Comment on “${passage}”` });
        await first.getByText('Name the Commissioner first?').waitFor();
        await first.getByText(`Lead ${people}`).waitFor();
        expect(await page.getByLabel('Quoted passage (optional)').inputValue()).toBe('');

        // The keyboard's way: the passage typed. An empty comment is refused beside its field.
        await page.getByLabel('Quoted passage (optional)').fill('without delay');
        await page.getByRole('button', { name: 'Add comment' }).click();
        await page.locator('#field-body-error').waitFor();
        expect(await focusedId(page)).toBe('field-body');
        await page.keyboard.type('Too strong?');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await page
          .getByRole('listitem', { name: 'Comment on “without delay”' })
          .getByText('Too strong?')
          .waitFor();

        await first.getByRole('button', { name: 'Resolve' }).click();
        await first.getByText('Resolved', { exact: true }).waitFor();
        const comments = (await (
          await context.request.get(`${base}/api/letters/${lid}/comments`)
        ).json()) as { quote: string; resolved: boolean }[];
        expect(comments.map((c) => [c.quote, c.resolved])).toEqual([
          ['without delay', false],
          [passage, true],
        ]);
        await first.getByRole('button', { name: 'Reopen' }).click();
        await first.getByRole('button', { name: 'Resolve' }).waitFor();
        expect(await first.getByText('Resolved', { exact: true }).count()).toBe(0);
      } finally {
        await context.close();
      }
    }, 120_000);

    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      it(`has no axe-core violations on the letter page and the publish dialog (${size}, ${viewport.width} px)`, async () => {
        const context = await browser.newContext({ bypassCSP: true, viewport });
        const found: Record<string, object> = {};
        try {
          const { lid, path } = await draftLetter(context);
          await apiAs(context, base, 'post', `/api/letters/${lid}/publish`, {
            deadline: deadlineInLetterZone().local,
          });
          await saveSmallChange(context, lid, 1);
          await apiAs(context, base, 'post', `/api/letters/${lid}/comments`, {
            revision: 2,
            body: 'Warmer indeed.',
            quote: 'Respectfully yours',
          });
          const page = await context.newPage();
          await page.goto(base + path);
          await heading(page, fixture.content.title);
          // Loaded: the comment, and the comparison of revisions 1 and 2.
          await page.getByText('Warmer indeed.').waitFor();
          await page.getByRole('region', { name: 'Closing' }).waitFor();
          found['Letter page, history and comments'] = await screenProblems(page);

          await page.getByRole('button', { name: 'Publish revision 2…' }).click();
          await dialog(page)
            .getByText(/changed of \d+ /)
            .waitFor();
          found['Publish dialog, correction'] = await screenProblems(page);
          await page.getByLabel('Correction').check();
          await page.getByRole('button', { name: 'Publish', exact: true }).click();
          await page.locator('#field-reason-error').waitFor();
          found['Publish dialog, refused'] = await screenProblems(page);
        } finally {
          await context.close();
        }
        expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, NO_PROBLEMS])));
      }, 90_000);
    }
  },
);
