import type { BaseDirection } from '../text/bidi';
import type { MeasureText, StyledSpan } from '../text/text-style';
import { buildWords, isSimpleSpans } from '../text/words';
import { drawLine } from './draw-line';
import { breakLines, type Line } from './line-breaker';
import { baselineOffset } from './page-geometry';
import type { PageFlow } from './page-flow';
import type { LetterStyles } from './letter-styles';
import type { Typesetter } from './typesetter';

/** What every part of the letter lays itself out with. */
export class Composer {
  readonly measure: MeasureText;
  // Characters no font has, per text that contains them, in order of first appearance.
  private readonly missingCodes = new Map<string, Set<number>>();

  constructor(
    readonly typesetter: Typesetter,
    readonly flow: PageFlow,
    readonly styles: LetterStyles,
  ) {
    this.measure = (text, family, style) => typesetter.measure(text, family, style);
  }

  get left(): number {
    return this.flow.geometry.left;
  }

  get width(): number {
    return this.flow.geometry.contentWidth;
  }

  /**
   * Breaks a paragraph into lines of at most `width`. `subject` names the text in the
   * warning for a character no font has, e.g. `signatory "Name"` or `the body`.
   */
  lines(spans: readonly StyledSpan[], width: number, base: BaseDirection, subject: string): Line[] {
    const line = this.simpleLine(spans, width);
    if (line) return [line];
    const words = buildWords(spans, base, this.measure, (code) => this.missing(subject, code));
    return breakLines(words, width, this.measure);
  }

  // Most names: plain text that fits on one line. One measurement per span, no word split.
  private simpleLine(spans: readonly StyledSpan[], width: number): Line | null {
    const text = spans.map((span) => span.text).join('');
    if (text === '' || /^ | {2}| $/.test(text) || !isSimpleSpans(spans)) return null;
    const pieces = spans.map((span) => ({
      text: span.text,
      family: 0,
      style: span.style,
      level: 0,
      gap: false,
      width: this.measure(span.text, 0, span.style),
    }));
    const total = pieces.reduce((sum, piece) => sum + piece.width, 0);
    return total <= width ? { pieces, width: total } : null;
  }

  /** Draws a line whose top is at `top`, starting at `x`. */
  drawLine(line: Line, x: number, top: number, leading: number): void {
    drawLine(line, x, top + baselineOffset(leading), this.typesetter);
  }

  /** One warning per text with characters that no embedded font can draw. */
  get warnings(): string[] {
    return [...this.missingCodes].map(([subject, codes]) => {
      const list = [...codes].map((code) => {
        const hex = code.toString(16).toUpperCase().padStart(4, '0');
        return `U+${hex} (${String.fromCodePoint(code)})`;
      });
      return `${subject} has characters that no embedded font can draw, printed as \uFFFD: ${list.join(', ')}`;
    });
  }

  private missing(subject: string, code: number): void {
    let codes = this.missingCodes.get(subject);
    if (codes === undefined) {
      codes = new Set();
      this.missingCodes.set(subject, codes);
    }
    codes.add(code);
  }
}
