import type { Inline, MarkdownBlock } from '@app/markdown';
import type { StyledSpan } from '../text/text-style';
import type { Composer } from './composer';
import type { Line } from './line-breaker';
import { leadingOf } from './page-geometry';

const PARAGRAPH_GAP = 8;
const ITEM_GAP = 3;
const MARKER_GAP = 6;
const MIN_MARKER_COLUMN = 16;

/** One paragraph of the body, ready to flow: its lines, where it starts, its list marker. */
interface BodyEntry {
  lines: Line[];
  indent: number;
  spaceBefore: number;
  marker?: { line: Line; x: number };
  /** A lead-in paragraph ("We ask that you:") stays on the page of the list it introduces. */
  keepWithNext: boolean;
}

/** The letter body from the shared Markdown block tree: paragraphs and nested lists. */
export function drawBody(composer: Composer, blocks: readonly MarkdownBlock[]): void {
  const entries: BodyEntry[] = [];
  collect(composer, blocks, 0, entries);
  const leading = leadingOf(composer.styles.body);
  const { flow } = composer;
  entries.forEach((entry, index) => {
    flow.space(index === 0 ? 0 : entry.spaceBefore);
    const next = entries[index + 1];
    if (entry.keepWithNext && next !== undefined && entry.lines.length <= 3) {
      const following = Math.min(2, Math.max(1, next.lines.length));
      flow.ensure((entry.lines.length + following) * leading + next.spaceBefore);
    }
    const x = composer.left + entry.indent;
    flow.flowLines(entry.lines, leading, (line, top, lineIndex) => {
      if (lineIndex === 0 && entry.marker) {
        composer.drawLine(entry.marker.line, entry.marker.x, top, leading);
      }
      composer.drawLine(line, x, top, leading);
    });
  });
}

function collect(
  composer: Composer,
  blocks: readonly MarkdownBlock[],
  indent: number,
  entries: BodyEntry[],
): void {
  blocks.forEach((block, index) => {
    if (block.kind === 'paragraph') {
      const lines = paragraphLines(composer, block.inlines, composer.width - indent);
      const keepWithNext = blocks[index + 1]?.kind === 'list';
      entries.push({ lines, indent, spaceBefore: PARAGRAPH_GAP, keepWithNext });
      return;
    }
    const { styles } = composer;
    const markers = block.items.map((_, item) =>
      block.ordered ? `${block.start + item}.` : '\u2022',
    );
    const markerLines = markers.map(
      (marker) =>
        composer.lines([{ text: marker, style: styles.body }], Infinity, 'ltr', 'the body')[0],
    );
    const column = Math.max(
      MIN_MARKER_COLUMN,
      ...markerLines.map((line) => line.width + MARKER_GAP),
    );
    block.items.forEach((itemBlocks, item) => {
      const first = entries.length;
      collect(composer, itemBlocks, indent + column, entries);
      if (entries.length === first) {
        entries.push({
          lines: [{ pieces: [], width: 0 }],
          indent: indent + column,
          spaceBefore: 0,
          keepWithNext: false,
        });
      }
      const markerLine = markerLines[item];
      // Numbers are right-aligned on their dots; bullets sit at the list's left edge.
      const markerX =
        composer.left + indent + (block.ordered ? column - MARKER_GAP - markerLine.width : 0);
      entries[first].marker = { line: markerLine, x: markerX };
      entries[first].spaceBefore = item === 0 ? PARAGRAPH_GAP : ITEM_GAP;
    });
  });
}

// Hard line breaks (two trailing spaces or a backslash) start a new line in the paragraph.
function paragraphLines(composer: Composer, inlines: readonly Inline[], width: number): Line[] {
  const segments: StyledSpan[][] = [[]];
  for (const inline of inlines) {
    if ('lineBreak' in inline) {
      segments.push([]);
      continue;
    }
    const style = composer.styles.inlineStyle(inline.bold, inline.italic, inline.href);
    segments[segments.length - 1].push({ text: inline.text, style });
  }
  return segments.flatMap((spans) => {
    const lines = composer.lines(spans, width, 'ltr', 'the body');
    return lines.length > 0 ? lines : [{ pieces: [], width: 0 }];
  });
}
