import { AppConfig } from '@app/config';
import { isUniqueViolation } from '@app/database';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { CampaignEntity } from '../campaigns/campaign.entity';
import { Clock } from '../clock';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { assertSafeMarkdown } from './safe-markdown';
import {
  diffLetters,
  textChange,
  withinCorrectionLimit,
  type FieldDiff,
  type LetterContent,
  type TextChange,
} from './letter-diff';
import { findLetterOrFail } from './find-letter';
import { listLetters, type LetterSummary } from './letter-list';
import { LetterRevisionEntity } from './letter-revision.entity';
import { defaultLetterSettings, parseLetterSettings, type LetterSettings } from './letter-settings';
import { deadlineFields, loadLetterPlace, type LetterPlace } from './letter-time-zone';
import { LetterEntity, type LetterStatus } from './letter.entity';
import { timeZoneOrFail } from '../time/time-zone-input';

/** Where a letter stands: what its full view and its row in a list both carry. */
export interface LetterState {
  id: string;
  campaignId: string;
  /** The campaign's workspace: the app checks its address against it. */
  workspaceId: string;
  status: LetterStatus;
  revision: number;
  publishedRevision: number | null;
  /** The instant, ISO 8601 in UTC when serialized. */
  deadline: Date | null;
  /** The same instant with the offset of `timeZone` (`2026-12-20T23:59:00-05:00`). */
  deadlineInZone: string | null;
  /** The zone in force: `settings.timeZone`, else the workspace's. */
  timeZone: string;
}

export interface LetterView extends LetterState {
  content: LetterContent;
  settings: LetterSettings;
}

/** Two revisions compared, as GET /api/letters/:lid/diff answers. */
export interface LetterDiffView {
  from: number;
  to: number;
  fields: FieldDiff[];
  /** Something changed, and only formatting: the words as read are the same. */
  formattingOnly: boolean;
  /** How much of the text as read changed (see docs/letters.md, "Corrections"). */
  textChange: TextChange;
  /** Small enough to publish `to` over `from` as a correction. */
  correctionAllowed: boolean;
}

export interface RevisionSummary {
  number: number;
  authorId: string;
  message: string | null;
  createdAt: Date;
}

export interface RevisionView extends RevisionSummary {
  content: LetterContent;
}

