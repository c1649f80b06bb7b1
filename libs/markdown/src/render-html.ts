import { letterMarkdown } from './markdown-engine';

/**
 * Renders a letter body to HTML that can go into an email or a page as is: raw HTML is
 * escaped, links outside http/https/mailto stay plain text, and every link gets a fixed rel.
 */
export function renderMarkdownHtml(source: string): string {
  return letterMarkdown.render(source);
}
