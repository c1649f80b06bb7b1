import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { defineLanguageFacet, Language, syntaxHighlighting } from '@codemirror/language';
import {
  Annotation,
  Compartment,
  EditorState,
  RangeSet,
  StateEffect,
  StateField,
  type Extension,
} from '@codemirror/state';
import {
  Decoration,
  EditorView,
  gutter,
  GutterMarker,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { tagHighlighter, tags } from '@lezer/highlight';
import { parser } from '@lezer/markdown';
import { useEffect, useRef } from 'react';
import { minimalChange } from './minimal-change';
import type { BodyProblem } from './save-state';

/**
 * Markdown through @lezer/markdown's own parser, not @codemirror/lang-markdown: that one
 * brings the HTML, CSS and JavaScript modes and autocompletion for code blocks a letter
 * never has. Highlighted with classes only, styled in styles.css with the rest of the app.
 */
const markdown = new Language(defineLanguageFacet(), parser, [], 'markdown');
const highlight = tagHighlighter([
  { tag: tags.heading, class: 'md-heading' },
  { tag: tags.strong, class: 'md-strong' },
  { tag: tags.emphasis, class: 'md-emphasis' },
  { tag: [tags.link, tags.url], class: 'md-link' },
  { tag: tags.quote, class: 'md-quote' },
  { tag: [tags.processingInstruction, tags.contentSeparator], class: 'md-mark' },
]);

/** The page's CSP nonce (apps/api/src/web/web-app.ts), for the <style> CodeMirror mounts. */
const cspNonce = () =>
  document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';

/** A change from the parent's value (a conflict resolved), not typed: not echoed back. */
const fromOutside = Annotation.define<boolean>();

/** The lines with a problem, numbered from 1, as the list under the editor names them. */
const setProblemLines = StateEffect.define<readonly number[]>();
const problemLines = StateField.define<readonly number[]>({
  create: () => [],
  // The same lines keep the same value, so the gutter is not redrawn on every keystroke.
  update: (lines, tr) => {
    const next = tr.effects.find((e) => e.is(setProblemLines))?.value;
    return next && next.join() !== lines.join() ? next : lines;
  },
});

const problemLine = Decoration.line({ class: 'cm-problem-line' });
const problemDecorations = EditorView.decorations.compute([problemLines, 'doc'], (state) => {
  const lines = state.field(problemLines).filter((n) => n >= 1 && n <= state.doc.lines);
  return RangeSet.of(
    [...new Set(lines)].sort((a, b) => a - b).map((n) => problemLine.range(state.doc.line(n).from)),
  );
});

/** A mark in the gutter for sighted readers; screen readers have the list (aria-describedby). */
class ProblemMarker extends GutterMarker {
  toDOM() {
    const mark = document.createElement('span');
    mark.textContent = '!';
    mark.setAttribute('aria-hidden', 'true');
    return mark;
  }
}
const problemMarker = new ProblemMarker();
const problemGutter = gutter({
  class: 'cm-problem-gutter',
  lineMarker: (view, line) =>
    view.state.field(problemLines).includes(view.state.doc.lineAt(line.from).number)
      ? problemMarker
      : null,
  lineMarkerChange: (u) => u.startState.field(problemLines) !== u.state.field(problemLines),
  initialSpacer: () => problemMarker,
});

interface Props {
  /** The contenteditable's id, for the label to focus it on a click. */
  id: string;
  value: string;
  onChange: (next: string) => void;
  /** The visible label's id: the editor's accessible name. */
  labelledBy: string;
  describedBy: string;
  invalid: boolean;
  problems: readonly BodyProblem[];
}

/**
 * The body in CodeMirror 6: wrapped lines, line numbers, undo/redo, Markdown highlighted,
 * the lines with a problem marked. Tab is left to the page (no indentWithTab), so the
 * keyboard is never trapped. The value flows in and out like a field's; a new value from
 * outside (a conflict resolved) becomes one change in the same document, so undo survives.
 */
export function MarkdownEditor({
  id,
  value,
  onChange,
  labelledBy,
  describedBy,
  invalid,
  problems,
}: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const attributes = useRef(new Compartment());
  const changed = useRef(onChange);
  changed.current = onChange;

  const ownAttributes = (): Extension =>
    EditorView.contentAttributes.of({
      id,
      'aria-labelledby': labelledBy,
      'aria-describedby': describedBy,
      ...(invalid ? { 'aria-invalid': 'true' } : {}),
    });

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          EditorView.cspNonce.of(cspNonce()),
          EditorView.lineWrapping,
          lineNumbers(),
          problemGutter,
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          markdown,
          syntaxHighlighting(highlight),
          problemLines,
          problemDecorations,
          attributes.current.of(ownAttributes()),
          EditorView.updateListener.of((update) => {
            const typed = update.transactions.some((tr) => !tr.annotation(fromOutside));
            if (update.docChanged && typed) changed.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // Made once, with the first value; the effects below bring the later ones in.
  }, []);

  useEffect(() => {
    const editor = view.current;
    const doc = editor?.state.doc.toString();
    if (editor && doc !== undefined && doc !== value) {
      editor.dispatch({ changes: minimalChange(doc, value), annotations: fromOutside.of(true) });
    }
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: attributes.current.reconfigure(ownAttributes()) });
    // ownAttributes reads exactly these.
  }, [id, labelledBy, describedBy, invalid]);

  useEffect(() => {
    view.current?.dispatch({ effects: setProblemLines.of(problems.map((p) => p.line)) });
  }, [problems]);

  return <div ref={host} className="markdown-editor" />;
}
