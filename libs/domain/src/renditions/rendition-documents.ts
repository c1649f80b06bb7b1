import type { LetterDocument } from '@app/pdf';
import type { LetterContent } from '../letters/letter-diff';
import type { LetterSettings } from '../letters/letter-settings';
import type { FrozenSignatory, RenditionEdition, RenditionVariant } from './rendition.entity';

export interface RenditionInput {
  content: LetterContent;
  settings: LetterSettings;
  /** The rendition's frozen list, in the letter's order. */
  signatories: Pick<FrozenSignatory, 'displayName' | 'country' | 'signedAt'>[];
  unnamedCount: number;
  variant: RenditionVariant;
  edition: RenditionEdition;
  workspaceName: string;
  /** When the revision was made: the PDF's dates, so the same revision gives the same bytes. */
  revisionCreatedAt: string;
  logo?: Buffer;
  /** A preview's: set across every page (see docs/pdf.md). A final PDF has none. */
  watermark?: string;
  /** A preview's remark, printed after the edition in the footer, e.g. that names are samples. */
  footnote?: string;
}

/** The renderer's input for a rendition, one per file: all addressees, or one official each. */
export function renditionDocuments(input: RenditionInput): LetterDocument[] {
  const base: Omit<LetterDocument, 'content' | 'variant'> = {
    // The list is already in the letter's order, frozen at request time: print it as is.
    settings: {
      signatoryOrder: 'manual',
      numbered: input.settings.numbered,
      showCountry: input.settings.showCountry,
      pageSize: input.settings.pageSize,
    },
    signatories: input.signatories.map((s, position) => ({
      displayName: s.displayName,
      ...(s.country ? { country: s.country } : {}),
      signedAt: s.signedAt,
      position,
    })),
    anonymousCount: input.unnamedCount,
    workspaceName: input.workspaceName,
    publishedAt: input.revisionCreatedAt,
    ...editionLabel(input),
    ...(input.logo ? { logo: input.logo } : {}),
    ...(input.watermark ? { watermark: input.watermark } : {}),
  };
  const { content } = input;
  if (input.variant === 'combined') return [{ ...base, content, variant: 'combined' }];
  return content.addressees.map((addressee) => ({
    ...base,
    content: { ...content, addressees: [addressee] },
    variant: 'per-addressee',
  }));
}

function editionLabel(input: RenditionInput): Pick<LetterDocument, 'editionLabel'> {
  const parts = [input.edition === 'public' ? 'Public edition' : '', input.footnote ?? ''];
  const label = parts.filter(Boolean).join(' · ');
  return label ? { editionLabel: label } : {};
}
