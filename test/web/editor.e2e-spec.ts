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

interface Addressee {
  honorific?: string;
  name: string;
  title?: string;
  organization?: string;
  addressLines: string[];
}
const fixture = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/letter-press-freedom.json'), 'utf8'),
) as {
  content: {
    title: string;
    date: string;
    addressees: Addressee[];
    salutation: string;
    body: string;
    closing: string;
  };
};

// The fixture's body (paragraphs, a bulleted and a numbered list, emphasis, a link) with a
// section heading and a quote, so every kind of block a letter uses goes through the editor.
const BODY = fixture.content.body
  .replace('We ask that you:', '## Our requests\n\nWe ask that you:')
  .replace(
    'Since 2023,',
    '> A free press is the first safeguard of every other freedom.\n\nSince 2023,',
  );
const CONTENT = {
  ...fixture.content,
  body: BODY,
  subject: 'Re: Journalists in detention',
  listHeading: 'Signed by',
};

const describeWithBrowser = haveChromium ? describe : describe.skip;

describeWithBrowser(
  haveChromium
    ? 'the letter editor, in a browser'
    : `the letter editor — SKIPPED: ${CHROMIUM} is not installed (.ci/run installs it)`,
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

    /** A new lead signed in in `context`, with a workspace and a campaign; its email too. */
    async function leadWithCampaign(context: BrowserContext) {
      people += 1;
      const email = `editor${people}@coalition.example`;
      const res = await context.request.post(`${base}/api/auth/register`, {
        data: { name: `Lead ${people}`, email, password: PASSWORD },
      });
      expect(res.status()).toBe(201);
      const wid = (await apiAs(context, base, 'post', '/api/workspaces', { name: 'Editors' })).id;
      const campaign = { name: 'Press freedom' };
      const cid = (await apiAs(context, base, 'post', `/api/workspaces/${wid}/campaigns`, campaign))
        .id;
      return { email, wid, cid };
    }

    const letterContent = async (context: BrowserContext, lid: string) => {
      const letter = await apiAs(context, base, 'get', `/api/letters/${lid}`);
      return { revision: letter.revision as number, content: letter.content as object };
    };

    /** The body's editor (CodeMirror's contenteditable), found by the name its label gives. */
    const bodyEditor = (page: Page) => page.getByRole('textbox', { name: 'Body' });

    const saved = (page: Page) =>
      page
        .getByRole('status')
        .filter({ hasText: /^Saved$/ })
        .waitFor();

    async function openEditor(page: Page, wid: string, lid: string) {
      await page.goto(`${base}/w/${wid}/letters/${lid}/edit`);
      await heading(page, 'Edit draft');
      await page.getByRole('status').filter({ hasText: 'Loading' }).waitFor({ state: 'detached' });
    }

    /** Tab until `arrived` says so; fails after 40 presses. */
    async function tabTo(page: Page, arrived: () => Promise<boolean>) {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        if (await arrived()) return;
      }
      throw new Error('not reached within 40 tabs');
    }

    async function fillAddressee(page: Page, n: number, a: Addressee) {
      await page
        .getByLabel('Honorific')
        .nth(n)
        .fill(a.honorific ?? '');
      await page.getByLabel('Name', { exact: true }).nth(n).fill(a.name);
      await page
        .getByLabel('Title', { exact: true })
        .nth(n + 1)
        .fill(a.title ?? '');
      await page
        .getByLabel('Organization')
        .nth(n)
        .fill(a.organization ?? '');
      await page.getByLabel('Address (one line each)').nth(n).fill(a.addressLines.join('\n'));
    }

    it('drafts the fixture letter through the editor, saved exactly; a table is refused at its line', async () => {
      const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
      try {
        const { wid, cid } = await leadWithCampaign(context);
        const page = await context.newPage();
        // The editor works under the app's strict CSP: nothing it does may be refused, neither
        // as the browser logs it nor as the page hears it (securitypolicyviolation).
        const refusedByCsp: string[] = [];
        page.on('console', (message) => {
          if (/Content Security Policy/i.test(message.text())) refusedByCsp.push(message.text());
        });
        await page.exposeFunction('reportCspViolation', (what: string) => refusedByCsp.push(what));
        await page.addInitScript(() => {
          const page = globalThis as unknown as {
            document: { addEventListener(type: string, on: (e: unknown) => void): void };
            reportCspViolation(what: string): void;
          };
          page.document.addEventListener('securitypolicyviolation', (e) => {
            const v = e as { violatedDirective: string; blockedURI: string };
            page.reportCspViolation(`${v.violatedDirective} ${v.blockedURI}`);
          });
        });
        await page.goto(`${base}/w/${wid}/campaigns/${cid}`);
        await heading(page, 'Press freedom');
        await page.getByLabel('Letter title').fill(CONTENT.title);
        await page.getByRole('button', { name: 'Create letter' }).click();
        await heading(page, CONTENT.title);
        const lid = /\/letters\/([^/]+)$/.exec(page.url())![1];
        await page.getByRole('link', { name: 'Edit draft' }).click();
        await heading(page, 'Edit draft');

        await page.getByLabel('Date').fill(CONTENT.date);
        // Added in the wrong order, then put right with the move buttons.
        const [first, second] = CONTENT.addressees;
        await page.getByRole('button', { name: 'Add an addressee' }).click();
        await fillAddressee(page, 0, second);
        await page.getByRole('button', { name: 'Add an addressee' }).click();
        await fillAddressee(page, 1, first);
        await page.getByRole('button', { name: 'Move addressee 2 up' }).click();
        await page.getByLabel('Subject line').fill(CONTENT.subject);
        await page.getByLabel('Salutation').fill(CONTENT.salutation);
        // The label focuses the editor on a click, as a label does its field.
        await page.getByText('Body (Markdown)').click();
        expect(await focusedId(page)).toBe('field-content.body');
        await bodyEditor(page).fill(CONTENT.body);
        await page.getByLabel('Closing').fill(CONTENT.closing);
        await page.getByLabel('Heading over the signatories').fill(CONTENT.listHeading);
        // The preview renders by the server's rules as it is typed.
        const preview = page.getByRole('region', { name: 'Preview' });
        await preview.getByRole('heading', { level: 2, name: 'Our requests' }).waitFor();
        await preview.locator('blockquote').waitFor();
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await saved(page);
        // Pauses while typing may have saved earlier revisions too; the last holds it all.
        const drafted = await letterContent(context, lid);
        expect(drafted.content).toEqual(CONTENT);

        // A table: marked at its line while typing, and refused by the server on saving.
        const lines = CONTENT.body.split('\n').length;
        await bodyEditor(page).fill(`${CONTENT.body}\n\n| a | b |\n| - | - |\n| 1 | 2 |`);
        const problem = `Line ${lines + 2}: tables are not allowed`;
        await page.getByText(problem).waitFor();
        // Marked in the editor too: the line itself, and the gutter beside it.
        await page.locator('.cm-problem-line').filter({ hasText: '| a | b |' }).waitFor();
        const marks = page
          .locator('.cm-problem-gutter .cm-gutterElement', { hasText: '!' })
          .filter({ visible: true });
        await marks.waitFor();
        expect(await marks.count()).toBe(1);
        expect(await bodyEditor(page).getAttribute('aria-describedby')).toBe(
          'body-hint body-problems',
        );
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await page
          .getByRole('status')
          .filter({ hasText: `Not saved: content.body: line ${lines + 2}: tables are not allowed` })
          .waitFor();
        expect(await bodyEditor(page).getAttribute('aria-invalid')).toBe('true');
        expect(await letterContent(context, lid)).toEqual(drafted);
        // CodeMirror's own stylesheet, a <style> allowed by the page's nonce, is in force.
        expect(
          await page.locator('.cm-editor').evaluate((el) => {
            const style = (
              globalThis as unknown as { getComputedStyle(e: unknown): object }
            ).getComputedStyle(el) as { display: string };
            return style.display;
          }),
        ).toBe('flex');
        expect(refusedByCsp).toEqual([]);
      } finally {
        await context.close();
      }
    }, 120_000);

    it('edits a field and the body, and saves, with the keyboard alone', async () => {
      const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
      try {
        const { wid, cid } = await leadWithCampaign(context);
        const lid = (
          await apiAs(context, base, 'post', `/api/campaigns/${cid}/letters`, {
            content: fixture.content,
          })
        ).id;
        const page = await context.newPage();
        await openEditor(page, wid, lid);
        // From the heading: the way back, then the title.
        await page.keyboard.press('Tab');
        await page.keyboard.press('Tab');
        expect(await focusedId(page)).toBe('field-content.title');
        await page.keyboard.press('End');
        await page.keyboard.type(' now');
        // On to the body's editor, typed into at its end; undone and redone by the keyboard.
        await tabTo(page, async () => (await focusedId(page)) === 'field-content.body');
        await page.keyboard.press('Control+End');
        await page.keyboard.type(' Thank you.');
        const preview = page.getByRole('region', { name: 'Preview' });
        await preview.getByText('teams. Thank you.').waitFor();
        await page.keyboard.press('Control+z');
        await preview.getByText('teams. Thank you.').waitFor({ state: 'detached' });
        await page.keyboard.press('Control+y');
        await preview.getByText('teams. Thank you.').waitFor();
        // Tab is not trapped: it leaves the editor, on to the closing, where Enter saves.
        await tabTo(page, async () => (await focusedId(page)) === 'field-content.closing');
        await page.keyboard.press('Enter');
        await saved(page);
        const { content } = await letterContent(context, lid);
        expect(content).toEqual({
          ...fixture.content,
          title: `${fixture.content.title} now`,
          body: `${fixture.content.body} Thank you.`,
        });
      } finally {
        await context.close();
      }
    }, 60_000);

    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      it(`two people edit at once: the second sees the conflict, merges, and both edits are saved; axe-core (${size}, ${viewport.width} px)`, async () => {
        const first = await browser.newContext({ bypassCSP: true, viewport });
        const second = await browser.newContext({ bypassCSP: true, viewport });
        const found: Record<string, object> = {};
        try {
          const { email, wid, cid } = await leadWithCampaign(first);
          const login = await second.request.post(`${base}/api/auth/login`, {
            data: { email, password: PASSWORD },
          });
          expect(login.ok()).toBe(true);
          const lid = (
            await apiAs(first, base, 'post', `/api/campaigns/${cid}/letters`, {
              content: fixture.content,
            })
          ).id;
          const mine = await first.newPage();
          const theirs = await second.newPage();
          await openEditor(mine, wid, lid);
          await openEditor(theirs, wid, lid);
          found.editor = await screenProblems(theirs);

          await mine.getByLabel('Title', { exact: true }).first().fill('Release the journalists');
          await mine.getByRole('button', { name: 'Save', exact: true }).click();
          await saved(mine);

          const body = fixture.content.body.replace('**without delay**', '**this week**');
          await bodyEditor(theirs).fill(body);
          await theirs.getByRole('button', { name: 'Save', exact: true }).click();
          await theirs.getByRole('heading', { level: 2, name: /saved revision 2/ }).waitFor();
          await theirs.getByRole('status').filter({ hasText: 'Conflict' }).waitFor();
          // Their title and my body, both prefilled in the merge.
          expect(await theirs.getByLabel('Merged title').inputValue()).toBe(
            'Release the journalists',
          );
          expect(await theirs.getByLabel('Merged body').inputValue()).toBe(body);
          await theirs.locator('.word-diff ins').filter({ hasText: 'this week' }).waitFor();
          found.conflict = await screenProblems(theirs);

          await theirs.getByRole('button', { name: 'Save the merged version' }).click();
          await saved(theirs);
          // Back in the form (kept under the conflict view), the merged text in its fields.
          expect(await theirs.getByLabel('Title', { exact: true }).first().inputValue()).toBe(
            'Release the journalists',
          );
          expect(await bodyEditor(theirs).textContent()).toContain('**this week**');
          expect(await letterContent(first, lid)).toEqual({
            revision: 3,
            content: { ...fixture.content, title: 'Release the journalists', body },
          });
        } finally {
          await first.close();
          await second.close();
        }
        expect(found).toEqual({ editor: NO_PROBLEMS, conflict: NO_PROBLEMS });
      }, 120_000);
    }
  },
);
