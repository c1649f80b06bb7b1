import type { Response } from 'express';
import { pageCsp, renderPage, type InlineScript } from '../views/render-page';

export interface Page {
  status: number;
  title: string;
  template: string;
  context: object;
  script?: InlineScript;
}

/**
 * Sends a page with the headers every signer-facing page needs: its own CSP, never cached
 * (the sign-on state changes), no Referer (the token is in the URL), not indexed.
 */
export function sendPage(res: Response, page: Page): void {
  const options = { script: page.script };
  res
    .status(page.status)
    .setHeader('Content-Security-Policy', pageCsp(options))
    .setHeader('Cache-Control', 'no-store')
    .setHeader('Referrer-Policy', 'no-referrer')
    .setHeader('X-Robots-Tag', 'noindex')
    .type('html')
    .send(renderPage(page.title, page.template, page.context, options));
}
