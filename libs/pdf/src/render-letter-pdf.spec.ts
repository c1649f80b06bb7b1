import { createHash } from 'node:crypto';
import type { LetterDocument, RenderedLetterPdf } from './letter-document';
import { PdfInputError } from './pdf-input-error';
import { renderLetterPdf } from './render-letter-pdf';
import { warmUpLetterRenderer } from './warm-up';
import { sortSignatories } from './sort-signatories';
import { fixtureContent, fixtureLetter, fixtureSignatories } from './testing/fixture-letter';
import { readPdf, type PdfContent, type PdfLine } from './testing/read-pdf';
import { solidPng } from './testing/test-images';

// Footers sit 40 pt above the bottom edge; everything else is higher.
const isFooter = (line: PdfLine): boolean => line.y < 50;

/** The lines after the "Signatories" heading, footers left out. */
function listLines(pdf: PdfContent): string[] {
  const heading = pdf.lines.findIndex((line) => line.text === 'Signatories');
  expect(heading).toBeGreaterThan(-1);
  return pdf.lines
    .slice(heading + 1)
    .filter((line) => !isFooter(line))
    .map((line) => line.text);
}

const indexOf = (pdf: PdfContent, text: string): number =>
  pdf.lines.findIndex((line) => line.text.includes(text));

async function render(document: LetterDocument): Promise<[RenderedLetterPdf, PdfContent]> {
  const result = await renderLetterPdf(document);
  return [result, await readPdf(result.bytes)];
}

