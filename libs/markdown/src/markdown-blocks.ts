import { attr, letterMarkdown, type Token } from './markdown-engine';

/** A run of text with the same marks; `href` is set on the text of a link. */
export interface TextRun {
  text: string;
  bold: boolean;
  italic: boolean;
  href?: string;
}

export interface LineBreak {
  lineBreak: true;
}

export type Inline = TextRun | LineBreak;

export interface ParagraphBlock {
  kind: 'paragraph';
  inlines: Inline[];
}

export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  /** The first item's number; 1 for bulleted lists. */
  start: number;
  /** Each item is its own list of blocks: paragraphs and nested lists. */
  items: MarkdownBlock[][];
}

/** A section heading: `##` is level 2, `###` level 3 (no other level is a heading). */
export interface HeadingBlock {
  kind: 'heading';
  level: 2 | 3;
  inlines: Inline[];
}

/** A block quote (`> `): paragraphs and lists, set off from the letter's own words. */
export interface QuoteBlock {
  kind: 'quote';
  blocks: MarkdownBlock[];
}

export type MarkdownBlock = ParagraphBlock | HeadingBlock | QuoteBlock | ListBlock;

interface Cursor {
  tokens: Token[];
  pos: number;
}

/**
 * The body as a small tree that does not depend on markdown-it, for renderers other than
 * HTML (the PDF). Parsed by the same instance as the HTML, so both show the same things.
 */
export function markdownBlocks(source: string): MarkdownBlock[] {
  return readBlocks({ tokens: letterMarkdown.parse(source, {}), pos: 0 }, null);
}

// Reads blocks up to and including the `until` token (or to the end of the stream).
function readBlocks(cursor: Cursor, until: string | null): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  while (cursor.pos < cursor.tokens.length) {
    const token = cursor.tokens[cursor.pos++];
    if (token.type === until) break;
    if (token.type === 'inline') {
      // Paragraphs hold the inline content left here; tight lists merely hide their <p>.
      blocks.push({ kind: 'paragraph', inlines: readInlines(token.children ?? []) });
    } else if (token.type === 'heading_open') {
      // `letterMarkdown` only makes h2 and h3 headings.
      const level = token.tag === 'h3' ? 3 : 2;
      const inline = cursor.tokens[cursor.pos];
      blocks.push({ kind: 'heading', level, inlines: readInlines(inline.children ?? []) });
      cursor.pos += 2; // the inline token and heading_close
    } else if (token.type === 'blockquote_open') {
      blocks.push({ kind: 'quote', blocks: readBlocks(cursor, 'blockquote_close') });
    } else if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
      blocks.push(readList(cursor, token));
    }
  }
  return blocks;
}

function readList(cursor: Cursor, open: Token): ListBlock {
  const ordered = open.type === 'ordered_list_open';
  const close = ordered ? 'ordered_list_close' : 'bullet_list_close';
  const items: MarkdownBlock[][] = [];
  while (cursor.pos < cursor.tokens.length) {
    const token = cursor.tokens[cursor.pos++];
    if (token.type === close) break;
    if (token.type === 'list_item_open') items.push(readBlocks(cursor, 'list_item_close'));
  }
  // markdown-it only sets `start` when the list does not begin at 1.
  const start = ordered && open.attrGet('start') !== null ? Number(open.attrGet('start')) : 1;
  return { kind: 'list', ordered, start, items };
}

function readInlines(children: Token[]): Inline[] {
  const inlines: Inline[] = [];
  let bold = 0;
  let italic = 0;
  const links: string[] = [];

  const pushText = (text: string): void => {
    if (text === '') return;
    const href = links.at(-1);
    const run: TextRun = { text, bold: bold > 0, italic: italic > 0 };
    if (href !== undefined) run.href = href;
    const last = inlines.at(-1);
    if (last && !('lineBreak' in last) && sameMarks(last, run)) last.text += text;
    else inlines.push(run);
  };

  for (const token of children) {
    switch (token.type) {
      case 'softbreak':
        pushText(' ');
        break;
      case 'hardbreak':
        inlines.push({ lineBreak: true });
        break;
      case 'strong_open':
        bold++;
        break;
      case 'strong_close':
        bold--;
        break;
      case 'em_open':
        italic++;
        break;
      case 'em_close':
        italic--;
        break;
      case 'link_open':
        links.push(attr(token, 'href'));
        break;
      case 'link_close':
        links.pop();
        break;
      default:
        // 'text', and anything else that carries text: keep the words rather than drop them.
        pushText(token.content);
    }
  }
  return inlines;
}

function sameMarks(a: TextRun, b: TextRun): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.href === b.href;
}
