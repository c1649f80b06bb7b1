import { FileStorage, isStorageFull, StorageFullError } from '@app/files';
import { PdfInputError, renderLetterPdf, type LetterDocument } from '@app/pdf';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CampaignEntity } from '../campaigns/campaign.entity';
import { Clock } from '../clock';
import { LetterEvents, type RenditionProgress } from '../events/letter-events';
import type { LetterContent } from '../letters/letter-diff';
import { LetterRevisionEntity } from '../letters/letter-revision.entity';
import { parseLetterSettings } from '../letters/letter-settings';
import { LetterEntity } from '../letters/letter.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { renditionDocuments, type RenditionInput } from './rendition-documents';
import { RenditionEntity, type FrozenSignatory, type RenditionFile } from './rendition.entity';

/** Progress reaches the database in steps of this many percent, not on every name. */
const PROGRESS_STEP = 10;

/** The reason a rendition records when its file could not be stored for lack of space. */
export const STORAGE_FULL_REASON = 'storage full:';

/**
 * The `pdf` job: renders a rendition's file(s) from its frozen list and stores them
 * atomically. A render that throws marks the rendition failed with the reason; a worker
 * that dies leaves it `rendering`, and the sweep queues it again. A disk (or quota) that
 * is full marks it failed with `storage full: ENOSPC ...`, removes the files it had
 * written, and throws StorageFullError, which the queue retries: a retry claims it again.
 */
@Injectable()
export class RenditionRenderer {
  private readonly logger = new Logger('Renditions');

  constructor(
    private readonly dataSource: DataSource,
    private readonly files: FileStorage,
    private readonly clock: Clock,
    private readonly letterEvents: LetterEvents,
  ) {}

  /** Returns false when there was nothing to do (done already, or another worker has it). */
  async render(renditionId: string): Promise<boolean> {
    const repository = this.dataSource.getRepository(RenditionEntity);
    const claimed = await repository
      .createQueryBuilder()
      .update()
      .set({
        status: 'rendering',
        progress: 0,
        error: null,
        startedAt: this.clock.now(),
        finishedAt: null,
        attempts: () => 'attempts + 1',
      })
      .where(
        // Queued, or failed for lack of space (the queue's retry of that job).
        `id = :id AND (status = 'queued' OR (status = 'failed' AND error LIKE :storageFull))`,
        { id: renditionId, storageFull: `${STORAGE_FULL_REASON}%` },
      )
      .execute();
    if (!claimed.affected) return false;
    const rendition = await repository.findOneByOrFail({ id: renditionId });
    // The progress bar on the letter's live stream, wherever this worker runs.
    const live = (state: Omit<RenditionProgress, 'id'>) =>
      this.letterEvents.publish(rendition.letterId, {
        type: 'rendition',
        rendition: { id: renditionId, ...state },
      });
    await live({ status: 'rendering', progress: 0, files: [] });
    // One progress write at a time, in order, all settled before the final state: a late
    // one neither overwrites nor follows `done` on the stream.
    let progressWrites = Promise.resolve();
    let progress = 0;
    const files: RenditionFile[] = [];
    try {
      const documents = await this.documents(rendition);
      let reported = 0;
      const warnings = new Set<string>();
      for (const [index, document] of documents.entries()) {
        const result = await renderLetterPdf(document, {
          onProgress: (fraction) => {
            const percent = Math.floor(((index + fraction) / documents.length) * 100);
            if (percent >= reported + PROGRESS_STEP && percent < 100) {
              reported = percent;
              progressWrites = progressWrites
                .then(async () => {
                  const written = await repository.update(
                    { id: renditionId, status: 'rendering' },
                    { progress: percent },
                  );
                  if (written.affected) {
                    progress = percent;
                    await live({ status: 'rendering', progress: percent, files: [] });
                  }
                })
                .catch(() => undefined);
            }
          },
        });
        const key = `renditions/${rendition.id}/${index}.pdf`;
        await this.files.write(key, result.bytes);
        files.push({
          addressee: rendition.variant === 'per-addressee' ? index : null,
          key,
          pages: result.pages,
          sha256: result.sha256,
          bytes: result.bytes.length,
        });
        result.warnings.forEach((w) => warnings.add(w));
      }
      await progressWrites;
      await repository.update(
        { id: renditionId, status: 'rendering' },
        {
          status: 'done',
          progress: 100,
          files: JSON.stringify(files),
          warnings: JSON.stringify([...warnings]),
          finishedAt: this.clock.now(),
        },
      );
      await live({ status: 'done', progress: 100, files: files.map(({ key: _key, ...f }) => f) });
      return true;
    } catch (error) {
      const storageFull = isStorageFull(error);
      const message = (error as Error).message ?? String(error);
      const reason =
        error instanceof PdfInputError
          ? error.message
          : storageFull
            ? `${STORAGE_FULL_REASON} ${(error as NodeJS.ErrnoException).code}: no room under FILES_DIR for the PDF (${message})`
            : `rendering failed: ${message}`;
      // No file of a failed rendition stays behind (the one being written is removed by
      // the atomic write; these are the ones before it).
      for (const file of files) await this.files.remove(file.key).catch(() => undefined);
      if (storageFull) this.logger.warn(`rendition ${renditionId}: ${reason}`);
      else if (!(error instanceof PdfInputError)) this.logger.error(error);
      await progressWrites;
      await repository.update(
        { id: renditionId },
        { status: 'failed', error: reason.slice(0, 1000), finishedAt: this.clock.now() },
      );
      await live({
        status: 'failed',
        progress,
        files: [],
        error: reason.slice(0, 1000),
      });
      throw storageFull ? new StorageFullError(reason, { cause: error }) : error;
    }
  }

