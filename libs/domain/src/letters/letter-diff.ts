import { renderMarkdownText } from '@app/markdown';
import type { LetterAddressee, LetterContent } from '@app/pdf';
import { Diff } from 'diff';

// The one shape of a letter's content is the PDF renderer's input, since the domain imports
// the renderer and never the reverse; re-exported here for the domain's readers of it.
export type { LetterContent };

export type DiffRun = { type: 'added' | 'removed' | 'unchanged'; text: string };

export interface FieldDiff {
  /**
   * `title`, `date`, `addressees[0]`…, `subject`, `salutation`, `body`, `closing`,
   * `listHeading` (the two optional fields only when either revision has them).
   */
  field: string;
  /** The field differs between the two revisions (its words, or only its formatting). */
  changed: boolean;
  /**
   * The text as a person reads it: the body rendered from Markdown to plain text (no `**`,
   * `##`, `[…](…)`), every other field as written. What every diff shown to people uses.
   */
  runs: DiffRun[];
  /** The field as written: for the body, its Markdown source. Equal to `runs` elsewhere. */
  sourceRuns: DiffRun[];
  /** The source changed but the text as read did not: "Formatting changed; the words are the same." */
  formattingOnly: boolean;
}

/** How much of the letter's text, as read, changed between two revisions. */
export interface TextChange {
  /** Words of the older revision's text as read, all fields together. */
  words: number;
  /** Words removed from it plus words added to it. */
  changedWords: number;
  /** changedWords / words (0 when nothing changed; changedWords when the older text is empty). */
  share: number;
}

/**
 * The most a correction may change, in percent of the older text's words (see
 * docs/letters.md, "Corrections"): more is a substantive change that signers must re-confirm.
 */
export const CORRECTION_MAX_PERCENT = 2;

// jsdiff's diffWordsWithSpace tokenizes newlines, whitespace runs, words and single other
// characters, which is what a revision view needs. But its "word" characters are Latin only, so
// Cyrillic, Greek or Arabic words fall apart into letters ('призываем' → 'просим' came out
// as 'пр' +'ос' 'и' -'зывае' 'м'). Same tokens here, with words made of any letters, marks
// (accents, harakat) and digits. Han and kana are written without spaces, so each character
// is its own word there rather than a whole sentence.
const NO_SPACE_SCRIPTS = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}';
const TOKENS = new RegExp(
  [
    '\\r?\\n',
    `[${NO_SPACE_SCRIPTS}]`,
    `(?:(?![${NO_SPACE_SCRIPTS}])[\\p{L}\\p{M}\\p{N}_\\u00AD])+`,
    '[^\\S\\r\\n]+',
    '[^]',
  ].join('|'),
  'gu',
);

class LetterWordDiff extends Diff<string, string> {
  override tokenize(value: string): string[] {
    return value.match(TOKENS) ?? [];
  }
}

const wordDiff = new LetterWordDiff();

/** Tokens with something visible in them: words, each CJK character, each punctuation mark. */
function countWords(text: string): number {
  return (text.match(TOKENS) ?? []).filter((token) => /\S/u.test(token)).length;
}

// Myers' diff costs time in proportion to length × edits and blocks the event loop while it
// runs: a fully rewritten 3,000-word body took 6.5 s. Past this many changed tokens, the field
// is shown as replaced outright, which is also the more readable view of a rewrite.
const MAX_EDITS = 1000;

/** Word-level differences between two versions of a letter, field by field, in reading order. */
export function diffLetters(from: LetterContent, to: LetterContent): FieldDiff[] {
  const addressees = Math.max(from.addressees.length, to.addressees.length);
  return [
    diffField('title', from.title, to.title),
    diffField('date', from.date, to.date),
    ...Array.from({ length: addressees }, (_, i) =>
      diffField(
        `addressees[${i}]`,
        addresseeText(from.addressees[i]),
        addresseeText(to.addressees[i]),
      ),
    ),
    ...optionalField('subject', from.subject, to.subject),
    diffField('salutation', from.salutation, to.salutation),
    diffBody(from.body, to.body),
    diffField('closing', from.closing, to.closing),
    ...optionalField('listHeading', from.listHeading, to.listHeading),
  ];
}

/**
 * The share of the text as read that changed between two revisions: every word and every
 * punctuation mark (a "word" below) in removed and added runs of all fields, over the words
 * of the older revision. Spaces and line breaks do not count, so a change of formatting alone
 * counts 0.
 */
