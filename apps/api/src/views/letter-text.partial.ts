import type { LetterContent } from '@app/domain';
import { renderMarkdownHtml } from '@app/markdown';

/**
 * The letter as published: date, addressee blocks, the subject line if the letter has one,
 * salutation, body, closing (as the PDF prints them). The body is the only HTML inserted
 * unescaped, and it comes from renderMarkdownHtml (raw HTML escaped).
 */
export const letterTextPartial = `<article class="letter" aria-label="The letter">
<p>{{letter.dateWords}}</p>
{{#each letter.addressees}}<p class="addressee" dir="auto">{{#each lines}}{{this}}{{#unless @last}}<br>{{/unless}}{{/each}}</p>
{{/each}}{{#if letter.subject}}<p class="subject" dir="auto"><strong>{{letter.subject}}</strong></p>
{{/if}}<p dir="auto">{{letter.salutation}}</p>
<div dir="auto">{{{letter.bodyHtml}}}</div>
<p dir="auto">{{letter.closing}}</p>
</article>`;

export interface LetterTextModel {
  title: string;
  dateWords: string;
  addressees: { lines: string[] }[];
  /** The subject line as written; '' for none. */
  subject: string;
  salutation: string;
  bodyHtml: string;
  closing: string;
  /** The heading over the list of signatories, where a page shows one; '' for none. */
  listHeading: string;
}

const longDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/**
 * `2026-03-02` → `March 2, 2026`, as the PDF dates the letter; read from the digits, so no
 * time zone moves the day.
 */
export function letterDateInWords(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const [year, month, day] = match.slice(1).map(Number);
  return longDate.format(Date.UTC(year, month - 1, day));
}

export function letterTextModel(content: LetterContent): LetterTextModel {
  return {
    title: content.title,
    dateWords: letterDateInWords(content.date),
    addressees: content.addressees.map((a) => ({
      lines: [
        [a.honorific, a.name].filter(Boolean).join(' '),
        a.title,
        a.organization,
        ...a.addressLines,
      ].filter((line): line is string => Boolean(line?.trim())),
    })),
    subject: content.subject?.trim() ?? '',
    salutation: content.salutation,
    bodyHtml: renderMarkdownHtml(content.body),
    closing: content.closing,
    listHeading: content.listHeading?.trim() ?? '',
  };
}
