import { FileStorage } from '@app/files';
import { JobName, OutboxService } from '@app/jobs';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, LessThan, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CampaignEntity } from '../campaigns/campaign.entity';
import { Clock } from '../clock';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { LetterEvents } from '../events/letter-events';
import type { LetterContent } from '../letters/letter-diff';
import { LetterRevisionEntity } from '../letters/letter-revision.entity';
import { LetterEntity } from '../letters/letter.entity';
import { seesDeliveredNames } from '../permissions/actions';
import type { Role } from '../workspaces/roles';
import { slugify } from '../workspaces/slug';
import { diffSignatories, type RenditionChanges } from './rendition-changes';
import { renditionSignatories } from './rendition-signatories';
import { renditionView, type RenditionView } from './rendition-view';
import {
  RenditionEntity,
  renditionEditions,
  renditionVariants,
  type RenditionEdition,
  type FrozenSignatory,
  type RenditionFile,
  type RenditionVariant,
} from './rendition.entity';

/** Every column but the frozen list (up to a megabyte): what a status answer needs. */
const VIEW_COLUMNS = {
  id: true,
  letterId: true,
  revision: true,
  variant: true,
  edition: true,
  status: true,
  progress: true,
  signatoryCount: true,
  unnamedCount: true,
  files: true,
  warnings: true,
  error: true,
  attempts: true,
  requestedBy: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const;

/** A rendition still `rendering` this long after it started lost its worker. */
export const STALE_RENDER_MS = 10 * 60 * 1000;

function choice<T extends string>(
  field: string,
  value: unknown,
  allowed: readonly T[],
  fallback: T,
) {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw DomainError.invalid(field, `must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/**
 * Final PDFs of a letter: requested by a coordinator, rendered by the `pdf` queue, kept as
 * files. The signatories are frozen at request time.
 */
@Injectable()
export class RenditionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly files: FileStorage,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly letterEvents: LetterEvents,
  ) {}

  async request(
    letterId: string,
    actorId: string,
    body: { variant?: unknown; edition?: unknown },
  ): Promise<RenditionView> {
    const variant = choice<RenditionVariant>(
      'variant',
      body.variant,
      renditionVariants,
      'combined',
    );
    const edition = choice<RenditionEdition>(
      'edition',
      body.edition,
      renditionEditions,
      'delivery',
    );
    const requested = await this.dataSource.transaction(async (manager) => {
      const letter = await manager.findOneBy(LetterEntity, { id: letterId });
      if (!letter) throw DomainError.notFound('letter');
      if (!letter.publishedRevision) {
        throw new DomainError(
          DomainErrorCode.NotAllowedNow,
          'status: a draft has no final PDF; publish the letter first',
        );
      }
      const { named, unnamed } = await renditionSignatories(manager, letter, edition);
      const rendition = manager.create(RenditionEntity, {
        id: randomUUID(),
        letterId,
        revision: letter.publishedRevision,
        variant,
        edition,
        status: 'queued',
        progress: 0,
        signatories: JSON.stringify(named),
        signatoryCount: named.length,
        unnamedCount: unnamed,
        files: '[]',
        warnings: '[]',
        error: null,
        attempts: 0,
        requestedBy: actorId,
        createdAt: this.clock.now(),
        startedAt: null,
        finishedAt: null,
      });
      await manager.save(rendition);
      await this.enqueue(manager, rendition);
      const campaign = await manager.findOneByOrFail(CampaignEntity, { id: letter.campaignId });
      await this.audit.append(manager, campaign.workspaceId, {
        actor: { type: 'user', id: actorId },
        action: 'rendition.requested',
        subject: { type: 'rendition', id: rendition.id },
        letterId,
        data: { variant, edition, revision: rendition.revision, signatories: named.length },
      });
      return renditionView(rendition);
    });
    await this.queuedLive(requested);
    return requested;
  }

  /** A rendition (back) in the queue, on the letter's live stream once committed. */
  private queuedLive(rendition: RenditionView): Promise<void> {
    return this.letterEvents.publish(rendition.letterId, {
      type: 'rendition',
      rendition: { id: rendition.id, status: 'queued', progress: 0, files: [] },
    });
  }

  async get(renditionId: string): Promise<RenditionView> {
    return renditionView(await this.entityOrFail(this.dataSource.manager, renditionId));
  }

  /** Newest first. */
  async list(letterId: string): Promise<RenditionView[]> {
    const rows = await this.dataSource
      .getRepository(RenditionEntity)
      .find({ where: { letterId }, select: VIEW_COLUMNS, order: { createdAt: 'DESC' }, take: 100 });
    return rows.map(renditionView);
  }

  /** A finished file: its storage path and the name a browser saves it under. */
  async file(
    renditionId: string,
    addressee: number | undefined,
  ): Promise<{ path: string; filename: string; edition: RenditionEdition; bytes: number }> {
    const rendition = await this.entityOrFail(this.dataSource.manager, renditionId);
    if (rendition.status !== 'done') {
      throw new DomainError(
        DomainErrorCode.NotAllowedNow,
        `status: the rendition is ${rendition.status}; the file exists once it is done`,
      );
    }
    const files = JSON.parse(rendition.files) as RenditionFile[];
    const perAddressee = rendition.variant === 'per-addressee';
    if (perAddressee && addressee === undefined) {
      throw DomainError.invalid('addressee', `required: one of 0 to ${files.length - 1}`);
    }
    if (!perAddressee && addressee !== undefined) {
      throw DomainError.invalid('addressee', 'only for a per-addressee rendition');
    }
    const file = perAddressee ? files.find((f) => f.addressee === addressee) : files[0];
    if (!file) throw DomainError.invalid('addressee', `must be 0 to ${files.length - 1}`);
    const revision = await this.dataSource.getRepository(LetterRevisionEntity).findOneByOrFail({
      letterId: rendition.letterId,
      number: rendition.revision,
    });
    const content = JSON.parse(revision.content) as LetterContent;
    const parts = [slugify(content.title) || 'letter', content.date];
    if (perAddressee)
      parts.push(String(addressee! + 1), slugify(content.addressees[addressee!].name));
    return {
      path: this.files.pathOf(file.key),
      filename: `${parts.filter(Boolean).join('-')}.pdf`,
      edition: rendition.edition,
      bytes: file.bytes,
    };
  }

  /**
   * What changed since the newest finished rendition of the same letter and edition made
   * before this one: the signatories added, withdrawn and renamed, and whether the text's
   * revision moved. The delivery edition's lists name signers who asked to be named only to
   * the officials, so they follow the download's rule (`seesDeliveredNames`).
   */
  async changes(renditionId: string, role: Role): Promise<RenditionChanges> {
    const repository = this.dataSource.getRepository(RenditionEntity);
    const rendition = await repository.findOne({
      where: { id: renditionId },
      select: {
        id: true,
        letterId: true,
        edition: true,
        revision: true,
        createdAt: true,
        signatories: true,
      },
    });
    if (!rendition) throw DomainError.notFound('rendition');
    if (rendition.edition === 'delivery' && !seesDeliveredNames(role)) {
      throw new DomainError(
        DomainErrorCode.Forbidden,
        'edition: the delivery edition is for coordinators; ask for the public edition',
      );
    }
    const previous = await repository.findOne({
      where: {
        letterId: rendition.letterId,
        edition: rendition.edition,
        status: 'done',
        createdAt: LessThan(rendition.createdAt),
      },
      select: { id: true, revision: true, createdAt: true, signatories: true },
      order: { createdAt: 'DESC' },
    });
    if (!previous) {
      return { since: null, added: [], withdrawn: [], renamed: [], revisionChanged: false };
    }
    const frozen = (row: RenditionEntity) => JSON.parse(row.signatories) as FrozenSignatory[];
    return {
      since: { id: previous.id, createdAt: previous.createdAt, revision: previous.revision },
      ...diffSignatories(frozen(previous), frozen(rendition)),
      revisionChanged: previous.revision !== rendition.revision,
    };
  }

  /** A failed rendition goes back to the queue, with the same frozen list. */
  async retry(renditionId: string, actorId: string): Promise<RenditionView> {
    const retried = await this.dataSource.transaction(async (manager) => {
      const rendition = await this.entityOrFail(manager, renditionId);
      if (rendition.status !== 'failed') {
        throw new DomainError(
          DomainErrorCode.NotAllowedNow,
          `status: only a failed rendition can be retried; this one is ${rendition.status}`,
        );
      }
      Object.assign(rendition, { status: 'queued', progress: 0, error: null, finishedAt: null });
      await manager.save(rendition);
      await this.enqueue(manager, rendition);
      const letter = await manager.findOneByOrFail(LetterEntity, { id: rendition.letterId });
      const campaign = await manager.findOneByOrFail(CampaignEntity, { id: letter.campaignId });
      await this.audit.append(manager, campaign.workspaceId, {
        actor: { type: 'user', id: actorId },
        action: 'rendition.retried',
        subject: { type: 'rendition', id: rendition.id },
        letterId: rendition.letterId,
      });
      return renditionView(rendition);
    });
    await this.queuedLive(retried);
    return retried;
  }

  /** Renditions whose worker died mid-render go back to the queue; returns how many. */
  async sweepStale(): Promise<number> {
    const stale = await this.dataSource.getRepository(RenditionEntity).find({
      where: {
        status: 'rendering',
        startedAt: LessThan(new Date(this.clock.now().getTime() - STALE_RENDER_MS)),
      },
      select: { id: true },
    });
    let requeued = 0;
    for (const { id } of stale) {
      requeued += await this.dataSource.transaction(async (manager) => {
        const rendition = await manager.findOneByOrFail(RenditionEntity, { id });
        const cutoff = this.clock.now().getTime() - STALE_RENDER_MS;
        if (rendition.status !== 'rendering' || (rendition.startedAt?.getTime() ?? 0) >= cutoff)
          return 0;
        Object.assign(rendition, { status: 'queued', progress: 0 });
        await manager.save(rendition);
        await this.enqueue(manager, rendition);
        return 1;
      });
    }
    return requeued;
  }

  /** One job per attempt: BullMQ would ignore a second job under a finished job's id. */
  private async enqueue(manager: EntityManager, rendition: RenditionEntity) {
    await this.outbox.enqueue(
      manager,
      JobName.PdfRender,
      { renditionId: rendition.id },
      { jobId: `pdf-${rendition.id}-${rendition.attempts}` },
    );
  }

  private async entityOrFail(manager: EntityManager, id: string) {
    const rendition = await manager.findOne(RenditionEntity, {
      where: { id },
      select: VIEW_COLUMNS,
    });
    if (!rendition) throw DomainError.notFound('rendition');
    return rendition;
  }
}
