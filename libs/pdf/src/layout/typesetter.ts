import { faceOf } from '../fonts/font-families';
import { loadFont } from '../fonts/font-loader';
import type { TextStyle } from '../text/text-style';

// pdfkit's text() for one unwrapped line ends in _fragment(), after option handling and two
// more layouts of the string (one to measure it, one to move doc.x past it). In a list of
// 10,000 names that is about a sixth of the time, so the typesetter, which has measured the
// text already, calls _fragment() itself with the width. pdfkit is pinned to 0.20.2 and the
// rendering tests would catch a change in this private method.
interface Fragments {
  _fragment(
    text: string,
    x: number,
    y: number,
    options: { baseline: 'alphabetic'; textWidth: number; wordCount: number },
  ): void;
}

/**
 * The one place that talks to pdfkit about text: registers the shared fonts in a document
 * on first use, measures, and draws at a baseline. It remembers the current font, size and
 * colour so that a long list does not re-select them for every name.
 */
export class Typesetter {
  private readonly registered = new Set<string>();
  private fontKey = '';
  private fontSize = 0;
  private color = '';

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  measure(text: string, family: number, style: TextStyle): number {
    const simple = loadFont(family, faceOf(style)).simpleAdvance(text);
    if (simple !== null) return (simple * style.size) / 1000;
    this.useFont(family, style);
    return this.doc.widthOfString(text);
  }

  /** Draws `text` (already in the order fontkit needs) with its baseline at `baseline`. */
  draw(
    text: string,
    family: number,
    style: TextStyle,
    x: number,
    baseline: number,
    width: number,
  ): void {
    this.useFont(family, style);
    this.useColor(style.color);
    (this.doc as unknown as Fragments)._fragment(text, x, baseline, {
      baseline: 'alphabetic',
      textWidth: width,
      wordCount: 1,
    });
    if (style.href !== undefined) this.link(style, x, baseline, width);
  }

  /** Colour is page state in PDF: after a page change it has to be set again. */
  pageChanged(): void {
    this.color = '';
  }

  private link(style: TextStyle, x: number, baseline: number, width: number): void {
    const underline = baseline + style.size * 0.12;
    this.doc
      .save()
      .lineWidth(Math.max(0.5, style.size / 18))
      .strokeColor(style.color)
      .moveTo(x, underline)
      .lineTo(x + width, underline)
      .stroke();
    this.doc.restore();
    const top = baseline - style.size;
    this.doc.link(x, top, width, style.size * 1.3, style.href ?? '');
  }

  private useFont(family: number, style: TextStyle): void {
    const { key, font } = loadFont(family, faceOf(style));
    if (!this.registered.has(key)) {
      // pdfkit 0.20 takes a parsed fontkit font as well as a file (PDFFontFactory.open checks
      // for `layout`); its type definitions only list files and buffers. Passing the shared
      // font skips re-parsing every font file in every document.
      this.doc.registerFont(key, font as unknown as Buffer);
      this.registered.add(key);
    }
    if (key !== this.fontKey || style.size !== this.fontSize) {
      this.doc.font(key, style.size);
      this.fontKey = key;
      this.fontSize = style.size;
    }
  }

  private useColor(color: string): void {
    if (color !== this.color) {
      this.doc.fillColor(color);
      this.color = color;
    }
  }
}
