import { isUniqueViolation } from '@app/database';
import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService, type NewAuditEvent } from '../audit/audit.service';
import { Clock } from '../clock';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import type { LetterContent } from '../letters/letter-diff';
import type { Visibility } from '../letters/letter-settings';
import { deadlineFields } from '../letters/letter-time-zone';
import { InvitationEntity } from '../invitations/invitation.entity';
import { consentText } from './consent';
import { liveKeyFor } from './signature-moderation';
import { newSignature } from './new-signature';
import { ALONE, SignOnBatches, type Creation } from './sign-on-batches';
import { isLive, SignatureEntity, type SignatureStatus } from './signature.entity';
import { SignerAccessResolver, type SignerAccess } from './signer-access';
import { actionsOf, type SignerAction } from './signer-actions';
import type { DeclineCommand, SignOnCommand } from './sign-on-commands';
import { signerFields, reasonText, type SignerFields } from './signer-input';
import { SignerMailer } from './signer-mailer';

/** The signer's own view of a sign-on: never the IP, user agent or other private details. */
export interface OwnSignatureView {
  id: string;
  status: SignatureStatus;
  displayName: string;
  signerName: string;
  signerTitle: string | null;
  country: string | null;
  visibility: Visibility;
  revision: number;
  signedAt: Date;
  /** Signed an older revision than the one now published. */
  needsReconsent: boolean;
}

export interface SignOnView {
  letter: {
    id: string;
    title: string;
    content: LetterContent;
    revision: number;
    deadline: Date | null;
    /** The deadline with the offset of `timeZone` (`2026-12-20T23:59:00-05:00`). */
    deadlineInZone: string | null;
    /** The IANA zone the letter's times are shown in. */
    timeZone: string;
    status: string;
    /** Sign-ons accepted right now. */
    open: boolean;
  };
  organization: { name: string; country: string | null };
  /** null for an open sign-on's own link. */
  invitationStatus: string | null;
  signature: OwnSignatureView | null;
  /** Organizations signed on so far (every visibility: anonymous ones count too). */
  signedCount: number;
  /** The statement a signature stores, exactly as shown. */
  consentText: string;
  visibilities: Visibility[];
  /** What this link allows now (allowedActions): what a page or client should offer. */
  allowedActions: SignerAction[];
}

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface SignOutcome {
  created: boolean;
  signature: OwnSignatureView;
}

const closed = (access: SignerAccess) =>
  new DomainError(
    DomainErrorCode.NotAllowedNow,
    `letter: sign-ons ${access.letter.status === 'open' ? 'closed at the deadline' : `are ${access.letter.status}`}; nothing can be changed now`,
  );

/**
 * An organization's side of a sign-on, by its link (no account): read, sign, change,
 * decline, withdraw, hand the link over. Every change is one transaction with its audit
 * event and its mail.
 */
