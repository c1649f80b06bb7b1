import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PdfInputError } from './pdf-input-error';
import { renderLetterPdf } from './render-letter-pdf';
import { fixtureLetter } from './testing/fixture-letter';
import { readPdf } from './testing/read-pdf';

const WATERMARK = 'DRAFT — not for distribution';
const havePoppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm');
const withPoppler = havePoppler ? it : it.skip;

/** Runs a poppler tool on `bytes` in a scratch directory; returns the named output file. */
function poppler(bytes: Buffer, run: (input: string, dir: string) => string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'watermark-'));
  try {
    const input = join(dir, 'in.pdf');
    writeFileSync(input, bytes);
    return readFileSync(run(input, dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pdftotext = (bytes: Buffer): string =>
  poppler(bytes, (input, dir) => {
    execFileSync('pdftotext', ['-enc', 'UTF-8', input, join(dir, 'out.txt')]);
    return join(dir, 'out.txt');
  }).toString('utf8');

/** Page 1 as an 8-bit grey bitmap at 24 dpi, below the top margin (60 pt, 20 rows). */
function greyPixels(bytes: Buffer): Buffer {
  const pgm = poppler(bytes, (input, dir) => {
    execFileSync('pdftoppm', ['-gray', '-r', '24', '-f', '1', '-l', '1', input, join(dir, 'p')]);
    return join(dir, 'p-1.pgm');
  });
  const [, width, height] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 32))!;
  return pgm.subarray(pgm.length - Number(width) * (Number(height) - 20));
}

describe('renderLetterPdf: a watermark', () => {
  const plainDocument = fixtureLetter();
  let plain: Buffer;
  let marked: Buffer;
  let pages: number;

  beforeAll(async () => {
    plain = (await renderLetterPdf(plainDocument)).bytes;
    const result = await renderLetterPdf({ ...plainDocument, watermark: WATERMARK });
    marked = result.bytes;
    pages = result.pages;
  });

  it('heads every page with the watermark as text, before that page’s letter text', async () => {
    const pdf = await readPdf(marked);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) {
      const lines = pdf.lines.filter((line) => line.page === page);
      expect(lines[0].text).toBe(WATERMARK);
      expect(lines.filter((line) => line.text.includes('DRAFT'))).toHaveLength(1);
    }
  });

  it('leaves the letter’s own text and its order as they were (pdf.js)', async () => {
    const without = (await readPdf(plain)).lines.map((line) => [line.page, line.text]);
    const withIt = (await readPdf(marked)).lines
      .filter((line) => line.text !== WATERMARK)
      .map((line) => [line.page, line.text]);
    expect(withIt).toEqual(without);
  });

  withPoppler('leaves the letter’s own text and its order as they were (pdftotext)', () => {
    const pagesOf = (text: string) =>
      text
        .split('\f')
        .map((page) => page.split('\n').filter((line) => line.trim() !== ''))
        .filter((lines) => lines.length > 0);
    const withIt = pagesOf(pdftotext(marked));
    expect(withIt).toHaveLength(pages);
    for (const lines of withIt) expect(lines[0]).toBe(WATERMARK);
    // The rest is the letter as it reads without a watermark: no diagonal fragments of it
    // between the paragraphs, nothing moved.
    expect(withIt.map((lines) => lines.slice(1))).toEqual(pagesOf(pdftotext(plain)));
  });

  withPoppler('draws the diagonal across the page, over the text, in light grey', () => {
    const before = greyPixels(plain);
    const after = greyPixels(marked);
    let darker = 0;
    let darkest = 255;
    for (let i = 0; i < after.length; i++) {
      if (after[i] < before[i] - 8) darker++;
      if (before[i] === 255) darkest = Math.min(darkest, after[i]);
    }
    // A large share of the page is touched, and where the paper was white it is at most
    // light grey now.
    expect(darker).toBeGreaterThan(after.length / 50);
    expect(darkest).toBeGreaterThan(200);
  });

  it('is part of the document’s identity, and absent from a document without one', async () => {
    const again = await renderLetterPdf({ ...plainDocument, watermark: WATERMARK });
    expect(again.bytes.equals(marked)).toBe(true);
    const id = (bytes: Buffer) => /\/ID \[<([0-9a-f]+)>/.exec(bytes.toString('latin1'))?.[1];
    expect(id(marked)).not.toBe(id(plain));
    const empty = await renderLetterPdf({ ...plainDocument, watermark: '' });
    expect(empty.bytes.equals(plain)).toBe(true);
  });

  it('refuses a watermark the font cannot draw', async () => {
    await expect(renderLetterPdf({ ...plainDocument, watermark: 'ENTWURF 草稿' })).rejects.toThrow(
      PdfInputError,
    );
  });
});
