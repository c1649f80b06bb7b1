import { AppConfig } from '@app/config';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, LessThanOrEqual, type EntityManager } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service';
import { CampaignEntity } from '../campaigns/campaign.entity';
import { Clock } from '../clock';
import { ReconsentService } from '../signatures/reconsent.service';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import {
  CORRECTION_MAX_PERCENT,
  diffLetters,
  textChange,
  withinCorrectionLimit,
  type LetterContent,
} from './letter-diff';
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
 * How a newer revision reaches the people who signed an older one: `substantive` asks them
 * to re-confirm or withdraw; `correction` (a typo, formatting, an addressee's title) keeps
 * their sign-on on the new text and tells them once. See docs/letters.md, "Corrections".
 */
export const publishKinds = ['substantive', 'correction'] as const;
export type PublishKind = (typeof publishKinds)[number];

/** The longest reason a correction may give (it is shown to every signer). */
export const CORRECTION_REASON_MAX = 500;

export interface PublishInput {
  revision?: number;
  /** Text in the letter's zone, or an instant. */
  deadline?: string | Date;
  /** Default `substantive`. */
  kind?: PublishKind;
  /** Why: required for a correction, optional otherwise; recorded in the audit trail. */
  reason?: string;
}

// Line breaks and tabs may stay in a reason; other control characters are refused.
const CONTROL = /[^\P{Cc}\t\n\r]/u;

/** The publish request's kind and reason, checked before anything is read or written. */
function kindAndReason(input: PublishInput): { kind: PublishKind; reason: string | null } {
  const kind = input.kind ?? 'substantive';
  if (!publishKinds.includes(kind)) {
    throw DomainError.invalid('kind', `must be one of ${publishKinds.join(', ')}`);
  }
  if (input.reason !== undefined && typeof input.reason !== 'string') {
    throw DomainError.invalid('reason', 'must be text');
  }
  const reason = input.reason?.trim() || null;
  if (kind === 'correction' && !reason) {
    throw DomainError.invalid('reason', 'required for a correction: say what it corrects');
  }
  if (reason && [...reason].length > CORRECTION_REASON_MAX) {
    throw DomainError.invalid('reason', `at most ${CORRECTION_REASON_MAX} characters`);
  }
  if (reason && CONTROL.test(reason)) {
    throw DomainError.invalid('reason', 'must not contain control characters');
  }
  return { kind, reason };
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
    input: PublishInput,
  ): Promise<{
    status: 'open';
    publishedRevision: number;
    deadline: Date;
    deadlineInZone: string | null;
    timeZone: string;
  }> {
    const { kind, reason } = kindAndReason(input);
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
      const corrected =
        kind === 'correction'
          ? await this.correctable(manager, letterId, previous, number, content)
          : null;
      Object.assign(letter, {
        status: 'open',
        publishedRevision: number,
        deadline,
        publishedAt: this.clock.now(),
        closedAt: null,
      });
      await manager.save(letter);
      const outcome = corrected
        ? await this.reconsent.correctAfterPublish(manager, letter, corrected, {
            reason: reason!,
            actorId,
          })
        : {
            reconsentRequested:
              previous !== null && number > previous
                ? await this.reconsent.requestAfterPublish(manager, letter)
                : 0,
          };
      await this.record(manager, letter, { type: 'user', id: actorId }, 'letter.published', {
        revision: number,
        previousRevision: previous,
        deadline: deadline.toISOString(),
        timeZone,
        kind,
        ...(reason ? { reason } : {}),
        ...(corrected ? { textChange: corrected.change } : {}),
        ...outcome,
      });
      return {
        status: 'open',
        publishedRevision: number,
        deadline,
        ...deadlineFields(deadline, timeZone),
      };
    });
  }

  /**
   * A correction needs a published revision to correct, a newer one to publish, and a
   * change within CORRECTION_MAX_PERCENT of the words; else 422 naming `kind`.
   */
  private async correctable(
    manager: EntityManager,
    letterId: string,
    previous: number | null,
    number: number,
    content: LetterContent,
  ) {
    if (previous === null) {
      throw notNow(
        'kind: nothing is published yet, so there is nothing to correct; publish without kind',
      );
    }
    if (number <= previous) {
      throw notNow(
        `kind: a correction publishes a revision newer than the published one (${previous}); revision ${number} is not`,
      );
    }
    const published = await manager.findOneByOrFail(LetterRevisionEntity, {
      letterId,
      number: previous,
    });
    const publishedContent = JSON.parse(published.content) as LetterContent;
    const change = textChange(diffLetters(publishedContent, content));
    if (!withinCorrectionLimit(change)) {
      const percent = Math.round(change.share * 1000) / 10;
      throw notNow(
        `kind: revision ${number} changes ${change.changedWords} of the ${change.words} words of revision ${previous} (${percent} %); ` +
          `a correction may change at most ${CORRECTION_MAX_PERCENT} %. Publish it as a substantive change, which asks signers to confirm it`,
      );
    }
    return { revision: previous, content: publishedContent, change };
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
