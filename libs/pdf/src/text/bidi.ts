import bidiFactory from 'bidi-js';
import { isSimpleText } from '../fonts/simple-text';

// bidi-js builds its Unicode tables when the factory runs: once per process.
const bidi = bidiFactory();

export type BaseDirection = 'ltr' | 'auto';

/**
 * The Unicode Bidirectional Algorithm's resolved embedding level of each UTF-16 unit of one
 * paragraph (odd = right-to-left). pdfkit and fontkit do no bidi at all: fontkit only
 * reverses a run it shapes as Arabic or Hebrew, so everything about order is decided here.
 */
export function embeddingLevels(text: string, base: BaseDirection): Uint8Array {
  return bidi.getEmbeddingLevels(text, base).levels;
}

/**
 * Rule L2 of the algorithm on a line already cut into items of one level each: from the
 * highest level down to the lowest odd one, reverse every maximal sequence of items at that
 * level or higher. Returns the items in visual order, left to right.
 */
export function visualOrder<T extends { level: number }>(items: readonly T[]): T[] {
  const ordered = [...items];
  let highest = 0;
  let lowestOdd = Number.MAX_SAFE_INTEGER;
  for (const { level } of ordered) {
    highest = Math.max(highest, level);
    if (level % 2 === 1) lowestOdd = Math.min(lowestOdd, level);
  }
  for (let level = highest; level >= lowestOdd; level--) {
    let start = 0;
    while (start < ordered.length) {
      if (ordered[start].level < level) {
        start++;
        continue;
      }
      let end = start;
      while (end < ordered.length && ordered[end].level >= level) end++;
      reverseRange(ordered, start, end);
      start = end;
    }
  }
  return ordered;
}

function reverseRange<T>(items: T[], start: number, end: number): void {
  for (let i = start, j = end - 1; i < j; i++, j--) [items[i], items[j]] = [items[j], items[i]];
}

/** Rule L4: brackets and similar characters in right-to-left text take their mirror image. */
export function mirrorForRtl(text: string): string {
  let out = '';
  for (const char of text) out += bidi.getMirroredCharacter(char) ?? char;
  return out;
}

// The scripts fontkit shapes right to left (its RTL table), and so reverses on its own.
const RTL_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Cypriot}\p{Script=Kharoshthi}\p{Script=Phoenician}\p{Script=Lydian}\p{Script=Avestan}\p{Script=Imperial_Aramaic}\p{Script=Inscriptional_Pahlavi}\p{Script=Inscriptional_Parthian}\p{Script=Old_South_Arabian}\p{Script=Old_North_Arabian}\p{Script=Old_Turkic}\p{Script=Meroitic_Cursive}\p{Script=Meroitic_Hieroglyphs}\p{Script=Manichaean}\p{Script=Mende_Kikakui}\p{Script=Nabataean}\p{Script=Palmyrene}\p{Script=Psalter_Pahlavi}]/u;
const SCRIPT_CHAR = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;

/** Whether fontkit will lay `text` out right to left: it goes by the first char with a script. */
export function fontkitReverses(text: string): boolean {
  const first = SCRIPT_CHAR.exec(text);
  return first !== null && RTL_SCRIPT.test(first[0]);
}

/**
 * The string to hand to fontkit so that its glyphs come out in visual order. A run at an
 * odd level must read right to left; fontkit reverses runs of RTL scripts by itself, so only
 * the mismatches are reversed here: neutrals (brackets, dashes) inside RTL text, and
 * Arabic-Indic digits, which are Arabic to fontkit but read left to right (١٢٣ stays ١٢٣).
 */
export function textForFontkit(text: string, level: number): string {
  // Most text: left to right, and no script fontkit would reverse (see isSimpleText).
  if (level % 2 === 0 && isSimpleText(text)) return text;
  const rtl = level % 2 === 1;
  const logical = rtl ? mirrorForRtl(text) : text;
  return rtl === fontkitReverses(logical) ? logical : [...logical].reverse().join('');
}
