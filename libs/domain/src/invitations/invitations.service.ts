import { AppConfig } from '@app/config';
import { MailMessageEntity, signOnInvitation, signOnReminder } from '@app/mail';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { isWellFormedToken } from '../accounts/secret-tokens';
import { AuditService } from '../audit/audit.service';
import { CampaignEntity } from '../campaigns/campaign.entity';
import { Clock } from '../clock';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { LetterEntity } from '../letters/letter.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { findOpenLetter } from './find-open-letter';
import { InvitationMailer } from './invitation-mailer';
import { InvitationEntity, type InvitationStatus } from './invitation.entity';
import { newTokenSeed, signToken, signTokenHash } from './sign-links';

/** A coordinator's "resend" waits this long after the last message to that invitation. */
const RESEND_EVERY_MS = 10 * 60 * 1000;
const ANSWERED: InvitationStatus[] = ['signed', 'declined'];

export interface InvitationView {
  id: string;
  organizationId: string;
  organizationName: string;
  email: string;
  status: InvitationStatus;
  revoked: boolean;
  sentAt: Date | null;
  openedAt: Date | null;
  respondedAt: Date | null;
  remindersSent: number;
  failureReason: string | null;
}

export type InviteTarget =
  { organizationIds: string[] } | { allOrganizations: true } | { tag: string };

const notNow = (message: string) => new DomainError(DomainErrorCode.NotAllowedNow, message);

