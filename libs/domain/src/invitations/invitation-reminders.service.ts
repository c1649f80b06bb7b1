import { AppConfig } from '@app/config';
import { isUniqueViolation } from '@app/database';
import { signOnReminder } from '@app/mail';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull, MoreThan } from 'typeorm';
import { Clock } from '../clock';
import { DomainError } from '../errors/domain-error';
import { parseLetterSettings } from '../letters/letter-settings';
import { loadLetterTimeZone } from '../letters/letter-time-zone';
import { LetterEntity } from '../letters/letter.entity';
import { calendarDaysBefore } from '../time/zoned-time';
import { OrganizationEntity } from '../organizations/organization.entity';
import { findOpenLetter } from './find-open-letter';
import { InvitationMailer } from './invitation-mailer';
import { InvitationReminderEntity } from './invitation-reminder.entity';
import { InvitationEntity } from './invitation.entity';

/** Each reminder step of a deadline and its moment (see sendDueReminders). */
export function reminderMoments(
  deadline: Date,
  reminderDays: number[],
  timeZone: string,
): { step: number; at: Date }[] {
  return reminderDays.map((step) => ({
    step,
    at: calendarDaysBefore(deadline, step, timeZone),
  }));
}

type Candidate = Pick<InvitationEntity, 'id' | 'sentAt'>;

/**
 * The one rule for who gets a reminder step: an unanswered, unrevoked invitation whose mail
 * was delivered (sent or opened; see `candidates`) before the step's moment, and that has not
 * had this step yet. The scan sends by it; the schedule shows it.
 */
function awaitsStep(
  invitation: Candidate,
  step: number,
  at: Date,
  claimed: ReadonlySet<string>,
): boolean {
  if (!invitation.sentAt || invitation.sentAt >= at) return false;
  return !claimed.has(`${invitation.id}:${step}`);
}

/** Who one reminder step goes to, as the schedule shows it. */
export interface ReminderRecipient {
  invitationId: string;
  organizationId: string;
  organizationName: string;
  email: string;
}

export interface ReminderStepView {
  /** Days before the deadline (one of settings.reminderDays). */
  daysBefore: number;
  at: Date;
  /** The moment has come: it goes to `recipients` at the next scan (every minute). */
  due: boolean;
  /** Reminders of this step already sent. */
  sent: number;
  recipients: ReminderRecipient[];
}

export interface ReminderScheduleView {
  letterId: string;
  deadline: Date | null;
  timeZone: string;
  reminderDays: number[];
  /** Why no reminder will go, or null while the letter is open before its deadline. */
  stopped: string | null;
  /** Steps in time order; empty when `stopped`. */
  steps: ReminderStepView[];
}

/** Reminders before the deadline to organizations that have not answered. */
@Injectable()
export class InvitationRemindersService {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: InvitationMailer,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /**
   * Sends each due reminder step once: for open letters, `reminderDays` before the
   * deadline, to invitations sent before that moment and not answered, revoked or failed.
   * Each step is claimed by inserting (invitation, step) under a unique index.
   *
   * A step's moment is the deadline's own wall-clock time that many calendar days earlier
   * in the letter's zone: "2 days before" a Monday 23:59 EST deadline is Saturday 23:59 EST,
   * also across a daylight-saving change (then 23 or 25 hours away from 48).
   */
  async sendDueReminders(): Promise<number> {
    const now = this.clock.now();
    const letters = await this.dataSource
      .getRepository(LetterEntity)
      .find({ where: { status: 'open', deadline: MoreThan(now) } });
    let sent = 0;
    for (const letter of letters) {
      const zone = await loadLetterTimeZone(
        this.dataSource.manager,
        letter,
        this.config.defaultTimeZone,
      );
      const dueSteps = reminderMoments(
        letter.deadline!,
        parseLetterSettings(letter.settings).reminderDays,
        zone,
      ).filter(({ at }) => at <= now);
      if (!dueSteps.length) continue;
      const candidates = await this.candidates(letter.id, { id: true, sentAt: true });
      if (!candidates.length) continue;
      // Steps already sent are skipped here; the unique index still settles races.
      const claimed = await this.claimedSteps(letter.id);
      for (const { step, at } of dueSteps) {
        for (const invitation of candidates) {
          if (!awaitsStep(invitation, step, at, claimed)) continue;
          sent += await this.remind(invitation.id, step);
        }
      }
    }
    if (sent) this.logger.log(`sent ${sent} reminder(s)`);
    return sent;
  }

