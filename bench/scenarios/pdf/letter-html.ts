// The peer of the renderer: the same letter as one HTML page, for headless Chromium to print.
import { renderMarkdownHtml } from '@app/markdown';
import {
  dateInWords,
  salutationFor,
  salutationForAll,
  sortSignatories,
  type LetterDocument,
} from '@app/pdf';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** Web fonts for the page: @font-face rules and the font-family list that uses them. */
export interface PageFonts {
  css: string;
  families: string;
}

/**
 * Date, addressee blocks (two columns), "Re:", salutation, the Markdown body, closing, the
 * numbered signatory list (names as bidi isolates) and "and N other organizations", at the
 * renderer's sizes, in the given fonts. Page size and margins are page.pdf()'s options.
 */
export function letterHtml(document: LetterDocument, fonts: PageFonts): string {
  const { content, settings } = document;
  const salutation =
    document.variant === 'per-addressee'
      ? salutationFor(content.addressees[0])
      : content.salutation.trim() || salutationForAll(content.addressees);
  const addressees = content.addressees
    .map((a) => {
      const lines = [
        `<strong>${escape([a.honorific, a.name].filter(Boolean).join(' '))}</strong>`,
        ...[a.title, a.organization, ...a.addressLines].filter(Boolean).map((l) => escape(l!)),
      ];
      return `<div class="addressee">${lines.join('<br>')}</div>`;
    })
    .join('');
  const signatories = sortSignatories(document.signatories, settings.signatoryOrder);
  const tag = settings.numbered ? 'ol' : 'ul';
  const names = signatories
    .map((s) => {
      const country =
        settings.showCountry && s.country ? ` (${escape(regions.of(s.country) ?? s.country)})` : '';
      return `<li><bdi>${escape(s.displayName)}</bdi>${country}</li>`;
    })
    .join('\n');
  const others = document.anonymousCount
    ? `<p>and ${document.anonymousCount.toLocaleString('en-US')} other organizations</p>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(content.title)}</title>
<style>
${fonts.css}
  body { font-family: ${fonts.families}, sans-serif; font-size: 11pt; line-height: 15.4pt; color: #111; margin: 0; }
  .addressees { display: grid; grid-template-columns: 1fr 1fr; gap: 12pt 24pt; margin: 18pt 0; }
  .addressee { break-inside: avoid; }
  h2 { font-size: 11pt; margin: 18pt 0 6pt; break-after: avoid; }
  ol, ul { font-size: 10pt; line-height: 14pt; margin: 0; padding-left: 3.2em; }
  a { color: #1a4f9c; }
</style></head>
<body>
<p>${escape(dateInWords(content.date))}</p>
<div class="addressees">${addressees}</div>
${content.subject?.trim() ? `<p><strong>${escape(content.subject.trim())}</strong></p>\n` : ''}<p>${escape(salutation)}</p>
${renderMarkdownHtml(content.body)}
<p>${escape(content.closing)}</p>
${content.listHeading?.trim() ? `<h2>${escape(content.listHeading.trim())}</h2>\n` : ''}<${tag}>
${names}
</${tag}>
${others}
</body></html>`;
}
