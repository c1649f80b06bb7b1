// The PDF's text layer (ToUnicode maps) read back by pdf.js and by poppler, for every
// character each embedded font is used for. Issue 13, part 1: a glyph that fontkit had
// created without code points (as a component of a composite glyph) got an empty ToUnicode
// entry, and every capital E of a letter vanished from search, copy and `pdftotext`.
import { fontChain, fontFaces, type FontFace } from './fonts/font-families';
import { loadFont } from './fonts/font-loader';
import type { LetterDocument } from './letter-document';
import { renderLetterPdf } from './render-letter-pdf';
import { sortSignatories } from './sort-signatories';
import { fixtureLetter } from './testing/fixture-letter';
import { pdftotext, toUnicodeMaps } from './testing/poppler';
import { readPdf } from './testing/read-pdf';
import { familyFor } from './text/font-coverage';
import { warmUpLetterRenderer } from './warm-up';

/** The ranges letters use. */
const RANGES: [string, number, number][] = [
  ['Basic Latin', 0x20, 0x7e],
  ['Latin-1 Supplement', 0xa0, 0xff],
  ['Latin Extended-A', 0x100, 0x17f],
  ['Latin Extended-B', 0x180, 0x24f],
  ['combining diacritics', 0x300, 0x36f],
  ['Greek', 0x370, 0x3ff],
  ['Cyrillic', 0x400, 0x4ff],
  ['Hebrew', 0x590, 0x5ff],
  ['Arabic', 0x600, 0x6ff],
  ['Devanagari', 0x900, 0x97f],
  ['Vedic Extensions', 0x1cd0, 0x1cff],
  ['Devanagari Extended', 0xa8e0, 0xa8ff],
  ['Vietnamese (Latin Extended Additional)', 0x1ea0, 0x1ef9],
  ['punctuation and typographic quotes', 0x2010, 0x205e],
  ['currency', 0x20a0, 0x20c0],
  ['CJK punctuation', 0x3000, 0x303f],
  ['Hiragana and Katakana', 0x3041, 0x30ff],
  ['CJK sample (U+4E00…U+4EFF)', 0x4e00, 0x4eff],
  ['fullwidth forms', 0xff01, 0xff5e],
];

