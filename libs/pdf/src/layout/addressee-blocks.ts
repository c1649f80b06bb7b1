import type { LetterAddressee } from '../letter-document';
import type { Composer } from './composer';
import type { Line } from './line-breaker';
import { leadingOf } from './page-geometry';

const COLUMN_GAP = 24;
const ROW_GAP = 14;

/**
 * The addressees' names and addresses: one alone at the left over the full width; two side
 * by side, their first lines on the same baseline; three or more in a grid of two columns,
 * each row starting below the taller block of the row before. A block is never split across
 * pages.
 */
export function drawAddresseeBlocks(
  composer: Composer,
  addressees: readonly LetterAddressee[],
): void {
  const { flow, styles } = composer;
  const leading = leadingOf(styles.body);
  const columns = addressees.length === 1 ? 1 : 2;
  const columnWidth = (composer.width - COLUMN_GAP * (columns - 1)) / columns;
  for (let start = 0; start < addressees.length; start += columns) {
    const row = addressees
      .slice(start, start + columns)
      .map((addressee, index) => blockLines(composer, addressee, columnWidth, start + index));
    const height = Math.max(...row.map((lines) => lines.length)) * leading;
    if (start > 0) flow.space(ROW_GAP);
    flow.ensure(height);
    const top = flow.y;
    row.forEach((lines, column) => {
      const x = composer.left + column * (columnWidth + COLUMN_GAP);
      lines.forEach((line, index) => composer.drawLine(line, x, top + index * leading, leading));
    });
    flow.y = top + height;
  }
}

// "honorific name", title, organization, then the address lines; each wraps in its column.
function blockLines(
  composer: Composer,
  addressee: LetterAddressee,
  width: number,
  index: number,
): Line[] {
  const { styles } = composer;
  const nameLine = [addressee.honorific, addressee.name].map(clean).filter(Boolean).join(' ');
  const fields = [
    { text: nameLine, style: styles.bodyBold },
    { text: clean(addressee.title), style: styles.body },
    { text: clean(addressee.organization), style: styles.body },
    ...addressee.addressLines.map((line) => ({ text: clean(line), style: styles.body })),
  ];
  const subject = `addressee ${index + 1} ("${clean(addressee.name)}")`;
  return fields
    .filter((field) => field.text !== '')
    .flatMap((field) => composer.lines([field], width, 'auto', subject));
}

function clean(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
