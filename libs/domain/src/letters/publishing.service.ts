import { AppConfig } from '@app/config';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, LessThanOrEqual, type EntityManager } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service';
import { CampaignEntity } from '../campaigns/campaign.entity';
import { Clock } from '../clock';
import { ReconsentService } from '../signatures/reconsent.service';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import type { LetterContent } from './letter-diff';
import { findLetterOrFail } from './find-letter';
import { LetterRevisionEntity } from './letter-revision.entity';
import { LetterEntity } from './letter.entity';
import { deadlineFields, loadLetterTimeZone } from './letter-time-zone';
import { formatInZone, localDateString, parseZonedDateTime } from '../time/zoned-time';

const notNow = (message: string) => new DomainError(DomainErrorCode.NotAllowedNow, message);

/** A deadline as given (text in `timeZone`, or an instant), or 400 naming `deadline`. */
function readDeadline(input: string | Date, timeZone: string): Date {
  const deadline = input instanceof Date ? input : parseZonedDateTime(input, timeZone);
  if (!deadline || Number.isNaN(deadline.getTime())) {
    throw DomainError.invalid(
      'deadline',
      `expected a date (2026-12-20, meaning 23:59 that day in ${timeZone}), a local date and time (2026-12-20T17:00) or an instant with an offset (2026-12-20T17:00:00-05:00)`,
    );
  }
  return deadline;
}

/**
 * Opening a letter for sign-on (publishing a revision, with a deadline) and closing it,
 * by hand or when the deadline passes.
 */
@Injectable()
export class PublishingService {
  private readonly logger = new Logger('Letters');

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly reconsent: ReconsentService,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /**
   * Freezes `revision` (default: the latest) as the text organizations sign and opens the
   * letter until `deadline`. Republishing a newer revision, or a closed letter with a new
   * deadline, opens it again; drafting goes on beside it.
   *
   * A deadline given as text is read in the letter's time zone (see parseZonedDateTime:
   * `2026-12-20` is 23:59 that day there); it must be in the future and not before the
   * letter's date (both compared in that zone).
   */
  async publish(
    letterId: string,
    actorId: string,
    input: { revision?: number; deadline?: string | Date },
  ): Promise<{
    status: 'open';
    publishedRevision: number;
    deadline: Date;
    deadlineInZone: string | null;
    timeZone: string;
  }> {
    return this.dataSource.transaction(async (manager) => {
      const letter = await findLetterOrFail(manager, letterId);
      if (letter.status === 'final') throw notNow('status: the letter is final');
      const number = input.revision ?? letter.currentRevision;
      if (number > letter.currentRevision) {
        throw DomainError.invalid(
          'revision',
          `no revision ${number}; the latest is ${letter.currentRevision}`,
        );
      }
      const revision = await manager.findOneByOrFail(LetterRevisionEntity, { letterId, number });
      const content = JSON.parse(revision.content) as LetterContent;
      if (content.addressees.length === 0) {
        throw notNow(
          `content.addressees: revision ${number} has no addressee; add at least one to publish`,
        );
      }
      const timeZone = await loadLetterTimeZone(manager, letter, this.config.defaultTimeZone);
      const given =
        input.deadline === undefined ? undefined : readDeadline(input.deadline, timeZone);
      const deadline = given ?? (letter.status === 'open' ? letter.deadline : null);
      if (!deadline) throw DomainError.invalid('deadline', 'required to publish');
      if (deadline <= this.clock.now()) {
        throw DomainError.invalid(
          'deadline',
          `must be in the future; ${formatInZone(deadline, timeZone)} has passed`,
        );
      }
      if (given && localDateString(given, timeZone) < content.date) {
        throw DomainError.invalid(
          'deadline',
          `must not be before the letter's date (${content.date}); it is ${formatInZone(given, timeZone)}`,
        );
      }

      const previous = letter.publishedRevision;
      Object.assign(letter, {
        status: 'open',
        publishedRevision: number,
        deadline,
        publishedAt: this.clock.now(),
        closedAt: null,
      });
      await manager.save(letter);
      const reconsentRequested =
        previous !== null && number > previous
          ? await this.reconsent.requestAfterPublish(manager, letter)
          : 0;
      await this.record(manager, letter, { type: 'user', id: actorId }, 'letter.published', {
        revision: number,
        deadline: deadline.toISOString(),
        timeZone,
        reconsentRequested,
      });
      return {
        status: 'open',
        publishedRevision: number,
        deadline,
        ...deadlineFields(deadline, timeZone),
      };
    });
  }

  async close(letterId: string, actorId: string): Promise<{ status: 'closed' }> {
    return this.dataSource.transaction(async (manager) => {
      const letter = await findLetterOrFail(manager, letterId);
      if (letter.status !== 'open')
        throw notNow(`status: only an open letter can be closed; it is ${letter.status}`);
      await this.closeLetter(manager, letter, { type: 'user', id: actorId }, 'by hand');
      return { status: 'closed' };
    });
  }

  /** Closes every open letter whose deadline has passed; the reminders queue runs it. */
  async closeOverdue(): Promise<number> {
    const due = await this.dataSource.getRepository(LetterEntity).find({
      where: { status: 'open', deadline: LessThanOrEqual(this.clock.now()) },
      select: { id: true },
    });
    let closed = 0;
    for (const { id } of due) {
      closed += await this.dataSource.transaction(async (manager) => {
        const letter = await findLetterOrFail(manager, id);
        // Re-checked inside the transaction: republished or closed meanwhile is left alone.
        if (letter.status !== 'open' || !letter.deadline || letter.deadline > this.clock.now())
          return 0;
        await this.closeLetter(manager, letter, { type: 'system', id: null }, 'deadline');
        return 1;
      });
    }
    if (closed) this.logger.log(`closed ${closed} letter(s) at their deadline`);
    return closed;
  }

  private async closeLetter(
    manager: EntityManager,
    letter: LetterEntity,
    actor: Actor,
    reason: string,
  ) {
    const moved = await manager.update(
      LetterEntity,
      { id: letter.id, status: 'open' },
      { status: 'closed', closedAt: this.clock.now() },
    );
    if (!moved.affected) return;
    await this.record(manager, letter, actor, 'letter.closed', {
      reason,
      deadline: letter.deadline?.toISOString() ?? null,
    });
  }

  private async record(
    manager: EntityManager,
    letter: LetterEntity,
    actor: Actor,
    action: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    const campaign = await manager.findOneByOrFail(CampaignEntity, { id: letter.campaignId });
    await this.audit.append(manager, campaign.workspaceId, {
      actor,
      action,
      subject: { type: 'letter', id: letter.id },
      letterId: letter.id,
      data,
    });
  }
}
