import { loadFont } from '../fonts/font-loader';
import { PdfInputError } from '../pdf-input-error';
import type { Composer } from './composer';
import { leadingOf } from './page-geometry';

// Mid grey at a fifth of its strength reads as light grey on white paper, and the letter's
// own text, which it crosses, stays fully legible.
const COLOR = '#808080';
const OPACITY = 0.2;
const MAX_SIZE = 72;
/** The share of the page's diagonal the watermark spans at most. */
const SPAN = 0.75;
/** Top of the marker line at the head of each page, in the 60 pt top margin. */
const MARKER_TOP = 26;

/**
 * Marks every page, e.g. with "DRAFT — not for distribution" on a preview, twice:
 *
 * - large, light grey and diagonal, from the bottom left corner towards the top right, drawn
 *   over the letter as glyph outlines: a shape, not text. Diagonal text breaks readers that
 *   follow the page's layout: poppler cuts it into one- and two-letter fragments and puts
 *   them between the letter's paragraphs;
 * - as a line of text at the head of the page, centred in the top margin, so that the text
 *   layer says what the page is too (a search, a copy, `pdftotext` each find it once per
 *   page, before that page's letter text, which reads in its own order after it).
 *
 * Runs after everything else is drawn (the document buffers its pages). Noto Sans Bold draws
 * the diagonal: text with a character it lacks is refused with PdfInputError.
 */
export function drawWatermark(doc: PDFKit.PDFDocument, composer: Composer, text: string): void {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return;
  const outline = diagonalOutline(trimmed, composer.flow.geometry.size);
  const marker = markerLine(composer, trimmed);
  const leading = leadingOf(composer.styles.footer);
  const { start, count } = doc.bufferedPageRange();
  for (let page = start; page < start + count; page++) {
    doc.switchToPage(page);
    composer.typesetter.pageChanged();
    composer.drawLine(
      marker,
      composer.left + (composer.width - marker.width) / 2,
      MARKER_TOP,
      leading,
    );
    doc.save();
    doc.transform(...outline.matrix);
    doc.path(outline.path).fillColor(COLOR, OPACITY).fill('nonzero');
    doc.restore();
    // The fill colour changed inside save/restore: the typesetter has to set its own again.
    composer.typesetter.pageChanged();
  }
}

interface Outline {
  /** SVG path data in font units, y up. */
  path: string;
  /** From font units to pdfkit's page space: scale, flip, rotate, centre on the page. */
  matrix: [number, number, number, number, number, number];
}

function diagonalOutline(text: string, [width, height]: [number, number]): Outline {
  const { font, hasGlyph } = loadFont(0, 'bold');
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (character !== ' ' && !hasGlyph(code)) {
      throw new PdfInputError(
        `watermark: Noto Sans Bold has no glyph for U+${code.toString(16).toUpperCase().padStart(4, '0')}`,
      );
    }
  }
  const run = font.layout(text);
  let pen = 0;
  const parts: string[] = [];
  run.glyphs.forEach((glyph, index) => {
    const position = run.positions[index];
    const path = glyph.path.translate(pen + position.xOffset, position.yOffset).toSVG();
    if (path !== '') parts.push(path);
    pen += position.xAdvance;
  });
  const diagonal = Math.hypot(width, height);
  const size = Math.min(MAX_SIZE, (diagonal * SPAN * font.unitsPerEm) / pen);
  const scale = size / font.unitsPerEm;
  // Centred on the page: half the run back along the baseline, and the cap height halved
  // below it. pdfkit's y grows downwards, so the font's y is flipped; the angle turns the
  // baseline from the bottom left corner up to the top right.
  const angle = -Math.atan2(height, width);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const dx = (-pen / 2) * scale;
  const dy = (font.capHeight / 2) * scale;
  return {
    path: parts.join(' '),
    matrix: [
      cos * scale,
      sin * scale,
      sin * scale,
      -cos * scale,
      width / 2 + cos * dx - sin * dy,
      height / 2 + sin * dx + cos * dy,
    ],
  };
}

function markerLine(composer: Composer, text: string) {
  const style = composer.styles.footer;
  const lines = composer.lines([{ text, style }], composer.width, 'auto', 'the watermark');
  return lines.length === 1
    ? lines[0]
    : { pieces: lines.flatMap((line) => line.pieces), width: composer.width };
}
