import { isAllowedLink } from './allowed-links';
import { allTokens, attr, htmlProbe, linkProbe } from './markdown-engine';

// Enough to show what is wrong without flooding a form with one line per repeat.
const MAX_PROBLEMS = 10;
const MAX_SNIPPET = 40;

/**
 * Why a body should be refused at save time; [] when it is fine. Rendering would already
 * neutralise all of this (HTML shows as text, bad links as plain text), but an author should
 * learn that at save time rather than from a printed letter.
 */
export function markdownProblems(source: string): string[] {
  // A Set keeps document order and drops repeats, so the result is deterministic.
  const problems = new Set<string>();
  for (const tag of rawHtmlTags(source)) problems.add(`raw HTML is not allowed (${tag})`);
  for (const href of refusedLinks(source)) {
    problems.add(`links must be http, https or mailto (${href})`);
  }
  return [...problems].slice(0, MAX_PROBLEMS);
}

// The first tag of each HTML token, once per tag name (so <b>…</b> is one problem, not two).
function rawHtmlTags(source: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const token of allTokens(htmlProbe.parse(source, {}))) {
    if (token.type !== 'html_block' && token.type !== 'html_inline') continue;
    const tag = (/<[^>]*>?/.exec(token.content)?.[0] ?? token.content).replace(/\s+/g, ' ');
    const name = /^<\/?([a-z][a-z0-9-]*)/i.exec(tag)?.[1].toLowerCase() ?? tag;
    if (seen.has(name)) continue;
    seen.add(name);
    tags.push(truncate(tag));
  }
  return tags;
}

function refusedLinks(source: string): string[] {
  const refused: string[] = [];
  for (const token of allTokens(linkProbe.parse(source, {}))) {
    if (token.type !== 'link_open') continue;
    const href = attr(token, 'href');
    // Show the address as typed (percent-decoded), not as encoded for an attribute.
    if (!isAllowedLink(href)) refused.push(truncate(linkProbe.normalizeLinkText(href)));
  }
  return refused;
}

function truncate(text: string): string {
  return text.length > MAX_SNIPPET ? `${text.slice(0, MAX_SNIPPET - 1)}…` : text;
}
