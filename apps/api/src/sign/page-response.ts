import type { Response } from 'express';
import { pageCsp, renderPage, type InlineScript } from '../views/render-page';

/** What a page handler answers: PageInterceptor renders and sends it. */
export interface Page {
  status: number;
  title: string;
  template: string;
  context: object;
  /** The one inline script the page runs; its hash goes into the page's CSP. */
  script?: InlineScript;
}

/**
 * Sets the status and the headers every signer-facing page needs: its own CSP, never
 * cached (the sign-on state changes), no Referer (the token is in the URL), not indexed.
 * Answers the page's HTML.
 */
export function preparePage(res: Response, page: Page): string {
  const options = { script: page.script };
  res
    .status(page.status)
    .setHeader('Content-Security-Policy', pageCsp(options))
    .setHeader('Cache-Control', 'no-store')
    .setHeader('Referrer-Policy', 'no-referrer')
    .setHeader('X-Robots-Tag', 'noindex')
    .type('html');
  return renderPage(page.title, page.template, page.context, options);
}

/** Sends a page from where no interceptor runs (an exception filter). */
export function sendPage(res: Response, page: Page): void {
  res.send(preparePage(res, page));
}
