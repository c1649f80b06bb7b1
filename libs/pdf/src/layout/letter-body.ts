import type { Inline, MarkdownBlock } from '@app/markdown';
import type { StyledSpan, TextStyle } from '../text/text-style';
import type { Composer } from './composer';
import type { Line } from './line-breaker';
import { SECTION_HEADING_SIZE } from './letter-styles';
import { leadingOf } from './page-geometry';

const PARAGRAPH_GAP = 8;
const ITEM_GAP = 3;
const MARKER_GAP = 6;
const MIN_MARKER_COLUMN = 16;
/** A section heading stands apart from the text above it and close to the text it heads. */
const HEADING_GAP = 16;
const AFTER_HEADING_GAP = 4;
/** A block quote is set in from both margins, as quotations are in a typed letter. */
const QUOTE_INDENT = 24;
/** Blocks of up to this many lines move whole to the next page (PageFlow's default). */
const KEEP_TOGETHER = 3;

/** One paragraph of the body, ready to flow: its lines, where it starts, its list marker. */
interface BodyEntry {
  lines: Line[];
  leading: number;
  indent: number;
  spaceBefore: number;
  marker?: { line: Line; x: number };
  /**
   * Stays on the page of what follows: a section heading always, a lead-in paragraph ("We
   * ask that you:") before its list or quote when it is short.
   */
  keepWithNext: boolean;
  heading: boolean;
}

/** Where a run of blocks is set: its left indent and what it leaves free on the right. */
interface Frame {
  indent: number;
  right: number;
}

/**
 * The letter body from the shared Markdown block tree: paragraphs, section headings, block
 * quotes and nested lists.
 */
export function drawBody(composer: Composer, blocks: readonly MarkdownBlock[]): void {
  const entries: BodyEntry[] = [];
  collect(composer, blocks, { indent: 0, right: 0 }, entries);
  const { flow } = composer;
  entries.forEach((entry, index) => {
    const previous = entries[index - 1];
    if (index > 0) flow.space(previous.heading ? AFTER_HEADING_GAP : entry.spaceBefore);
    const next = entries[index + 1];
    if (entry.keepWithNext && next !== undefined && (entry.heading || entry.lines.length <= 3)) {
      // Room for the start of what follows, as it will flow: a short block whole.
      const following = next.lines.length <= KEEP_TOGETHER ? next.lines.length : 2;
      const gap = entry.heading ? AFTER_HEADING_GAP : next.spaceBefore;
      flow.ensure(entry.lines.length * entry.leading + gap + following * next.leading);
    }
    const x = composer.left + entry.indent;
    flow.flowLines(entry.lines, entry.leading, (line, top, lineIndex) => {
      if (lineIndex === 0 && entry.marker) {
        composer.drawLine(entry.marker.line, entry.marker.x, top, entry.leading);
      }
      composer.drawLine(line, x, top, entry.leading);
    });
  });
}

function collect(
  composer: Composer,
  blocks: readonly MarkdownBlock[],
  frame: Frame,
  entries: BodyEntry[],
): void {
  const { styles } = composer;
  const width = composer.width - frame.indent - frame.right;
  blocks.forEach((block, index) => {
    switch (block.kind) {
      case 'paragraph': {
        const lines = paragraphLines(composer, block.inlines, width, (bold, italic, href) =>
          styles.inlineStyle(bold, italic, href),
        );
        const nextKind = blocks[index + 1]?.kind;
        entries.push({
          lines,
          leading: leadingOf(styles.body),
          indent: frame.indent,
          spaceBefore: PARAGRAPH_GAP,
          keepWithNext: nextKind === 'list' || nextKind === 'quote',
          heading: false,
        });
        return;
      }
      case 'heading': {
        const size = SECTION_HEADING_SIZE[block.level];
        const lines = paragraphLines(composer, block.inlines, width, (_bold, italic, href) =>
          styles.inlineStyle(true, italic, href, size),
        );
        entries.push({
          lines,
          leading: leadingOf(styles.inlineStyle(true, false, undefined, size)),
          indent: frame.indent,
          spaceBefore: HEADING_GAP,
          keepWithNext: true,
          heading: true,
        });
        return;
      }
      case 'quote': {
        const first = entries.length;
        const inner = { indent: frame.indent + QUOTE_INDENT, right: frame.right + QUOTE_INDENT };
        collect(composer, block.blocks, inner, entries);
        if (entries.length > first) entries[first].spaceBefore = PARAGRAPH_GAP;
        return;
      }
      case 'list':
        collectList(composer, block, frame, entries);
        return;
    }
  });
}

function collectList(
  composer: Composer,
  block: Extract<MarkdownBlock, { kind: 'list' }>,
  frame: Frame,
  entries: BodyEntry[],
): void {
  const { styles } = composer;
  const markers = block.items.map((_, item) =>
    block.ordered ? `${block.start + item}.` : '\u2022',
  );
  const markerLines = markers.map(
    (marker) =>
      composer.lines([{ text: marker, style: styles.body }], Infinity, 'ltr', 'the body')[0],
  );
  const column = Math.max(MIN_MARKER_COLUMN, ...markerLines.map((line) => line.width + MARKER_GAP));
  const inner = { indent: frame.indent + column, right: frame.right };
  block.items.forEach((itemBlocks, item) => {
    const first = entries.length;
    collect(composer, itemBlocks, inner, entries);
    if (entries.length === first) {
      entries.push({
        lines: [{ pieces: [], width: 0 }],
        leading: leadingOf(styles.body),
        indent: inner.indent,
        spaceBefore: 0,
        keepWithNext: false,
        heading: false,
      });
    }
    const markerLine = markerLines[item];
    // Numbers are right-aligned on their dots; bullets sit at the list's left edge.
    const markerX =
      composer.left + frame.indent + (block.ordered ? column - MARKER_GAP - markerLine.width : 0);
    entries[first].marker = { line: markerLine, x: markerX };
    entries[first].spaceBefore = item === 0 ? PARAGRAPH_GAP : ITEM_GAP;
  });
}

// Hard line breaks (two trailing spaces or a backslash) start a new line in the paragraph.
function paragraphLines(
  composer: Composer,
  inlines: readonly Inline[],
  width: number,
  styleOf: (bold: boolean, italic: boolean, href?: string) => TextStyle,
): Line[] {
  const segments: StyledSpan[][] = [[]];
  for (const inline of inlines) {
    if ('lineBreak' in inline) {
      segments.push([]);
      continue;
    }
    segments[segments.length - 1].push({
      text: inline.text,
      style: styleOf(inline.bold, inline.italic, inline.href),
    });
  }
  return segments.flatMap((spans) => {
    const lines = composer.lines(spans, width, 'ltr', 'the body');
    return lines.length > 0 ? lines : [{ pieces: [], width: 0 }];
  });
}
