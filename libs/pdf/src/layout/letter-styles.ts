import type { TextStyle } from '../text/text-style';

const INK = '#111111';
const MUTED = '#555555';
const LINK = '#1a4f9c';

const BODY_SIZE = 11;
/** Section headings in the body (`##`, `###`): bold, a step and a half-step above the text. */
export const SECTION_HEADING_SIZE = { 2: 13, 3: 11.5 } as const;
const LIST_SIZE = 10;
const FOOTER_SIZE = 8.5;

const plain = (size: number, color = INK): TextStyle => ({
  bold: false,
  italic: false,
  size,
  color,
});

/**
 * The styles of one letter. Pieces with the same look share one style object (the line
 * drawer merges pieces by style identity), so inline styles are made once per combination.
 */
export class LetterStyles {
  readonly body = plain(BODY_SIZE);
  readonly bodyBold: TextStyle = { ...plain(BODY_SIZE), bold: true };
  readonly heading: TextStyle = { ...plain(BODY_SIZE), bold: true };
  // Numbers and countries in the names' own style: a plain entry is then one run of text.
  readonly signatory = plain(LIST_SIZE);
  readonly footer = plain(FOOTER_SIZE, MUTED);
  private readonly inline = new Map<string, TextStyle>();

  /**
   * A body style with marks from the Markdown (bold, italic, link); `size` is the body's
   * unless given (a section heading's).
   */
  inlineStyle(bold: boolean, italic: boolean, href?: string, size = BODY_SIZE): TextStyle {
    if (!bold && !italic && href === undefined && size === BODY_SIZE) return this.body;
    const key = `${bold}|${italic}|${href ?? ''}|${size}`;
    let style = this.inline.get(key);
    if (style === undefined) {
      style = { ...plain(size, href === undefined ? INK : LINK), bold, italic };
      if (href !== undefined) style.href = href;
      this.inline.set(key, style);
    }
    return style;
  }
}
