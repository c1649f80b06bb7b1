import { countryName } from '../country-names';
import { isSimpleText } from '../fonts/simple-text';
import type { LetterSignatory } from '../letter-document';
import type { Piece, StyledSpan } from '../text/text-style';
import { isSimpleSpans } from '../text/words';
import type { Composer } from './composer';
import type { Line } from './line-breaker';
import { leadingOf } from './page-geometry';

const HEADING_GAP = 6;
// Pads numbers to one width: Noto Sans digits are tabular, and the figure space is as wide.
const FIGURE_SPACE = '\u2007';
const AFTER_NUMBER = '.\u00a0\u00a0';

export interface SignatoryListOptions {
  /** The letter's heading over the list; '' for none (the names follow the closing). */
  heading: string;
  numbered: boolean;
  showCountry: boolean;
  anonymousCount: number;
  /** Fraction (0–1) of the list laid out so far. */
  onProgress?: (fraction: number) => void;
}

/** One signatory: its lines, the first of which starts at the left edge with the number. */
interface Entry {
  lines: Line[];
}

/**
 * The letter's heading over the list, if it has one, and the names, in the order given,
 * numbered and with countries when asked, then "and N other organizations". The heading
 * never ends a page without the first names; the last name is never carried alone to a
 * page of its own.
 */
export function drawSignatoryList(
  composer: Composer,
  signatories: readonly LetterSignatory[],
  options: SignatoryListOptions,
): void {
  const { flow, styles } = composer;
  const leading = leadingOf(styles.signatory);
  const headingLeading = leadingOf(styles.heading);
  const list = new EntryMaker(composer, signatories, options);

  if (options.heading !== '') {
    const heading = composer.lines(
      [{ text: options.heading, style: styles.heading }],
      composer.width,
      'ltr',
      'the heading',
    );
    const firstLines = Math.min(2, list.entry(0).lines.length + (list.count > 1 ? 1 : 0));
    flow.ensure(heading.length * headingLeading + HEADING_GAP + firstLines * leading);
    flow.flowLines(heading, headingLeading, (line, top) =>
      composer.drawLine(line, composer.left, top, headingLeading),
    );
    flow.space(HEADING_GAP);
  }

  const step = Math.max(1, Math.ceil(list.count / 50));
  for (let index = 0; index < list.count; index++) {
    const entry = list.entry(index);
    if (index === list.count - 2) {
      // Would the last entry end up alone on the next page? Then take this one along.
      const both = (entry.lines.length + list.entry(index + 1).lines.length) * leading;
      if (flow.fits(entry.lines.length * leading) && !flow.fits(both)) flow.newPage();
    }
    flow.flowLines(entry.lines, leading, (line, top, lineIndex) => {
      composer.drawLine(line, lineIndex === 0 ? composer.left : list.textX, top, leading);
    });
    list.forget(index);
    if (options.onProgress && (index + 1) % step === 0) {
      options.onProgress((index + 1) / list.count);
    }
  }
}

/** Makes entries on demand and keeps at most the next one, so 10,000 names stay cheap. */
class EntryMaker {
  readonly count: number;
  /** Where the names start, after the widest number. */
  readonly textX: number;
  private readonly digits: number;
  private readonly made = new Map<number, Entry>();

  constructor(
    private readonly composer: Composer,
    private readonly signatories: readonly LetterSignatory[],
    private readonly options: SignatoryListOptions,
  ) {
    // An empty list still has one entry: the line that says why it is empty.
    this.count = Math.max(1, signatories.length);
    this.digits = String(signatories.length).length;
    const numbered = options.numbered && signatories.length > 0;
    this.textX = composer.left + (numbered ? this.numberPiece(1).width : 0);
  }

  entry(index: number): Entry {
    let entry = this.made.get(index);
    if (entry === undefined) {
      entry = this.make(index);
      this.made.set(index, entry);
    }
    return entry;
  }

  forget(index: number): void {
    this.made.delete(index);
  }

  private make(index: number): Entry {
    const { composer, options } = this;
    const { signatory: style } = composer.styles;
    const width = composer.left + composer.width - this.textX;
    const signatory = this.signatories[index] as LetterSignatory | undefined;
    if (signatory === undefined) {
      const text = emptyListLine(options.anonymousCount);
      return { lines: composer.lines([{ text, style }], width, 'ltr', 'the list') };
    }
    const name = signatory.displayName.replace(/\s+/g, ' ').trim();
    const spans = this.spans(name, signatory);
    let lines = this.plainLine(spans, index, width);
    if (lines === null) {
      lines = composer.lines(spans, width, 'ltr', `signatory "${name}"`);
      if (options.numbered && lines.length > 0) {
        // The number opens the first line, in the same style, so that a plain name and its
        // number are one run of text: one call to draw per name instead of two.
        const number = this.numberPiece(index + 1);
        lines[0] = { pieces: [number, ...lines[0].pieces], width: number.width + lines[0].width };
      }
    }
    // "and N other organizations" belongs to the last entry, so it never starts a page alone.
    if (index === this.signatories.length - 1 && options.anonymousCount > 0) {
      const trailer = `and ${countOf(options.anonymousCount, 'other organization')}`;
      lines.push(...composer.lines([{ text: trailer, style }], width, 'ltr', 'the list'));
    }
    return { lines };
  }

  /**
   * Most entries: plain text (see isSimpleSpans) that fits on one line, as Composer.lines
   * would lay it out, with its number, name and country as the one piece that drawLine
   * would merge them into anyway. Null for any other entry.
   */
  private plainLine(spans: StyledSpan[], index: number, width: number): Line[] | null {
    const { composer, options } = this;
    if (!isSimpleSpans(spans)) return null;
    let text = '';
    let textWidth = 0;
    for (const span of spans) {
      text += span.text;
      textWidth += composer.measure(span.text, 0, span.style);
    }
    if (text === '' || /^ | {2}| $/.test(text) || textWidth > width) return null;
    const number = options.numbered ? this.numberPiece(index + 1) : null;
    const piece: Piece = {
      text: number === null ? text : number.text + text,
      family: 0,
      style: spans[0].style,
      level: 0,
      gap: false,
      width: (number?.width ?? 0) + textWidth,
    };
    return [{ pieces: [piece], width: piece.width }];
  }

  private spans(name: string, signatory: LetterSignatory): StyledSpan[] {
    const { signatory: style } = this.composer.styles;
    // A name with right-to-left text is a bidi isolate (FSI…PDI), so that its direction
    // neither takes nor gives to the country after it; plain names skip the bidi pass.
    const text = isSimpleText(name) ? name : `\u2068${name}\u2069`;
    const spans: StyledSpan[] = [{ text, style }];
    if (this.options.showCountry && signatory.country) {
      spans.push({ text: ` (${countryName(signatory.country)})`, style });
    }
    return spans;
  }

  // "  7.", " 42.", "123." for a list of hundreds: right-aligned on the dot.
  private numberPiece(number: number): Piece {
    const { composer } = this;
    const style = composer.styles.signatory;
    const digits = String(number);
    const text = FIGURE_SPACE.repeat(this.digits - digits.length) + digits + AFTER_NUMBER;
    return {
      text,
      family: 0,
      style,
      level: 0,
      gap: false,
      width: composer.measure(text, 0, style),
    };
  }
}

function emptyListLine(anonymousCount: number): string {
  if (anonymousCount === 0) return 'No organizations have signed this letter yet.';
  return `Signed by ${countOf(anonymousCount, 'organization')} that asked not to be named.`;
}

function countOf(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}
