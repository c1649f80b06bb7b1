import { AppConfig } from '@app/config';
import { insertMany } from '@app/database';
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
import { assertSafeMarkdown } from '../letters/safe-markdown';
import { OrganizationEntity } from '../organizations/organization.entity';
import { findOpenLetter } from './find-open-letter';
import { InvitationMailer, PREVIEW_LINK_TOKEN } from './invitation-mailer';
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

type ChangedInvitation = Pick<InvitationEntity, 'id' | 'letterId' | 'organizationId'>;

/** Who to invite: these organizations, every one with a tag (any of `tags`), or everyone. */
export type InviteTarget =
  { organizationIds: string[] } | { allOrganizations: true } | { tag: string } | { tags: string[] };

/** The longest personal note an invitation carries (characters). */
export const INVITATION_NOTE_MAX = 2000;

/** A selection already invited to the letter: left alone by an invite, listed by a preview. */
export interface SkippedInvitation {
  invitationId: string;
  organizationId: string;
  organizationName: string;
  email: string;
  status: InvitationStatus;
  revoked: boolean;
}

/** The exact mail an invitation would send, with a placeholder instead of the link. */
export interface InvitationMailPreview {
  organizationId: string;
  organizationName: string;
  to: string;
  fromName: string;
  replyTo: string;
  subject: string;
  html: string;
  text: string;
}

