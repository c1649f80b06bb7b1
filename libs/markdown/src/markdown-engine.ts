// Named type imports, not the MarkdownIt namespace: the namespace exists only in the
// CommonJS typings, and the web app's bundler resolution reads the ES module ones.
import MarkdownIt, {
  type MarkdownIt as Engine,
  type StateBlock,
  type Token as MdToken,
} from 'markdown-it';
import { isAllowedLink } from './allowed-links';

export type Token = MdToken;
type BlockRule = (
  state: StateBlock,
  startLine: number,
  endLine: number,
  silent: boolean,
) => boolean;

// An allow-list, not a deny-list: markdown-it's "zero" preset parses paragraphs and text only,
// and we switch on exactly what letters use: lists, section headings (## and ### only: see
// sectionHeadingsOnly) and block quotes. Code, fences, tables, images, rules, strikethrough,
// reference definitions, underlined headings and anything a later markdown-it adds to its
// default preset stay off, so their syntax renders as the literal text that was typed; saving
// refuses them (markdown-problems.ts), so only bodies saved before that rule can still hold them.
const BLOCK_RULES = ['list', 'heading', 'blockquote'];
// escape and entity only decode `\*` and `&amp;` into text; newline gives soft and hard breaks.
const INLINE_RULES = ['newline', 'escape', 'entity', 'emphasis', 'link', 'autolink'];

// Every construct markdown-it knows, for the probe that finds the ones letters refuse.
const ALL_BLOCK_RULES = [
  ...BLOCK_RULES,
  'table',
  'code',
  'fence',
  'hr',
  'reference',
  'html_block',
  'lheading',
];
const ALL_INLINE_RULES = [...INLINE_RULES, 'backticks', 'strikethrough', 'image', 'html_inline'];

// markdown-it's own `alt` chain for the heading rule (which `ruler.at` replaces); the
// reference rule has none.
const HEADING_ALT = ['paragraph', 'reference', 'blockquote'];

interface EngineOptions {
  /** Only the problem finder turns this on, to see the HTML that rendering would escape. */
  html: boolean;
  validateLink: (url: string) => boolean;
}

