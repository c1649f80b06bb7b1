import type { CheckedLogo } from '../letterhead-logo';
import type { Composer } from './composer';
import { leadingOf } from './page-geometry';

// The logo is scaled down (never up) to fit this box at the top left of the first page.
const LOGO_MAX_WIDTH = 200;
const LOGO_MAX_HEIGHT = 56;
const AFTER_LOGO = 20;

export interface Logo {
  data: Buffer;
  checked: CheckedLogo;
}

/** The letterhead logo (when there is one) and the date, in words, below it. */
export function drawLetterhead(
  doc: PDFKit.PDFDocument,
  composer: Composer,
  logo: Logo | undefined,
  dateWords: string,
): void {
  const { flow, styles } = composer;
  if (logo !== undefined) {
    const { width, height } = logo.checked;
    const scale = Math.min(1, LOGO_MAX_WIDTH / width, LOGO_MAX_HEIGHT / height);
    doc.image(logo.data, composer.left, flow.y, { width: width * scale, height: height * scale });
    flow.y += height * scale + AFTER_LOGO;
  }
  const leading = leadingOf(styles.body);
  const lines = composer.lines(
    [{ text: dateWords, style: styles.body }],
    composer.width,
    'ltr',
    'the date',
  );
  flow.flowLines(lines, leading, (line, top) =>
    composer.drawLine(line, composer.left, top, leading),
  );
}
