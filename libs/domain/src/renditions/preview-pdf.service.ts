import { PdfInputError, renderLetterPdf, type RenderedLetterPdf } from '@app/pdf';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { InvitationEntity } from '../invitations/invitation.entity';
import { letterAtRevision } from '../letters/letter-revision-lookup';
import { slugify } from '../workspaces/slug';
import { RenditionRenderer } from './rendition-renderer';
import { renditionSignatories } from './rendition-signatories';
import type { FrozenSignatory, RenditionEdition } from './rendition.entity';

/** Across every page of a preview. */
export const PREVIEW_WATERMARK = 'DRAFT — not for distribution';
/** The length of the sample list when nobody has signed and nobody is invited yet. */
export const DEFAULT_SAMPLE_SIGNATORIES = 25;
/** In the footer of a preview that prints sample names. */
export const SAMPLE_FOOTNOTE = 'Sample names: nobody has signed yet';

export interface PreviewPdf {
  bytes: Buffer;
  pages: number;
  /** The revision printed. */
  revision: number;
  /** Whether the names are samples (nobody had signed). */
  sample: boolean;
  /** Named and counted signatories printed. */
  signatories: number;
  filename: string;
}

/**
 * The proof before publishing: any revision of a letter, draft included, through the very
 * renderer and input mapping of the final PDF, with its current confirmed sign-ons (as the
 * edition would name them) or a sample list of the length it will likely have, and a
 * watermark on every page. Rendered on request, stored nowhere.
 */
@Injectable()
export class PreviewPdfService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly renderer: RenditionRenderer,
  ) {}

  async render(
    letterId: string,
    options: { revision?: number; edition: RenditionEdition },
  ): Promise<PreviewPdf> {
    const manager = this.dataSource.manager;
    const { letter, revision, content } = await letterAtRevision(
      manager,
      letterId,
      options.revision,
    );
    const current = await renditionSignatories(manager, letter, options.edition);
    const sample = current.named.length === 0 && current.unnamed === 0;
    const signatories = sample
      ? sampleSignatories(await this.sampleLength(letterId), revision.createdAt)
      : current.named;
    const [document] = await this.renderer.documentsFor({
      letterId,
      revision: revision.number,
      signatories,
      unnamedCount: sample ? 0 : current.unnamed,
      variant: 'combined',
      edition: options.edition,
      watermark: PREVIEW_WATERMARK,
      ...(sample ? { footnote: SAMPLE_FOOTNOTE } : {}),
    });
    const result = await printable(() => renderLetterPdf(document));
    const name = [
      slugify(content.title) || 'letter',
      content.date,
      'preview',
      `r${revision.number}`,
    ];
    return {
      bytes: result.bytes,
      pages: result.pages,
      revision: revision.number,
      sample,
      signatories: signatories.length + (sample ? 0 : current.unnamed),
      filename: `${name.filter(Boolean).join('-')}.pdf`,
    };
  }

  /** As many as the organizations invited (revoked ones aside), or the default. */
  private async sampleLength(letterId: string): Promise<number> {
    const invited = await this.dataSource
      .getRepository(InvitationEntity)
      .countBy({ letterId, revokedAt: IsNull() });
    return invited > 0 ? invited : DEFAULT_SAMPLE_SIGNATORIES;
  }
}

/** Input the renderer refuses (a damaged letterhead file) is 422 with its reason, not 500. */
async function printable(render: () => Promise<RenderedLetterPdf>): Promise<RenderedLetterPdf> {
  try {
    return await render();
  } catch (error) {
    if (!(error instanceof PdfInputError)) throw error;
    throw new DomainError(
      DomainErrorCode.NotAllowedNow,
      `letter: cannot be printed: ${error.message}`,
    );
  }
}

function sampleSignatories(count: number, at: Date): FrozenSignatory[] {
  return Array.from({ length: count }, (_, index) => ({
    signatureId: `sample-${index + 1}`,
    displayName: `Sample Organization ${index + 1}`,
    country: null,
    revision: 0,
    signedAt: at.toISOString(),
  }));
}