  /** The renderer's input, one per file: all addressees, or one official each. */
  private async documents(rendition: RenditionEntity): Promise<LetterDocument[]> {
    return this.documentsFor({
      letterId: rendition.letterId,
      revision: rendition.revision,
      signatories: JSON.parse(rendition.signatories) as FrozenSignatory[],
      unnamedCount: rendition.unnamedCount,
      variant: rendition.variant,
      edition: rendition.edition,
    });
  }

  /**
   * What the renderer is given for a revision of a letter and a list of signatories: the
   * revision's text, the letter's settings, the workspace's name and letterhead. The final
   * PDF's job and the preview (PreviewPdfService) both print through here.
   */
  async documentsFor(request: DocumentsRequest): Promise<LetterDocument[]> {
    const manager = this.dataSource.manager;
    const letter = await manager.findOneByOrFail(LetterEntity, { id: request.letterId });
    const revision = await manager.findOneByOrFail(LetterRevisionEntity, {
      letterId: letter.id,
      number: request.revision,
    });
    const campaign = await manager.findOneByOrFail(CampaignEntity, { id: letter.campaignId });
    const workspace = await manager.findOneByOrFail(WorkspaceEntity, { id: campaign.workspaceId });
    return renditionDocuments({
      content: JSON.parse(revision.content) as LetterContent,
      settings: parseLetterSettings(letter.settings),
      signatories: request.signatories,
      unnamedCount: request.unnamedCount,
      variant: request.variant,
      edition: request.edition,
      workspaceName: workspace.name,
      revisionCreatedAt: revision.createdAt.toISOString(),
      ...(workspace.letterheadKey ? { logo: await this.files.read(workspace.letterheadKey) } : {}),
      ...(request.watermark ? { watermark: request.watermark } : {}),
      ...(request.footnote ? { footnote: request.footnote } : {}),
    });
  }
}

/** A revision of a letter to print, with these signatories. */
export interface DocumentsRequest extends Pick<
  RenditionInput,
  'signatories' | 'unnamedCount' | 'variant' | 'edition' | 'watermark' | 'footnote'
> {
  letterId: string;
  revision: number;
}
