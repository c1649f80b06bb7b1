import { Diff } from 'diff';

export interface Addressee {
  honorific?: string;
  name: string;
  title?: string;
  organization?: string;
  addressLines: string[];
  /** This official's own greeting, for the PDF addressed to them alone. */
  salutation?: string;
}

export interface LetterContent {
  /** The coalition's own name for the letter; printed only as the PDF's document title. */
  title: string;
  date: string;
  addressees: Addressee[];
  /**
   * The subject line, printed in bold between the addressees and the salutation exactly as
   * written (the author writes any "Re: "); none when absent or blank.
   */
  subject?: string;
  salutation: string;
  body: string;
  closing: string;
  /** The heading over the list of signatories; none when absent or blank. */
  listHeading?: string;
}

export type DiffRun = { type: 'added' | 'removed' | 'unchanged'; text: string };

export interface FieldDiff {
  /**
   * `title`, `date`, `addressees[0]`…, `subject`, `salutation`, `body`, `closing`,
   * `listHeading` (the two optional fields only when either revision has them).
   */
  field: string;
  changed: boolean;
  runs: DiffRun[];
}

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
    diffField('body', from.body, to.body),
    diffField('closing', from.closing, to.closing),
    ...optionalField('listHeading', from.listHeading, to.listHeading),
  ];
}

// The subject line and the list heading are listed only when either side has one, so that
// the diffs of letters that use neither read as before.
function optionalField(field: string, from?: string, to?: string): FieldDiff[] {
  if (from === undefined && to === undefined) return [];
  return [diffField(field, from ?? '', to ?? '')];
}

// An addressee reads as its address block; one present on one side only diffs against ''.
function addresseeText(addressee: Addressee | undefined): string {
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
  const runs: DiffRun[] = [];
  for (const change of changes) {
    if (change.value === '') continue;
    const type = change.added ? 'added' : change.removed ? 'removed' : 'unchanged';
    const last = runs.at(-1);
    if (last?.type === type) last.text += change.value;
    else runs.push({ type, text: change.value });
  }
  return { field, changed: runs.some((run) => run.type !== 'unchanged'), runs };
}
