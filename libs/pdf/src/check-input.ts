import { dateInWords } from './date-words';
import type { LetterAddressee, LetterDocument } from './letter-document';
import { checkLogo } from './letterhead-logo';
import type { Logo } from './layout/letterhead';
import { PdfInputError } from './pdf-input-error';
import { salutationFor, salutationForAll } from './salutation';

/** The input after validation, with what is derived from it rather than given. */
export interface CheckedInput {
  dateWords: string;
  publishedAt: Date;
  logo?: Logo;
  addressees: LetterAddressee[];
  /** The subject line, trimmed; '' for none. */
  subject: string;
  salutation: string;
  /** The signatory list's heading, trimmed; '' for none. */
  listHeading: string;
  anonymousCount: number;
}

/** Validates what would otherwise fail deep inside pdfkit, or print something wrong. */
export function checkInput(input: LetterDocument): CheckedInput {
  const { content, settings } = input;
  if (settings.pageSize !== 'LETTER' && settings.pageSize !== 'A4') {
    throw new PdfInputError(`page size must be LETTER or A4, got "${String(settings.pageSize)}"`);
  }
  const publishedAt = new Date(input.publishedAt);
  if (Number.isNaN(publishedAt.getTime())) {
    throw new PdfInputError(`publishedAt must be an ISO date-time, got "${input.publishedAt}"`);
  }
  const anonymousCount = input.anonymousCount ?? 0;
  if (!Number.isInteger(anonymousCount) || anonymousCount < 0) {
    throw new PdfInputError(`anonymousCount must be a whole number ≥ 0, got ${anonymousCount}`);
  }
  const variant = input.variant ?? 'combined';
  if (variant === 'per-addressee' && content.addressees.length !== 1) {
    throw new PdfInputError(
      `a per-addressee file goes to exactly one addressee, got ${content.addressees.length}`,
    );
  }
  const salutation =
    variant === 'per-addressee'
      ? salutationFor(content.addressees[0])
      : content.salutation.trim() || salutationForAll(content.addressees);
  return {
    dateWords: dateInWords(content.date),
    publishedAt,
    logo: input.logo ? { data: input.logo, checked: checkLogo(input.logo) } : undefined,
    addressees: content.addressees,
    subject: content.subject?.trim() ?? '',
    salutation,
    listHeading: content.listHeading?.trim() ?? '',
    anonymousCount,
  };
}
