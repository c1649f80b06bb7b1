import { AppConfig } from '@app/config';
import { signOnDelegated } from '@app/mail';
import { Inject, Injectable } from '@nestjs/common';
import { isEmail } from 'class-validator';
import { DataSource } from 'typeorm';
import { normalizeEmail } from '../accounts/email';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { InvitationMailer } from '../invitations/invitation-mailer';
import { newTokenSeed, signToken, signTokenHash } from '../invitations/sign-links';
import { SignerAccessResolver } from './signer-access';
import type { DelegateCommand } from './sign-on-commands';
import { actionsOf } from './signer-actions';
import { signerText } from './signer-input';

const UNANSWERED = ['queued', 'sent', 'failed', 'opened'];

/**
 * The person who received an invitation passes it to a colleague: the colleague gets a
 * fresh link by mail, the old link stops working, and the hand-over is in the audit trail.
 */
@Injectable()
export class DelegationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: SignerAccessResolver,
    private readonly mailer: InvitationMailer,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async delegate(token: string, command: DelegateCommand): Promise<{ delegatedTo: string }> {
    const raw = signerText('email', command.email, 320, true)!;
    if (!isEmail(raw)) throw DomainError.invalid('email', 'must be an email address');
    const email = normalizeEmail(raw);
    const fromName = signerText('fromName', command.fromName, 200, false);

    return this.dataSource.transaction(async (manager) => {
      const access = await this.access.resolve(manager, token);
      const invitation = access.invitation;
      if (!invitation || !actionsOf(access).includes('delegate')) {
        throw new DomainError(
          DomainErrorCode.NotAllowedNow,
          invitation
            ? 'letter: sign-ons have closed'
            : 'token: only an invitation link can be passed on',
        );
      }
      if (email === invitation.email)
        throw DomainError.invalid('email', 'is the address this link was sent to');
      const from = invitation.email;
      const seed = newTokenSeed();
      Object.assign(invitation, {
        email,
        tokenSeed: seed,
        tokenHash: signTokenHash(this.config.appSecret, signToken(this.config.appSecret, seed)),
        lastMailedAt: this.clock.now(),
        // A new address: its delivery is tracked afresh.
        sentAt: null,
        failureReason: null,
        messageId: null,
      });
      // Unanswered, it is a new delivery to follow; an answer stays the organization's answer.
      if (UNANSWERED.includes(invitation.status)) invitation.status = 'queued';
      await manager.save(invitation);
      await this.audit.append(manager, access.workspace.id, {
        actor: { type: 'signer', id: invitation.id },
        action: 'invitation.delegated',
        subject: { type: 'invitation', id: invitation.id },
        letterId: access.letter.id,
        data: { organizationId: invitation.organizationId, from, to: email, fromName },
      });
      const context = await this.mailer.context(
        manager,
        access.letter,
        access.workspace,
        invitation.invitedBy,
      );
      const delegated = { ...context, delegatedBy: fromName ? `${fromName} (${from})` : from };
      await this.mailer.send(manager, invitation, access.organization!, delegated, signOnDelegated);
      return { delegatedTo: email };
    });
  }
}
