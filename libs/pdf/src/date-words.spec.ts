import { dateInWords } from './date-words';
import { PdfInputError } from './pdf-input-error';

describe('dateInWords', () => {
  it.each([
    ['2024-09-05', 'September 5, 2024'],
    ['2026-03-02', 'March 2, 2026'],
    ['2024-02-29', 'February 29, 2024'],
    ['2000-02-29', 'February 29, 2000'],
    ['1999-12-31', 'December 31, 1999'],
    ['2025-01-01', 'January 1, 2025'],
  ])('writes %s as %s', (iso, words) => {
    expect(dateInWords(iso)).toBe(words);
  });

  it('does not shift the day with the time zone (no Date involved)', () => {
    const before = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(dateInWords('2024-09-05')).toBe('September 5, 2024');
    } finally {
      process.env.TZ = before;
    }
  });

  it.each(['2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00'])(
    'refuses the impossible date %s',
    (iso) => {
      expect(() => dateInWords(iso)).toThrow(PdfInputError);
    },
  );

  it.each(['2024-9-5', '05/09/2024', '2024-09-05T00:00:00Z', ''])(
    'refuses the format %p',
    (iso) => {
      expect(() => dateInWords(iso)).toThrow(/YYYY-MM-DD/);
    },
  );
});
