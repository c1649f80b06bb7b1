// What the web scenario measures inside the page: the functions below are sent to Chromium
// (page.addInitScript / page.evaluate), so each is self-contained and uses nothing from
// Node. The body editor is found as getByRole('textbox', { name: 'Body' }) finds it: a
// <textarea> labelled "Body…" today, or a contenteditable with role textbox (CodeMirror)
// whose aria-label or aria-labelledby says "Body…"; the preview is the region labelled
// "Preview".

// The project compiles without the DOM library: the few page globals used here are
// declared for this module only.
interface PageNode {
  textContent: string | null;
}
interface PageElement extends PageNode {
  tagName: string;
  value?: string;
  disabled?: boolean;
  readOnly?: boolean;
  isContentEditable: boolean;
  labels?: ArrayLike<PageNode> | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
  getBoundingClientRect(): { width: number; height: number };
  checkVisibility?(): boolean;
}
interface PageEvent {
  type: string;
}
declare const document: {
  querySelectorAll(selector: string): Iterable<PageElement>;
  getElementById(id: string): PageElement | null;
  addEventListener(type: string, listener: (event: PageEvent) => void, capture: boolean): void;
};
interface PageTiming {
  name: string;
  startTime: number;
  responseEnd: number;
  domContentLoadedEventEnd?: number;
}
declare const performance: {
  now(): number;
  timeOrigin: number;
  getEntriesByType(type: 'navigation' | 'resource'): PageTiming[];
};
declare function requestAnimationFrame(callback: () => void): number;
declare class MutationObserver {
  constructor(callback: () => void);
  observe(
    target: PageElement,
    options: { childList: boolean; characterData: boolean; subtree: boolean },
  ): void;
  disconnect(): void;
}
declare const window: {
  __benchUsable?: Promise<UsableAt>;
  __benchKeys?: KeyProbe;
};

/** When the editor became usable: performance.now() in the page, and its time origin. */
export interface UsableAt {
  at: number;
  timeOrigin: number;
  /** What the editor is: a textarea, or a contenteditable. */
  editor: string;
}

/** Milestones of a page's load, in ms from its navigation start. */
export interface LoadPhases {
  /** The HTML received. */
  html: number;
  domContentLoaded: number;
  /** The last JavaScript file received (the editor's lazy chunk). */
  lastScript: number;
  /** The account (GET /api/auth/me) and the workspace (GET /api/workspaces/:wid) received. */
  session: number;
  workspace: number;
  /** The letter's JSON (GET /api/letters/:lid) asked for, and received. */
  letterAsked: number;
  letter: number;
}

/** The page's load milestones from its resource timing, once the editor is usable. */
export function loadPhases(): LoadPhases {
  const [navigation] = performance.getEntriesByType('navigation');
  const resources = performance.getEntriesByType('resource');
  const last = (path: RegExp, at: 'startTime' | 'responseEnd' = 'responseEnd') =>
    Math.max(-1, ...resources.filter((r) => path.test(new URL(r.name).pathname)).map((r) => r[at]));
  return {
    html: navigation?.responseEnd ?? -1,
    domContentLoaded: navigation?.domContentLoadedEventEnd ?? -1,
    lastScript: last(/^\/assets\/.*\.js$/),
    session: last(/^\/api\/auth\/me$/),
    workspace: last(/^\/api\/workspaces\/[^/]+$/),
    letterAsked: last(/^\/api\/letters\/[^/]+$/, 'startTime'),
    letter: last(/^\/api\/letters\/[^/]+$/),
  };
}

/** One keystroke, in page milliseconds (performance.now()). */
export interface Keystroke {
  down: number;
  /** The input event, or the first change in the editor's DOM, after the keydown. */
  applied?: number;
  /** The next animation frame after it had been applied, and its paint (rAF → setTimeout 0). */
  frame?: number;
  /** The first change of the preview after the keydown that shows the text typed so far. */
  preview?: number;
  /** The preview did not change for it (e.g. a space, which a paragraph's end trims). */
  previewUnchanged?: boolean;
}

export interface KeyProbe {
  keys: Keystroke[];
  /**
   * Keystroke `index` has its frame, and the preview (if any) shows `expected`, or
   * `timeoutMs` passed.
   */
  settle(index: number, expected: string, timeoutMs: number): Promise<Keystroke>;
}

/**
 * Init script: from the document's start, resolves window.__benchUsable after the first
 * painted frame in which the body editor is visible and editable and holds the draft, and the
 * preview shows `end`. "Holds the draft": its text includes `end`; an editor that draws only
 * the lines in view (CodeMirror) shows `start` instead, and the preview proves the rest.
 */
