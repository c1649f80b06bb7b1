import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContextOptions, Page, Response } from 'playwright-core';

/** One JavaScript or CSS file the browser downloaded. */
export interface Download {
  url: string;
  kind: 'js' | 'css';
  /** As served (decoded). */
  bytes: number;
  /** As sent when the server compressed it, else gzip -9 of the body. */
  gzipBytes: number;
  /** The server's content-encoding, if any. */
  encoding?: string;
}

export interface FirstScreen {
  url: string;
  downloads: Download[];
  js: { files: number; bytes: number; gzipBytes: number };
  css: { files: number; bytes: number; gzipBytes: number };
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
  const gzipBytes = compressed
    ? (await response.request().sizes()).responseBodySize
    : gzipSync(body, { level: 9 }).length;
  return {
    url: new URL(response.url()).pathname,
    kind,
    bytes: body.length,
    gzipBytes,
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
    const sum = (kind: Download['kind']) => {
      const files = downloads.filter((d) => d.kind === kind);
      return {
        files: files.length,
        bytes: files.reduce((n, d) => n + d.bytes, 0),
        gzipBytes: files.reduce((n, d) => n + d.gzipBytes, 0),
      };
    };
    return { url, downloads, js: sum('js'), css: sum('css'), idleMs };
  } finally {
    await context.close();
  }
}
