import { AppConfig } from '@app/config';
import { isUniqueViolation } from '@app/database';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { UserEntity } from '../accounts/user.entity';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { AuditService, type ChainVerification } from '../audit/audit.service';
import { CampaignEntity } from '../campaigns/campaign.entity';
import { Clock } from '../clock';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { loadLetterTimeZone } from '../letters/letter-time-zone';
import { InvitationEntity } from '../invitations/invitation.entity';
import { findLetterOrFail } from '../letters/find-letter';
import { visibilities, type Visibility } from '../letters/letter-settings';
import { OrganizationEntity } from '../organizations/organization.entity';
import { ACTIVITY_PAGE, ACTIVITY_PAGE_MAX, type ActivityEvent } from './letter-activity';
import { letterStats, type LetterStats } from './letter-stats';
import { manualConsentText, manualSignOn, type ManualSignOnInput } from './manual-sign-on';
import { ModerationMailer } from './moderation-mailer';
import { newSignature } from './new-signature';
import { SignatureEntity, type SignatureSource, type SignatureStatus } from './signature.entity';
import { signOnCurve, type SignOnCurve } from './sign-on-curve';
import {
  assertModeratable,
  liveKeyFor,
  moderationStatuses,
  moderationTransition,
  type ModerationStatus,
} from './signature-moderation';
import {
  privateSignatureView,
  signatureSources,
  signatureStatuses,
  signatureView,
  type PrivateSignatureView,
  type SignatureView,
} from './signature-view';
import { csvScopes, type CsvScope } from './signatures-csv';
import { exportSignatures } from './signatures-export';
import { SignerAccessResolver } from './signer-access';
import { signerText } from './signer-input';

export const LIST_PAGE = 100;
export const LIST_PAGE_MAX = 1000;

export interface SignatureListQuery {
  status?: SignatureStatus;
  source?: SignatureSource;
  visibility?: Visibility;
  limit?: number;
  offset?: number;
}

export interface SignatureChange {
  status?: ModerationStatus;
  displayName?: string;
  /** Why a sign-on is rejected; told to the signer and kept in the audit trail. */
  reason?: string;
}

export interface LetterChainVerification extends ChainVerification {
  /** How many of the workspace's events concern this letter. */
  letterEvents: number;
}

const notNow = (message: string) => new DomainError(DomainErrorCode.NotAllowedNow, message);

function oneOf<T extends string>(field: string, value: T | undefined, allowed: readonly T[]) {
  if (value !== undefined && !allowed.includes(value)) {
    throw DomainError.invalid(field, `must be one of ${allowed.join(', ')}`);
  }
}

function whole(field: string, value: number | undefined, min: number, max: number) {
  if (value !== undefined && !(Number.isInteger(value) && value >= min && value <= max)) {
    throw DomainError.invalid(field, `must be a whole number from ${min} to ${max}`);
  }
}

/**
 * The coordinators' side of sign-ons: the list (private details for coordinators only),
 * the numbers, moderation, sign-ons received offline, CSV exports, the activity feed and
 * the audit chain's verification.
 */
