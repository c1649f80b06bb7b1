// Issue 13, part 6: the subject line and the list heading are the letter's own, optional.
import { renderLetterPdf } from './render-letter-pdf';
import { sortSignatories } from './sort-signatories';
import { fixtureContent, fixtureLetter, fixturePlainContent } from './testing/fixture-letter';
import { pdftotext } from './testing/poppler';

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

describe('renderLetterPdf: subject line and list heading', () => {
  it('prints neither when the letter has neither: the list follows the closing', async () => {
    const { bytes } = await renderLetterPdf(fixtureLetter({ content: fixturePlainContent }));
    const text = pdftotext(bytes);
    expect(text).not.toContain('Re:');
    expect(text).not.toContain('Signatories');
    const read = lines(text);
    const closing = read.indexOf('Respectfully,');
    const [first] = sortSignatories(fixtureLetter().signatories, 'alphabetical');
    expect(read[closing + 1]).toBe(`1. ${first.displayName}`);
    // And the addressee blocks (the second column read last) by the salutation.
    const salutation = read.indexOf(fixturePlainContent.salutation);
    expect(read[salutation - 1]).toBe('F-67000 Strasbourg');
  });

  it('prints the subject and heading as the author wrote them', async () => {
    const content = {
      ...fixturePlainContent,
      subject: 'Urgent: detained journalists',
      listHeading: 'Signed,',
    };
    const { bytes } = await renderLetterPdf(fixtureLetter({ content }));
    const read = lines(pdftotext(bytes));
    expect(read[read.indexOf('F-67000 Strasbourg') + 1]).toBe('Urgent: detained journalists');
    expect(read[read.indexOf('Urgent: detained journalists') + 1]).toBe(content.salutation);
    expect(read[read.indexOf('Respectfully,') + 1]).toBe('Signed,');
    expect(read[read.indexOf('Signed,') + 1]).toMatch(/^1\. /);
  });

  it('treats a blank subject or heading as none, and an own one changes the /ID', async () => {
    const plain = await renderLetterPdf(fixtureLetter({ content: fixturePlainContent }));
    const blank = await renderLetterPdf(
      fixtureLetter({ content: { ...fixturePlainContent, subject: '  ', listHeading: '' } }),
    );
    expect(blank.sha256).toBe(plain.sha256);
    const own = await renderLetterPdf(
      fixtureLetter({ content: { ...fixturePlainContent, listHeading: 'Signed,' } }),
    );
    const id = (bytes: Buffer) => /\/ID \[<([0-9a-f]+)>/.exec(bytes.toString('latin1'))?.[1];
    expect(id(own.bytes)).not.toBe(id(plain.bytes));
  });

  it('renders a letter written before (migrated: "Re: <title>", "Signatories") to the same bytes', async () => {
    // The sha256 of the fixture letter from the renderer before the two fields existed
    // (commit d56cab2, which printed both always): a published letter's PDF, and so its
    // sha256, must not change under its signers.
    expect(fixtureContent.subject).toBe(`Re: ${fixtureContent.title}`);
    const { sha256 } = await renderLetterPdf(fixtureLetter());
    expect(sha256).toBe('b06e29cc16f3c876e5cedff3a25795c501487091588adef3fc59596d67e8acbf');
  });
});