/** Drafting: letters, their immutable revisions, conflict-safe saving, diffs. */
@Injectable()
export class LettersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async create(
    campaignId: string,
    authorId: string,
    input: { content: LetterContent; settings?: Partial<LetterSettings> },
  ): Promise<LetterView> {
    assertSafeBody(input.content);
    const campaign = await this.dataSource
      .getRepository(CampaignEntity)
      .findOneBy({ id: campaignId });
    if (!campaign) throw DomainError.notFound('campaign');
    if (campaign.archivedAt) {
      throw new DomainError(
        DomainErrorCode.NotAllowedNow,
        'campaign: archived; unarchive it to add letters',
      );
    }
    const settings = withKnownZone({
      ...defaultLetterSettings,
      ...definedOnly(input.settings ?? {}),
    });
    return this.dataSource.transaction(async (manager) => {
      const letter = await manager.save(
        manager.create(LetterEntity, {
          id: randomUUID(),
          campaignId,
          status: 'draft',
          currentRevision: 1,
          publishedRevision: null,
          deadline: null,
          settings: JSON.stringify(settings),
          createdBy: authorId,
          createdAt: this.clock.now(),
          publishedAt: null,
          closedAt: null,
        }),
      );
      await this.insertRevision(manager, letter.id, 1, authorId, input.content, 'created');
      return toView(letter, input.content, await this.place(manager, letter));
    });
  }

  /** A campaign's letters, newest first, each with its title and sign-on count. */
  list(campaignId: string): Promise<LetterSummary[]> {
    return listLetters(this.dataSource.manager, campaignId, this.config.defaultTimeZone);
  }

  async get(letterId: string): Promise<LetterView> {
    const letter = await findLetterOrFail(this.dataSource.manager, letterId);
    const revision = await this.revisionOrFail(letterId, letter.currentRevision);
    return toView(
      letter,
      JSON.parse(revision.content) as LetterContent,
      await this.place(this.dataSource.manager, letter),
    );
  }

  private place(manager: EntityManager, letter: LetterEntity): Promise<LetterPlace> {
    return loadLetterPlace(manager, letter, this.config.defaultTimeZone);
  }

  /**
   * Saves `content` as revision baseRevision + 1. When someone saved since the caller's
   * base, nothing is written and the answer is 409 with the current revision and content.
   * Two saves from one base race on the unique (letter, number) index: one wins.
   */
  async saveDraft(
    letterId: string,
    authorId: string,
    input: { baseRevision: number; content: LetterContent; message?: string },
  ): Promise<{ revision: number }> {
    assertSafeBody(input.content);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const letter = await findLetterOrFail(manager, letterId);
        if (letter.status === 'final') {
          throw new DomainError(DomainErrorCode.NotAllowedNow, 'status: the letter is final');
        }
        if (input.baseRevision > letter.currentRevision) {
          throw DomainError.invalid(
            'baseRevision',
            `no revision ${input.baseRevision}; the latest is ${letter.currentRevision}`,
          );
        }
        if (input.baseRevision !== letter.currentRevision) throw await this.stale(manager, letter);
        const next = input.baseRevision + 1;
        await this.insertRevision(manager, letterId, next, authorId, input.content, input.message);
        const moved = await manager.update(
          LetterEntity,
          { id: letterId, currentRevision: input.baseRevision },
          { currentRevision: next },
        );
        if (!moved.affected) throw await this.stale(manager, letter);
        return { revision: next };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw await this.stale(
        this.dataSource.manager,
        await findLetterOrFail(this.dataSource.manager, letterId),
      );
    }
  }

  async updateSettings(
    letterId: string,
    changes: Partial<LetterSettings>,
  ): Promise<LetterSettings> {
    return this.dataSource.transaction(async (manager) => {
      const letter = await findLetterOrFail(manager, letterId);
      const settings = withKnownZone({
        ...parseLetterSettings(letter.settings),
        ...definedOnly(changes),
      });
      await manager.update(LetterEntity, { id: letterId }, { settings: JSON.stringify(settings) });
      return settings;
    });
  }

  async revisions(letterId: string): Promise<RevisionSummary[]> {
    await findLetterOrFail(this.dataSource.manager, letterId);
    const rows = await this.dataSource.getRepository(LetterRevisionEntity).find({
      where: { letterId },
      order: { number: 'ASC' },
      select: { number: true, authorId: true, message: true, createdAt: true },
    });
    return rows.map(({ number, authorId, message, createdAt }) => ({
      number,
      authorId,
      message,
      createdAt,
    }));
  }

  async revision(letterId: string, number: number): Promise<RevisionView> {
    const row = await this.revisionOrFail(letterId, number);
    return {
      number: row.number,
      authorId: row.authorId,
      message: row.message,
      createdAt: row.createdAt,
      content: JSON.parse(row.content) as LetterContent,
    };
  }

  async diff(letterId: string, from: number, to: number): Promise<LetterDiffView> {
    const [a, b] = await Promise.all([this.revision(letterId, from), this.revision(letterId, to)]);
    const fields = diffLetters(a.content, b.content);
    const change = textChange(fields);
    const changed = fields.filter((field) => field.changed);
    return {
      from,
      to,
      fields,
      formattingOnly: changed.length > 0 && changed.every((field) => field.formattingOnly),
      textChange: change,
      correctionAllowed: withinCorrectionLimit(change),
    };
  }

  private async insertRevision(
    manager: EntityManager,
    letterId: string,
    number: number,
    authorId: string,
    content: LetterContent,
    message: string | undefined,
  ): Promise<void> {
    await manager.insert(LetterRevisionEntity, {
      id: randomUUID(),
      letterId,
      number,
      content: JSON.stringify(content),
      message: message?.trim() || null,
      authorId,
      createdAt: this.clock.now(),
    });
  }

  private async stale(manager: EntityManager, letter: LetterEntity): Promise<DomainError> {
    const fresh = await findLetterOrFail(manager, letter.id);
    const current = await manager.findOneByOrFail(LetterRevisionEntity, {
      letterId: letter.id,
      number: fresh.currentRevision,
    });
    return new DomainError(
      DomainErrorCode.Conflict,
      `baseRevision: revision ${fresh.currentRevision} was saved meanwhile; merge your changes into it and save again`,
      { currentRevision: fresh.currentRevision, content: JSON.parse(current.content) as unknown },
    );
  }

  private async revisionOrFail(letterId: string, number: number): Promise<LetterRevisionEntity> {
    const row = await this.dataSource
      .getRepository(LetterRevisionEntity)
      .findOneBy({ letterId, number });
    if (!row) throw DomainError.notFound(`revision ${number}`);
    return row;
  }
}

/** A partial update's given fields only (validated DTOs carry absent ones as undefined). */
function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

/** Settings whose `timeZone` is a known zone as stored, or null; else 400 naming it. */
function withKnownZone<T extends Partial<LetterSettings>>(settings: T): T {
  const zone = settings.timeZone;
  return zone ? { ...settings, timeZone: timeZoneOrFail('timeZone', zone) } : settings;
}

/** The body is Markdown of the letters' subset (assertSafeMarkdown). */
function assertSafeBody(content: LetterContent): void {
  assertSafeMarkdown('content.body', content.body);
}

export function toView(
  letter: LetterEntity,
  content: LetterContent,
  { workspaceId, timeZone }: LetterPlace,
): LetterView {
  return {
    id: letter.id,
    campaignId: letter.campaignId,
    workspaceId,
    status: letter.status,
    revision: letter.currentRevision,
    publishedRevision: letter.publishedRevision,
    deadline: letter.deadline,
    ...deadlineFields(letter.deadline, timeZone),
    content,
    settings: parseLetterSettings(letter.settings),
  };
}
