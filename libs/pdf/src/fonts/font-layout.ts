import type { Font, Glyph, GlyphPosition, GlyphRun } from 'fontkit';
import { pairKerning } from './pair-kerning';
import { isSimpleCode, isSimpleText } from './simple-text';

/** The part of fontkit's GlyphRun that pdfkit reads; it scales `positions` in place. */
class PdfRun {
  constructor(
    readonly glyphs: Glyph[],
    readonly positions: GlyphPosition[],
  ) {}

  // A getter, like fontkit's: pdfkit reads it after scaling the positions to points.
  get advanceWidth(): number {
    let width = 0;
    for (const position of this.positions) width += position.xAdvance;
    return width;
  }
}

const SPACE = 0x20;
/** Every code point of simple text is below this (see isSimpleText). */
export const SIMPLE_LIMIT = 0x20c1;
const UNKNOWN_KERN = -0x8000;

/** Glyph by glyph access to simple text (see `isSimpleText`), cached per font and process. */
export interface SimpleGlyphs {
  /** Advance width of simple text in font units, kerning included; null for other text. */
  advance(text: string): number | null;
  /** The glyph for one character of simple text. */
  glyph(code: number): Glyph;
  /** That glyph's advance width, font units. */
  width(code: number): number;
  /** Adjustment to the left character's advance, font units: 0 next to a space. */
  kern(left: number, right: number): number;
}
// Shaped words kept per font; past this many the cache starts over (a bound on memory).
const SHAPED_CACHE_SIZE = 20_000;

/**
 * Replaces `font.layout`, the one method pdfkit calls to shape text:
 *
 * - Simple text (Latin, Greek, Cyrillic) gets a fast layout: one cmap lookup per character
 *   plus the font's pair kerning (read from its GPOS table, see pairKerning), both cached
 *   for the life of the process. fontkit's full shaper costs ~40 µs per new word (GSUB/GPOS
 *   lookups), which alone would take a 10,000-name list past its time budget. Ligatures
 *   (fi, fl) are not formed, which also keeps copied text plain.
 * - Other text (Arabic, Hebrew, Devanagari, CJK, combining marks) goes through the shaper,
 *   with the result cached per string for the life of the process.
 * - In right-to-left runs, a ligature's characters are listed right to left (see
 *   `visualLigature`).
 *
 * Returns the same glyphs and kerning for callers that need no glyph run: measuring every
 * name of a long list is then nearly free, and the typesetter draws simple text from them
 * directly (see Typesetter).
 */
