import { AppConfig } from '@app/config';
import { isUniqueViolation } from '@app/database';
import { signOnReminder } from '@app/mail';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull, MoreThan } from 'typeorm';
import { Clock } from '../clock';
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
      const candidates = await this.dataSource.getRepository(InvitationEntity).find({
        where: {
          letterId: letter.id,
          status: In(['sent', 'opened']),
          revokedAt: IsNull(),
          respondedAt: IsNull(),
        },
        select: { id: true, sentAt: true },
      });
      if (!candidates.length) continue;
      // Steps already sent are skipped here; the unique index still settles races.
      const claimed = new Set(
        (
          await this.dataSource
            .getRepository(InvitationReminderEntity)
            .createQueryBuilder('r')
            .innerJoin(InvitationEntity, 'i', 'i.id = r.invitation_id')
            .where('i.letter_id = :letterId', { letterId: letter.id })
            .select(['r.invitation_id AS "invitationId"', 'r.step AS step'])
            .getRawMany<{ invitationId: string; step: number }>()
        ).map((r) => `${r.invitationId}:${Number(r.step)}`),
      );
      for (const { step, at } of dueSteps) {
        for (const invitation of candidates) {
          if (!invitation.sentAt || invitation.sentAt >= at) continue;
          if (claimed.has(`${invitation.id}:${step}`)) continue;
          sent += await this.remind(invitation.id, step);
        }
      }
    }
    if (sent) this.logger.log(`sent ${sent} reminder(s)`);
    return sent;
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