describe('renderLetterPdf: the sample letter', () => {
  let result: RenderedLetterPdf;
  let pdf: PdfContent;

  beforeAll(async () => {
    [result, pdf] = await render(fixtureLetter({ anonymousCount: 3 }));
  });

  it('lists every signatory once, in alphabetical order and numbered', () => {
    const expected = sortSignatories(fixtureSignatories, 'alphabetical').map(
      (signatory, index) => `${index + 1}. ${signatory.displayName}`,
    );
    expect(listLines(pdf)).toEqual([...expected, 'and 3 other organizations']);
  });

  it('gives back Arabic, Chinese, Japanese, Greek and Cyrillic names as the same Unicode text', () => {
    const text = listLines(pdf).map((line) => line.replace(/^\d+\. /, ''));
    for (const name of [
      'مركز حماية الصحفيين',
      "Arab Reporters' Network – شبكة الصحفيين العرب",
      'Hong Kong Journalists Abroad 香港記者在海外',
      '日本報道の自由協会',
      'Ελληνική Ένωση για τα Δικαιώματα του Ανθρώπου',
      'Ассоциация независимых журналистов',
      'Free Speech Ukraine / Вільне слово',
      'Việt Nam Free Press Coalition',
    ]) {
      expect(text.filter((line) => line === name)).toHaveLength(1);
    }
  });

  it('reads in letter order: date, addressees, subject, salutation, body, closing, list', () => {
    const order = [
      'March 2, 2026',
      'The Honorable Mariana',
      '12 Harbour Street',
      'Re: Protect journalists and the free flow of information',
      'Dear Minister Okafor-Lindqvist and Commissioner Šimić,',
      'We, the undersigned organizations, write to urge you to act without delay',
      'Since 2023, our members have documented:',
      '• 17 cases of transnational repression against exiled media workers;',
      'We ask that you:',
      '3. meet with the coalition before the next ministerial session.',
      'The evidence is collected in our joint report. We stand ready to brief your teams.',
      'Respectfully,',
      'Signatories',
      '1. Access to Information Project (ATIP)',
    ].map((text) => indexOf(pdf, text));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('sets the two addressee blocks side by side, on the same baselines', () => {
    const line = pdf.lines[indexOf(pdf, 'The Honorable Mariana')];
    const left = line.items.find((item) => item.str.startsWith('The Honorable Mariana'));
    const right = line.items.find((item) => item.str.startsWith('Her Excellency Zoë Šimić'));
    expect(left && right).toBeTruthy();
    expect(right?.y).toBe(left?.y);
    expect(right?.x).toBeGreaterThan((left?.x ?? 0) + 200);
    expect(indexOf(pdf, 'Commissioner for Human Rights')).toBe(indexOf(pdf, 'Okafor-Lindqvist'));
  });

  it('numbers every page "n of N", N being the page count', () => {
    expect(result.pages).toBe(pdf.pageCount);
    expect(result.pages).toBeGreaterThan(1);
    for (let page = 1; page <= pdf.pageCount; page++) {
      const footer = pdf.lines.filter((line) => line.page === page && isFooter(line));
      expect(footer.map((line) => line.text)).toEqual([
        `Final edition ${page} of ${pdf.pageCount}`,
      ]);
    }
  });

  it('embeds subset fonts for every script it prints', () => {
    const raw = result.bytes.toString('latin1');
    const descriptors = raw.match(/\/Type \/FontDescriptor/g) ?? [];
    expect(descriptors.length).toBeGreaterThanOrEqual(5);
    expect(raw.match(/\/FontFile2 /g)).toHaveLength(descriptors.length);
    const names = [...raw.matchAll(/\/FontName \/[A-Z]{6}\+([\w-]+)/g)].map((match) => match[1]);
    expect(names).toHaveLength(descriptors.length);
    expect(names).toEqual(
      expect.arrayContaining([
        'NotoSans-Regular',
        'NotoSans-Bold',
        'NotoSans-Italic',
        'NotoSansSC-Regular',
        'IBMPlexSansArabic-Regular',
      ]),
    );
  });

  it('writes the metadata, dated at publication', () => {
    expect(pdf.info).toMatchObject({
      Title: 'Protect journalists and the free flow of information',
      Author: 'Press Freedom Coalition',
      Subject: 'Sign-on letter to Mariana Okafor-Lindqvist, Zoë Šimić',
      Keywords: 'sign-on letter, 63 signatories, Final edition',
      Creator: 'Signatory',
      CreationDate: 'D:20260302093000Z',
      ModDate: 'D:20260302093000Z',
      Language: 'en-US',
    });
  });

  it('keeps the link of the body live', () => {
    expect(pdf.links).toEqual(['https://example.org/report']);
  });

  it('returns the sha256 of its bytes and no warnings', () => {
    expect(result.sha256).toBe(createHash('sha256').update(result.bytes).digest('hex'));
    expect(result.warnings).toEqual([]);
  });
});

describe('renderLetterPdf: reproducible output', () => {
  it('gives byte-identical output for the same input', async () => {
    const first = await renderLetterPdf(fixtureLetter());
    const second = await renderLetterPdf(fixtureLetter());
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(second.sha256).toBe(first.sha256);
  });

  it('changes the bytes, the sha256 and the document ID when a display name changes', async () => {
    const trailerId = (bytes: Buffer): string =>
      /\/ID \[<([0-9a-f]+)>/.exec(bytes.toString('latin1'))?.[1] ?? '';
    const before = await renderLetterPdf(fixtureLetter());
    const signatories = fixtureSignatories.map((s, i) =>
      i === 0 ? { ...s, displayName: `${s.displayName}.` } : s,
    );
    const after = await renderLetterPdf(fixtureLetter({ signatories }));
    expect(after.sha256).not.toBe(before.sha256);
    expect(trailerId(before.bytes)).toMatch(/^[0-9a-f]{32}$/);
    expect(trailerId(after.bytes)).not.toBe(trailerId(before.bytes));
  });

  it('reports progress from 0 to 1, never going back', async () => {
    const fractions: number[] = [];
    await renderLetterPdf(fixtureLetter(), { onProgress: (fraction) => fractions.push(fraction) });
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.length).toBeGreaterThan(5);
  });
});

describe('renderLetterPdf: variants and settings', () => {
  const [mariana, zoe] = fixtureContent.addressees;

  it('greets the one addressee of a per-addressee file by title and name', async () => {
    const [, pdf] = await render(
      fixtureLetter({
        variant: 'per-addressee',
        content: { ...fixtureContent, addressees: [mariana] },
      }),
    );
    expect(indexOf(pdf, 'Dear Minister Okafor-Lindqvist,')).toBeGreaterThan(-1);
    expect(indexOf(pdf, 'Šimić')).toBe(-1);
  });

  it("uses the addressee's own salutation when there is one", async () => {
    const addressee = { ...zoe, salutation: 'Your Excellency,' };
    const [, pdf] = await render(
      fixtureLetter({
        variant: 'per-addressee',
        content: { ...fixtureContent, addressees: [addressee] },
      }),
    );
    expect(indexOf(pdf, 'Your Excellency,')).toBeGreaterThan(indexOf(pdf, 'F-67000 Strasbourg'));
    expect(indexOf(pdf, 'Okafor-Lindqvist')).toBe(-1);
  });

  it('refuses a per-addressee file for more than one addressee', async () => {
    await expect(renderLetterPdf(fixtureLetter({ variant: 'per-addressee' }))).rejects.toThrow(
      PdfInputError,
    );
  });

  it('says so when nobody has signed yet', async () => {
    const [, pdf] = await render(fixtureLetter({ signatories: [] }));
    expect(listLines(pdf)).toEqual(['No organizations have signed this letter yet.']);
  });

  it('counts the unnamed organizations when none is named', async () => {
    const [, pdf] = await render(fixtureLetter({ signatories: [], anonymousCount: 4 }));
    expect(listLines(pdf)).toEqual(['Signed by 4 organizations that asked not to be named.']);
  });

  it('prints countries and no numbers when the settings say so, in sign-on order', async () => {
    const [, pdf] = await render(
      fixtureLetter({
        settings: {
          signatoryOrder: 'signed_at',
          numbered: false,
          showCountry: true,
          pageSize: 'LETTER',
        },
        signatories: fixtureSignatories.slice(0, 3),
      }),
    );
    expect(listLines(pdf)).toEqual([
      'Access to Information Project (ATIP) (Kenya)',
      'Alliance des Défenseurs des Droits Humains (France)',
      "Arab Reporters' Network – شبكة الصحفيين العرب (Nigeria)",
    ]);
  });

  it('uses A4 paper when asked', async () => {
    const result = await renderLetterPdf(
      fixtureLetter({
        settings: { signatoryOrder: 'manual', numbered: true, showCountry: false, pageSize: 'A4' },
      }),
    );
    expect(result.bytes.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
  });

  it('sets three addressees in a grid of two columns', async () => {
    const third = { name: 'Amina Diallo', title: 'Rapporteur', addressLines: ['1 Rue de la Paix'] };
    const [, pdf] = await render(
      fixtureLetter({ content: { ...fixtureContent, addressees: [mariana, zoe, third] } }),
    );
    const first = pdf.lines[indexOf(pdf, 'The Honorable Mariana')];
    const below = pdf.lines[indexOf(pdf, 'Amina Diallo')];
    expect(below.x).toBe(first.x);
    expect(below.y).toBeLessThan(pdf.lines[indexOf(pdf, 'Port Aurel 10021')].y);
    expect(below.text).toBe('Amina Diallo');
  });
});

describe('renderLetterPdf: hard names', () => {
  it('wraps a 300-character name inside the margins, under its number', async () => {
    const name = Array.from({ length: 30 }, (_, i) => `Wörd${String(i).padStart(2, '0')}xyz`)
      .join(' ')
      .slice(0, 300);
    const [, pdf] = await render(
      fixtureLetter({ signatories: [{ displayName: name, signedAt: '2026-02-01T00:00:00Z' }] }),
    );
    const lines = listLines(pdf);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(' ')).toBe(`1. ${name}`);
    const listed = pdf.lines.filter((line) => lines.includes(line.text));
    for (const line of listed.slice(1)) expect(line.x).toBe(listed[0].items[1]?.x ?? line.x);
    for (const item of listed.flatMap((line) => line.items)) {
      expect(item.x + item.width).toBeLessThanOrEqual(612 - 72 + 0.5);
    }
  });

  it('cuts a 300-character name without spaces rather than run off the page', async () => {
    const name = 'ABCDEFGHIJ'.repeat(30);
    const [, pdf] = await render(
      fixtureLetter({ signatories: [{ displayName: name, signedAt: '2026-02-01T00:00:00Z' }] }),
    );
    const lines = listLines(pdf);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('').replace(/^1\. /, '')).toBe(name);
    const items = pdf.lines
      .filter((line) => lines.includes(line.text))
      .flatMap((line) => line.items);
    for (const item of items) expect(item.x + item.width).toBeLessThanOrEqual(612 - 72 + 0.5);
  });

  it('warns about a name in a script no embedded font has, naming it and the characters', async () => {
    const result = await renderLetterPdf(
      fixtureLetter({
        signatories: [
          ...fixtureSignatories,
          { displayName: 'สมาคมนักข่าว ไทย', signedAt: '2026-02-02T00:00:00Z' },
        ],
      }),
    );
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(
      /^signatory "สมาคมนักข่าว ไทย" has characters that no embedded font can draw/,
    );
    expect(result.warnings[0]).toContain('U+0E2A (ส)');
    expect(result.warnings[0]).toContain('U+0E44 (ไ)');
  });
});

describe('renderLetterPdf: page breaks', () => {
  // Filler paragraphs push the closing and the list heading down the first page, one
  // paragraph at a time, through the zone where they could be stranded.
  it.each([0, 2, 4, 5, 6, 7, 8, 10])(
    'keeps the closing and the heading with the first names (%i filler paragraphs)',
    async (fillers) => {
      const body = [
        fixtureContent.body,
        ...Array.from({ length: fillers }, (_, i) => `Filler paragraph ${i + 1}.`),
      ];
      const [, pdf] = await render(
        fixtureLetter({
          content: { ...fixtureContent, body: body.join('\n\n') },
          signatories: fixtureSignatories.slice(0, 12),
        }),
      );
      const text = pdf.lines.filter((line) => !isFooter(line));
      const heading = text.findIndex((line) => line.text === 'Signatories');
      const closing = text.findIndex((line) => line.text === 'Respectfully,');
      expect(text[closing].page).toBe(text[heading].page);
      expect(text[heading + 1].page).toBe(text[heading].page);
      expect(text[heading + 2].page).toBe(text[heading].page);
      const lastPage = text.at(-1)?.page;
      expect(text.filter((line) => line.page === lastPage).length).toBeGreaterThanOrEqual(2);
    },
  );

  it('never carries the last name alone to a page of its own', async () => {
    // 56 names fill page 2 exactly; the 57th would otherwise stand alone on page 3.
    for (const count of [55, 56, 57, 58]) {
      const signatories = Array.from({ length: count }, (_, i) => ({
        displayName: `Organization ${String(i + 1).padStart(3, '0')}`,
        signedAt: '2026-02-01T00:00:00Z',
      }));
      const [, pdf] = await render(fixtureLetter({ signatories }));
      const text = pdf.lines.filter((line) => !isFooter(line));
      const lastPage = text.at(-1)?.page;
      expect(text.filter((line) => line.page === lastPage).length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('renderLetterPdf: input errors', () => {
  it('refuses a corrupt logo with PdfInputError', async () => {
    const logo = solidPng(60, 20, [10, 60, 160]).subarray(0, 50);
    await expect(renderLetterPdf(fixtureLetter({ logo }))).rejects.toThrow(PdfInputError);
    await expect(
      renderLetterPdf(fixtureLetter({ logo: Buffer.from('not an image') })),
    ).rejects.toThrow('letterhead logo must be a PNG or JPEG image');
  });

  it('embeds a valid logo as an image', async () => {
    const result = await renderLetterPdf(fixtureLetter({ logo: solidPng(60, 20, [10, 60, 160]) }));
    expect(result.bytes.toString('latin1')).toContain('/Subtype /Image');
  });

  it('refuses an impossible date or publication time', async () => {
    await expect(
      renderLetterPdf(fixtureLetter({ content: { ...fixtureContent, date: '2026-02-30' } })),
    ).rejects.toThrow(new PdfInputError('date 2026-02-30 does not exist'));
    await expect(renderLetterPdf(fixtureLetter({ publishedAt: 'yesterday' }))).rejects.toThrow(
      PdfInputError,
    );
  });
});

describe('warmUpLetterRenderer', () => {
  it('leaves the output as a fresh process would make it', async () => {
    // A fresh copy of the renderer: empty font, coverage, kerning and shaping caches.
    let fresh: typeof renderLetterPdf = renderLetterPdf;
    jest.isolateModules(() => {
      ({ renderLetterPdf: fresh } =
        jest.requireActual<typeof import('./render-letter-pdf')>('./render-letter-pdf'));
    });
    const cold = await fresh(fixtureLetter());
    await warmUpLetterRenderer();
    const warm = await renderLetterPdf(fixtureLetter());
    expect(warm.sha256).toBe(cold.sha256);
  });
});
