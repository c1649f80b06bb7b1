import PDFDocument from 'pdfkit';
import { faceOf } from '../fonts/font-families';
import { loadFont } from '../fonts/font-loader';
import { readPdf, type PdfContent } from '../testing/read-pdf';
import type { TextStyle } from '../text/text-style';
import { Typesetter } from './typesetter';

const plain: TextStyle = { bold: false, italic: false, size: 10, color: '#111111' };
const bold: TextStyle = { ...plain, bold: true, size: 11 };
const muted: TextStyle = { ...plain, size: 8.5, color: '#555555' };

const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i)).join('');

/** Something to draw, or a page event. */
type Step =
  | { text: string; family?: number; style: TextStyle; x: number; y: number }
  | { addPage: true }
  | { switchToPage: number };

// Simple text (kerned pairs, Greek, Cyrillic, figure and no-break spaces, quotes, digits)
// mixed with text pdfkit still sets (Arabic, CJK, combining marks), across pages, and
// drawn again on the first page at the end, as the footers are.
const STEPS: Step[] = [
  { text: 'AVATAR To Wavy “Yes” — 1,234.5 ffi', style: plain, x: 72, y: 100 },
  { text: '\u2007\u200742.\u00a0\u00a0Ελληνική Ένωση', style: plain, x: 72, y: 114.3 },
  { text: 'Вільне слово «Кыргыз Укук»', style: bold, x: 80.25, y: 128.6 },
  { text: 'شبكة', family: 1, style: plain, x: 300, y: 128.6 },
  { text: 'Zoë Šimić Đặng Việt', style: plain, x: 72, y: 142.9 },
  { text: 'e\u0301cole', style: plain, x: 72, y: 157.2 },
  // Enough distinct glyphs that the subset's codes include the bytes a literal string has
  // to escape: 0x0A, 0x0D, ( ) and \.
  { text: ASCII.slice(0, 48), style: plain, x: 72, y: 171.5 },
  { text: ASCII.slice(48), style: plain, x: 72, y: 185.8 },
  {
    text: 'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ',
    style: plain,
    x: 72,
    y: 200.1,
  },
  {
    text: 'αβγδεζηθικλμνξοπρστυφχψω АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ',
    style: plain,
    x: 72,
    y: 214.4,
  },
  { addPage: true },
  { text: 'Hong Kong Journalists Abroad ', style: plain, x: 72, y: 60 },
  { text: '香港記者在海外', family: 4, style: plain, x: 230, y: 60 },
  { text: 'L’Observatoire de la liberté', style: muted, x: 72, y: 74.3 },
  { switchToPage: 0 },
  { text: '1 of 2', style: muted, x: 290, y: 760 },
  { switchToPage: 1 },
  { text: '2 of 2', style: muted, x: 290, y: 760 },
];

function newDocument(): PDFKit.PDFDocument {
  const date = new Date('2026-01-01T00:00:00Z');
  return new PDFDocument({
    size: 'LETTER',
    margin: 0,
    bufferPages: true,
    compress: false,
    info: { CreationDate: date, ModDate: date },
  });
}

function bytesOf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.end();
  });
}

/** The steps through the Typesetter, and the texts it left to pdfkit's _fragment(). */
async function typeset(steps: Step[]): Promise<[Buffer, string[]]> {
  const doc = newDocument();
  const internals = doc as unknown as { _fragment(text: string): void };
  const fragment = internals._fragment.bind(doc);
  const leftToPdfkit: string[] = [];
  internals._fragment = (text: string, ...rest: unknown[]) => {
    leftToPdfkit.push(text);
    (fragment as (...args: unknown[]) => void)(text, ...rest);
  };
  const typesetter = new Typesetter(doc);
  for (const step of steps) {
    if ('addPage' in step) doc.addPage({ size: 'LETTER', margin: 0 });
    else if ('switchToPage' in step) doc.switchToPage(step.switchToPage);
    else {
      const family = step.family ?? 0;
      const width = typesetter.measure(step.text, family, step.style);
      typesetter.draw(step.text, family, step.style, step.x, step.y, width);
      continue;
    }
    typesetter.pageChanged();
  }
  return [await bytesOf(doc), leftToPdfkit];
}

/** The same steps the way the Typesetter did before it wrote simple text itself. */
function throughPdfkit(steps: Step[]): Promise<Buffer> {
  const doc = newDocument();
  const internals = doc as unknown as {
    _fragment(text: string, x: number, y: number, options: object): void;
  };
  const registered = new Set<string>();
  let current = '';
  let color = '';
  for (const step of steps) {
    if ('addPage' in step) {
      doc.addPage({ size: 'LETTER', margin: 0 });
      color = '';
      continue;
    }
    if ('switchToPage' in step) {
      doc.switchToPage(step.switchToPage);
      color = '';
      continue;
    }
    const { key, font } = loadFont(step.family ?? 0, faceOf(step.style));
    if (!registered.has(key)) {
      doc.registerFont(key, font as unknown as Buffer);
      registered.add(key);
    }
    if (`${key}/${step.style.size}` !== current) {
      doc.font(key, step.style.size);
      current = `${key}/${step.style.size}`;
    }
    if (step.style.color !== color) {
      doc.fillColor(step.style.color);
      color = step.style.color;
    }
    const width = doc.widthOfString(step.text);
    internals._fragment(step.text, step.x, step.y, {
      baseline: 'alphabetic',
      textWidth: width,
      wordCount: 1,
    });
  }
  return bytesOf(doc);
}

/** Every piece of text pdf.js finds, with its page, position and width (to 1/1000 pt). */
function placed(pdf: PdfContent): string[] {
  const at = (n: number) => n.toFixed(3);
  return pdf.lines.flatMap((line) =>
    line.items.map(
      (item) => `${line.page} ${at(item.x)} ${at(item.y)} ${at(item.width)} ${item.str}`,
    ),
  );
}

describe('Typesetter', () => {
  it("sets simple text itself, where pdfkit's _fragment() would, with the same glyphs", async () => {
    const [[ours, leftToPdfkit], pdfkit] = await Promise.all([
      typeset(STEPS),
      throughPdfkit(STEPS),
    ]);
    expect(leftToPdfkit).toEqual(['شبكة', 'e\u0301cole', '香港記者在海外']);
    const [read, expected] = await Promise.all([readPdf(ours), readPdf(pdfkit)]);
    expect(read.pageCount).toBe(2);
    expect(placed(read)).toEqual(placed(expected));
    const text = read.lines.map((line) => line.text).join('\n');
    for (const step of STEPS) {
      if ('text' in step && step.family === undefined)
        expect(text).toContain(step.text.replace(/\s+/g, ' ').trim());
    }
  });

  it('writes texts in one text object per page, kerned, with escaped literal strings', async () => {
    const [ours] = await typeset(STEPS);
    const content = ours.toString('latin1');
    expect(content).toMatch(/\)-?\d+(\.\d+)?\(/); // a kerning adjustment between two runs
    for (const escaped of ['\\n', '\\r', '\\(', '\\)', '\\\\']) expect(content).toContain(escaped);
    // The first three texts, drawn one after the other, share a BT … ET (and its Tf lines,
    // the third being bold); each has its own Tm.
    const first = content.slice(content.indexOf('BT'), content.indexOf('ET'));
    expect(first.match(/ Tm\n/g)).toHaveLength(3);
    expect(first.match(/ Tf\n/g)).toHaveLength(2);
  });
});
