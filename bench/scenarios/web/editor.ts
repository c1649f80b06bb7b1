import type { BrowserContext, Page } from 'playwright-core';
import { END_PHRASE, START_PHRASE } from './letter-body';
import {
  keystrokeProbe,
  loadPhases,
  type LoadPhases,
  usableProbe,
  type Keystroke,
  type KeyProbe,
  type UsableAt,
} from './page-probes';

declare const window: { __benchUsable: Promise<UsableAt>; __benchKeys: KeyProbe };

/** The body editor as a person (and Playwright) finds it: a textarea or a CodeMirror view. */
export const bodyEditor = (page: Page) => page.getByRole('textbox', { name: 'Body' });
export const preview = (page: Page) => page.getByRole('region', { name: 'Preview' });

export interface Usable {
  /** page.goto() called → the editor usable and painted, in ms. */
  ms: number;
  /** The same from the page's own navigation start (performance.now()). */
  pageMs: number;
  editor: string;
  /** Where the time went, from the page's navigation start. */
  phases: LoadPhases;
  /** Playwright's view agrees: the textbox visible and editable, the preview showing the end. */
  confirmed: boolean;
}

/** Opens the editor at `url` in `page` and times it until usable (see usableProbe). */
export async function openEditor(page: Page, url: string, timeoutMs = 30_000): Promise<Usable> {
  const start = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  let timer: NodeJS.Timeout | undefined;
  const usable = await Promise.race([
    page.evaluate(() => window.__benchUsable),
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the editor was not usable in ${timeoutMs} ms`)),
        timeoutMs,
      );
    }),
  ]).finally(() => clearTimeout(timer));
  const ms = usable.timeOrigin + usable.at - start;
  const editor = bodyEditor(page);
  const confirmed =
    (await editor.isVisible()) &&
    (await editor.isEditable()) &&
    ((await preview(page).textContent()) ?? '').includes(END_PHRASE);
  const phases = await page.evaluate(loadPhases);
  return { ms, pageMs: usable.at, editor: usable.editor, phases, confirmed };
}

/** A context whose every page runs the usable probe from its first script. */
export async function withUsableProbe(context: BrowserContext): Promise<BrowserContext> {
  await context.addInitScript(usableProbe, { start: START_PHRASE, end: END_PHRASE });
  return context;
}

/** Chromium's own accounting over the typing (CDP Performance.getMetrics), in ms per key. */
export interface PerKey {
  script: number;
  style: number;
  layout: number;
  /** All main-thread tasks: the above, paint and the rest. */
  task: number;
}

const METRICS = {
  script: 'ScriptDuration',
  style: 'RecalcStyleDuration',
  layout: 'LayoutDuration',
  task: 'TaskDuration',
} as const;

export interface Typed {
  keys: Keystroke[];
  perKey: PerKey;
  /** What was typed, and whether the field holds it right after `after`. */
  text: string;
  landed: boolean;
}

/**
 * With the editor usable in `page`: focus the field labelled `field` (the body, whose
 * preview is awaited too, by default) by a click, go to its end (Ctrl+End), then type
 * `text` one key at a time, each after the last one's frame and preview (or
 * `previewTimeoutMs`), `gapMs` apart. `after` is the text the field ends with before.
 */
export async function typeAtEnd(
  page: Page,
  text: string,
  { field = 'Body', after = END_PHRASE, gapMs = 30, previewTimeoutMs = 5000 } = {},
): Promise<Typed> {
  const withPreview = field === 'Body';
  const editor = page.getByRole('textbox', { name: field }).first();
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.evaluate(keystrokeProbe, { field, withPreview });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => {
    const { metrics: list } = await cdp.send('Performance.getMetrics');
    const seconds = (name: string) => list.find((m) => m.name === name)?.value ?? NaN;
    return Object.fromEntries(
      Object.entries(METRICS).map(([key, name]) => [key, seconds(name)]),
    ) as unknown as PerKey;
  };
  const before = await metrics();
  const keys: Keystroke[] = [];
  for (let i = 0; i < text.length; i++) {
    await page.keyboard.type(text[i]);
    const expected = `${after}${text.slice(0, i + 1)}`.trimEnd().replace(/\s+/g, ' ');
    keys.push(
      await page.evaluate(
        ([index, wanted, timeout]) => window.__benchKeys.settle(index, wanted, timeout),
        [i, expected, previewTimeoutMs] as const,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  const afterTyping = await metrics();
  const perKey = Object.fromEntries(
    (Object.keys(METRICS) as (keyof PerKey)[]).map((key) => [
      key,
      ((afterTyping[key] - before[key]) * 1000) / text.length,
    ]),
  ) as unknown as PerKey;
  await cdp.detach();
  // A textarea or input holds all of its text; a CodeMirror view draws the lines in view,
  // which the end of the body is once typed at.
  const held = await editor.evaluate(
    (el: { value?: string; textContent: string | null }) => el.value ?? el.textContent ?? '',
  );
  return { keys, perKey, text, landed: held.replace(/\s+/g, ' ').includes(`${after}${text}`) };
}