/** Inviting organizations to sign a published letter, tracking, reminding, revoking. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: InvitationMailer,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /**
   * Invites organizations of the letter's workspace, each once: the invitation rows and
   * their mail (through the outbox) commit together, or nothing does.
   */
  async invite(
    letterId: string,
    actorId: string,
    target: InviteTarget,
  ): Promise<{ queued: number; alreadyInvited: number }> {
    return this.dataSource.transaction(async (manager) => {
      const { letter, workspace } = await findOpenLetter(manager, letterId, this.clock.now());
      const organizations = await this.targets(manager, workspace.id, target);
      const invited = new Set(
        (
          await manager.find(InvitationEntity, {
            where: { letterId },
            select: { organizationId: true },
          })
        ).map((i) => i.organizationId),
      );
      const fresh = organizations.filter((o) => !invited.has(o.id));
      const context = await this.mailer.context(manager, letter, workspace, actorId);
      for (const organization of fresh) {
        const seed = newTokenSeed();
        const invitation = manager.create(InvitationEntity, {
          id: randomUUID(),
          letterId,
          organizationId: organization.id,
          email: (JSON.parse(organization.emails) as string[])[0],
          status: 'queued',
          tokenSeed: seed,
          tokenHash: signTokenHash(this.config.appSecret, signToken(this.config.appSecret, seed)),
          invitedBy: actorId,
          createdAt: this.clock.now(),
          sentAt: null,
          lastMailedAt: this.clock.now(),
          openedAt: null,
          respondedAt: null,
          revokedAt: null,
          failureReason: null,
          messageId: null,
          remindersSent: 0,
        });
        await manager.save(invitation);
        await this.mailer.send(manager, invitation, organization, context, signOnInvitation);
      }
      if (fresh.length) {
        await this.audit.append(manager, workspace.id, {
          actor: { type: 'user', id: actorId },
          action: 'letter.invited',
          subject: { type: 'letter', id: letterId },
          letterId,
          data: { count: fresh.length, organizationIds: fresh.map((o) => o.id) },
        });
      }
      return { queued: fresh.length, alreadyInvited: organizations.length - fresh.length };
    });
  }

  async list(letterId: string, status?: InvitationStatus): Promise<InvitationView[]> {
    const rows = await this.dataSource.getRepository(InvitationEntity).find({
      where: status ? { letterId, status } : { letterId },
      relations: { organization: true },
    });
    return rows
      .map((i) => ({
        id: i.id,
        organizationId: i.organizationId,
        organizationName: i.organization!.name,
        email: i.email,
        status: i.status,
        revoked: i.revokedAt !== null,
        sentAt: i.sentAt,
        openedAt: i.openedAt,
        respondedAt: i.respondedAt,
        remindersSent: i.remindersSent,
        failureReason: i.failureReason,
      }))
      .sort((a, b) => a.organizationName.localeCompare(b.organizationName));
  }

  /** Sends the link again now, to the organization's current primary address. */
  async resend(invitationId: string, actorId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const invitation = await this.invitationOrFail(manager, invitationId);
      if (invitation.revokedAt) throw notNow('status: this invitation was revoked');
      if (ANSWERED.includes(invitation.status))
        throw notNow(`status: the organization already ${invitation.status}`);
      const { letter, workspace } = await findOpenLetter(
        manager,
        invitation.letterId,
        this.clock.now(),
      );
      const since = this.clock.now().getTime() - (invitation.lastMailedAt?.getTime() ?? 0);
      if (since < RESEND_EVERY_MS) {
        const minutes = Math.ceil((RESEND_EVERY_MS - since) / 60000);
        throw new DomainError(
          DomainErrorCode.TooMany,
          `last message went out moments ago; resend again in ${minutes} min`,
        );
      }
      const organization = await manager.findOneByOrFail(OrganizationEntity, {
        id: invitation.organizationId,
      });
      invitation.email = (JSON.parse(organization.emails) as string[])[0];
      if (invitation.status === 'failed')
        Object.assign(invitation, { status: 'queued', failureReason: null });
      invitation.remindersSent += 1;
      invitation.lastMailedAt = this.clock.now();
      await manager.save(invitation);
      const context = await this.mailer.context(manager, letter, workspace, actorId);
      await this.mailer.send(manager, invitation, organization, context, signOnReminder);
    });
  }

  /** The link stops working at once (410). */
  async revoke(invitationId: string, actorId: string): Promise<InvitationView> {
    const letterId = await this.dataSource.transaction(async (manager) => {
      const invitation = await this.invitationOrFail(manager, invitationId);
      if (!invitation.revokedAt) {
        invitation.revokedAt = this.clock.now();
        await manager.save(invitation);
        const campaign = await this.campaignOf(manager, invitation.letterId);
        await this.audit.append(manager, campaign.workspaceId, {
          actor: { type: 'user', id: actorId },
          action: 'invitation.revoked',
          subject: { type: 'invitation', id: invitation.id },
          letterId: invitation.letterId,
          data: { organizationId: invitation.organizationId },
        });
      }
      return invitation.letterId;
    });
    return (await this.list(letterId)).find((i) => i.id === invitationId)!;
  }

  /** After a send attempt ended: `sent` with its Message-ID, or `failed` with the reason. */
  async recordMailOutcome(mailId: string): Promise<void> {
    const message = await this.dataSource
      .getRepository(MailMessageEntity)
      .findOneBy({ id: mailId });
    const invitationId = message?.context?.startsWith('invitation:')
      ? message.context.slice(11)
      : undefined;
    if (!message || !invitationId) return;
    await this.dataSource.transaction(async (manager) => {
      // Conditional updates, not read-then-save: the organization may be answering through
      // its link at this very moment, and its answer must not be overwritten.
      let action: 'invitation.sent' | 'invitation.failed';
      if (message.status === 'sent') {
        // The first delivery to the current address (reminders after it change nothing),
        // recorded even when the organization answered meanwhile: a colleague may sign
        // before the worker has finished with the mail that brought the link.
        const recorded = await manager.update(
          InvitationEntity,
          { id: invitationId, sentAt: IsNull() },
          { sentAt: message.sentAt, messageId: message.messageId },
        );
        if (!recorded.affected) return;
        await manager.update(
          InvitationEntity,
          { id: invitationId, status: 'queued' },
          { status: 'sent' },
        );
        action = 'invitation.sent';
      } else if (message.status === 'failed') {
        const failed = await manager.update(
          InvitationEntity,
          { id: invitationId, status: In(['queued', 'sent']) },
          { status: 'failed', failureReason: message.error },
        );
        if (!failed.affected) return;
        action = 'invitation.failed';
      } else {
        return;
      }
      const invitation = await manager.findOneByOrFail(InvitationEntity, { id: invitationId });
      const campaign = await this.campaignOf(manager, invitation.letterId);
      await this.audit.append(manager, campaign.workspaceId, {
        actor: { type: 'system', id: null },
        action,
        subject: { type: 'invitation', id: invitationId },
        letterId: invitation.letterId,
        data:
          action === 'invitation.sent'
            ? { organizationId: invitation.organizationId, messageId: message.messageId }
            : { organizationId: invitation.organizationId, reason: message.error },
      });
    });
  }

  private async targets(manager: EntityManager, workspaceId: string, target: InviteTarget) {
    const active = { workspaceId, archivedAt: IsNull() };
    if ('allOrganizations' in target) return manager.find(OrganizationEntity, { where: active });
    if ('tag' in target) {
      const all = await manager.find(OrganizationEntity, { where: active });
      const tag = target.tag.trim().toLowerCase();
      return all.filter((o) => (JSON.parse(o.tags) as string[]).includes(tag));
    }
    const ids = [...new Set(target.organizationIds)];
    const found = ids.length
      ? await manager.find(OrganizationEntity, { where: { ...active, id: In(ids) } })
      : [];
    const missing = ids.find((id) => !found.some((o) => o.id === id));
    if (missing !== undefined) {
      throw DomainError.invalid(
        'organizationIds',
        `no organization ${missing.slice(0, 40)} in this workspace's directory`,
      );
    }
    return found;
  }

  private async campaignOf(manager: EntityManager, letterId: string) {
    const letter = await manager.findOneByOrFail(LetterEntity, { id: letterId });
    return manager.findOneByOrFail(CampaignEntity, { id: letter.campaignId });
  }

  private async invitationOrFail(manager: EntityManager, id: string) {
    const invitation = await manager.findOneBy(InvitationEntity, { id });
    if (!invitation) throw DomainError.notFound('invitation');
    return invitation;
  }

  /** The invitation behind a sign-on token: 404 unknown, 410 revoked or past the grace. */
  async byToken(token: string): Promise<InvitationEntity> {
    if (!isWellFormedToken(token)) throw DomainError.notFound('invitation');
    const invitation = await this.dataSource
      .getRepository(InvitationEntity)
      .findOneBy({ tokenHash: signTokenHash(this.config.appSecret, token) });
    if (!invitation) throw DomainError.notFound('invitation');
    if (invitation.revokedAt)
      throw new DomainError(
        DomainErrorCode.Gone,
        'token: this link was withdrawn by the coordinators',
      );
    const letter = await this.dataSource
      .getRepository(LetterEntity)
      .findOneByOrFail({ id: invitation.letterId });
    const graceMs = this.config.invitationGraceHours * 3600 * 1000;
    if (letter.deadline && letter.deadline.getTime() + graceMs < this.clock.now().getTime()) {
      throw new DomainError(DomainErrorCode.Gone, 'token: sign-ons for this letter have closed');
    }
    return invitation;
  }
}
