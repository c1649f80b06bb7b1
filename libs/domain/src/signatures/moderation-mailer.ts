import { AppConfig } from '@app/config';
import { MailService, renderMail, signatureModerated } from '@app/mail';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { InvitationEntity } from '../invitations/invitation.entity';
import { signToken } from '../invitations/sign-links';
import { OrganizationEntity } from '../organizations/organization.entity';
import type { SignatureEntity } from './signature.entity';
import type { ModerationTransition } from './signature-moderation';
import type { PublishedLetter } from './signer-access';

/** What a coordinator changed: a status transition, a corrected name, or both. */
export interface ModerationChange {
  transition: ModerationTransition | null;
  /** The name before the correction; null when the name stayed. */
  previousName: string | null;
  /** Why the sign-on was not accepted, when the coordinator said. */
  reason: string | null;
}

/** Tells the signer, in the coordinator's transaction, what a coordinator changed. */
@Injectable()
export class ModerationMailer {
  constructor(
    private readonly mail: MailService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async notify(
    manager: EntityManager,
    published: PublishedLetter,
    signature: SignatureEntity,
    change: ModerationChange,
    coordinatorEmail: string | null,
  ): Promise<void> {
    const invitation = signature.invitationId
      ? await manager.findOneBy(InvitationEntity, { id: signature.invitationId })
      : null;
    const to =
      signature.signerEmail ?? (signature.source === 'invitation' ? invitation?.email : null);
    if (!to) return;
    const organization = signature.organizationId
      ? await manager.findOne(OrganizationEntity, {
          where: { id: signature.organizationId },
          select: { id: true, name: true },
        })
      : null;
    const workspace = published.workspace.name;
    const rendered = renderMail(signatureModerated, {
      sender: workspace,
      workspace,
      title: published.content.title,
      organization: organization?.name ?? signature.displayName,
      displayName: signature.displayName,
      previousName: change.previousName,
      approved: change.transition === 'approved',
      rejected: change.transition === 'rejected',
      renamed: change.previousName !== null,
      reason: change.reason,
      link: this.link(signature, invitation, to),
    });
    await this.mail.queue(manager, {
      to,
      ...rendered,
      fromName: workspace,
      replyTo: coordinatorEmail ?? undefined,
      context: `signature:${signature.id}`,
    });
  }

  /**
   * The signer's own page, but only to the person who holds that link: an invitation's
   * link may have been passed on since, and must not travel back to a former holder.
   */
  private link(
    signature: SignatureEntity,
    invitation: InvitationEntity | null,
    to: string,
  ): string | null {
    const seed =
      invitation && !invitation.revokedAt && invitation.email === to
        ? invitation.tokenSeed
        : signature.source === 'open'
          ? signature.tokenSeed
          : null;
    return seed ? `${this.config.publicUrl}/sign/${signToken(this.config.appSecret, seed)}` : null;
  }
}