export function textChange(diffs: FieldDiff[]): TextChange {
  let words = 0;
  let changedWords = 0;
  for (const diff of diffs) {
    for (const run of diff.runs) {
      const count = countWords(run.text);
      if (run.type !== 'added') words += count;
      if (run.type !== 'unchanged') changedWords += count;
    }
  }
  const share = changedWords === 0 ? 0 : changedWords / Math.max(words, 1);
  return { words, changedWords, share };
}

/** Whether a change is small enough to publish as a correction (CORRECTION_MAX_PERCENT). */
export function withinCorrectionLimit(change: TextChange): boolean {
  // In whole numbers, so that exactly 2 % is allowed whatever the floating point says.
  return change.changedWords * 100 <= change.words * CORRECTION_MAX_PERCENT;
}

/** The body compared as read (rendered to plain text) and as written (Markdown). */
function diffBody(from: string, to: string): FieldDiff {
  const source = diffField('body', from, to);
  const text = diffField('body', renderMarkdownText(from), renderMarkdownText(to));
  return {
    field: 'body',
    changed: source.changed,
    runs: text.runs,
    sourceRuns: source.sourceRuns,
    formattingOnly: source.changed && !text.changed,
  };
}

// The subject line and the list heading are listed only when either side has one, so that
// the diffs of letters that use neither read as before.
function optionalField(field: string, from?: string, to?: string): FieldDiff[] {
  if (from === undefined && to === undefined) return [];
  return [diffField(field, from ?? '', to ?? '')];
}

// An addressee reads as its address block; one present on one side only diffs against ''.
function addresseeText(addressee: LetterAddressee | undefined): string {
  if (!addressee) return '';
  return [
    [addressee.honorific, addressee.name].filter(Boolean).join(' '),
    addressee.title,
    addressee.organization,
    ...addressee.addressLines,
    addressee.salutation,
  ]
    .filter((line): line is string => !!line?.trim())
    .join('\n');
}

function diffField(field: string, from: string, to: string): FieldDiff {
  const changes = wordDiff.diff(from, to, { maxEditLength: MAX_EDITS }) ?? [
    { value: from, added: false, removed: true },
    { value: to, added: true, removed: false },
  ];
  const runs = joinAcrossSpaces(
    changes
      .filter((change) => change.value !== '')
      .map((change) => ({
        type: change.added ? 'added' : change.removed ? 'removed' : 'unchanged',
        text: change.value,
      })),
  );
  const changed = runs.some((run) => run.type !== 'unchanged');
  return {
    field,
    changed,
    runs,
    sourceRuns: runs.map((run) => ({ ...run })),
    formattingOnly: false,
  };
}

const SPACES = /^[^\S\n]+$/u;

/**
 * Changes separated only by spaces read as one: "act [-without delay-]{+within thirty days+}"
 * rather than "act [-without-]{+within+} [-delay-]{+thirty+} {+days +}". Each side keeps its
 * text (the runs still rebuild both revisions); spaces both sides end with stay unchanged.
 */
function joinAcrossSpaces(tokens: DiffRun[]): DiffRun[] {
  const runs: DiffRun[] = [];
  const push = (type: DiffRun['type'], text: string) => {
    if (text === '') return;
    const last = runs.at(-1);
    if (last?.type === type) last.text += text;
    else runs.push({ type, text });
  };
  let i = 0;
  while (i < tokens.length) {
    if (tokens[i].type === 'unchanged') {
      push('unchanged', tokens[i].text);
      i += 1;
      continue;
    }
    let removed = '';
    let added = '';
    for (;;) {
      for (; i < tokens.length && tokens[i].type !== 'unchanged'; i += 1) {
        if (tokens[i].type === 'removed') removed += tokens[i].text;
        else added += tokens[i].text;
      }
      const next = tokens[i + 1] as DiffRun | undefined;
      if (!next || next.type === 'unchanged' || !SPACES.test(tokens[i].text)) break;
      removed += tokens[i].text;
      added += tokens[i].text;
      i += 1;
    }
    // Trailing spaces common to both sides read as unchanged.
    let common = 0;
    while (
      common < removed.length &&
      common < added.length &&
      removed[removed.length - 1 - common] === added[added.length - 1 - common] &&
      /\s/u.test(removed[removed.length - 1 - common])
    ) {
      common += 1;
    }
    push('removed', removed.slice(0, removed.length - common));
    push('added', added.slice(0, added.length - common));
    push('unchanged', removed.slice(removed.length - common));
  }
  return runs;
}
