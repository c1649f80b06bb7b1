import { applyPatch, createPatch, diffWords } from 'diff';
import type { components } from '../../../api/schema';

export type Content = components['schemas']['LetterContentDto'];
export type Addressee = components['schemas']['AddresseeDto'];

/** How one field stands between the draft the edit started from, mine, and theirs. */
export type FieldState = 'same' | 'mine' | 'theirs' | 'both';

export interface FieldMerge {
  field: keyof Content;
  state: FieldState;
}

const key = (value: unknown): string => JSON.stringify(value ?? null);

function fieldState(base: unknown, mine: unknown, theirs: unknown): FieldState {
  const [b, m, t] = [key(base), key(mine), key(theirs)];
  if (m === t) return 'same';
  if (m === b) return 'theirs';
  if (t === b) return 'mine';
  return 'both';
}

export const FIELDS: readonly (keyof Content)[] = [
  'title',
  'date',
  'addressees',
  'subject',
  'salutation',
  'body',
  'closing',
  'listHeading',
];

/** Field by field: who changed what since the base the edit started from. */
export function compareFields(base: Content, mine: Content, theirs: Content): FieldMerge[] {
  return FIELDS.map((field) => ({
    field,
    state: fieldState(base[field], mine[field], theirs[field]),
  }));
}

/**
 * Text both sides changed: their changes (base → theirs, line by line) applied onto mine.
 * When they replace lines mine changed too, the patch does not apply, and mine stays, for the
 * person to merge by hand with both versions in view: nothing of mine is dropped silently.
 */
export function mergeText(
  base: string,
  mine: string,
  theirs: string,
): { text: string; clean: boolean } {
  // No context lines: a hunk then needs only the lines it replaces to be as they were, so
  // edits to neighbouring lines (the next paragraph) combine; with context they would not.
  const patch = createPatch('field', base, theirs, '', '', { context: 0 });
  const merged = applyPatch(mine, patch);
  return merged === false ? { text: mine, clean: false } : { text: merged, clean: true };
}

/**
 * The merged draft to prefill: each field one side changed takes that side; a text field
 * both changed takes both changes when they do not overlap; otherwise (and for the
 * addressees, a list edited on both sides) mine, marked for the person to look at.
 */
export function mergeContent(
  base: Content,
  mine: Content,
  theirs: Content,
): { content: Content; unresolved: (keyof Content)[] } {
  const content = { ...mine };
  const unresolved: (keyof Content)[] = [];
  for (const { field, state } of compareFields(base, mine, theirs)) {
    if (state === 'theirs') {
      Object.assign(content, { [field]: theirs[field] });
    } else if (state === 'both') {
      const [b, m, t] = [base[field], mine[field], theirs[field]];
      if (typeof m === 'string' && typeof t === 'string') {
        const merged = mergeText(typeof b === 'string' ? b : '', m, t);
        Object.assign(content, { [field]: merged.text });
        if (!merged.clean) unresolved.push(field);
      } else {
        unresolved.push(field);
      }
    }
  }
  return { content, unresolved };
}

export interface WordRun {
  kind: 'added' | 'removed' | 'unchanged';
  text: string;
}

/** Theirs → mine word by word: what mine adds and removes, for the side-by-side view. */
export function wordRuns(theirs: string, mine: string): WordRun[] {
  return diffWords(theirs, mine).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'unchanged',
    text: change.value,
  }));
}

/** A field as one line of text, for diffing: the addressees one per line. */
export function fieldText(content: Content, field: keyof Content): string {
  if (field === 'addressees') {
    return content.addressees
      .map((a) =>
        [a.honorific, a.name, a.title, a.organization, ...a.addressLines]
          .filter(Boolean)
          .join(', '),
      )
      .join('\n');
  }
  return content[field] ?? '';
}