export function useFastLayout(font: Font): SimpleGlyphs {
  const shape = font.layout.bind(font);
  // Tables indexed by code point for simple text (all of it below SIMPLE_LIMIT), maps beyond.
  // Filled up front: an empty array written at index 0x2007 would turn into a slow sparse one.
  const glyphTable = new Array<Glyph | undefined>(SIMPLE_LIMIT).fill(undefined);
  const widthTable = new Float64Array(SIMPLE_LIMIT).fill(NaN);
  const kernRows = new Array<Int16Array | undefined>(SIMPLE_LIMIT).fill(undefined);
  const glyphs = new Map<number, Glyph>();
  const kerning = new Map<number, number>();
  const kernGlyphs = pairKerning(font);
  const shaped = new Map<string, { glyphs: Glyph[]; positions: GlyphPosition[] }>();

  const glyphOf = (code: number): Glyph => {
    if (code < SIMPLE_LIMIT) {
      let glyph = glyphTable[code];
      if (glyph === undefined) {
        glyph = font.glyphForCodePoint(code);
        glyphTable[code] = glyph;
      }
      return glyph;
    }
    let glyph = glyphs.get(code);
    if (glyph === undefined) {
      glyph = font.glyphForCodePoint(code);
      glyphs.set(code, glyph);
    }
    return glyph;
  };

  const kernOf = (left: number, right: number): number => {
    if (left === SPACE || right === SPACE) return 0;
    if (left < SIMPLE_LIMIT && right < SIMPLE_LIMIT) {
      let row = kernRows[left];
      if (row === undefined) {
        row = new Int16Array(SIMPLE_LIMIT).fill(UNKNOWN_KERN);
        kernRows[left] = row;
      }
      const known = row[right];
      if (known !== UNKNOWN_KERN) return known;
      const kern = kernGlyphs(glyphOf(left).id, glyphOf(right).id);
      // GPOS adjustments are 16-bit; anything else goes to the map below.
      if (Number.isInteger(kern) && kern > UNKNOWN_KERN && kern < 0x8000) {
        row[right] = kern;
        return kern;
      }
    }
    const key = left * 0x10000 + right;
    let kern = kerning.get(key);
    if (kern === undefined) {
      kern = kernGlyphs(glyphOf(left).id, glyphOf(right).id);
      kerning.set(key, kern);
    }
    return kern;
  };

  const simpleRun = (text: string): PdfRun => {
    const runGlyphs: Glyph[] = [];
    const positions: GlyphPosition[] = [];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const glyph = glyphOf(code);
      const kern = i + 1 < text.length ? kernOf(code, text.charCodeAt(i + 1)) : 0;
      runGlyphs.push(glyph);
      // advanceWidth is set by pdfkit; created here so every position keeps one shape.
      positions.push({
        xAdvance: glyph.advanceWidth + kern,
        yAdvance: 0,
        xOffset: 0,
        yOffset: 0,
        advanceWidth: 0,
      } as GlyphPosition);
    }
    return new PdfRun(runGlyphs, positions);
  };

  const shapedRun = (text: string): PdfRun => {
    let result = shaped.get(text);
    if (result === undefined) {
      const run = shape(text);
      const rtl = run.direction === 'rtl';
      result = {
        glyphs: rtl ? run.glyphs.map(visualLigature) : run.glyphs,
        positions: run.positions,
      };
      if (shaped.size >= SHAPED_CACHE_SIZE) shaped.clear();
      shaped.set(text, result);
    }
    // Fresh positions every time: pdfkit scales them in place.
    return new PdfRun(
      result.glyphs,
      result.positions.map((position) => ({ ...position })),
    );
  };

  font.layout = (text, features, ...rest): GlyphRun => {
    if (features !== undefined || rest.length > 0) return shape(text, features, ...rest);
    // fontkit's GlyphRun has more members, but pdfkit only reads those of PdfRun.
    return (isSimpleText(text) ? simpleRun(text) : shapedRun(text)) as unknown as GlyphRun;
  };

  const widthOf = (code: number): number => {
    if (code >= SIMPLE_LIMIT) return glyphOf(code).advanceWidth;
    let width = widthTable[code];
    if (Number.isNaN(width)) {
      width = glyphOf(code).advanceWidth;
      widthTable[code] = width;
    }
    return width;
  };

  const advance = (text: string): number | null => {
    let width = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (!isSimpleCode(code)) return null;
      width += widthOf(code);
      if (i + 1 < text.length) width += kernOf(code, text.charCodeAt(i + 1));
    }
    return width;
  };
  return { advance, glyph: glyphOf, width: widthOf, kern: kernOf };
}

const visualLigatures = new WeakMap<Glyph, Glyph>();

/**
 * pdfkit maps each glyph to the characters it stands for (the PDF's ToUnicode map), in the
 * order fontkit lists them: logical. But text extractors (pdf.js, hence Firefox's copy and
 * search) read a right-to-left line in visual order and reverse it as a whole, so a lam-alef
 * ligature mapped to "لا" would come back as "ال". Listing a right-to-left ligature's
 * characters in visual order makes the reversal come out right. These fonts only use such
 * ligatures in right-to-left text, so each glyph keeps one mapping.
 */
function visualLigature(glyph: Glyph): Glyph {
  if (glyph.codePoints.length < 2) return glyph;
  let visual = visualLigatures.get(glyph);
  if (visual === undefined) {
    // pdfkit reads only these three members of a glyph.
    visual = {
      id: glyph.id,
      advanceWidth: glyph.advanceWidth,
      codePoints: [...glyph.codePoints].reverse(),
    } as Glyph;
    visualLigatures.set(glyph, visual);
  }
  return visual;
}
