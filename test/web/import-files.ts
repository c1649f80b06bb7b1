import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** The spreadsheets the browser specs feed to the directory import's file input. */
const FIXTURES = join(__dirname, '../fixtures');

/** The Google Forms workbook: 14 organizations, a column per question. */
export const FORMS_XLSX = join(FIXTURES, 'google-forms-responses.xlsx');
/** The workbook's column of the organizations' names. */
export const FORMS_NAME = 'Organization name (as it should appear on the letter)';

/** Maps the Google Forms workbook's columns by hand, in the import screen's selects. */
export async function mapFormsColumns(page: Page): Promise<void> {
  for (const [field, column] of [
    ['Name (required)', FORMS_NAME],
    ['Email', 'Email Address'],
    ['Contact name', 'Your full name'],
    ['Country', 'Country'],
    ['Website', '— not imported —'],
    ['Tags', '— not imported —'],
  ]) {
    await page.getByLabel(field, { exact: true }).selectOption({ label: column });
  }
}

/** The Action Network report: the same 14 organizations, their contacts' own addresses. */
export const REPORT = readFileSync(join(FIXTURES, 'action-network-signatures.csv'));
/**
 * The report with Mateo Rossi's email (line 10) as signers sometimes type it: the fixture
 * itself has no bad row, and an import refusing one is what the screens must show.
 */
export const BAD_REPORT = Buffer.from(
  REPORT.toString('utf8').replace('mateo.rossi@org9.example', 'mateo.rossi(at)org9.example'),
);
/** The refusal the import gives for that row, with its line. */
export const BAD_REPORT_REFUSAL =
  'Line 10: email: not an email address (mateo.rossi(at)org9.example)';