function createEngine({ html, validateLink }: EngineOptions): Engine {
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
sectionHeadingsOnly(letterMarkdown);

// The problem finder's instances accept every link destination, so link syntax with a refused
// URL still becomes a link token (rather than text) and its URL, after the same normalizeLink
// as rendering, can be reported; and a `<` inside a URL is not taken for HTML.

/**
 * Every construct markdown-it knows, raw HTML included: what this instance makes of a body
 * and `letterMarkdown` does not is what saving refuses. Inline tokens carry their offset
 * (`inlineOffset`), reference definitions their line (`referenceLines`).
 */
export const constructProbe = createEngine({ html: true, validateLink: () => true });
constructProbe.enable(ALL_BLOCK_RULES).enable(ALL_INLINE_RULES);
constructProbe.block.ruler.before('reference', 'footnote_def', footnoteDefinition, {
  alt: ['paragraph', 'reference'],
});
recordPositions(constructProbe);

// Separate from constructProbe because an HTML block or a code block swallows the lines after
// it, links included, where `letterMarkdown` would still make links of them.
/** The letter's own syntax with every link destination: finds the links rendering refuses. */
export const linkProbe = createEngine({ html: false, validateLink: () => true });
sectionHeadingsOnly(linkProbe);
recordPositions(linkProbe);

/**
 * Only `##` and `###` are headings; any other level stays the paragraph text it was before
 * headings were switched on (a `#` line still continues the paragraph above it). The rule
 * parses the line with markdown-it's own heading rule and keeps the result only for h2/h3.
 */
function sectionHeadingsOnly(md: Engine): void {
  const heading = builtInBlockRule('heading');
  const sectionHeading: BlockRule = (state, startLine, endLine, silent) => {
    const mark = state.tokens.length;
    const line = state.line;
    if (!heading(state, startLine, endLine, false)) return false;
    const tag = state.tokens[mark]?.tag;
    const allowed = tag === 'h2' || tag === 'h3';
    // A silent call only asks whether a heading starts here (to end a paragraph): undo it.
    if (!allowed || silent) {
      state.tokens.length = mark;
      state.line = line;
    }
    return allowed;
  };
  md.block.ruler.at('heading', sectionHeading, { alt: HEADING_ALT });
}

/**
 * A footnote definition (`[^label]: text`), as markdown-it-footnote (not a dependency) reads
 * its first line, for the probe only: it becomes a `footnote_def` token and nothing else.
 */
function footnoteDefinition(
  state: StateBlock,
  startLine: number,
  _endLine: number,
  silent: boolean,
): boolean {
  const start = state.bMarks[startLine] + state.tShift[startLine];
  const max = state.eMarks[startLine];
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  if (state.src.slice(start, start + 2) !== '[^') return false;
  let pos = start + 2;
  while (pos < max && state.src[pos] !== ']' && state.src[pos] !== ' ') pos++;
  if (pos === start + 2 || state.src.slice(pos, pos + 2) !== ']:') return false;
  if (silent) return true;
  const token = state.push('footnote_def', '', 0);
  token.map = [startLine, startLine + 1];
  state.line = startLine + 1;
  return true;
}

/** Where inline tokens start, as offsets into their inline token's `content`. */
const inlineOffsets = new WeakMap<Token, number>();

/** Line numbers (0-based) of the reference definitions found while parsing with this env. */
export type ProbeEnv = {
  referenceLines?: { line: number; label: string }[];
};

function recordPositions(md: Engine): void {
  // Every inline rule pushes its token while `pos` is still at (or just inside) its syntax.
  md.inline.State = class extends md.inline.State {
    override push(type: string, tag: string, nesting: -1 | 0 | 1): Token {
      const token = super.push(type, tag, nesting);
      inlineOffsets.set(token, this.pos);
      return token;
    }
  };
  // Reference definitions leave no token, only an entry in env.references: note their line.
  const reference = builtInBlockRule('reference');
  const noted: BlockRule = (state, startLine, endLine, silent) => {
    const before = new Set(Object.keys((state.env as { references?: object }).references ?? {}));
    if (!reference(state, startLine, endLine, silent)) return false;
    if (!silent) {
      const env = state.env as ProbeEnv & { references?: object };
      const label = Object.keys(env.references ?? {}).find((key) => !before.has(key)) ?? '';
      (env.referenceLines ??= []).push({ line: startLine, label });
    }
    return true;
  };
  md.block.ruler.at('reference', noted);
}

/** Where the newlines of an inline token's content are, found once per token. */
const newlinesOf = new WeakMap<Token, number[]>();

/** The 0-based source line of an inline token, given the inline token that holds it. */
export function inlineLine(parent: Token, child: Token): number {
  const start = parent.map?.[0] ?? 0;
  const offset = inlineOffsets.get(child);
  if (offset === undefined) return start;
  let newlines = newlinesOf.get(parent);
  if (newlines === undefined) {
    newlines = [];
    for (let i = parent.content.indexOf('\n'); i !== -1; i = parent.content.indexOf('\n', i + 1)) {
      newlines.push(i);
    }
    newlinesOf.set(parent, newlines);
  }
  // How many newlines come before the offset: a binary search.
  let low = 0;
  let high = newlines.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (newlines[middle] < offset) low = middle + 1;
    else high = middle;
  }
  return start + low;
}

// markdown-it's rule functions are not exported one by one: a fresh instance with only that
// rule enabled hands it over through the public `getRules`.
function builtInBlockRule(name: string): BlockRule {
  const md = new MarkdownIt('zero');
  md.block.ruler.enableOnly([name]);
  const rules = md.block.ruler.getRules('');
  if (rules.length !== 1) throw new Error(`markdown-it has no single block rule "${name}"`);
  return rules[0];
}

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
