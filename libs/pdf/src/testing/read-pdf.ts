// Test helper: the text, links and metadata of a PDF as a reader sees them, via pdf.js.
// Only the specs import this file.

/** One line of text on a page: pdf.js items on the same baseline, left to right. */
export interface PdfLine {
  page: number;
  /** Left edge and baseline, in points from the page's bottom left corner (PDF space). */
  x: number;
  y: number;
  text: string;
  /** The pdf.js items of the line, left to right. */
  items: PdfItem[];
}

export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  /** The font size the item is set in, in points. */
  size: number;
  /** The embedded font's name without its subset tag: `NotoSans-Bold`. */
  font: string;
}

export interface PdfContent {
  pageCount: number;
  lines: PdfLine[];
  links: string[];
  info: Record<string, unknown>;
}

/**
 * Reads a PDF back. pdf.js gives right-to-left items in logical order already; joining the
 * items of a line left to right is then the reading order for the lines these tests use
 * (right-to-left text alone on its line, or after left-to-right text).
 */
export async function readPdf(bytes: Uint8Array): Promise<PdfContent> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const lines: PdfLine[] = [];
  const links: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    // The font objects (with their names) are loaded with the page's drawing operators.
    await page.getOperatorList();
    const items: PdfItem[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      const [x, y] = (item.transform as number[]).slice(4);
      const size = Math.hypot(...(item.transform as number[]).slice(2, 4));
      const loaded = page.commonObjs.get(item.fontName) as { name?: string } | undefined;
      const font = (loaded?.name ?? item.fontName).replace(/^[A-Z]{6}\+/, '');
      items.push({ str: item.str, x, y, width: item.width, size, font });
    }
    lines.push(...linesOf(number, items));
    for (const annotation of (await page.getAnnotations()) as { subtype: string; url?: string }[]) {
      if (annotation.subtype === 'Link' && annotation.url) links.push(annotation.url);
    }
  }
  const info = (await pdf.getMetadata()).info as Record<string, unknown>;
  const pageCount = pdf.numPages;
  await pdf.destroy();
  return { pageCount, lines, links, info };
}

function linesOf(page: number, items: PdfItem[]): PdfLine[] {
  // Top to bottom, then left to right; items within 2 pt of a baseline share the line
  // (marks and mixed fonts sit a little off it).
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfItem[][] = [];
  for (const item of sorted) {
    const group = groups.find((candidate) => Math.abs(candidate[0].y - item.y) <= 2);
    if (group) group.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const item of group) {
      const gap = item.x - end > 1;
      if (text !== '' && gap && !/\s$/.test(text) && !/^\s/.test(item.str)) text += ' ';
      text += item.str;
      end = item.x + item.width;
    }
    return {
      page,
      x: group[0].x,
      y: group[0].y,
      text: text.replace(/\s+/g, ' ').trim(),
      items: group,
    };
  });
}
