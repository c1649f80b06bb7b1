import { isAllowedLink } from './allowed-links';
import {
  allTokens,
  attr,
  constructProbe,
  inlineLine,
  linkProbe,
  type ProbeEnv,
  type Token,
} from './markdown-engine';

// Enough to show what is wrong without flooding a form with one line per repeat.
const MAX_PROBLEMS = 10;
const MAX_SNIPPET = 40;

/** One reason to refuse a body: where it is, what it is, and a sentence for the author. */
export interface MarkdownProblem {
  /** 1-based line of the body where the construct starts. */
  line: number;
  /** What was found, in words: `table`, `raw HTML`, `level-1 heading`… */
  construct: string;
  /** `line 3: tables are not allowed`, ready to follow the field name. */
  message: string;
}

/**
 * Why a body should be refused at save time; [] when it is fine. Rendering would show all of
 * this as the literal text that was typed (HTML, tables, code…) or as plain text (bad links),
 * but an author should learn that at save time rather than from a printed letter.
 *
 * Found by parsing, not by patterns over the text: `constructProbe` has every construct
 * markdown-it knows switched on, and whatever it finds that letters do not use is reported at
 * the line its token maps to. Problems come in line order, at most ten.
 */
export function markdownProblems(source: string): MarkdownProblem[] {
  const found: { line: number; construct: string; problem: string }[] = [];
  const add: Add = (line, construct, problem) => found.push({ line: line + 1, construct, problem });
  constructProblems(source, add);
  for (const { line, href } of refusedLinks(source)) {
    add(line, 'link', `links must be http, https or mailto (${href})`);
  }
  // Sorting is stable, so problems on one line keep the order they were found in.
  found.sort((a, b) => a.line - b.line);
  const problems = new Map<string, MarkdownProblem>();
  for (const { line, construct, problem } of found) {
    const message = `line ${line}: ${problem}`;
    if (!problems.has(message)) problems.set(message, { line, construct, message });
  }
  return [...problems.values()].slice(0, MAX_PROBLEMS);
}

type Add = (line: number, construct: string, problem: string) => void;

const SECTION_HEADINGS = 'section headings start with ## or ###';

function constructProblems(source: string, add: Add): void {
  const env: ProbeEnv = {};
  const tokens = constructProbe.parse(source, env);
  for (const { line, label } of env.referenceLines ?? []) {
    if (label.startsWith('^')) add(line, 'footnote', 'footnotes are not allowed');
    else {
      add(
        line,
        'reference definition',
        'reference-style link definitions are not allowed; put the address in the link: [words](https://…)',
      );
    }
  }

  // The containers around the current token: how deep lists nest, what a quote is inside.
  const open: ('list' | 'quote')[] = [];
  const htmlTags = new Set<string>();
  for (const token of tokens) {
    const line = token.map?.[0] ?? 0;
    switch (token.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        if (open.filter((kind) => kind === 'list').length === 2) {
          add(line, 'list nested more than one level', 'lists may nest only one level deep');
        }
        open.push('list');
        break;
      case 'blockquote_open':
        if (open.includes('quote'))
          add(line, 'quote in a quote', 'quotes inside quotes are not allowed');
        else if (open.includes('list')) {
          add(line, 'quote in a list', 'quotes inside list items are not allowed');
        }
        open.push('quote');
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'blockquote_close':
        open.pop();
        break;
      case 'heading_open':
        headingProblem(token, open, add);
        break;
      case 'table_open':
        add(line, 'table', 'tables are not allowed');
        break;
      case 'fence':
        add(line, 'code block', 'code blocks are not allowed');
        break;
      case 'code_block':
        add(
          line,
          'code block',
          'a line indented by four or more spaces is a code block, which is not allowed; remove the indentation',
        );
        break;
      case 'footnote_def':
        add(line, 'footnote', 'footnotes are not allowed');
        break;
      case 'hr':
        add(line, 'horizontal rule', 'horizontal rules are not allowed');
        break;
      case 'html_block':
        htmlProblem(token, line, htmlTags, add);
        break;
      case 'inline':
        for (const child of token.children ?? []) inlineProblem(token, child, htmlTags, add);
        break;
    }
  }
}

function headingProblem(token: Token, open: readonly string[], add: Add): void {
  const line = token.map?.[0] ?? 0;
  if (token.markup === '=' || token.markup === '-') {
    add(
      line,
      'underlined heading',
      `underlined headings are not allowed; ${SECTION_HEADINGS} at the start of the line`,
    );
    return;
  }
  const level = Number(token.tag.slice(1));
  if (level !== 2 && level !== 3) {
    add(
      line,
      `level-${level} heading`,
      `level-${level} headings (${'#'.repeat(level)}) are not allowed; ${SECTION_HEADINGS}`,
    );
  } else if (open.length > 0) {
    const where = open.at(-1) === 'list' ? 'list items' : 'quotes';
    add(line, `heading in a ${open.at(-1)}`, `headings inside ${where} are not allowed`);
  }
}

function inlineProblem(parent: Token, child: Token, htmlTags: Set<string>, add: Add): void {
  // Only for the tokens reported: finding the line scans the paragraph up to the token.
  const line = (): number => inlineLine(parent, child);
  switch (child.type) {
    case 'code_inline':
      add(line(), 'code', 'code (`…`) is not allowed');
      break;
    case 's_open':
      add(line(), 'strikethrough', 'strikethrough (~~) is not allowed');
      break;
    case 'image':
      add(line(), 'image', 'images are not allowed');
      break;
    case 'html_inline':
      htmlProblem(child, line(), htmlTags, add);
      break;
  }
}

// The first tag of each HTML token, once per tag name (so <b>…</b> is one problem, not two).
function htmlProblem(token: Token, line: number, seen: Set<string>, add: Add): void {
  const tag = (/<[^>]*>?/.exec(token.content)?.[0] ?? token.content).replace(/\s+/g, ' ');
  const name = /^<\/?([a-z][a-z0-9-]*)/i.exec(tag)?.[1].toLowerCase() ?? tag;
  if (seen.has(name)) return;
  seen.add(name);
  add(line, 'raw HTML', `raw HTML is not allowed (${truncate(tag)})`);
}

function refusedLinks(source: string): { line: number; href: string }[] {
  const refused: { line: number; href: string }[] = [];
  for (const token of allTokens(linkProbe.parse(source, {}))) {
    if (token.type !== 'inline') continue;
    for (const child of allTokens(token.children ?? [])) {
      if (child.type !== 'link_open') continue;
      const href = attr(child, 'href');
      // Show the address as typed (percent-decoded), not as encoded for an attribute.
      if (!isAllowedLink(href)) {
        refused.push({
          line: inlineLine(token, child),
          href: truncate(linkProbe.normalizeLinkText(href)),
        });
      }
    }
  }
  return refused;
}

function truncate(text: string): string {
  return text.length > MAX_SNIPPET ? `${text.slice(0, MAX_SNIPPET - 1)}…` : text;
}
