import { faceOf } from '../fonts/font-families';
import { isSimpleText } from '../fonts/simple-text';
import { embeddingLevels, type BaseDirection } from './bidi';
import {
  chooseFamily,
  familyFor,
  firstFamilyCovers,
  isInvisible,
  NO_FAMILY,
} from './font-coverage';
import type { MeasureText, Piece, StyledSpan, TextStyle, Word } from './text-style';

/** Called once per character that no font in the chain can draw. */
export type OnMissingGlyph = (code: number) => void;

// Drawn in place of a character no font has, so that the gap is visible and never a tofu box
// pretending to be a letter. Noto Sans has U+FFFD.
const REPLACEMENT = 0xfffd;

// Bidi controls steer the levels and are not drawn; fonts that happen to map them would
// otherwise cut runs in two.
const BIDI_CONTROL = /^[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]$/;

// Chinese and Japanese have no spaces: a line may break between any two of their characters,
// except before closing punctuation and small kana, or after opening punctuation.
const IDEOGRAPHIC =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]$/u;
const NO_BREAK_BEFORE =
  /^[\p{Pe}\p{Pf}\p{M}、。，．：；？！ー・ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ]$/u;
const NO_BREAK_AFTER = /^[\p{Ps}\p{Pi}]$/u;

const SPACE = /^\s$/u;
const NBSP = /^[\u00a0\u2007\u202f]$/;

/**
 * Cuts a paragraph into words of measured pieces, each piece in the first font of the chain
 * that has its characters, at one bidi level. Plain Latin, Greek or Cyrillic text skips the
 * bidi pass and the per-character font choice (the common case in a long signatory list).
 */
export function buildWords(
  spans: readonly StyledSpan[],
  base: BaseDirection,
  measure: MeasureText,
  onMissing: OnMissingGlyph,
): Word[] {
  if (isSimpleSpans(spans)) return simpleWords(spans, measure);
  // Composed form, so that "e" + combining acute finds the font's "é" like the precomposed one.
  const normalized = spans.map((span) => ({ ...span, text: span.text.normalize('NFC') }));
  const levels = embeddingLevels(normalized.map((span) => span.text).join(''), base);
  const builder = new WordBuilder(measure);
  let offset = 0;
  for (const span of normalized) {
    const face = faceOf(span.style);
    for (const char of span.text) {
      const code = char.codePointAt(0) ?? 0;
      const level = levels[offset];
      offset += char.length;
      if (SPACE.test(char) && !NBSP.test(char)) {
        builder.space(span.style, level);
        continue;
      }
      if (BIDI_CONTROL.test(char)) continue;
      // Punctuation stays in the font of its neighbours only within one bidi level: the "("
      // of "(Nigeria)" after an Arabic name belongs with "Nigeria", not with the Arabic.
      const previous = builder.lastLevel === level ? builder.lastFamily : NO_FAMILY;
      let family = chooseFamily(code, face, previous);
      let drawn = char;
      if (family === NO_FAMILY) {
        if (isInvisible(code)) continue;
        onMissing(code);
        family = familyFor(REPLACEMENT, face);
        drawn = String.fromCodePoint(REPLACEMENT);
      }
      builder.char(drawn, family, span.style, level);
    }
  }
  return builder.finish();
}

/** Left-to-right text that the first font of the chain can set without shaping. */
export function isSimpleSpans(spans: readonly StyledSpan[]): boolean {
  return spans.every(
    (span) => isSimpleText(span.text) && firstFamilyCovers(span.text, faceOf(span.style)),
  );
}

// The fast path: one piece per word, all in the first family, all left to right.
function simpleWords(spans: readonly StyledSpan[], measure: MeasureText): Word[] {
  const words: Word[] = [];
  let gap: Piece | null = null;
  let current: Word | null = null;
  for (const span of spans) {
    for (const part of span.text.split(/( +)/)) {
      if (part === '') continue;
      if (part.startsWith(' ')) {
        current = null;
        if (words.length > 0 && gap === null) gap = piece(' ', 0, span.style, 0, true, measure);
        continue;
      }
      const next = piece(part, 0, span.style, 0, false, measure);
      if (current === null) {
        current = { gap, pieces: [next], width: next.width };
        words.push(current);
        gap = null;
      } else {
        current.pieces.push(next);
        current.width += next.width;
      }
    }
  }
  return words;
}

function piece(
  text: string,
  family: number,
  style: TextStyle,
  level: number,
  gap: boolean,
  measure: MeasureText,
): Piece {
  return { text, family, style, level, gap, width: measure(text, family, style) };
}

class WordBuilder {
  private readonly words: Word[] = [];
  private current: Word | null = null;
  private pendingGap: Piece | null = null;
  private breakAfterLast = false;
  lastFamily = NO_FAMILY;
  lastLevel = -1;

  constructor(private readonly measure: MeasureText) {}

  space(style: TextStyle, level: number): void {
    this.endWord();
    if (this.words.length === 0 || this.pendingGap !== null) return;
    const family = this.lastFamily === NO_FAMILY ? familyFor(0x20, faceOf(style)) : this.lastFamily;
    this.pendingGap = { text: ' ', family, style, level, gap: true, width: 0 };
  }

  char(char: string, family: number, style: TextStyle, level: number): void {
    const ideographic = IDEOGRAPHIC.test(char);
    const mayBreakBefore = (ideographic || this.breakAfterLast) && !NO_BREAK_BEFORE.test(char);
    if (mayBreakBefore) this.endWord();
    this.breakAfterLast = ideographic && !NO_BREAK_AFTER.test(char);

    if (this.current === null) {
      this.current = { gap: this.pendingGap, pieces: [], width: 0 };
      this.pendingGap = null;
      this.words.push(this.current);
    }
    const last = this.current.pieces.at(-1);
    if (last && last.family === family && last.style === style && last.level === level) {
      last.text += char;
    } else {
      this.current.pieces.push({ text: char, family, style, level, gap: false, width: 0 });
    }
    this.lastFamily = family;
    this.lastLevel = level;
  }

  finish(): Word[] {
    this.endWord();
    for (const word of this.words) {
      if (word.gap) word.gap.width = this.measure(' ', word.gap.family, word.gap.style);
      for (const part of word.pieces) {
        part.width = this.measure(part.text, part.family, part.style);
        word.width += part.width;
      }
    }
    return this.words;
  }

  private endWord(): void {
    this.current = null;
    this.breakAfterLast = false;
  }
}