@Injectable()
export class SignOnService {
  // A batch decides with the very rules a submission alone meets.
  private readonly batches = new SignOnBatches({
    transaction: (work) => this.dataSource.transaction(work),
    resolveInvitations: (manager, tokens) => this.access.resolveInvitations(manager, tokens),
    checked: (access, command) => this.checked(access, command),
    repeat: (signature, fields, access) =>
      this.changesOf(signature, fields, access)
        ? null
        : { created: false, signature: ownView(signature, access.revision) },
    createMany: (manager, creations) => this.createMany(manager, creations),
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: SignerAccessResolver,
    private readonly mailer: SignerMailer,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The published text exactly as signed; reading never changes anything. */
  async view(token: string): Promise<SignOnView> {
    return this.dataSource.transaction((manager) => this.viewIn(manager, token));
  }

  /**
   * Signs, or changes the live sign-on (name, signer, visibility) and confirms the text now
   * published. Repeating an identical submission changes nothing and answers the same
   * signature; of simultaneous first submissions exactly one creates it.
   */
  async sign(token: string, command: SignOnCommand, meta: RequestMeta): Promise<SignOutcome> {
    const result = await this.batches.call({ token, command, meta });
    if (result === ALONE) return this.signAlone(token, command, meta);
    if ('error' in result) throw result.error;
    return result.outcome;
  }

  /** One submission in a transaction of its own: changes, and whatever a batch left out. */
  private async signAlone(
    token: string,
    command: SignOnCommand,
    meta: RequestMeta,
  ): Promise<SignOutcome> {
    try {
      return await this.signOnce(token, command, meta);
    } catch (error) {
      // A concurrent submission inserted the organization's signature first: this one is
      // now a repeat (or a change) of it.
      if (!isUniqueViolation(error)) throw error;
      return this.signOnce(token, command, meta);
    }
  }

  private signOnce(token: string, command: SignOnCommand, meta: RequestMeta) {
    return this.dataSource.transaction(async (manager): Promise<SignOutcome> => {
      const access = await this.access.resolve(manager, token);
      const fields = this.checked(access, command);
      const existing = access.signature;
      if (existing && isLive(existing)) return this.change(manager, access, existing, fields);
      // checked() allowed a first sign-on, which only an invitation's link offers.
      const [outcome] = await this.createMany(manager, [
        { access, invitation: access.invitation!, fields, meta },
      ]);
      return outcome;
    });
  }

  /** The submitted fields, when the link allows signing or changing the sign-on now. */
  private checked(access: SignerAccess, command: SignOnCommand): SignerFields {
    if (!access.open) throw closed(access);
    const fields = signerFields(command, access.settings.visibilities);
    const allowed = actionsOf(access);
    if (allowed.includes('sign') || allowed.includes('change')) return fields;
    const status = access.signature?.status;
    throw new DomainError(
      DomainErrorCode.NotAllowedNow,
      status === 'pending_confirmation'
        ? 'status: confirm this sign-on request first, with the link in the confirmation email'
        : `status: this sign-on was ${status ?? 'not made'}; request a new one on the letter's page`,
    );
  }

  /**
   * First sign-ons through invitation links: the signatures, the invitations' status, the
   * audit events and the receipts, with one statement each, whatever their number.
   */
  private async createMany(manager: EntityManager, creations: Creation[]): Promise<SignOutcome[]> {
    if (!creations.length) return [];
    const now = this.clock.now();
    const signatures = creations.map(({ access, invitation, fields, meta }) =>
      newSignature(
        {
          letterId: access.letter.id,
          organizationId: invitation.organizationId,
          invitationId: invitation.id,
          liveKey: invitation.organizationId,
          source: 'invitation',
          ...fields,
          revision: access.revision,
          signerEmail: invitation.email,
          website: access.organization?.website ?? null,
          consentText: this.consent(access),
          ip: meta.ip?.slice(0, 64) ?? null,
          userAgent: meta.userAgent?.slice(0, 500) ?? null,
        },
        now,
      ),
    );
    await manager
      .createQueryBuilder()
      .insert()
      .into(SignatureEntity)
      .values(signatures)
      .updateEntity(false)
      .execute();
    // The first answer also counts as opening the page, if nothing recorded that before.
    const unopened = creations.filter((c) => !c.invitation.openedAt).map((c) => c.invitation.id);
    const opened = creations.filter((c) => c.invitation.openedAt).map((c) => c.invitation.id);
    if (unopened.length) {
      await manager.update(
        InvitationEntity,
        { id: In(unopened) },
        { status: 'signed', respondedAt: now, openedAt: now },
      );
    }
    if (opened.length) {
      await manager.update(
        InvitationEntity,
        { id: In(opened) },
        { status: 'signed', respondedAt: now },
      );
    }
    await this.audit.appendMany(
      manager,
      creations.map(({ access }, i) => ({
        workspaceId: access.workspace.id,
        event: this.event(access, 'signature.signed', signatures[i], {
          displayName: signatures[i].displayName,
          visibility: signatures[i].visibility,
          revision: signatures[i].revision,
        }),
      })),
    );
    await this.mailer.receipts(
      manager,
      creations.map(({ access }, i) => ({
        access,
        signature: signatures[i],
        link: this.access.link(access),
      })),
    );
    return creations.map(({ access }, i) => ({
      created: true,
      signature: ownView(signatures[i], access.revision),
    }));
  }

  /** The fields a submission changes, or null when it changes nothing. */
  private changesOf(signature: SignatureEntity, fields: SignerFields, access: SignerAccess) {
    const changed = (Object.keys(fields) as (keyof SignerFields)[]).filter(
      (key) => signature[key] !== fields[key],
    );
    const reconsented = signature.revision !== access.revision;
    return changed.length || reconsented ? { changed, reconsented } : null;
  }

  private async change(
    manager: EntityManager,
    access: SignerAccess,
    signature: SignatureEntity,
    fields: SignerFields,
  ): Promise<SignOutcome> {
    const changes = this.changesOf(signature, fields, access);
    if (!changes) {
      return { created: false, signature: ownView(signature, access.revision) };
    }
    const { changed, reconsented } = changes;
    const before = Object.fromEntries(changed.map((key) => [key, signature[key]]));
    Object.assign(signature, fields, {
      revision: access.revision,
      consentText: this.consent(access),
      updatedAt: this.clock.now(),
    });
    await manager.save(signature);
    await this.record(
      manager,
      access,
      reconsented ? 'signature.reconfirmed' : 'signature.changed',
      signature,
      { changed: before, revision: signature.revision },
    );
    await this.mailer.receipt(manager, access, signature, this.access.link(access));
    return { created: false, signature: ownView(signature, access.revision) };
  }

  /** Confirms an open sign-on request from its email link; repeating it is harmless. */
  async confirm(token: string): Promise<OwnSignatureView> {
    try {
      return await this.confirmOnce(token);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw DomainError.conflict(
        'organization: this organization is already signed on to the letter; ask the coordinators if that is news to you',
      );
    }
  }

  private confirmOnce(token: string) {
    return this.dataSource.transaction(async (manager) => {
      const access = await this.access.resolve(manager, token);
      const signature = access.signature;
      if (!signature)
        throw new DomainError(
          DomainErrorCode.NotAllowedNow,
          'status: nothing to confirm; sign on first',
        );
      if (signature.status !== 'pending_confirmation') {
        // Confirming twice, the current text again, or a sign-on no longer live: a no-op.
        if (!actionsOf(access).includes('confirm')) return ownView(signature, access.revision);
        return (await this.change(manager, access, signature, pickFields(signature))).signature;
      }
      if (!access.open) throw closed(access);
      const status = access.settings.requireApproval ? 'pending_approval' : 'confirmed';
      Object.assign(signature, {
        status,
        liveKey: liveKeyFor({ ...signature, status }),
        revision: access.revision,
        consentText: this.consent(access),
        updatedAt: this.clock.now(),
        signedAt: this.clock.now(),
      });
      await manager.save(signature);
      await this.record(manager, access, 'signature.email_confirmed', signature, { status });
      await this.mailer.receipt(manager, access, signature, this.access.link(access));
      return ownView(signature, access.revision);
    });
  }

  /** Withdraws the live sign-on while the letter is open. */
  async withdraw(token: string): Promise<OwnSignatureView> {
    return this.dataSource.transaction(async (manager) => {
      const access = await this.access.resolve(manager, token);
      const signature = access.signature;
      if (!access.open) throw closed(access);
      if (!signature || !actionsOf(access).includes('withdraw')) {
        if (signature?.status === 'withdrawn') return ownView(signature, access.revision);
        throw new DomainError(
          DomainErrorCode.NotAllowedNow,
          'status: there is no sign-on to withdraw',
        );
      }
      const now = this.clock.now();
      Object.assign(signature, {
        status: 'withdrawn',
        liveKey: null,
        withdrawnAt: now,
        updatedAt: now,
      });
      await manager.save(signature);
      if (access.invitation) {
        await manager.update(
          InvitationEntity,
          { id: access.invitation.id },
          { status: 'withdrawn', respondedAt: now },
        );
      }
      await this.record(manager, access, 'signature.withdrawn', signature, {});
      await this.mailer.withdrawn(manager, access, signature, this.access.link(access));
      return ownView(signature, access.revision);
    });
  }

  /** An invited organization says no; a later sign-on while open is still welcome. */
  async decline(token: string, command: DeclineCommand): Promise<{ invitationStatus: string }> {
    const reason = reasonText(command.reason);
    return this.dataSource.transaction(async (manager) => {
      const access = await this.access.resolve(manager, token);
      const invitation = access.invitation;
      if (!actionsOf(access).includes('decline')) {
        // Why not, from the first reason; declining twice is answered as the first time.
        if (!access.open) throw closed(access);
        if (invitation?.status === 'declined') return { invitationStatus: 'declined' };
        throw new DomainError(
          DomainErrorCode.NotAllowedNow,
          invitation
            ? 'status: your organization is signed on; withdraw the sign-on instead'
            : 'status: withdraw this sign-on instead',
        );
      }
      // Unreachable (the rule allows declining only an invitation), but typed, and a 422.
      if (!invitation) {
        throw new DomainError(
          DomainErrorCode.NotAllowedNow,
          'status: withdraw this sign-on instead',
        );
      }
      const now = this.clock.now();
      await manager.update(
        InvitationEntity,
        { id: invitation.id },
        { status: 'declined', respondedAt: now, openedAt: invitation.openedAt ?? now },
      );
      await this.audit.append(manager, access.workspace.id, {
        actor: { type: 'signer', id: invitation.id },
        action: 'invitation.declined',
        subject: { type: 'invitation', id: invitation.id },
        letterId: access.letter.id,
        data: { organizationId: invitation.organizationId, reason },
      });
      return { invitationStatus: 'declined' };
    });
  }

  /**
   * Records that a person opened the page. Only the page itself calls this (a mail
   * scanner's prefetching GET never does), and only the first time counts.
   */
  async markOpened(token: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const access = await this.access.resolve(manager, token);
      const invitation = access.invitation;
      if (!invitation) return;
      const moved = await manager.update(
        InvitationEntity,
        { id: invitation.id, status: In(['queued', 'sent']) },
        { status: 'opened', openedAt: this.clock.now() },
      );
      if (!moved.affected) return;
      await this.audit.append(manager, access.workspace.id, {
        actor: { type: 'signer', id: invitation.id },
        action: 'invitation.opened',
        subject: { type: 'invitation', id: invitation.id },
        letterId: access.letter.id,
        data: { organizationId: invitation.organizationId },
      });
    });
  }