export function usableProbe({ start, end }: { start: string; end: string }): void {
  const name = (el: PageElement): string => {
    const label = el.getAttribute('aria-label');
    if (label) return label.trim();
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      return by
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim();
    }
    return el.labels?.length ? (el.labels[0].textContent ?? '').trim() : '';
  };
  const find = (selector: string, label: RegExp) => {
    for (const el of document.querySelectorAll(selector)) if (label.test(name(el))) return el;
    return undefined;
  };
  const visible = (el: PageElement) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && (el.checkVisibility?.() ?? true);
  };
  const usable = (): string | undefined => {
    const editor = find('textarea, [role="textbox"], [contenteditable="true"]', /^Body\b/);
    const preview = find('section[aria-labelledby], [role="region"]', /^Preview\b/);
    if (!editor || !preview || !visible(editor) || !visible(preview)) return undefined;
    const textarea = editor.tagName === 'TEXTAREA';
    const editable = textarea
      ? !editor.disabled && !editor.readOnly
      : editor.isContentEditable || !!editor.querySelector('[contenteditable="true"]');
    const text = (textarea ? editor.value : editor.textContent) ?? '';
    const holds = text.includes(end) || (!textarea && text.includes(start));
    if (!editable || !holds || !(preview.textContent ?? '').includes(end)) return undefined;
    return textarea ? 'textarea' : 'contenteditable';
  };
  window.__benchUsable = new Promise<UsableAt>((resolve) => {
    const frame = () => {
      const editor = usable();
      if (editor) {
        // After this frame's paint.
        setTimeout(
          () => resolve({ at: performance.now(), timeOrigin: performance.timeOrigin, editor }),
          0,
        );
      } else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/**
 * Installs window.__benchKeys on a page whose field labelled `field` (the body editor, or
 * another field for comparison) is usable: every keydown (capture phase) starts a keystroke; the input event, or the first change in the editor's DOM,
 * marks it applied; the next animation frame after that, and its paint (rAF → setTimeout 0),
 * ends it. Changes of the preview, when `withPreview`, are timed on their own: settle() takes
 * the change after the keydown after which the preview shows the expected text.
 */
export function keystrokeProbe({ field, withPreview }: { field: string; withPreview: boolean }) {
  const name = (el: PageElement): string => {
    const label = el.getAttribute('aria-label');
    if (label) return label.trim();
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      return by
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim();
    }
    return el.labels?.length ? (el.labels[0].textContent ?? '').trim() : '';
  };
  const find = (selector: string, label: RegExp) => {
    for (const el of document.querySelectorAll(selector)) if (label.test(name(el))) return el;
    throw new Error(`no element ${selector} labelled ${String(label)}`);
  };
  const editor = find(
    'input, textarea, [role="textbox"], [contenteditable="true"]',
    new RegExp(`^${field}\\b`),
  );
  const preview = withPreview
    ? find('section[aria-labelledby], [role="region"]', /^Preview\b/)
    : undefined;
  const keys: Keystroke[] = [];
  const framed: (() => void)[] = [];
  // Times of the preview's changes; read after the keystroke's frame, so that reading the
  // preview's text never adds to the time measured.
  const previewChanges: number[] = [];
  const previewWaiters: (() => void)[] = [];

  document.addEventListener('keydown', () => keys.push({ down: performance.now() }), true);
  const applied = () => {
    const key = keys[keys.length - 1];
    if (!key || key.applied !== undefined) return;
    key.applied = performance.now();
    requestAnimationFrame(() =>
      setTimeout(() => {
        key.frame = performance.now();
        framed.splice(0).forEach((wake) => wake());
      }, 0),
    );
  };
  document.addEventListener('input', applied, true);
  const options = { childList: true, characterData: true, subtree: true };
  new MutationObserver(applied).observe(editor, options);
  if (preview) {
    new MutationObserver(() => {
      previewChanges.push(performance.now());
      previewWaiters.splice(0).forEach((wake) => wake());
    }).observe(preview, options);
  }

  const normalized = () => (preview?.textContent ?? '').replace(/\s+/g, ' ');
  const settle = async (index: number, expected: string, timeoutMs: number) => {
    const deadline = performance.now() + timeoutMs;
    const until = (list: (() => void)[], ready: () => boolean) =>
      new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(ready()), Math.max(0, deadline - performance.now()));
        const check = () => {
          if (!ready()) return void list.push(check);
          clearTimeout(timer);
          resolve(true);
        };
        check();
      });
    await until(framed, () => keys[index]?.frame !== undefined);
    const key = keys[index];
    if (!key) throw new Error(`keystroke ${index} never arrived (${keys.length} keydowns)`);
    if (!preview) return key;
    const changedSince = () => previewChanges.find((t) => t >= key.down);
    // The first change after the keydown after which the preview shows the text.
    for (;;) {
      const change = changedSince();
      if (change === undefined) {
        if (normalized().includes(expected)) {
          key.previewUnchanged = true;
          return key;
        }
      } else if (normalized().includes(expected)) {
        key.preview = previewChanges.filter((t) => t >= key.down).pop() ?? change;
        return key;
      }
      const seen = previewChanges.length;
      if (!(await until(previewWaiters, () => previewChanges.length > seen))) return key;
    }
  };
  window.__benchKeys = { keys, settle };
}
