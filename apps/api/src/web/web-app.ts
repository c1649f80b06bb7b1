import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';

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

/** The precompressed files the build writes beside each asset (vite.config.mts), best first. */
const ENCODINGS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/** An asset's file name as Vite writes them: no folder, nothing to escape the directory. */
const ASSET_NAME = /^\/[\w.-]+$/;

/**
 * The encoding to send of `offered` (the server's order of preference), by the request's
 * Accept-Encoding (RFC 9110 12.5.3): the highest q-value above 0, a tie going to the
 * server's order, not the header's (Chromium sends "gzip, deflate, br, zstd" and brotli is
 * the smaller); `*` stands for any coding not named. Undefined for the plain file: no
 * header, nothing offered acceptable, or identity preferred to all of them.
 */
export function chooseEncoding(
  header: string | undefined,
  offered: readonly string[],
): string | undefined {
  if (!header) return undefined;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    const value = weight === undefined ? 1 : Number(weight);
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const of = (coding: string) => q.get(coding) ?? q.get('*') ?? (coding === 'identity' ? 1 : 0);
  let best: string | undefined;
  for (const coding of offered) {
    if (of(coding) > 0 && (best === undefined || of(coding) > of(best))) best = coding;
  }
  return best !== undefined && of(best) >= of('identity') ? best : undefined;
}

/**
 * Serves an asset's precompressed copy (`x.js.br` or `x.js.gz`, written at build time) to a
 * browser that accepts that encoding, through the same static handler as the plain file:
 * the request is rewritten to the copy, with the plain file's Content-Type and
 * `Content-Encoding` set first. Every asset response says `Vary: Accept-Encoding`, so a
 * cache never hands the brotli body to a client that did not ask for it. The ETag is the
 * copy's own (its size and time), different from the plain file's, as a different
 * representation's must be. Chosen over the `compression` middleware: no CPU per response,
 * the highest levels, brotli too, and nothing wrapped around the API's responses (its
 * text/event-stream ones must be flushed as they are written). Only /assets goes through
 * here; index.html (a few hundred bytes, and fresh at each response) is sent as it is.
 */
export function precompressedAssets(dir: string) {
  // Hashed names never change content: whether a copy exists is asked of the disk once.
  const exists = new Map<string, boolean>();
  const has = (file: string) => {
    let known = exists.get(file);
    if (known === undefined) {
      known = existsSync(file);
      exists.set(file, known);
    }
    return known;
  };
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !ASSET_NAME.test(req.path)) {
      return next();
    }
    res.vary('Accept-Encoding');
    const offered = ENCODINGS.filter(({ suffix }) => has(join(dir, req.path + suffix)));
    if (offered.length === 0) return next();
    const chosen = chooseEncoding(
      req.headers['accept-encoding'],
      offered.map((o) => o.encoding),
    );
    const copy = offered.find((o) => o.encoding === chosen);
    if (!copy) return next();
    res.type(extname(req.path));
    res.setHeader('Content-Encoding', copy.encoding);
    req.url = req.path + copy.suffix + req.url.slice(req.path.length);
    return next();
  };
}

/**
 * Serves the built web app at `/`: hashed files under /assets for a year (their names
 * change with their content), and index.html (with a fresh nonce, never stored) for every other
 * GET outside /api, /health and the signer pages, so the app's router draws the screen.
 * Unknown /api paths keep their JSON 404; a missing asset is a 404 too, not the app.
 */
export function serveWebApp(app: NestExpressApplication, dist = WEB_DIST): void {
  app.use('/assets', precompressedAssets(join(dist, 'assets')));
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
