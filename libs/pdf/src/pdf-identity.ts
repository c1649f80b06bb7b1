import { createHash } from 'node:crypto';
import type { LetterDocument, LetterSignatory } from './letter-document';

/**
 * The Info dictionary. pdfkit would stamp CreationDate with the clock; the revision's
 * publication time stands in for it, so that rendering again gives the same bytes.
 */
export function documentInfo(
  input: LetterDocument,
  publishedAt: Date,
  signatoryCount: number,
): PDFKit.DocumentInfo {
  const names = input.content.addressees.map((addressee) => addressee.name.trim());
  const keywords = [
    'sign-on letter',
    `${signatoryCount + (input.anonymousCount ?? 0)} signatories`,
    input.editionLabel?.trim(),
  ];
  return {
    Title: input.content.title.trim(),
    Author: input.workspaceName.trim(),
    Subject: names.length > 0 ? `Sign-on letter to ${names.join(', ')}` : 'Sign-on letter',
    Keywords: keywords.filter(Boolean).join(', '),
    Creator: 'Signatory',
    Producer: 'Signatory (PDFKit)',
    CreationDate: publishedAt,
    ModDate: publishedAt,
  };
}

/**
 * The trailer's /ID: 16 bytes of the SHA-256 of everything the document shows. pdfkit makes
 * it from the Info dictionary alone, so two different letters with the same title and date
 * would share an ID; this one changes whenever any input does, and never otherwise.
 */
export function documentId(
  input: LetterDocument,
  sortedSignatories: readonly LetterSignatory[],
): Buffer {
  const { content, settings } = input;
  const shown: unknown[] = [
    content.title,
    content.date,
    content.addressees.map((a) => [
      a.honorific,
      a.name,
      a.title,
      a.organization,
      a.addressLines,
      a.salutation,
    ]),
    content.salutation,
    content.body,
    content.closing,
    [settings.signatoryOrder, settings.numbered, settings.showCountry, settings.pageSize],
    sortedSignatories.map((s) => [s.displayName, settings.showCountry ? s.country : null]),
    input.anonymousCount ?? 0,
    input.workspaceName,
    input.publishedAt,
    input.editionLabel ?? null,
    input.logo ? createHash('sha256').update(input.logo).digest('hex') : null,
    input.variant ?? 'combined',
    // Only when there is one, so that every final PDF keeps the ID it had before.
    ...(input.watermark ? [input.watermark] : []),
  ];
  // Until the subject line and the list heading were the letter's own, every letter printed
  // "Re: <title>" and "Signatories", and its ID was made without them. A letter that prints
  // exactly those (as every letter written before does, migrated) keeps that ID and so its
  // bytes; any other subject or heading, or none, is part of what the ID covers.
  const subject = content.subject?.trim() ?? '';
  const listHeading = content.listHeading?.trim() ?? '';
  const legacy = subject === `Re: ${content.title}`.trim() && listHeading === 'Signatories';
  if (!legacy) shown.push([subject, listHeading]);
  const canonical = JSON.stringify(shown);
  return createHash('sha256').update(canonical).digest().subarray(0, 16);
}
