import type { Response } from 'express';

/**
 * The policy of a mail shown as its own document, in a frame of the web app. The app's CSP
 * refuses style attributes, and a srcdoc or blob: frame inherits it: the mail would show
 * unstyled, not as sent. So the mail is served by URL with a policy suited to a mail: its
 * inline styles apply (as in a mail client) and nothing else does. No script, no font, no
 * image (the layout has none and the note's Markdown has no image syntax), nothing fetched;
 * `sandbox` gives it an opaque origin whoever frames it, and only the app's own pages may
 * frame it.
 */
export const MAIL_DOCUMENT_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
  'sandbox',
].join('; ');

/** Sends a mail's HTML as that document: exactly its bytes, never stored by a cache. */
export function sendMailDocument(res: Response, html: string): void {
  res
    .status(200)
    .setHeader('Content-Type', 'text/html; charset=utf-8')
    .setHeader('Content-Security-Policy', MAIL_DOCUMENT_CSP)
    // For browsers that predate frame-ancestors; helmet sends the same, said here on purpose.
    .setHeader('X-Frame-Options', 'SAMEORIGIN')
    .setHeader('X-Content-Type-Options', 'nosniff')
    .setHeader('Cache-Control', 'no-store')
    .setHeader('Referrer-Policy', 'no-referrer')
    .setHeader('X-Robots-Tag', 'noindex')
    .end(html);
}
