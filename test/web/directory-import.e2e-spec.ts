import { CHROMIUM, haveChromium } from '@app/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../support';
import {
  BAD_REPORT,
  BAD_REPORT_REFUSAL,
  FORMS_XLSX,
  mapFormsColumns,
  REPORT,
} from './import-files';
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
    ? 'the directory import, in a browser'
    : `the directory import — SKIPPED: ${CHROMIUM} is not installed (.ci/run installs it)`,
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

    /** A new account's own (empty) workspace. */
    async function workspace(context: BrowserContext, name: string) {
      people += 1;
      const res = await context.request.post(`${base}/api/auth/register`, {
        data: {
          name: `Ines ${people}`,
          email: `importer${people}@coalition.example`,
          password: PASSWORD,
        },
      });
      expect(res.status()).toBe(201);
      return (await apiAs(context, base, 'post', '/api/workspaces', { name })).id;
    }

    const organizations = async (context: BrowserContext, wid: string) =>
      (await apiAs(
        context,
        base,
        'get',
        `/api/workspaces/${wid}/organizations?limit=200`,
      )) as unknown as {
        items: { name: string; email: string | null; tags: string[] }[];
        total: number;
      };

    const section = (page: Page, name: string) =>
      page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
    const status = (page: Page, text: string | RegExp) =>
      page.getByRole('status').filter({ hasText: text }).waitFor();
    /** The label of the option a field's select shows. */
    const shown = (page: Page, label: string) =>
      page.getByLabel(label, { exact: true }).locator('option:checked').textContent();

    async function openImport(page: Page, wid: string) {
      await page.goto(`${base}/w/${wid}/directory`);
      await heading(page, 'Directory');
      await page.getByRole('link', { name: 'Import a spreadsheet…' }).click();
      await heading(page, 'Import a spreadsheet');
    }

    it('imports a Google Forms workbook mapped by hand, then an Action Network report with a refused row, and remembers the mapping', async () => {
      // bypassCSP: axe-core is injected as an inline script (screenProblems).
      const context = await browser.newContext({ bypassCSP: true, viewport: VIEWPORTS.desktop });
      try {
        const wid = await workspace(context, 'Importing Coalition');
        const page = await context.newPage();

        // The Google Forms workbook, its columns chosen by hand.
        await openImport(page, wid);
        await page.getByLabel('Spreadsheet').setInputFiles(FORMS_XLSX);
        await section(page, 'Preview');
        // A change not yet previewed is not offered for import.
        await page
          .getByLabel('Name (required)', { exact: true })
          .selectOption({ label: 'Timestamp' });
        await page.getByText('The columns have changed: update the preview').waitFor();
        expect(await page.getByRole('button', { name: /^Import/ }).count()).toBe(0);
        await mapFormsColumns(page);
        await page.getByRole('button', { name: 'Update preview' }).click();
        await status(page, '14 rows: 14 to create, 0 to update, 0 refused.');
        const sample = page.getByRole('region', { name: /The first 14 rows, as mapped/ });
        await sample.getByRole('cell', { name: 'Čeští novináři bez hranic' }).waitFor();
        expect(await sample.locator('td[dir="auto"]').first().textContent()).toBe(
          'Access to Information Project (ATIP)',
        );
        await page.getByRole('button', { name: 'Import 14 organizations' }).click();
        await status(page, 'Imported: 14 organizations created, 0 updated.');
        expect((await organizations(context, wid)).total).toBe(14);
        await page.getByRole('link', { name: 'Back to the directory' }).click();
        await heading(page, 'Directory');
        await status(page, '1–14 of 14');
        await page.getByRole('link', { name: 'Čeští novináři bez hranic' }).waitFor();

        // The Action Network report with a bad email on line 10: the last mapping (Google
        // Forms) does not fit it; the preset fills the columns.
        await openImport(page, wid);
        await page
          .getByLabel('Spreadsheet')
          .setInputFiles({ name: 'report.csv', mimeType: 'text/csv', buffer: BAD_REPORT });
        await section(page, 'Preview');
        await page.getByLabel('Name (required)', { exact: true }).selectOption({ label: 'uuid' });
        await page.getByRole('button', { name: 'Action Network signature report' }).click();
        expect(await shown(page, 'Name (required)')).toBe('Organization');
        expect(await shown(page, 'Contact name')).toBe('first_name + last_name');
        // Chosen by hand after the preset: what the next import of a report starts from.
        await page.getByLabel('Tags', { exact: true }).selectOption({ label: '— not imported —' });
        await page.getByRole('button', { name: 'Update preview' }).click();
        await section(page, '1 refused row');
        await page.getByText(BAD_REPORT_REFUSAL).waitFor();
        await page.getByText('All or nothing would refuse the whole file').waitFor();
        expect(await screenProblems(page)).toEqual(NO_PROBLEMS);
        await page.setViewportSize(VIEWPORTS.phone);
        expect(await screenProblems(page)).toEqual(NO_PROBLEMS);
        await page.setViewportSize(VIEWPORTS.desktop);

        await page
          .getByRole('button', { name: /^Import the 13 good rows, skip the refused$/ })
          .click();
        await status(page, /^Imported: .*1 refused row skipped\.$/);
        const after = await organizations(context, wid);
        expect(after.items.some((o) => o.email === 'mateo.rossi(at)org9.example')).toBe(false);
        expect(after.items.some((o) => o.email === 'amina.haddad@org1.example')).toBe(true);
        // Tags were not imported: no organization got the report's sign-on-2024 tag.
        expect(after.items.some((o) => o.tags.includes('sign-on-2024'))).toBe(false);

        // The next report starts from the remembered mapping, tags left out.
        await openImport(page, wid);
        await page
          .getByLabel('Spreadsheet')
          .setInputFiles({ name: 'report.csv', mimeType: 'text/csv', buffer: REPORT });
        await section(page, 'Preview');
        expect(await shown(page, 'Name (required)')).toBe('Organization');
        expect(await shown(page, 'Contact name')).toBe('first_name + last_name');
        expect(await shown(page, 'Tags')).toBe('— not imported —');
        await status(page, /14 rows: .* 0 refused\./);
      } finally {
        await context.close();
      }
    }, 180_000);

    it('names the file the server refuses next to the file input, and one too large before sending it', async () => {
      const context = await browser.newContext({ viewport: VIEWPORTS.phone });
      try {
        const wid = await workspace(context, 'Refused Coalition');
        const page = await context.newPage();
        await openImport(page, wid);
        await page
          .getByLabel('Spreadsheet')
          .setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
        const input = page.getByLabel('Spreadsheet');
        await page.locator('#field-file-error').waitFor();
        expect(await input.getAttribute('aria-invalid')).toBe('true');
        expect(await page.getByRole('heading', { name: 'Preview' }).count()).toBe(0);

        // Over the API's 5 MB: told before anything is sent.
        const sent: string[] = [];
        page.on('request', (request) => sent.push(request.url()));
        await input.setInputFiles({
          name: 'huge.csv',
          mimeType: 'text/csv',
          buffer: Buffer.alloc(6 * 1024 * 1024, 'a'),
        });
        await page.getByText('This file is 6.0 MB; the import takes 5 MB at most.').waitFor();
        expect(sent.filter((url) => url.includes('/import'))).toEqual([]);
      } finally {
        await context.close();
      }
    }, 120_000);

    it('shows a viewer no import', async () => {
      const owner = await browser.newContext({ viewport: VIEWPORTS.desktop });
      const viewer = await browser.newContext({ viewport: VIEWPORTS.phone });
      try {
        const wid = await workspace(owner, 'Reading Coalition');
        const email = 'import-viewer@coalition.example';
        const res = await viewer.request.post(`${base}/api/auth/register`, {
          data: { name: 'Vera Viewer', email, password: PASSWORD },
        });
        expect(res.status()).toBe(201);
        await apiAs(owner, base, 'post', `/api/workspaces/${wid}/members`, {
          email,
          role: 'viewer',
        });
        const page = await viewer.newPage();
        await page.goto(`${base}/w/${wid}/directory`);
        await heading(page, 'Directory');
        await page.getByText('The directory is empty.').waitFor();
        expect(await page.getByRole('link', { name: 'Import a spreadsheet…' }).count()).toBe(0);
        await page.goto(`${base}/w/${wid}/directory/import`);
        await page.getByText('Only coordinators, leads and owners change the directory.').waitFor();
        expect(await page.locator('input[type="file"]').count()).toBe(0);
      } finally {
        await owner.close();
        await viewer.close();
      }
    }, 120_000);
  },
);