  async viewIn(manager: EntityManager, token: string): Promise<SignOnView> {
    const access = await this.access.resolve(manager, token, false);
    const signedCount = await manager.countBy(SignatureEntity, {
      letterId: access.letter.id,
      status: 'confirmed',
    });
    return {
      letter: {
        id: access.letter.id,
        title: access.content.title,
        content: access.content,
        revision: access.revision,
        deadline: access.letter.deadline,
        ...deadlineFields(access.letter.deadline, access.timeZone),
        status: access.letter.status,
        open: access.open,
      },
      organization: {
        name: access.organizationName,
        country: access.organization?.country ?? access.signature?.country ?? null,
      },
      invitationStatus: access.invitation?.status ?? null,
      signature: access.signature ? ownView(access.signature, access.revision) : null,
      signedCount,
      consentText: this.consent(access),
      visibilities: access.settings.visibilities,
      allowedActions: actionsOf(access),
    };
  }

  private consent(access: SignerAccess): string {
    return consentText({
      workspace: access.workspace.name,
      organization: access.organizationName,
      title: access.content.title,
      revision: access.revision,
    });
  }

  private async record(
    manager: EntityManager,
    access: SignerAccess,
    action: string,
    signature: SignatureEntity,
    data: NewAuditEvent['data'],
  ) {
    await this.audit.append(
      manager,
      access.workspace.id,
      this.event(access, action, signature, data),
    );
  }

  private event(
    access: SignerAccess,
    action: string,
    signature: SignatureEntity,
    data: NewAuditEvent['data'],
  ): NewAuditEvent {
    return {
      actor: { type: 'signer', id: access.invitation?.id ?? signature.id },
      action,
      subject: { type: 'signature', id: signature.id },
      letterId: access.letter.id,
      data: { organizationId: signature.organizationId, ...data },
    };
  }
}

function pickFields(signature: SignatureEntity): SignerFields {
  const { displayName, signerName, signerTitle, country, visibility } = signature;
  return { displayName, signerName, signerTitle, country, visibility };
}

export function ownView(signature: SignatureEntity, publishedRevision: number): OwnSignatureView {
  return {
    id: signature.id,
    status: signature.status,
    displayName: signature.displayName,
    signerName: signature.signerName,
    signerTitle: signature.signerTitle,
    country: signature.country,
    visibility: signature.visibility,
    revision: signature.revision,
    signedAt: signature.signedAt,
    needsReconsent: signature.status === 'confirmed' && signature.revision < publishedRevision,
  };
}
