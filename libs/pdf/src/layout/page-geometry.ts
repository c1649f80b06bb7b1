import type { PdfPageSize } from '../letter-document';
import type { TextStyle } from '../text/text-style';

/** Page size and the content box, in points (1/72 inch), y growing downwards. */
export interface PageGeometry {
  size: [number, number];
  left: number;
  top: number;
  /** Content never goes below this. */
  bottom: number;
  contentWidth: number;
  /** Baseline of the page-number line. */
  footerBaseline: number;
}

const SIZES: Record<PdfPageSize, [number, number]> = {
  LETTER: [612, 792],
  A4: [595.28, 841.89],
};

// One-inch side margins as in a typed letter; a little less at the top, and the bottom
// margin leaves room for the footer line below the content.
const SIDE_MARGIN = 72;
const TOP_MARGIN = 60;
const BOTTOM_MARGIN = 72;
const FOOTER_FROM_BOTTOM = 40;

export function pageGeometry(pageSize: PdfPageSize): PageGeometry {
  const [width, height] = SIZES[pageSize];
  return {
    size: [width, height],
    left: SIDE_MARGIN,
    top: TOP_MARGIN,
    bottom: height - BOTTOM_MARGIN,
    contentWidth: width - 2 * SIDE_MARGIN,
    footerBaseline: height - FOOTER_FROM_BOTTOM,
  };
}

/** Line advance for text of this size: 1.4 × the size reads well in letters and lists. */
export function leadingOf(style: TextStyle): number {
  return Math.round(style.size * 1.4 * 10) / 10;
}

/** Where the baseline sits below the top of a line: the line's ascent plus half its gap. */
export function baselineOffset(leading: number): number {
  return leading * 0.76;
}
