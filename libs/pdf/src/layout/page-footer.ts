import type { Composer } from './composer';
import type { Line } from './line-breaker';
import { baselineOffset, leadingOf } from './page-geometry';

/**
 * "n of N" centred at the foot of every page, and the edition label at the left. Runs once
 * all pages exist (the document buffers its pages), since N is only known at the end.
 */
export function drawPageFooters(
  doc: PDFKit.PDFDocument,
  composer: Composer,
  editionLabel: string,
): void {
  const { flow, styles, typesetter } = composer;
  const { start, count } = doc.bufferedPageRange();
  const leading = leadingOf(styles.footer);
  const top = flow.geometry.footerBaseline - baselineOffset(leading);
  const label = editionLabel ? singleLine(composer, editionLabel, composer.width / 2 - 40) : null;
  for (let page = start; page < start + count; page++) {
    doc.switchToPage(page);
    typesetter.pageChanged();
    const numbers = singleLine(composer, `${page - start + 1} of ${count}`, composer.width);
    composer.drawLine(numbers, composer.left + (composer.width - numbers.width) / 2, top, leading);
    if (label) composer.drawLine(label, composer.left, top, leading);
  }
}

// The first line of `text` at footer size, shortened with an ellipsis when it would wrap.
function singleLine(composer: Composer, text: string, width: number): Line {
  const style = composer.styles.footer;
  const layout = (candidate: string): Line[] =>
    composer.lines([{ text: candidate, style }], width, 'auto', 'the edition label');
  let lines = layout(text);
  const characters = [...text];
  while (lines.length > 1 && characters.length > 1) {
    characters.pop();
    lines = layout(`${characters.join('').trimEnd()}\u2026`);
  }
  return lines[0] ?? { pieces: [], width: 0 };
}
