import { PdfInputError } from './pdf-input-error';

/** English month names, January first: the letter's date and every shown deadline use them. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * `2024-09-05` → `September 5, 2024` (US English, as the letter is dated). Computed from the
 * digits alone: going through `Date` would read the string as UTC midnight and print the day
 * before in any time zone west of Greenwich.
 */
export function dateInWords(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new PdfInputError(`date must be YYYY-MM-DD, got "${isoDate}"`);
  const [year, month, day] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new PdfInputError(`date ${isoDate} does not exist`);
  }
  return `${MONTH_NAMES[month - 1]} ${day}, ${year}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
