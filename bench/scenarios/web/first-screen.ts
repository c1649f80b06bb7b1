import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContextOptions, Page, Response } from 'playwright-core';

/** One JavaScript or CSS file the browser downloaded. */
export interface Download {
  url: string;
  kind: 'js' | 'css';
  /** As served (decoded). */
  bytes: number;
  /** gzip -9 of the decoded body: the size the target is set in, whatever the server sends. */
  gzipBytes: number;
  /** The body's bytes as transferred (compressed when the server compressed it). */
  wireBytes: number;
  /** The server's content-encoding, if any. */
  encoding?: string;
}

export interface Totals {
  files: number;
  bytes: number;
  gzipBytes: number;
  wireBytes: number;
  /** The content-encodings the files came in ('identity' for none), e.g. ['br']. */
  encodings: string[];
}

export interface FirstScreen {
  url: string;
  downloads: Download[];
  js: Totals;
  css: Totals;
  /** Navigation start to the network going idle, for context only. */
  idleMs: number;
}

function kindOf(response: Response): Download['kind'] | undefined {
  const type = response.headers()['content-type'] ?? '';
  const resource = response.request().resourceType();
  if (/javascript|ecmascript/.test(type) || resource === 'script') return 'js';
  if (/text\/css/.test(type) || resource === 'stylesheet') return 'css';
  return undefined;
}

async function download(response: Response): Promise<Download | undefined> {
  const kind = kindOf(response);
  if (!kind || response.status() !== 200) return undefined;
  const body = await response.body();
  const encoding = response.headers()['content-encoding'];
  const compressed = encoding && encoding !== 'identity';
  // What came over the connection: Chromium's count of the (encoded) body's bytes.
  const wireBytes = (await response.request().sizes()).responseBodySize;
  return {
    url: new URL(response.url()).pathname,
    kind,
    bytes: body.length,
    gzipBytes: gzipSync(body, { level: 9 }).length,
    wireBytes,
    ...(compressed ? { encoding } : {}),
  };
}

/**
 * Every JavaScript and CSS file a fresh browser context (empty cache) downloads for `url`
 * until the network is idle (no request for 500 ms) and `ready` holds.
 */
export async function firstScreen(
  browser: Browser,
  url: string,
  options: BrowserContextOptions,
  ready: (page: Page) => Promise<void>,
): Promise<FirstScreen> {
  const context = await browser.newContext(options);
  try {
    const page = await context.newPage();
    const pending: Promise<Download | undefined>[] = [];
    page.on('response', (response) => pending.push(download(response)));
    const start = Date.now();
    await page.goto(url, { waitUntil: 'networkidle' });
    const idleMs = Date.now() - start;
    await ready(page);
    const downloads = (await Promise.all(pending)).filter((d): d is Download => !!d);
    const sum = (kind: Download['kind']): Totals => {
      const files = downloads.filter((d) => d.kind === kind);
      return {
        files: files.length,
        bytes: files.reduce((n, d) => n + d.bytes, 0),
        gzipBytes: files.reduce((n, d) => n + d.gzipBytes, 0),
        wireBytes: files.reduce((n, d) => n + d.wireBytes, 0),
        encodings: [...new Set(files.map((d) => d.encoding ?? 'identity'))].sort(),
      };
    };
    return { url, downloads, js: sum('js'), css: sum('css'), idleMs };
  } finally {
    await context.close();
  }
}
