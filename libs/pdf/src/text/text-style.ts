/** How a run of text looks. Style objects are compared by identity, so share them. */
export interface TextStyle {
  bold: boolean;
  italic: boolean;
  /** Font size in points. */
  size: number;
  /** Fill colour, `#rrggbb`. */
  color: string;
  /** Set on link text: drawn underlined, with a live link annotation. */
  href?: string;
}

/** A string in one style; a paragraph is a list of them, in logical (reading) order. */
export interface StyledSpan {
  text: string;
  style: TextStyle;
}

/**
 * A stretch of a line set in one font, one style and one bidi level, in logical order. A
 * `gap` piece is the space between two words: it is where lines may break, and inside
 * right-to-left text it is only an advance (see `drawLine`).
 */
export interface Piece {
  text: string;
  /** Index in the font chain. */
  family: number;
  style: TextStyle;
  level: number;
  width: number;
  gap: boolean;
}

/** What a line may not be broken inside: pieces with no gap between them. */
export interface Word {
  /** The space before the word, dropped at the start of a line. */
  gap: Piece | null;
  pieces: Piece[];
  width: number;
}

/** Measures the advance width of text in a family and style, in points. */
export type MeasureText = (text: string, family: number, style: TextStyle) => number;
