import { startTransition, useDeferredValue, useEffect, useMemo, useState } from 'react';
// The one server lib the web app may import (eslint.config.mjs): pure markdown-it, no Node
// API, so the preview and the refused lines are the very rules the server saves by.
import { markdownProblems, renderMarkdownHtml } from '../../../../../../libs/markdown/src';
import { MarkdownEditor } from './markdown-editor';
import { PreviewHtml } from './preview-html';
import type { BodyProblem } from './save-state';

/**
 * `value` once the frame that shows its change has been painted (the next animation frame,
 * then a task after it), set in a transition; a newer value cancels the one pending.
 */
function useAfterPaint<T>(value: T): T {
  const [painted, setPainted] = useState(value);
  useEffect(() => {
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => startTransition(() => setPainted(value)));
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [value]);
  return painted;
}

/**
 * The body's Markdown beside its preview (below it on phones). Constructs letters refuse are
 * marked at their line in the editor and listed under it (the list is what screen readers
 * get, through aria-describedby) as they are typed, and the server's own refusal after a save.
 */
export function BodyField({
  value,
  onChange,
  refused,
}: {
  value: string;
  onChange: (next: string) => void;
  refused: BodyProblem[];
}) {
  // The preview and the problems follow the text off the keystroke's path: a key reaches
  // the editor and its frame is painted first; the Markdown is rendered (and the preview
  // patched, preview-html.tsx) after that paint, at React's lower priority (a transition,
  // then useDeferredValue: a newer key interrupts it), once for a burst of keys, and with
  // the final text when typing stops. The first render has the text itself: the preview
  // shows with the editor.
  const shown = useDeferredValue(useAfterPaint(value));
  const html = useMemo(() => renderMarkdownHtml(shown), [shown]);
  const problems = useMemo(() => {
    const typed = markdownProblems(shown).map((p) => ({ line: p.line, message: p.message }));
    const seen = new Set(typed.map((p) => p.message));
    return [...typed, ...refused.filter((p) => !seen.has(p.message))].sort(
      (a, b) => a.line - b.line,
    );
  }, [shown, refused]);
  const invalid = problems.length > 0;
  return (
    <div className="body-editor">
      <div className={invalid ? 'field field--invalid' : 'field'}>
        {/* Names the editor through aria-labelledby: a label's `for` cannot point at a
            contenteditable, so a click on it focuses the editor by hand. */}
        <label
          id="body-label"
          onClick={() => document.getElementById('field-content.body')?.focus()}
        >
          Body (Markdown)
        </label>
        <p id="body-hint" className="field-hint">
          Paragraphs, ## and ### headings, &gt; quotes, lists, **bold**, _italic_ and links. Tab
          leaves the editor.
        </p>
        <MarkdownEditor
          id="field-content.body"
          value={value}
          onChange={onChange}
          labelledBy="body-label"
          describedBy={invalid ? 'body-hint body-problems' : 'body-hint'}
          invalid={invalid}
          problems={problems}
        />
        <ul id="body-problems" className="field-error body-problems" aria-live="polite">
          {problems.map((p) => (
            <li key={`${p.line}:${p.message}`}>{p.message.replace(/^line/, 'Line')}</li>
          ))}
        </ul>
      </div>
      <section className="body-preview card" aria-labelledby="body-preview-heading">
        <h2 id="body-preview-heading">Preview</h2>
        {/* The server's renderer: raw HTML escaped, only http, https and mailto links. */}
        <PreviewHtml className="letter-body-html" html={html} />
      </section>
    </div>
  );
}
