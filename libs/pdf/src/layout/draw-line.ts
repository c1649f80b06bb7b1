import { isSimpleText } from '../fonts/simple-text';
import { textForFontkit, visualOrder } from '../text/bidi';
import type { Piece } from '../text/text-style';
import type { Line } from './line-breaker';
import type { Typesetter } from './typesetter';

/**
 * Draws one line starting at `x`: pieces go into visual order (bidi rule L2), and runs of
 * left-to-right pieces in the same font and style are drawn in one call, spaces included.
 * Right-to-left pieces are drawn one word at a time, with the gaps between them as plain
 * advances: fontkit shapes a multi-word Arabic run as one glyph run and the word spaces were
 * lost that way (shared/design/stack.md, "RTL limits").
 */
export function drawLine(line: Line, x: number, baseline: number, typesetter: Typesetter): void {
  const rtl = line.pieces.some((piece) => piece.level > 0);
  const ordered = rtl ? visualOrder(line.pieces) : line.pieces;
  let cursor = x;
  for (const group of groupsOf(ordered)) {
    if (!group.gap) {
      // Simple text at a left-to-right level (most text) goes to fontkit as it is.
      let text = group.text;
      let simple = isSimpleText(text);
      if (!simple || group.level % 2 === 1) {
        text = textForFontkit(text, group.level);
        simple = isSimpleText(text);
      }
      typesetter.draw(text, group.family, group.style, cursor, baseline, group.width, simple);
    }
    cursor += group.width;
  }
}

// Merges neighbouring left-to-right pieces of the same font, style and level. A group is
// copied from its first piece only when a second one joins it: this runs for every name of
// a long list, most of which are a single piece.
function groupsOf(pieces: readonly Piece[]): Piece[] {
  const groups: Piece[] = [];
  let open: Piece | null = null;
  for (const piece of pieces) {
    const last = groups[groups.length - 1] as Piece | undefined;
    if (
      last !== undefined &&
      last.level % 2 === 0 &&
      piece.level === last.level &&
      last.family === piece.family &&
      last.style === piece.style
    ) {
      if (open !== last) {
        open = { ...last };
        groups[groups.length - 1] = open;
      }
      open.text += piece.text;
      open.width += piece.width;
      open.gap = open.gap && piece.gap;
    } else {
      groups.push(piece);
    }
  }
  return groups;
}
