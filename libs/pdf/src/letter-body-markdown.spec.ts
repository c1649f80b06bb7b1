import { renderLetterPdf } from './render-letter-pdf';
import { fixtureContent, fixtureLetter } from './testing/fixture-letter';
import { pdftotext } from './testing/poppler';
import { readPdf, type PdfContent, type PdfLine } from './testing/read-pdf';

const body = [
  'We write about the detention of reporters.',
  '',
  '## Our requests',
  '',
  'We ask that you:',
  '',
  '1. release them;',
  '2. protect them.',
  '',
  '### What the Court said',
  '',
  '> The press is *free*, and a free press is the',
  '> [guardian](https://example.org/court) of every other right.',
  '',
  'We thank you.',
].join('\n');

async function render(source: string): Promise<Uint8Array> {
  const { bytes } = await renderLetterPdf(
    fixtureLetter({ content: { ...fixtureContent, body: source }, signatories: [] }),
  );
  return bytes;
}

async function read(source: string): Promise<PdfContent> {
  return readPdf(await render(source));
}

describe('the letter body in the PDF: section headings and quotes', () => {
  let pdf: PdfContent;
  const line = (text: string): PdfLine => {
    const found = pdf.lines.find((candidate) => candidate.text.startsWith(text));
    if (!found) throw new Error(`no line "${text}" in ${pdf.lines.map((l) => l.text).join(' | ')}`);
    return found;
  };
  const sizeOf = (text: string): number => line(text).items[0].size;

  beforeAll(async () => {
    pdf = await read(body);
  });

  it('sets headings without their marks, larger than the text: ## above ###', () => {
    expect(pdf.lines.some((l) => l.text.includes('#'))).toBe(false);
    expect(sizeOf('We write about')).toBeCloseTo(11);
    expect(sizeOf('Our requests')).toBeCloseTo(13);
    expect(sizeOf('What the Court said')).toBeCloseTo(11.5);
    expect(line('Our requests').x).toBeCloseTo(line('We write about').x);
    expect(line('Our requests').items[0].font).toBe('NotoSans-Bold');
    expect(line('What the Court said').items[0].font).toBe('NotoSans-Bold');
    expect(line('We write about').items[0].font).toBe('NotoSans-Regular');
  });

  it('sets a quote in from the margin, without its marks, its link live', () => {
    const text = line('We write about').x;
    const first = pdf.lines.indexOf(line('The press is free'));
    const after = pdf.lines.indexOf(line('We thank you.'));
    const quote = pdf.lines.slice(first, after);
    expect(quote.map((l) => l.text).join(' ')).toBe(
      'The press is free, and a free press is the guardian of every other right.',
    );
    for (const l of quote) expect(l.x).toBeCloseTo(text + 24);
    expect(pdf.lines[after].x).toBeCloseTo(text);
    expect(pdf.lines.some((l) => l.text.includes('>'))).toBe(false);
    expect(pdf.links).toContain('https://example.org/court');
  });

  it('keeps the order of the body', () => {
    const order = [
      'We write about',
      'Our requests',
      'We ask that you:',
      '1. release them;',
      '2. protect them.',
      'What the Court said',
      'The press is free',
      'We thank you.',
    ].map((text) => pdf.lines.indexOf(line(text)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('reads back through poppler, which trusts the ToUnicode map, whole and in order', async () => {
    const lines = pdftotext(await render(body))
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const order = [
      'We write about the detention of reporters.',
      'Our requests',
      'We ask that you:',
      '1. release them;',
      '2. protect them.',
      'What the Court said',
      'The press is free, and a free press is the',
      'guardian of every other right.',
      'We thank you.',
    ].map((text) => lines.findIndex((l) => l.includes(text)));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(lines.some((l) => /^(#|>)/.test(l))).toBe(false);
  });

  it('never leaves a heading as the last line of a page', async () => {
    // Push "## Our requests" down a paragraph at a time: wherever the page ends, the heading
    // is followed on its page by the text it heads.
    for (let filler = 8; filler <= 48; filler += 1) {
      const source = `${'We write.\n\n'.repeat(filler)}## Our requests\n\nWe ask that you act.`;
      const lines = (await read(source)).lines.filter((l) => l.y > 50);
      const index = lines.findIndex((l) => l.text === 'Our requests');
      expect(lines[index + 1]?.text).toBe('We ask that you act.');
      expect(lines[index + 1]?.page).toBe(lines[index].page);
    }
  });
});
