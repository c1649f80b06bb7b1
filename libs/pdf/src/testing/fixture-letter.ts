// Test helper: the team's sample letter and organization list (test/fixtures) as renderer input.
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LetterContent, LetterDocument, LetterSignatory } from '../letter-document';

const FIXTURES = join(__dirname, '../../../../test/fixtures');

const sample = (
  JSON.parse(readFileSync(join(FIXTURES, 'letter-press-freedom.json'), 'utf8')) as {
    content: LetterContent;
  }
).content;

/** The sample letter with neither a subject line nor a list heading, as the file has it. */
export const fixturePlainContent: LetterContent = sample;

/**
 * The sample letter with the subject line and list heading that every letter printed before
 * they became the author's own ("Re: <title>", "Signatories"; see the migration
 * 1765200000000-letter-subject-list-heading).
 */
export const fixtureContent: LetterContent = {
  ...sample,
  subject: `Re: ${sample.title}`,
  listHeading: 'Signatories',
};

/** The 60 organizations of organizations.csv, signed a minute apart in file order. */
interface OrganizationRow {
  name: string;
  country: string;
}

export const fixtureSignatories: LetterSignatory[] = parse<OrganizationRow>(
  readFileSync(join(FIXTURES, 'organizations.csv'), 'utf8'),
  { columns: true },
).map(({ name, country }, index) => ({
  displayName: name,
  country,
  signedAt: new Date(Date.UTC(2026, 1, 1, 9, index)).toISOString(),
}));

/** The sample letter with the fixture signatories; `overrides` replaces top-level fields. */
export function fixtureLetter(overrides: Partial<LetterDocument> = {}): LetterDocument {
  return {
    content: fixtureContent,
    settings: {
      signatoryOrder: 'alphabetical',
      numbered: true,
      showCountry: false,
      pageSize: 'LETTER',
    },
    signatories: fixtureSignatories,
    anonymousCount: 0,
    workspaceName: 'Press Freedom Coalition',
    publishedAt: '2026-03-02T09:30:00Z',
    editionLabel: 'Final edition',
    ...overrides,
  };
}
