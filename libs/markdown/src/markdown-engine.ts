import MarkdownIt from 'markdown-it';
import { isAllowedLink } from './allowed-links';

export type Token = MarkdownIt.Token;

// An allow-list, not a deny-list: markdown-it's "zero" preset parses paragraphs and text only,
// and we switch on exactly what letters use. Headings, code, fences, blockquotes, tables,
// images, rules, strikethrough, reference definitions and anything a later markdown-it adds
// to its default preset stay off, so their syntax renders as the literal text that was typed.
const BLOCK_RULES = ['list'];
// escape and entity only decode `\*` and `&amp;` into text; newline gives soft and hard breaks.
const INLINE_RULES = ['newline', 'escape', 'entity', 'emphasis', 'link', 'autolink'];

interface EngineOptions {
  /** Only the problem finder turns this on, to see the HTML that rendering would escape. */
  html: boolean;
  validateLink: (url: string) => boolean;
}

function createEngine({ html, validateLink }: EngineOptions): MarkdownIt.MarkdownIt {
  const md = new MarkdownIt('zero', { html, linkify: false, typographer: false });
  md.enable(BLOCK_RULES).enable(INLINE_RULES);
  if (html) md.enable(['html_block', 'html_inline']);
  md.validateLink = validateLink;
  // A link keeps its href and nothing else (no title); rel stops the opened page from getting a
  // handle on the reader's window, the referrer, or ranking credit from the letter.
  md.renderer.rules.link_open = (tokens, idx) => {
    const href = md.utils.escapeHtml(attr(tokens[idx], 'href'));
    return `<a href="${href}" rel="noopener noreferrer nofollow">`;
  };
  return md;
}

/** The instance behind the HTML and the block stream: no HTML, only allowed links. */
export const letterMarkdown = createEngine({ html: false, validateLink: isAllowedLink });

// The problem finder's two instances accept every link destination, so link syntax with a
// refused URL still becomes a link token (rather than text) and its URL, after the same
// normalizeLink as rendering, can be reported; and a `<` inside a URL is not taken for HTML.

/** Same syntax plus raw HTML, to report the HTML that `letterMarkdown` would show as text. */
export const htmlProbe = createEngine({ html: true, validateLink: () => true });

// Separate from htmlProbe because an HTML block swallows the lines after it, links included.
export const linkProbe = createEngine({ html: false, validateLink: () => true });

/** Every token, depth first, including the inline children of paragraphs. */
export function* allTokens(tokens: Token[]): Generator<Token> {
  for (const token of tokens) {
    yield token;
    if (token.children) yield* allTokens(token.children);
  }
}

/** A token attribute as a string ('' when absent). */
export function attr(token: Token, name: string): string {
  const value = token.attrGet(name);
  return value === null ? '' : String(value);
}
