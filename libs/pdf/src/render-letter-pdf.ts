import { markdownBlocks } from '@app/markdown';
import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { checkInput } from './check-input';
import type { LetterDocument, RenderedLetterPdf, RenderLetterPdfOptions } from './letter-document';
import { drawAddresseeBlocks } from './layout/addressee-blocks';
import { Composer } from './layout/composer';
import { compressPageContents } from './layout/content-streams';
import { drawBody } from './layout/letter-body';
import { LetterStyles } from './layout/letter-styles';
import { drawLetterhead } from './layout/letterhead';
import { PageFlow } from './layout/page-flow';
import { drawPageFooters } from './layout/page-footer';
import { leadingOf, pageGeometry } from './layout/page-geometry';
import { drawSignatoryList } from './layout/signatory-list';
import { Typesetter } from './layout/typesetter';
import { drawWatermark } from './layout/watermark';
import { documentId, documentInfo } from './pdf-identity';
import { sortSignatories } from './sort-signatories';

const SECTION_GAP = 18;
const SMALL_GAP = 10;

/**
 * Renders the final signed letter. Pure: the same input gives the same bytes (and sha256);
 * nothing is read from the clock, the environment or chance. Throws PdfInputError for input
 * that cannot be rendered (a corrupt logo, an impossible date).
 */
export async function renderLetterPdf(
  input: LetterDocument,
  options: RenderLetterPdfOptions = {},
): Promise<RenderedLetterPdf> {
  const progress = options.onProgress ?? (() => undefined);
  const checked = checkInput(input);
  const signatories = sortSignatories(input.signatories, input.settings.signatoryOrder);
  const geometry = pageGeometry(input.settings.pageSize);
  const doc = new PDFDocument({
    size: geometry.size,
    margin: 0,
    bufferPages: true,
    lang: 'en-US',
    displayTitle: true,
    info: documentInfo(input, checked.publishedAt, signatories.length),
  });
  // pdfkit derives the trailer /ID from the Info dictionary in its constructor and writes
  // it only in end(), so replacing the (private) field here is enough; see documentId.
  (doc as unknown as { _id: Uint8Array })._id = documentId(input, signatories);
  const bytes = collect(doc);
  progress(0);

  const typesetter = new Typesetter(doc);
  const flow = new PageFlow(doc, geometry, typesetter);
  const styles = new LetterStyles();
  const composer = new Composer(typesetter, flow, styles);
  const { content } = input;

  drawLetterhead(doc, composer, checked.logo, checked.dateWords);
  flow.space(SECTION_GAP);
  drawAddresseeBlocks(composer, checked.addressees);
  flow.space(SECTION_GAP);
  if (checked.subject !== '') {
    drawParagraph(composer, checked.subject, styles.bodyBold);
    flow.space(SMALL_GAP);
  }
  drawParagraph(composer, checked.salutation, styles.body);
  flow.space(SMALL_GAP);
  drawBody(composer, markdownBlocks(content.body));
  flow.space(SMALL_GAP);
  keepClosingWithList(composer, content.closing, checked.listHeading);
  drawParagraph(composer, content.closing, styles.body);
  flow.space(SECTION_GAP);
  progress(0.1);
  drawSignatoryList(composer, signatories, {
    heading: checked.listHeading,
    numbered: input.settings.numbered,
    showCountry: input.settings.showCountry,
    anonymousCount: checked.anonymousCount,
    onProgress: (fraction) => progress(0.1 + 0.8 * fraction),
  });
  drawPageFooters(doc, composer, input.editionLabel?.trim() ?? '');
  if (input.watermark) drawWatermark(doc, composer, input.watermark);
  const pages = doc.bufferedPageRange().count;
  progress(0.9);

  typesetter.flush();
  compressPageContents(doc);
  doc.end();
  const pdf = await bytes;
  progress(1);
  return {
    bytes: pdf,
    pages,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    warnings: composer.warnings,
  };
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function drawParagraph(composer: Composer, text: string, style: typeof composer.styles.body): void {
  const leading = leadingOf(style);
  const lines = composer.lines(
    [{ text: text.trim(), style }],
    composer.width,
    'auto',
    'the letter',
  );
  composer.flow.flowLines(lines, leading, (line, top) =>
    composer.drawLine(line, composer.left, top, leading),
  );
}

// A closing ("Respectfully,") at the foot of a page with the list on the next reads as a
// letter nobody signed: it moves over unless the heading (if any) and the first names fit
// below it.
function keepClosingWithList(composer: Composer, closing: string, heading: string): void {
  const { styles } = composer;
  const lines = composer.lines(
    [{ text: closing.trim(), style: styles.body }],
    composer.width,
    'auto',
    'the letter',
  );
  const height =
    lines.length * leadingOf(styles.body) +
    SECTION_GAP +
    (heading === '' ? 0 : leadingOf(styles.heading)) +
    2 * leadingOf(styles.signatory);
  composer.flow.ensure(height);
}
