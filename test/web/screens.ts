import { AXE_SOURCE, AXE_TAGS, launchChromium, readableViolations } from '@app/testing';
import type { AxeResults } from 'axe-core';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../support';
import { ensureWebBuilt } from './web-build';

// The callbacks given to page.evaluate run in the browser; the project compiles without the
// DOM library, so the few page globals they use are declared here, for this module only.
interface PageElement {
  id: string;
  outerHTML: string;
  labels?: { length: number } | null;
  contains(other: PageElement): boolean;
  getBoundingClientRect(): { right: number };
}
declare const document: {
  activeElement: PageElement | null;
  documentElement: { scrollWidth: number };
  querySelectorAll(selector: string): Iterable<PageElement> & { length: number };
};
declare const window: { innerWidth: number; axe: { run(options: object): Promise<AxeResults> } };

export const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 375, height: 740 },
};

export const PASSWORD = 'a long enough password';

export const heading = (page: Page, name: string) =>
  page.getByRole('heading', { level: 1, name }).waitFor();

export const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);

/**
 * The screen as shown now, checked: axe-core's violations of any impact (as
 * app.e2e-spec.ts asks of every screen), and the
 * shape every screen keeps (one main, one h1, every field labelled, nothing wider than the
 * screen). The context must bypass the CSP, which forbids the injected axe-core.
 */
export async function screenProblems(page: Page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(
    (tags) => window.axe.run({ runOnly: { type: 'tag', values: tags } }),
    AXE_TAGS,
  );
  const shape = await page.evaluate(() => ({
    main: document.querySelectorAll('main').length,
    h1: document.querySelectorAll('h1').length,
    unlabelled: [...document.querySelectorAll('input, select')]
      .filter((el) => !el.labels?.length)
      .map((el) => el.outerHTML),
    // The elements that reach past the screen's right edge, none of whose own elements do
    // (the culprits, not their containers), so that a failure names them.
    overflow:
      document.documentElement.scrollWidth > window.innerWidth
        ? [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
            .filter((el, _, past) => !past.some((other) => other !== el && el.contains(other)))
            .map((el) => el.outerHTML.slice(0, 160))
        : [],
  }));
  return { violations: readableViolations(results.violations), ...shape };
}

export const NO_PROBLEMS = { violations: [], main: 1, h1: 1, unlabelled: [], overflow: [] };

/** A call to the API as the context's signed-in account, with its CSRF header. */
export async function apiAs(
  context: BrowserContext,
  base: string,
  method: 'post' | 'patch' | 'put' | 'get',
  path: string,
  data?: object,
) {
  const csrf = (await context.cookies(base)).find((c) => c.name === 'signatory_csrf')?.value;
  const res = await context.request.fetch(base + path, {
    method: method.toUpperCase(),
    data,
    headers: csrf ? { 'X-CSRF-Token': csrf } : {},
  });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown> & { id: string };
}

/** The API serving the built web app on a free port, and a browser to drive it. */
export interface WebApp {
  t: TestApp;
  browser: Browser;
  /** http://127.0.0.1:<port> */
  base: string;
}

/** Builds the app if stale, boots the API on `env` (e.g. an SMTP sink) and a browser. */
export async function startWebApp(env: Record<string, string | undefined> = {}): Promise<WebApp> {
  ensureWebBuilt();
  const t = await createTestApp(env);
  await t.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  return { t, browser: await launchChromium(), base };
}

/** Closes what startWebApp opened, whatever of it did open. */
export async function stopWebApp(app: Partial<WebApp>): Promise<void> {
  await app.browser?.close();
  await app.t?.close();
}
