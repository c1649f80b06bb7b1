import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * The web app's CSP: everything from this origin, nothing inline, no other origin. Vite's
 * production build has no inline script; the fonts are the system's. With a nonce (the
 * HTML's), `<style>` elements carrying it are allowed too: the letter editor (CodeMirror)
 * mounts its stylesheet that way. Scripts never get one. Style attributes stay refused;
 * CodeMirror and React set styles through the CSSOM (`el.style`), which CSP leaves alone.
 * The final PDF's preview needs nothing more: pdf.js's worker is a file under /assets
 * (worker-src falls back to script-src 'self'), it runs with isEvalSupported: false (no
 * 'unsafe-eval'), and it loads the PDF's embedded fonts through the FontFace API, not a
 * data: or blob: URL.
 */
export function webAppCsp(nonce?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    nonce ? `style-src 'self' 'nonce-${nonce}'` : "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** The CSP of the app's files (/assets): no nonce, they are not documents that mount styles. */
export const WEB_APP_CSP = webAppCsp();

/** A fresh nonce for one HTML response: 128 random bits, as CSP asks (unguessable, unique). */
export const newNonce = (): string => randomBytes(16).toString('base64');

/**
 * index.html with the response's nonce where the app reads it (main.tsx → the editor):
 * `<meta name="csp-nonce">`, first in <head>. base64 has no character to escape in an
 * attribute.
 */
export const withNonce = (html: string, nonce: string): string =>
  html.replace('<head>', `<head>\n    <meta name="csp-nonce" content="${nonce}" />`);

/** First path segments that are not the app's: the API and the server-rendered signer pages. */
const SERVER_SEGMENTS = new Set(['api', 'health', 'sign', 's', 'l', 'join']);

/** Whether a GET for this path is the app's to answer (a screen of the single-page app). */
export function isAppPath(path: string): boolean {
  const first = path.split('/')[1] ?? '';
  return !SERVER_SEGMENTS.has(first) && first !== 'assets';
}

/** The repository (or image) root: the nearest folder above this file with a package.json. */
function projectRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

/** Where `npm run build:web` writes the app (vite.config.mts), from ts-node and from dist/ alike. */
export const WEB_DIST = join(projectRoot(__dirname), 'dist', 'web');

/** The headers the signer pages send too, where they apply to a signed-in app. */
function appHeaders(res: Response, csp = WEB_APP_CSP): void {
  res.setHeader('Content-Security-Policy', csp);
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Robots-Tag', 'noindex');
}

/**
 * Serves the built web app at `/`: hashed files under /assets for a year (their names
 * change with their content), and index.html (with a fresh nonce, never stored) for every other
 * GET outside /api, /health and the signer pages, so the app's router draws the screen.
 * Unknown /api paths keep their JSON 404; a missing asset is a 404 too, not the app.
 */
export function serveWebApp(app: NestExpressApplication, dist = WEB_DIST): void {
  app.useStaticAssets(join(dist, 'assets'), {
    prefix: '/assets/',
    index: false,
    immutable: true,
    maxAge: '365d',
    setHeaders: (res: Response) => appHeaders(res),
  });
  const index = join(dist, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !isAppPath(req.path)) return next();
    // A nonce per response, and the page never stored (no-store): no cache hands the same
    // nonce out twice. A deploy still shows at once, as with the no-cache it replaced.
    const nonce = newNonce();
    appHeaders(res, webAppCsp(nonce));
    res.setHeader('Cache-Control', 'no-store');
    void readFile(index, 'utf8').then(
      (html) => res.type('html').send(withNonce(html, nonce)),
      () =>
        res
          .status(503)
          .type('text')
          .send('The web app is not built: run `npm run build:web` (npm install does it).\n'),
    );
  });
}