// Scripts and characters that belong to none (spaces, punctuation, digits, marks): the
// renderer sets a neutral in the font of the text around it (see chooseFamily), so each
// family is used for the neutrals it has as well as for its own script.
const NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}\p{M}]/u;
const MARK = /\p{M}/u;
// Not printed at all (the renderer drops them) or not characters.
const SKIPPED = /[\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;

/** A letter of each family's own script, before its neutrals and under its marks. */
const ANCHOR = ['o', 'ب', 'ב', 'क', '中'];

/** The characters the renderer sets in family `index`, face `face`. */
function charactersOf(index: number, face: FontFace): string[] {
  const found: string[] = [];
  for (const [, from, to] of RANGES) {
    for (let code = from; code <= to; code++) {
      const char = String.fromCodePoint(code);
      if (SKIPPED.test(char) || code === 0x20 || code === 0x3000) continue;
      if (!loadFont(index, face).hasGlyph(code)) continue;
      if (familyFor(code, face) === index || NEUTRAL.test(char)) found.push(char);
    }
  }
  return found;
}

/**
 * One family's characters as short texts (a signatory's name each): a combining mark on
 * the family's own anchor letter, a run of neutrals after it, the script's own letters in
 * runs of ten (Arabic ones join into initial, medial and final forms).
 */
function textsOf(index: number, face: FontFace): string[] {
  const texts: string[] = [];
  let run = '';
  let runNeutral = false;
  const anchor = ANCHOR[index];
  const flush = () => {
    if (run !== '') texts.push(runNeutral && index > 0 ? anchor + run : run);
    run = '';
  };
  for (const char of charactersOf(index, face)) {
    if (MARK.test(char)) {
      texts.push(anchor + char);
      continue;
    }
    const neutral = NEUTRAL.test(char);
    if (neutral !== runNeutral || [...run].length >= 10) flush();
    runNeutral = neutral;
    run += char;
  }
  flush();
  return texts;
}

/** Each font file the renderer can embed once, with the face that reaches it. */
function embeddedFonts(): { index: number; face: FontFace; key: string }[] {
  const seen = new Set<string>();
  const fonts: { index: number; face: FontFace; key: string }[] = [];
  fontChain.forEach((_, index) => {
    for (const face of fontFaces) {
      const { key } = loadFont(index, face);
      if (!seen.has(key)) fonts.push({ index, face, key });
      seen.add(key);
    }
  });
  return fonts;
}

// Markdown: every ASCII punctuation character escaped, then the emphasis of the face.
const EMPHASIS: Record<FontFace, string> = {
  regular: '',
  bold: '**',
  italic: '*',
  boldItalic: '***',
};
const markdown = (text: string, face: FontFace) =>
  EMPHASIS[face] + text.replace(/[!-/:-@[-`{-~]/g, '\\$&') + EMPHASIS[face];

/**
 * A letter that sets every text of every embedded font on a line of its own: the regular
 * faces as signatories (in the given order), the others as emphasized body paragraphs.
 * `lines`: the texts in the order they are printed.
 */
function everyCharacterLetter(pick: (text: string) => string = (text) => text): {
  document: LetterDocument;
  lines: string[];
} {
  const body: { text: string; face: FontFace }[] = [];
  const names: string[] = [];
  for (const { index, face } of embeddedFonts()) {
    for (const text of textsOf(index, face).map(pick)) {
      if (text === '') continue;
      if (face === 'regular') names.push(text);
      else body.push({ text, face });
    }
  }
  const base = fixtureLetter();
  const document: LetterDocument = {
    ...base,
    content: {
      ...base.content,
      body: body.map(({ text, face }) => markdown(text, face)).join('\n\n'),
    },
    settings: { ...base.settings, signatoryOrder: 'signed_at', numbered: false },
    signatories: names.map((displayName) => ({ displayName, signedAt: '2026-02-01T09:00:00Z' })),
  };
  return { document, lines: [...body.map(({ text }) => text), ...names] };
}

/** Every font file of the chain, in the order the letter first uses them. */
const EMBEDDED = [
  'NotoSans-Regular',
  'NotoSans-Bold',
  'NotoSans-Italic',
  'NotoSans-BoldItalic',
  'IBMPlexSansArabic-Bold',
  'NotoSansHebrew-Bold',
  'NotoSansDevanagari-Bold',
  'NotoSansSC-Bold',
  'IBMPlexSansArabic-Regular',
  'NotoSansHebrew-Regular',
  'NotoSansDevanagari-Regular',
  'NotoSansSC-Regular',
];

/**
 * Printed characters that a reader does not get back: none. (Before each glyph got a subset
 * code per text it stands for, Noto Sans's ऐ read as ए and a later े as nothing, and Noto
 * Sans SC's 〴〵 as 〲.)
 */
const KNOWN_LOSSES = { pdfjs: [] as string[], poppler: [] as string[] };

const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
const REORDERED = /[\u0590-\u08ff\u0900-\u097f\p{M}]/u;

/**
 * What a reader may change, and nothing else: poppler wraps right-to-left text in bidi
 * embedding controls (U+202B … U+202C); pdf.js applies NFKC to compatibility characters
 * (µ → μ, ﬁ → fi). Runs of white space compare as one space (the list prints a name's
 * white space as spaces).
 */
function canonical(text: string, nfkc: boolean): string {
  return text
    .replace(BIDI_CONTROLS, '')
    .normalize(nfkc ? 'NFKC' : 'NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

// Bidi mirroring (rule L4): in a right-to-left line the renderer draws the mirrored glyph
// of a bracket or guillemet (» for a logical «), and readers give back the glyph's character.
const MIRRORED = new Map([...')]}»›>'].map((char, i) => [char, '([{«‹<'[i]]));
const unmirrored = (text: string) => [...text].map((char) => MIRRORED.get(char) ?? char);

/**
 * Which printed texts a reader lost, or what it read that was not printed. A left-to-right
 * line without marks must come back as a line of its own, character for character.
 * Right-to-left lines, Devanagari and combining marks are compared as counts of characters
 * over the whole document (brackets counted with their mirror images): readers put marks
 * that sit above or below the line on lines of their own, read a right-to-left line's
 * neutrals (digits, punctuation) in visual order, and Devanagari's pre-base vowel sign ि
 * before its consonant (the known limit in docs/pdf.md).
 */
function lost(expected: string[], read: string[], nfkc: boolean): string[] {
  const lines = new Set(read.map((line) => canonical(line, nfkc)));
  const counts = new Map<string, number>();
  for (const line of read) {
    for (const char of unmirrored(canonical(line, nfkc).replace(/ /g, ''))) {
      counts.set(char, (counts.get(char) ?? 0) + 1);
    }
  }
  const take = (char: string) => {
    const left = counts.get(char) ?? 0;
    counts.set(char, left - 1);
    return left > 0;
  };
  const missing: string[] = [];
  const wanted = expected.map((text) => canonical(text, nfkc));
  // Left-to-right lines first, so that their characters cannot stand in for lost ones.
  for (const text of wanted.filter((text) => !REORDERED.test(text))) {
    if (!lines.has(text)) missing.push(text);
    for (const char of unmirrored(text.replace(/ /g, ''))) take(char);
  }
  for (const text of wanted.filter((text) => REORDERED.test(text))) {
    for (const char of unmirrored(text.replace(/ /g, ''))) {
      if (!take(char)) missing.push(`${char} (U+${char.codePointAt(0)?.toString(16)}) in ${text}`);
    }
  }
  // And nothing read that was not printed: the rest of the letter has no such characters.
  for (const [char, left] of counts) {
    if (left > 0 && REORDERED.test(char)) {
      missing.push(`extra: ${char} (U+${char.codePointAt(0)?.toString(16)}) ×${left}`);
    }
  }
  return missing;
}

describe('the text layer', () => {
  const letter = everyCharacterLetter();
  let bytes: Buffer;

  beforeAll(async () => {
    // First a letter with only the precomposed characters, in every face: embedding it
    // creates their components (the Latin "E" of "É", "Ε" and "Έ") without code points, as the worker's
    // warm-up did.
    const precomposed = everyCharacterLetter((text) =>
      [...text].filter((char) => char.normalize('NFD') !== char).join(''),
    );
    await renderLetterPdf(precomposed.document);
    const rendered = await renderLetterPdf(letter.document);
    expect(rendered.warnings).toEqual([]);
    bytes = rendered.bytes;
  });

  it('reads back every character of every embedded font through pdf.js', async () => {
    const read = (await readPdf(bytes)).lines.map((line) => line.text);
    expect(lost(letter.lines, read, true)).toEqual(KNOWN_LOSSES.pdfjs);
  });

  it('reads back every character of every embedded font through poppler', () => {
    const read = pdftotext(bytes).split('\n');
    expect(lost(letter.lines, read, false)).toEqual(KNOWN_LOSSES.poppler);
  });

  it('has no empty ToUnicode entry in any embedded font', () => {
    const maps = toUnicodeMaps(bytes);
    expect(maps.map((map) => map.font.replace(/^[A-Z]+\+/, ''))).toEqual(EMBEDDED);
    const empty = maps.flatMap((map) =>
      [...map.entries].filter(([, text]) => text === '').map(([code]) => `${map.font} ${code}`),
    );
    // Noto Sans draws ऐ as the glyph of ए plus a mark glyph that carries no text of its
    // own (a multiple substitution): its code reads as nothing, which is right.
    expect(empty.map((entry) => entry.replace(/^[A-Z]+\+/, '').replace(/ \d+$/, ''))).toEqual([
      'NotoSans-Regular',
      'NotoSans-Bold',
      'NotoSans-Italic',
      'NotoSans-BoldItalic',
    ]);
  });
});

describe('the fixture letter, rendered after the warm-up (as in the worker)', () => {
  let bytes: Buffer;

  beforeAll(async () => {
    await warmUpLetterRenderer();
    bytes = (await renderLetterPdf(fixtureLetter())).bytes;
  });

  it('has no empty ToUnicode entry', () => {
    const empty = toUnicodeMaps(bytes).flatMap((map) =>
      [...map.entries].filter(([, text]) => text === '').map(([code]) => `${map.font} ${code}`),
    );
    expect(empty).toEqual([]);
  });

  it('reads back whole through pdftotext -layout: every organization, numbered, in order', () => {
    const text = pdftotext(bytes, { layout: true });
    expect(text).toContain('Defend Defenders (East & Horn of Africa)');
    const list = text.slice(text.indexOf('\nSignatories\n'));
    const entries = list
      .split('\n')
      .map((line) => /^\s*(\d+)\. (.*?)\s*$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => `${match[1]}. ${match[2].replace(BIDI_CONTROLS, '')}`);
    const names = sortSignatories(fixtureLetter().signatories, 'alphabetical').map(
      (signatory) => signatory.displayName,
    );
    expect(names).toHaveLength(60);
    // Right-to-left names read in visual order: compared word for word.
    const words = (line: string) => line.split(/\s+/).sort().join(' ');
    expect(entries.map(words)).toEqual(names.map((name, i) => words(`${i + 1}. ${name}`)));
  });
});