export interface InvitationPreview {
  /** How many organizations the invite would invite now. */
  recipients: number;
  alreadyInvited: number;
  skipped: SkippedInvitation[];
  /** null when no one would be invited. */
  mail: InvitationMailPreview | null;
  /** The stand-in for the sign-on link in `mail` (not a link that opens anything). */
  placeholderLink: string | null;
}

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
   * their mail (through the outbox) commit together, or nothing does. `note`, the sender's
   * personal note (Markdown, the letters' subset), goes into every message of each invitation.
   */
  async invite(
    letterId: string,
    actorId: string,
    target: InviteTarget,
    note?: string | null,
  ): Promise<{ queued: number; alreadyInvited: number }> {
    const theNote = noteOrNull(note);
    return this.dataSource.transaction(async (manager) => {
      const { letter, workspace, fresh, skipped } = await this.selection(manager, letterId, target);
      const context = await this.mailer.context(manager, letter, workspace, actorId);
      // A whole directory at once: the rows go in with multi-row INSERTs (invitations, then
      // their mail and outbox rows), not one save() per row.
      const batch = fresh.map((organization) => {
        const seed = newTokenSeed();
        const invitation = manager.create(InvitationEntity, {
          id: randomUUID(),
          letterId,
          organizationId: organization.id,
          email: primaryEmail(organization),
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
          note: theNote,
          messageId: null,
          remindersSent: 0,
        });
        return { invitation, organization };
      });
      await insertMany(
        manager,
        InvitationEntity,
        batch.map((b) => b.invitation),
      );
      await this.mailer.sendMany(manager, batch, context, signOnInvitation);
      if (fresh.length) {
        await this.audit.append(manager, workspace.id, {
          actor: { type: 'user', id: actorId },
          action: 'letter.invited',
          subject: { type: 'letter', id: letterId },
          letterId,
          data: { count: fresh.length, organizationIds: fresh.map((o) => o.id) },
        });
      }
      return { queued: fresh.length, alreadyInvited: skipped.length };
    });
  }

  /**
   * What `invite` with the same selection and note would do, writing nothing: how many it
   * would invite, who it would skip as already invited, and the exact mail (composed by the
   * mailer's one render) for `organizationId`, or the first recipient by name, with a
   * placeholder where the sign-on link goes.
   */
  async preview(
    letterId: string,
    actorId: string,
    target: InviteTarget,
    note?: string | null,
    organizationId?: string,
  ): Promise<InvitationPreview> {
    const theNote = noteOrNull(note);
    const manager = this.dataSource.manager;
    const { letter, workspace, fresh, skipped } = await this.selection(manager, letterId, target);
    const byName = [...fresh].sort((a, b) => a.name.localeCompare(b.name));
    const recipient =
      organizationId === undefined ? byName[0] : byName.find((o) => o.id === organizationId);
    if (organizationId !== undefined && !recipient) {
      throw DomainError.invalid(
        'organizationId',
        'is not among the organizations this selection would invite now',
      );
    }
    let mail: InvitationMailPreview | null = null;
    if (recipient) {
      const context = await this.mailer.context(manager, letter, workspace, actorId);
      const rendered = this.mailer.render(
        { id: 'preview', email: primaryEmail(recipient), tokenSeed: '', note: theNote },
        recipient,
        context,
        signOnInvitation,
        PREVIEW_LINK_TOKEN,
      );
      mail = {
        organizationId: recipient.id,
        organizationName: recipient.name,
        to: rendered.to,
        fromName: rendered.fromName ?? context.sender,
        replyTo: rendered.replyTo ?? context.replyTo,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
      };
    }
    return {
      recipients: fresh.length,
      alreadyInvited: skipped.length,
      skipped,
      mail,
      placeholderLink: mail ? `${this.config.publicUrl}/sign/${PREVIEW_LINK_TOKEN}` : null,
    };
  }

  /** The open letter, the organizations a selection would invite now, and those it skips. */
  private async selection(manager: EntityManager, letterId: string, target: InviteTarget) {
    const { letter, workspace } = await findOpenLetter(manager, letterId, this.clock.now());
    const organizations = await this.targets(manager, workspace.id, target);
    const existing = new Map(
      (
        await manager.find(InvitationEntity, {
          where: { letterId },
          select: { id: true, organizationId: true, email: true, status: true, revokedAt: true },
        })
      ).map((i) => [i.organizationId, i]),
    );
    const fresh = organizations.filter((o) => !existing.has(o.id));
    const skipped: SkippedInvitation[] = organizations
      .filter((o) => existing.has(o.id))
      .map((o) => {
        const invitation = existing.get(o.id)!;
        return {
          invitationId: invitation.id,
          organizationId: o.id,
          organizationName: o.name,
          email: invitation.email,
          status: invitation.status,
          revoked: invitation.revokedAt !== null,
        };
      })
      .sort((a, b) => a.organizationName.localeCompare(b.organizationName));
    return { letter, workspace, fresh, skipped };
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
        const seconds = Math.ceil((RESEND_EVERY_MS - since) / 1000);
        throw DomainError.tooMany(
          `last message went out moments ago; resend again in ${Math.ceil(seconds / 60)} min`,
          seconds,
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
      // Replies go to whoever resends; the note is still introduced with its author's name.
      const context = await this.mailer.context(
        manager,
        letter,
        workspace,
        actorId,
        invitation.invitedBy,
      );
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
    await this.recordMailOutcomes([mailId]);
  }

  /**
   * `recordMailOutcome` for many messages in one transaction (the mail worker groups the
   * outcomes that finish together), each exactly as if recorded alone: in order, with its
   * own conditional update and its own audit event.
   */
  async recordMailOutcomes(mailIds: string[]): Promise<void> {
    if (!mailIds.length) return;
    const messages = await this.dataSource
      .getRepository(MailMessageEntity)
      .findBy({ id: In([...new Set(mailIds)]) });
    const order = new Map(mailIds.map((id, index) => [id, index]));
    await this.recordOutcomesOf(messages.sort((a, b) => order.get(a.id)! - order.get(b.id)!));
  }

  /** `recordMailOutcomes` for messages the caller holds as stored (the mail worker). */
  async recordOutcomesOf(messages: MailMessageEntity[]): Promise<void> {
    const outcomes = messages.filter(
      (m) => m.context?.startsWith('invitation:') && (m.status === 'sent' || m.status === 'failed'),
    );
    if (!outcomes.length) return;
    await this.dataSource.transaction(async (manager) => {
      const recorded = await this.applyOutcomes(manager, outcomes);
      if (!recorded.length) return;
      const workspaces = await this.workspacesOfLetters(
        manager,
        recorded.map((r) => r.invitation.letterId),
      );
      // One event per invitation, in order, written together.
      await this.audit.appendMany(
        manager,
        recorded.map(({ invitation, message }) => {
          const sent = message.status === 'sent';
          return {
            workspaceId: workspaces.get(invitation.letterId)!,
            event: {
              actor: { type: 'system', id: null },
              action: sent ? 'invitation.sent' : 'invitation.failed',
              subject: { type: 'invitation', id: invitation.id },
              letterId: invitation.letterId,
              data: sent
                ? { organizationId: invitation.organizationId, messageId: message.messageId }
                : { organizationId: invitation.organizationId, reason: message.error },
            },
          };
        }),
      );
    });
  }

  /**
   * Moves each invitation on by its message's outcome; answers the ones that changed.
   * Conditional updates, not read-then-save: the organization may be answering through its
   * link at this very moment, and its answer must not be overwritten.
   */
  private async applyOutcomes(
    manager: EntityManager,
    outcomes: MailMessageEntity[],
  ): Promise<{ invitation: ChangedInvitation; message: MailMessageEntity }[]> {
    const invitationOf = (m: MailMessageEntity) => m.context!.slice('invitation:'.length);
    const distinct = new Set(outcomes.map(invitationOf)).size === outcomes.length;
    if (
      manager.connection.options.type === 'postgres' &&
      outcomes.length > 1 &&
      distinct &&
      outcomes.every((m) => m.status === 'sent')
    ) {
      // The common case, a batch of first deliveries: one statement for all of them.
      const [rows] = await manager.query<[ChangedInvitation[], number]>(
        `UPDATE invitations AS i
            SET sent_at = v.sent_at, message_id = v.message_id,
                status = CASE WHEN i.status = 'queued' THEN 'sent' ELSE i.status END
           FROM unnest($1::varchar[], $2::timestamptz[], $3::varchar[]) AS v(id, sent_at, message_id)
          WHERE i.id = v.id AND i.sent_at IS NULL
      RETURNING i.id, i.letter_id AS "letterId", i.organization_id AS "organizationId"`,
        [
          outcomes.map(invitationOf),
          outcomes.map((m) => m.sentAt!.toISOString()),
          outcomes.map((m) => m.messageId),
        ],
      );
      const changed = new Map(rows.map((r) => [r.id, r]));
      return outcomes
        .filter((m) => changed.has(invitationOf(m)))
        .map((message) => ({ invitation: changed.get(invitationOf(message))!, message }));
    }
    const recorded: { invitationId: string; message: MailMessageEntity }[] = [];
    for (const message of outcomes) {
      const invitationId = invitationOf(message);
      const changed =
        message.status === 'sent'
          ? // The first delivery to the current address (reminders after it change
            // nothing), recorded even when the organization answered meanwhile: a colleague
            // may sign before the worker has finished with the mail that brought the link.
            await manager
              .createQueryBuilder()
              .update(InvitationEntity)
              .set({
                sentAt: message.sentAt,
                messageId: message.messageId,
                status: () => "CASE WHEN status = 'queued' THEN 'sent' ELSE status END",
              })
              .where('id = :id AND sent_at IS NULL', { id: invitationId })
              .execute()
          : await manager.update(
              InvitationEntity,
              { id: invitationId, status: In(['queued', 'sent']) },
              { status: 'failed', failureReason: message.error },
            );
      if (changed.affected) recorded.push({ invitationId, message });
    }
    if (!recorded.length) return [];
    const invitations = new Map(
      (
        await manager.find(InvitationEntity, {
          where: { id: In([...new Set(recorded.map((r) => r.invitationId))]) },
          select: { id: true, letterId: true, organizationId: true },
        })
      ).map((i) => [i.id, i]),
    );
    return recorded.map(({ invitationId, message }) => ({
      invitation: invitations.get(invitationId)!,
      message,
    }));
  }

  /** Letter id → its workspace id, in two queries. */
  private async workspacesOfLetters(
    manager: EntityManager,
    letterIds: string[],
  ): Promise<Map<string, string>> {
    const letters = await manager.findBy(LetterEntity, { id: In([...new Set(letterIds)]) });
    const campaigns = new Map(
      (
        await manager.findBy(CampaignEntity, {
          id: In([...new Set(letters.map((l) => l.campaignId))]),
        })
      ).map((c) => [c.id, c.workspaceId]),
    );
    return new Map(letters.map((l) => [l.id, campaigns.get(l.campaignId)!]));
  }

  private async targets(manager: EntityManager, workspaceId: string, target: InviteTarget) {
    const active = { workspaceId, archivedAt: IsNull() };
    if ('allOrganizations' in target) return manager.find(OrganizationEntity, { where: active });
    if ('tag' in target || 'tags' in target) {
      const all = await manager.find(OrganizationEntity, { where: active });
      const wanted = new Set(
        ('tag' in target ? [target.tag] : target.tags).map((t) => t.trim().toLowerCase()),
      );
      return all.filter((o) => (JSON.parse(o.tags) as string[]).some((t) => wanted.has(t)));
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

function primaryEmail(organization: Pick<OrganizationEntity, 'emails'>): string {
  return (JSON.parse(organization.emails) as string[])[0];
}

/** The note as stored: refused like a letter body when it uses other Markdown; blank is none. */
function noteOrNull(note: string | null | undefined): string | null {
  if (note === undefined || note === null || !note.trim()) return null;
  if (note.length > INVITATION_NOTE_MAX) {
    throw DomainError.invalid('note', `must be at most ${INVITATION_NOTE_MAX} characters`);
  }
  assertSafeMarkdown('note', note);
  return note;
}
