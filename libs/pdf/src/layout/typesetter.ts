import { faceOf } from '../fonts/font-families';
import { SIMPLE_LIMIT, type SimpleGlyphs } from '../fonts/font-layout';
import { loadFont, type LoadedFont } from '../fonts/font-loader';
import { isSimpleText } from '../fonts/simple-text';
import type { TextStyle } from '../text/text-style';

// pdfkit's text() for one unwrapped line ends in _fragment(), after option handling and two
// more layouts of the string (one to measure it, one to move doc.x past it). The typesetter,
// which has measured the text already, calls _fragment() itself with the width. pdfkit is
// pinned to 0.20.2 and the rendering tests would catch a change in these private members.
interface Fragments {
  _fragment(
    text: string,
    x: number,
    y: number,
    options: { baseline: 'alphabetic'; textWidth: number; wordCount: number },
  ): void;
}

/** The members of pdfkit's document, page and embedded font that `drawSimple` uses. */
interface PdfInternals {
  _font: EmbeddedFont;
  _fontSize: number;
  page: PdfPage;
  addContent(data: string): unknown;
  flushPages(): unknown;
}

interface PdfPage {
  height: number;
  /** The page's /Font resources, by font id. */
  fonts: Record<string, unknown>;
  /** Appends to the content stream: bytes as they are, a string with a line break after it. */
  write(data: string | Uint8Array): void;
}

interface EmbeddedFont {
  id: string;
  /** 1000 / unitsPerEm. */
  scale: number;
  subset: {
    includeGlyph(glyph: number): number;
    /** The font's glyph id of each code of the subset. */
    glyphs: number[];
    /** Font glyph id → the first subset code of that glyph. */
    mapping: Record<number, number | undefined>;
  };
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  ref(): unknown;
  layout(
    text: string,
    features?: unknown,
  ): { glyphs: { id: number; codePoints: number[]; advanceWidth: number }[]; positions: unknown[] };
  encode(text: string, features?: unknown): [string[], unknown[]];
}

/** Per document font: the subset code of each glyph and text it has drawn, `id:code,points`. */
const textCodesOf = new WeakMap<EmbeddedFont, Map<string, number>>();

/**
 * The subset code that draws glyph `id` and reads as `codePoints`. A ToUnicode map gives each
 * code one text, and pdfkit gives each glyph one code, so a glyph a font uses for two texts
 * (Noto Sans draws ऐ with the glyph of ए and a mark it also uses for े; Noto Sans SC has one
 * glyph for space and no-break space) read as whichever came first. Here a glyph that a
 * document draws for a second text gets a second code: the same outline again in the subset,
 * mapped to that text. A glyph with no code points (the second glyph of a multiple
 * substitution, whose text the first carries) gets a code that reads as nothing: an empty
 * entry, the one kind a correct map has.
 */
function subsetCode(font: EmbeddedFont, id: number, codePoints: number[], advance: number): number {
  let codes = textCodesOf.get(font);
  if (codes === undefined) {
    codes = new Map();
    textCodesOf.set(font, codes);
  }
  const key = `${id}:${codePoints.join(',')}`;
  let code = codes.get(key);
  if (code !== undefined) return code;
  const first = font.subset.mapping[id];
  if (first === undefined || sameText(font.unicode[first], codePoints)) {
    code = font.subset.includeGlyph(id);
  } else {
    font.subset.glyphs.push(id);
    code = font.subset.glyphs.length - 1;
  }
  if (font.widths[code] == null) font.widths[code] = advance * font.scale;
  if (font.unicode[code] == null) font.unicode[code] = codePoints;
  codes.set(key, code);
  return code;
}

