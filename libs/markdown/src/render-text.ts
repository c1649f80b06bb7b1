import { markdownBlocks, type Inline, type MarkdownBlock } from './markdown-blocks';

/**
 * A letter body as a reader sees it, in plain text: what an email's text part shows and
 * what a diff shown to a person compares. No Markdown syntax survives: `**`, `_`, `##`,
 * `[…](…)` are gone.
 *
 * - Paragraphs are separated by a blank line.
 * - A section heading is a line of its own between blank lines, its words only: no `##`, no
 *   underline (which would change length with every edit of the heading and clutter diffs).
 * - A block quote has every line prefixed with "> ", the way mail has always marked quoted
 *   text (and mail programs show such lines as a quotation); blank lines inside it keep a ">".
 * - List items start with their marker ("1." or "•"), nested ones indented under the text.
 * - A link keeps its words and gives its address after them in angle brackets (unless the
 *   words are the address).
 */
export function renderMarkdownText(source: string): string {
  return blocksText(markdownBlocks(source), '').join('\n\n');
}

function blocksText(blocks: readonly MarkdownBlock[], indent: string): string[] {
  return blocks.map((block) => blockText(block, indent));
}

function blockText(block: MarkdownBlock, indent: string): string {
  switch (block.kind) {
    case 'paragraph':
    case 'heading':
      return inlinesText(block.inlines)
        .split('\n')
        .map((line) => indent + line)
        .join('\n');
    case 'quote':
      return blocksText(block.blocks, '')
        .join('\n\n')
        .split('\n')
        .map((line) => `${indent}>${line === '' ? '' : ' '}${line}`)
        .join('\n');
    case 'list':
      return block.items
        .map((item, index) => {
          const marker = block.ordered ? `${block.start + index}.` : '•';
          const inner = blocksText(item, `${indent}${' '.repeat(marker.length + 1)}`).join('\n');
          // The marker takes the place of the first line's indent.
          return `${indent}${marker} ${inner.slice(indent.length + marker.length + 1)}`;
        })
        .join('\n');
  }
}

function inlinesText(inlines: readonly Inline[]): string {
  let text = '';
  let linkText = '';
  inlines.forEach((inline, index) => {
    if ('lineBreak' in inline) {
      text += '\n';
      return;
    }
    text += inline.text;
    if (inline.href === undefined) return;
    // A link may span runs (a bold word inside it): its address follows its last run.
    linkText += inline.text;
    const next = inlines[index + 1];
    if (next !== undefined && !('lineBreak' in next) && next.href === inline.href) return;
    const address = inline.href.replace(/^mailto:/i, '');
    if (linkText.trim() !== address && linkText.trim() !== inline.href) text += ` <${address}>`;
    linkText = '';
  });
  return text;
}
