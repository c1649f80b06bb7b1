import type { LetterDocument } from './letter-document';
import { renderLetterPdf } from './render-letter-pdf';

// One name per script the fonts cover, bold and italic in the body: every font and code
// path the renderer has is touched once.
const SAMPLE: LetterDocument = {
  content: {
    title: 'Warm-up',
    date: '2026-01-01',
    addressees: [{ name: 'A B', title: 'Minister', addressLines: ['1 Street'] }],
    subject: 'Re: Warm-up',
    salutation: '',
    body: 'A **bold** and *italic* [link](https://example.org).\n\n1. one\n2. two',
    closing: 'Respectfully,',
    listHeading: 'Signatories',
  },
  settings: {
    signatoryOrder: 'alphabetical',
    numbered: true,
    showCountry: true,
    pageSize: 'LETTER',
  },
  signatories: [
    'Zoë Šimić Đặng Việt',
    'Ελληνική Ένωση',
    'Вільне слово',
    'مركز حماية الصحفيين ١٢٣',
    'מרכז לזכויות',
    'पत्रकार सुरक्षा समिति',
    '香港記者在海外 日本報道の自由協会',
  ].map((displayName) => ({ displayName, country: 'KE', signedAt: '2026-01-01T00:00:00Z' })),
  workspaceName: 'Signatory',
  publishedAt: '2026-01-01T00:00:00Z',
};

/**
 * Parses the fonts and runs each code path once, so that the first letter a worker renders
 * does not pay the one-time set-up (about 0.3 s: font tables, the shaper's data, the JIT).
 * Optional: rendering works the same without it.
 */
export async function warmUpLetterRenderer(): Promise<void> {
  await renderLetterPdf(SAMPLE);
}