@Injectable()
export class SignaturesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: SignerAccessResolver,
    private readonly mailer: ModerationMailer,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /**
   * One page, by time of signing. Without `private`, signers' contact and consent details
   * are left out, and so are anonymous signatures (counted only, in the stats); without
   * `delivered`, so are the delivered-only ones (`seesDeliveredNames`).
   */
  async list(
    letterId: string,
    query: SignatureListQuery,
    access: { private: boolean; delivered: boolean },
  ): Promise<{ items: (SignatureView | PrivateSignatureView)[]; total: number }> {
    oneOf('status', query.status, signatureStatuses);
    oneOf('source', query.source, signatureSources);
    oneOf('visibility', query.visibility, visibilities);
    whole('limit', query.limit, 1, LIST_PAGE_MAX);
    whole('offset', query.offset, 0, Number.MAX_SAFE_INTEGER);
    const letter = findLetterOrFail(this.dataSource.manager, letterId);

    const shown = (query.visibility ? [query.visibility] : [...visibilities]).filter(
      (v) => (access.private || v !== 'anonymous') && (access.delivered || v !== 'delivered'),
    );
    if (!shown.length) {
      await letter;
      return { items: [], total: 0 };
    }
    const where: FindOptionsWhere<SignatureEntity> = {
      letterId,
      // Every visibility shown: no condition, and the page is read straight off the
      // (letter, signedAt, id) index.
      ...(shown.length < visibilities.length ? { visibility: In(shown) } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.source ? { source: query.source } : {}),
    };
    const signatures = this.dataSource.getRepository(SignatureEntity);
    // The letter's lookup, the page and the total at once (three connections on PostgreSQL).
    const [, rows, total] = await Promise.all([
      letter,
      signatures.find({
        where,
        order: { signedAt: 'ASC', id: 'ASC' },
        skip: query.offset ?? 0,
        take: query.limit ?? LIST_PAGE,
      }),
      signatures.countBy(where),
    ]);
    return { items: rows.map(access.private ? privateSignatureView : signatureView), total };
  }

  async stats(letterId: string): Promise<LetterStats> {
    const manager = this.dataSource.manager;
    return letterStats(manager, letterId, findLetterOrFail(manager, letterId));
  }

  /** Confirmed sign-ons over time, for the dashboard's chart: one read of their times. */
  async signOnCurve(letterId: string): Promise<SignOnCurve> {
    const manager = this.dataSource.manager;
    await findLetterOrFail(manager, letterId);
    const rows = await manager.find(SignatureEntity, {
      where: { letterId, status: 'confirmed' },
      select: { id: true, signedAt: true },
      order: { signedAt: 'ASC', id: 'ASC' },
    });
    return signOnCurve(rows.map((row) => row.signedAt));
  }

  /**
   * Approves, rejects (or takes back a rejection), and corrects the printed name; each
   * change is an audit event, and the signer hears of it by mail.
   */
  async update(
    signatureId: string,
    actorId: string,
    change: SignatureChange,
  ): Promise<PrivateSignatureView> {
    if (change.status === undefined && change.displayName === undefined) {
      throw DomainError.invalid('status', 'give status, displayName or both');
    }
    oneOf('status', change.status, moderationStatuses);
    const displayName =
      change.displayName === undefined
        ? undefined
        : signerText('displayName', change.displayName, 300, true)!;
    if (change.reason !== undefined && change.status !== 'rejected') {
      throw DomainError.invalid('reason', 'a reason goes with status "rejected" only');
    }
    const reason = signerText('reason', change.reason, 500, false) ?? null;
    try {
      return await this.dataSource.transaction((manager) =>
        this.updateIn(manager, signatureId, actorId, change.status, displayName, reason),
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw DomainError.conflict(
        change.status === 'confirmed'
          ? 'status: this organization has another live sign-on on this letter; reject that one first'
          : 'displayName: another organization with this name is signed on to this letter',
      );
    }
  }

  private async updateIn(
    manager: EntityManager,
    signatureId: string,
    actorId: string,
    status: ModerationStatus | undefined,
    displayName: string | undefined,
    reason: string | null,
  ): Promise<PrivateSignatureView> {
    const signature = await manager.findOneBy(SignatureEntity, { id: signatureId });
    if (!signature) throw DomainError.notFound('signature');
    const published = await this.publishedOrFail(manager, signature.letterId);
    if (published.letter.status === 'final') {
      throw notNow('status: the letter is final; its signatories can no longer change');
    }
    const renamed = displayName !== undefined && displayName !== signature.displayName;
    if (renamed) assertModeratable(signature.status, 'displayName');
    const transition = status ? moderationTransition(signature.status, status) : null;
    if (!renamed && !transition) return privateSignatureView(signature);

    const before = { status: signature.status, displayName: signature.displayName };
    if (renamed) signature.displayName = displayName;
    if (transition) signature.status = status!;
    signature.liveKey = liveKeyFor(signature);
    signature.updatedAt = this.clock.now();
    await manager.save(signature);

    const record = (action: string, data: Record<string, unknown>) =>
      this.audit.append(manager, published.workspace.id, {
        actor: { type: 'user', id: actorId },
        action,
        subject: { type: 'signature', id: signature.id },
        letterId: signature.letterId,
        data: { organizationId: signature.organizationId, ...data },
      });
    if (renamed) {
      await record('signature.edited', {
        field: 'displayName',
        from: before.displayName,
        to: signature.displayName,
      });
    }
    if (transition) {
      await record(`signature.${transition}`, {
        from: before.status,
        to: signature.status,
        ...(transition === 'rejected' && reason ? { reason } : {}),
      });
    }
    const coordinator = await manager.findOneBy(UserEntity, { id: actorId });
    await this.mailer.notify(
      manager,
      published,
      signature,
      {
        transition,
        previousName: renamed ? before.displayName : null,
        reason: transition === 'rejected' ? reason : null,
      },
      coordinator?.email ?? null,
    );
    return privateSignatureView(signature);
  }

  /**
   * Records a sign-on received by phone, mail or on paper, as confirmed: the letter must
   * have been published (open, or closed for late ones) and the organization must not
   * already be signed on (409).
   */
  async addManual(
    letterId: string,
    actorId: string,
    input: ManualSignOnInput,
  ): Promise<PrivateSignatureView> {
    try {
      return await this.dataSource.transaction((manager) =>
        this.addManualIn(manager, letterId, actorId, input),
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw DomainError.conflict(
        input.organizationId
          ? 'organizationId: this organization is already signed on to this letter; correct or reject that sign-on instead'
          : 'displayName: an organization with this name is already signed on to this letter; correct or reject that sign-on instead',
      );
    }
  }

  private async addManualIn(
    manager: EntityManager,
    letterId: string,
    actorId: string,
    input: ManualSignOnInput,
  ): Promise<PrivateSignatureView> {
    const letter = await findLetterOrFail(manager, letterId);
    if (letter.status !== 'open' && letter.status !== 'closed') {
      throw notNow(
        `status: sign-ons can be added to an open or closed letter; this one is ${letter.status}`,
      );
    }
    const published = (await this.access.published(manager, letter))!;
    const fields = manualSignOn(input, published.settings.visibilities);
    const organization = fields.organizationId
      ? await manager.findOneBy(OrganizationEntity, {
          id: fields.organizationId,
          workspaceId: published.workspace.id,
        })
      : null;
    if (fields.organizationId && (!organization || organization.archivedAt)) {
      throw DomainError.invalid(
        'organizationId',
        `no organization ${fields.organizationId.slice(0, 40)} in this workspace's directory`,
      );
    }
    const invitation = organization
      ? await manager.findOneBy(InvitationEntity, { letterId, organizationId: organization.id })
      : null;
    const coordinator = await manager.findOneByOrFail(UserEntity, { id: actorId });
    const now = this.clock.now();
    const signature = newSignature(
      {
        letterId,
        organizationId: organization?.id ?? null,
        invitationId: invitation?.id ?? null,
        source: 'manual',
        visibility: fields.visibility,
        revision: letter.publishedRevision!,
        displayName: fields.displayName,
        signerName: fields.signerName,
        signerTitle: fields.signerTitle,
        signerEmail: fields.signerEmail,
        country: fields.country,
        website: organization?.website ?? null,
        consentText: manualConsentText(coordinator.name, fields.note),
      },
      now,
    );
    signature.liveKey = liveKeyFor(signature);
    await manager.insert(SignatureEntity, signature);
    if (invitation) {
      await manager.update(
        InvitationEntity,
        { id: invitation.id },
        { status: 'signed', respondedAt: now },
      );
    }
    await this.audit.append(manager, published.workspace.id, {
      actor: { type: 'user', id: actorId },
      action: 'signature.added',
      subject: { type: 'signature', id: signature.id },
      letterId,
      data: {
        organizationId: signature.organizationId,
        displayName: signature.displayName,
        visibility: signature.visibility,
        revision: signature.revision,
        source: 'manual',
      },
    });
    return privateSignatureView(signature);
  }

  /** The CSV of one scope (see exportSignatures), and its file name. */
  async csv(letterId: string, scope: CsvScope): Promise<{ filename: string; text: string }> {
    oneOf('scope', scope, csvScopes);
    const manager = this.dataSource.manager;
    const letter = await findLetterOrFail(manager, letterId);
    const timeZone = await loadLetterTimeZone(manager, letter, this.config.defaultTimeZone);
    return exportSignatures(manager, letter, scope, timeZone);
  }

  /** The letter's audit events, newest first; `before` (a seq) pages back. */
  async activity(
    letterId: string,
    page: { limit?: number; before?: number } = {},
  ): Promise<ActivityEvent[]> {
    whole('limit', page.limit, 1, ACTIVITY_PAGE_MAX);
    whole('before', page.before, 1, Number.MAX_SAFE_INTEGER);
    await findLetterOrFail(this.dataSource.manager, letterId);
    const events = await this.audit.listForLetter(
      letterId,
      page.limit ?? ACTIVITY_PAGE,
      page.before,
    );
    return this.audit.activityOf(events);
  }

  /**
   * What a live stream that resumes after `afterSeq` missed, oldest first. More than
   * `limit` events: `missed` is null and `lastSeq` is the newest event's seq, so the client
   * refetches the feed and goes on from there.
   */
  async activitySince(
    letterId: string,
    afterSeq: number,
    limit: number,
  ): Promise<{ missed: ActivityEvent[] | null; lastSeq: number }> {
    const events = await this.audit.letterActivitySince(letterId, afterSeq, limit + 1);
    if (events.length <= limit) {
      return { missed: events, lastSeq: events.at(-1)?.seq ?? afterSeq };
    }
    return { missed: null, lastSeq: await this.audit.lastLetterSeq(letterId) };
  }

  /** Recomputes the hash chain of the workspace that owns the letter. */
  async verifyLetterChain(letterId: string): Promise<LetterChainVerification> {
    const letter = await findLetterOrFail(this.dataSource.manager, letterId);
    const campaign = await this.dataSource
      .getRepository(CampaignEntity)
      .findOneByOrFail({ id: letter.campaignId });
    const { valid, events, brokenAt } = await this.audit.verify(campaign.workspaceId);
    const letterEvents = await this.dataSource
      .getRepository(AuditEventEntity)
      .countBy({ letterId });
    return { valid, events, letterEvents, ...(brokenAt !== undefined ? { brokenAt } : {}) };
  }

  private async publishedOrFail(manager: EntityManager, letterId: string) {
    const published = await this.access.published(
      manager,
      await findLetterOrFail(manager, letterId),
    );
    // Signatures exist only on published letters; a draft here means the data is wrong.
    if (!published) throw notNow('status: the letter is not published');
    return published;
  }
}
