import type { Line } from './line-breaker';
import type { PageGeometry } from './page-geometry';
import type { Typesetter } from './typesetter';

/** Options for keeping lines of one block together across a page break. */
export interface KeepOptions {
  /** A block of at most this many lines is never split. */
  keepTogether?: number;
  /** Fewest lines left at the foot of a page when a block is split. */
  orphans?: number;
  /** Fewest lines carried to the top of the next page. */
  widows?: number;
}

/**
 * The vertical cursor through the pages: where the next line goes, when a new page starts.
 * Blocks ask for the room they need before they draw, so headings, short paragraphs and
 * list entries are never stranded alone at the foot of a page.
 */
export class PageFlow {
  y: number;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    readonly geometry: PageGeometry,
    private readonly typesetter: Typesetter,
  ) {
    this.y = geometry.top;
  }

  get atPageTop(): boolean {
    return this.y === this.geometry.top;
  }

  fits(height: number): boolean {
    return this.y + height <= this.geometry.bottom + 0.01;
  }

  /** Starts a new page unless `height` still fits (or the page is empty: nothing to gain). */
  ensure(height: number): void {
    if (!this.fits(height) && !this.atPageTop) this.newPage();
  }

  newPage(): void {
    this.doc.addPage({ size: this.geometry.size, margin: 0 });
    this.typesetter.pageChanged();
    this.y = this.geometry.top;
  }

  space(points: number): void {
    // Space before a page break is dropped: a page never starts with a blank.
    if (!this.atPageTop) this.y = Math.min(this.y + points, this.geometry.bottom);
  }

  /**
   * Places lines one below the other, calling `draw` with each line's top. A block that
   * does not fit is split with at least `orphans` lines on this page and `widows` on the
   * next, or moved whole when it is short.
   */
  flowLines(
    lines: readonly Line[],
    leading: number,
    draw: (line: Line, top: number, index: number) => void,
    { keepTogether = 3, orphans = 2, widows = 2 }: KeepOptions = {},
  ): void {
    let index = 0;
    while (index < lines.length) {
      const remaining = lines.length - index;
      const room = Math.floor((this.geometry.bottom + 0.01 - this.y) / leading);
      let take = remaining;
      if (room < remaining) {
        take = remaining <= keepTogether && index === 0 ? 0 : room;
        if (take > 0 && remaining - take < widows) take = remaining - widows;
        if (take > 0 && take < orphans) take = 0;
        if (take <= 0 && this.atPageTop) take = Math.max(1, room);
      }
      for (let i = 0; i < take; i++) {
        draw(lines[index + i], this.y, index + i);
        this.y += leading;
      }
      index += take;
      if (index < lines.length) this.newPage();
    }
  }
}