  /**
   * When the letter's reminders go and to whom, by the rule the scan sends by (awaitsStep),
   * as things stand now: an invitation whose mail is still queued joins once it is sent.
   */
  async schedule(letterId: string): Promise<ReminderScheduleView> {
    const manager = this.dataSource.manager;
    const letter = await manager.findOneBy(LetterEntity, { id: letterId });
    if (!letter) throw DomainError.notFound('letter');
    const now = this.clock.now();
    const { reminderDays } = parseLetterSettings(letter.settings);
    const timeZone = await loadLetterTimeZone(manager, letter, this.config.defaultTimeZone);
    const view = { letterId, deadline: letter.deadline, timeZone, reminderDays };
    const stopped =
      letter.status !== 'open'
        ? `the letter is ${letter.status}; reminders go only while it is open`
        : !letter.deadline || letter.deadline <= now
          ? 'the deadline has passed'
          : null;
    if (stopped) return { ...view, stopped, steps: [] };
    const candidates = await this.candidates(letterId, {
      id: true,
      sentAt: true,
      organizationId: true,
      email: true,
    });
    const claimed = await this.claimedSteps(letterId);
    const names = new Map(
      (
        await manager.find(OrganizationEntity, {
          where: { id: In([...new Set(candidates.map((c) => c.organizationId))]) },
          select: { id: true, name: true },
        })
      ).map((o) => [o.id, o.name]),
    );
    const steps = reminderMoments(letter.deadline!, reminderDays, timeZone)
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .map(({ step, at }) => ({
        daysBefore: step,
        at,
        due: at <= now,
        sent: [...claimed].filter((key) => key.endsWith(`:${step}`)).length,
        recipients: candidates
          .filter((c) => awaitsStep(c, step, at, claimed))
          .map((c) => ({
            invitationId: c.id,
            organizationId: c.organizationId,
            organizationName: names.get(c.organizationId) ?? '',
            email: c.email,
          }))
          .sort((a, b) => a.organizationName.localeCompare(b.organizationName)),
      }));
    return { ...view, stopped: null, steps };
  }

  /** The invitations that may still be reminded: delivered, unanswered, not revoked. */
  private candidates<K extends keyof InvitationEntity>(
    letterId: string,
    select: Record<K, true>,
  ): Promise<Pick<InvitationEntity, K | 'id' | 'sentAt'>[]> {
    return this.dataSource.getRepository(InvitationEntity).find({
      where: {
        letterId,
        status: In(['sent', 'opened']),
        revokedAt: IsNull(),
        respondedAt: IsNull(),
      },
      select: { ...select, id: true, sentAt: true },
    });
  }

  /** `invitationId:step` of every reminder step already claimed for the letter. */
  private async claimedSteps(letterId: string): Promise<Set<string>> {
    return new Set(
      (
        await this.dataSource
          .getRepository(InvitationReminderEntity)
          .createQueryBuilder('r')
          .innerJoin(InvitationEntity, 'i', 'i.id = r.invitation_id')
          .where('i.letter_id = :letterId', { letterId })
          .select(['r.invitation_id AS "invitationId"', 'r.step AS step'])
          .getRawMany<{ invitationId: string; step: number }>()
      ).map((r) => `${r.invitationId}:${Number(r.step)}`),
    );
  }

  private async remind(invitationId: string, step: number): Promise<number> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const invitation = await manager.findOneByOrFail(InvitationEntity, { id: invitationId });
        if (
          invitation.revokedAt ||
          invitation.respondedAt ||
          !['sent', 'opened'].includes(invitation.status)
        )
          return 0;
        await manager.insert(InvitationReminderEntity, {
          id: randomUUID(),
          invitationId,
          step,
          createdAt: this.clock.now(),
        });
        const { letter, workspace } = await findOpenLetter(
          manager,
          invitation.letterId,
          this.clock.now(),
        );
        const organization = await manager.findOneByOrFail(OrganizationEntity, {
          id: invitation.organizationId,
        });
        invitation.remindersSent += 1;
        invitation.lastMailedAt = this.clock.now();
        await manager.save(invitation);
        const context = await this.mailer.context(manager, letter, workspace, invitation.invitedBy);
        await this.mailer.send(manager, invitation, organization, context, signOnReminder);
        return 1;
      });
    } catch (error) {
      // Another scan claimed this step first.
      if (isUniqueViolation(error)) return 0;
      throw error;
    }
  }
}
