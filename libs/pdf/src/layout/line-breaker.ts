import type { MeasureText, Piece, Word } from '../text/text-style';

/** One line of a paragraph: its pieces in logical order, gaps included, none at either end. */
export interface Line {
  pieces: Piece[];
  width: number;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * Greedy line filling: as many words as fit, breaking only at gaps (and between CJK
 * characters, which are words of their own). A word wider than the whole line (a long URL,
 * a name with no spaces) is cut between graphemes rather than allowed to overflow.
 */
export function breakLines(words: readonly Word[], maxWidth: number, measure: MeasureText): Line[] {
  const lines: Line[] = [];
  let current: Line = { pieces: [], width: 0 };
  for (const word of words) {
    const gap = current.pieces.length > 0 && word.gap ? word.gap : null;
    const needed = (gap?.width ?? 0) + word.width;
    if (current.pieces.length > 0 && current.width + needed > maxWidth) {
      lines.push(current);
      current = { pieces: [], width: 0 };
    }
    if (current.pieces.length === 0 && word.width > maxWidth) {
      const chunks = cutWord(word, maxWidth, measure);
      lines.push(...chunks.slice(0, -1));
      current = chunks[chunks.length - 1];
      continue;
    }
    if (current.pieces.length > 0 && gap) {
      current.pieces.push(gap);
      current.width += gap.width;
    }
    current.pieces.push(...word.pieces);
    current.width += word.width;
  }
  if (current.pieces.length > 0) lines.push(current);
  return lines;
}

// Cuts an over-long word into lines that each fit, between graphemes (never inside a base
// letter and its marks). Widths of single graphemes ignore kerning, so each chunk is
// measured again as a whole.
function cutWord(word: Word, maxWidth: number, measure: MeasureText): Line[] {
  const lines: Line[] = [];
  let current: Line = { pieces: [], width: 0 };
  for (const part of word.pieces) {
    let text = '';
    let width = 0;
    for (const { segment } of graphemes.segment(part.text)) {
      const segmentWidth = measure(segment, part.family, part.style);
      if (current.width + width + segmentWidth > maxWidth && current.width + width > 0) {
        if (text !== '') addPiece(current, { ...part, text }, measure);
        lines.push(current);
        current = { pieces: [], width: 0 };
        text = '';
        width = 0;
      }
      text += segment;
      width += segmentWidth;
    }
    if (text !== '') addPiece(current, { ...part, text }, measure);
  }
  lines.push(current);
  return lines;
}

function addPiece(line: Line, piece: Piece, measure: MeasureText): void {
  piece.width = measure(piece.text, piece.family, piece.style);
  line.pieces.push(piece);
  line.width += piece.width;
}