function sameText(a: readonly number[] | undefined, b: readonly number[]): boolean {
  if (a === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** pdfkit's EmbeddedFont.encode (0.20.2), with each glyph's code from `subsetCode`. */
function encodeByText(font: EmbeddedFont): void {
  font.encode = (text, features) => {
    const { glyphs, positions } = font.layout(text, features);
    const encoded = glyphs.map((glyph) =>
      `0000${subsetCode(font, glyph.id, glyph.codePoints, glyph.advanceWidth).toString(16)}`.slice(
        -4,
      ),
    );
    return [encoded, positions];
  };
}
const encodingByText = new WeakSet<EmbeddedFont>();

/**
 * For one document's subset of one font: the glyph code of each character of simple text,
 * indexed by code point (all below SIMPLE_LIMIT); -1 until the character is first drawn.
 */
const glyphCodesOf = new WeakMap<EmbeddedFont, Int32Array>();

/** pdfkit's PDFObject.number: six decimals at most, printed by JavaScript. */
function pdfNumber(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

const BACKSLASH = 0x5c;

/** The bytes of the open text object, written straight into a growing buffer. */
class ContentBytes {
  private bytes = new Uint8Array(16 * 1024);
  length = 0;

  byte(value: number): void {
    if (this.length === this.bytes.length) this.grow();
    this.bytes[this.length++] = value;
  }

  /** Text of character codes below 256 (operators, names, numbers). */
  ascii(text: string): void {
    for (let i = 0; i < text.length; i++) this.byte(text.charCodeAt(i));
  }

  /** A byte inside a literal string: the delimiters and the backslash escaped, and the line
   * ends, which a reader would otherwise normalize. */
  literal(value: number): void {
    if (value === 0x0a) this.ascii('\\n');
    else if (value === 0x0d) this.ascii('\\r');
    else {
      if (value === 0x28 || value === 0x29 || value === BACKSLASH) this.byte(BACKSLASH);
      this.byte(value);
    }
  }

  /** Puts `value` in before the byte at `index`. */
  insert(index: number, value: number): void {
    if (this.length === this.bytes.length) this.grow();
    this.bytes.copyWithin(index + 1, index, this.length);
    this.bytes[index] = value;
    this.length++;
  }

  /** The bytes so far, copied out, and an empty buffer again. */
  take(): Buffer {
    const taken = Buffer.from(this.bytes.subarray(0, this.length));
    this.length = 0;
    return taken;
  }

  private grow(): void {
    const bigger = new Uint8Array(this.bytes.length * 2);
    bigger.set(this.bytes);
    this.bytes = bigger;
  }
}

/**
 * The one place that talks to pdfkit about text: registers the shared fonts in a document
 * on first use, measures, and draws at a baseline. It remembers the current font, size and
 * colour so that a long list does not re-select them for every name.
 *
 * Simple text (Latin, Greek, Cyrillic: see `isSimpleText`), nearly every name of a long
 * list, is not handed to pdfkit at all: `drawSimple` writes the content-stream operators
 * itself, from the glyphs and kerning the font layout has cached. pdfkit's `_fragment()`
 * cost a word-by-word layout with array copies, a hex string per glyph, and a typed array
 * for each of the eight operators it writes per call (`q`, `cm`, `BT`, `Tm`, `Tf`, `TJ`,
 * `ET`, `Q`), and compressing that stream was the largest single cost of a 10,000-name
 * list. Here consecutive texts on a page share one text object: per text a `Tm`, a `Tf`
 * only when the font changes, and the glyph codes as a literal string (2 bytes a glyph,
 * not 4 hex digits), with pdfkit's kerning adjustments, written as bytes into one buffer
 * that goes to the page in one piece. The glyphs join the font's subset,
 * widths and character map as pdfkit's encode() would add them. `typesetter.spec.ts`
 * checks that a reader finds the same text at the same places as with `_fragment()`.
 */
export class Typesetter {
  private readonly registered = new Set<string>();
  private fontKey = '';
  private fontSize = 0;
  private color = '';
  // The open text object of drawSimple, not yet written to its page, and its last Tf.
  private readonly pending = new ContentBytes();
  private pendingPage: PdfPage | null = null;
  private pendingFont: EmbeddedFont | null = null;
  private pendingSize = 0;
  // The font of the last measure() call.
  private measuredFamily = -1;
  private measuredStyle: TextStyle | null = null;
  private measuredFont = loadFont(0, 'regular');

  constructor(private readonly doc: PDFKit.PDFDocument) {
    // Whatever else writes to a page (colours, lines, images, pdfkit's own text, a new
    // page's set-up) comes after the text collected so far, and so does the end.
    const internals = doc as unknown as PdfInternals;
    const addContent = internals.addContent.bind(doc);
    const flushPages = internals.flushPages.bind(doc);
    internals.addContent = (data: string) => {
      this.flush();
      return addContent(data);
    };
    internals.flushPages = () => {
      this.flush();
      return flushPages();
    };
  }

  measure(text: string, family: number, style: TextStyle): number {
    if (family !== this.measuredFamily || style !== this.measuredStyle) {
      this.measuredFont = loadFont(family, faceOf(style));
      this.measuredFamily = family;
      this.measuredStyle = style;
    }
    const simple = this.measuredFont.simple.advance(text);
    if (simple !== null) return (simple * style.size) / 1000;
    this.useFont(family, style);
    return this.doc.widthOfString(text);
  }

  /**
   * Draws `text` (already in the order fontkit needs) with its baseline at `baseline`.
   * `simple`: whether the caller knows it to be simple text (see isSimpleText) already.
   */
  draw(
    text: string,
    family: number,
    style: TextStyle,
    x: number,
    baseline: number,
    width: number,
    simple: boolean = isSimpleText(text),
  ): void {
    const loaded = this.useFont(family, style);
    this.useColor(style.color);
    if (style.href === undefined && simple) {
      this.drawSimple(text, loaded.simple, x, baseline);
      return;
    }
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

  /** Ends the text object collected for a page and writes it there. */
  flush(): void {
    if (this.pendingPage === null) return;
    const page = this.pendingPage;
    this.pendingPage = null;
    this.pending.ascii('\nET\nQ\n');
    page.write(this.pending.take());
  }

  /**
   * Sets simple text in the current embedded font with its baseline at `baseline`, as
   * `_fragment(text, x, baseline, { baseline: 'alphabetic' })` would place it: the text
   * object flips pdfkit's top-down page coordinates back, as `_fragment()` does.
   */
  private drawSimple(text: string, simple: SimpleGlyphs, x: number, baseline: number): void {
    if (text.length === 0) return;
    const doc = this.doc as unknown as PdfInternals;
    const font = doc._font;
    const page = doc.page;
    if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
    let codes = glyphCodesOf.get(font);
    if (codes === undefined) {
      codes = new Int32Array(SIMPLE_LIMIT).fill(-1);
      glyphCodesOf.set(font, codes);
    }
    const out = this.pending;
    if (this.pendingPage !== page) {
      this.flush();
      this.pendingPage = page;
      out.ascii(`q\n1 0 0 -1 0 ${pdfNumber(page.height)} cm\nBT`);
      this.pendingFont = null;
    }
    if (font !== this.pendingFont || doc._fontSize !== this.pendingSize) {
      out.ascii(`\n/${font.id} ${pdfNumber(doc._fontSize)} Tf`);
      this.pendingFont = font;
      this.pendingSize = doc._fontSize;
    }
    out.ascii(`\n1 0 0 1 ${pdfNumber(x)} ${pdfNumber(page.height - baseline)} Tm\n`);
    // (glyphs)Tj, or [(glyphs)adjustment(glyphs)…]TJ once a pair is kerned.
    const start = out.length;
    out.byte(0x28);
    const scale = font.scale;
    let kerned = false;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let gid = codes[code];
      if (gid < 0) {
        const glyph = simple.glyph(code);
        // The text's own character, not fontkit's record of the glyph (see
        // keepRequestedCodePoints): simple text is one glyph per character.
        gid = subsetCode(font, glyph.id, [code], glyph.advanceWidth);
        codes[code] = gid;
      }
      out.literal(gid >> 8);
      out.literal(gid & 0xff);
      if (i + 1 === text.length) break;
      const kern = simple.kern(code, text.charCodeAt(i + 1));
      if (kern === 0) continue;
      // As pdfkit computes it: the scaled advance with kerning minus the one without.
      const advance = simple.width(code);
      const adjust = (advance + kern) * scale - advance * scale;
      if (!kerned) {
        out.insert(start, 0x5b);
        kerned = true;
      }
      out.ascii(`)${pdfNumber(-adjust)}(`);
    }
    out.ascii(kerned ? ')]TJ' : ')Tj');
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

  private useFont(family: number, style: TextStyle): LoadedFont {
    const loaded = loadFont(family, faceOf(style));
    const { key, font } = loaded;
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
      const embedded = (this.doc as unknown as PdfInternals)._font;
      if (!encodingByText.has(embedded)) {
        encodeByText(embedded);
        encodingByText.add(embedded);
      }
    }
    return loaded;
  }

  private useColor(color: string): void {
    if (color !== this.color) {
      this.doc.fillColor(color);
      this.color = color;
    }
  }
}
