import { AppConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { Clock } from '../clock';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { newTokenSeed, signToken, signTokenHash } from '../invitations/sign-links';
import { LetterEntity } from '../letters/letter.entity';
import { nameKey } from '../organizations/name-key';
import { OrganizationEntity } from '../organizations/organization.entity';
import { liveKeyFor } from './signature-moderation';
import { SignatureEntity } from './signature.entity';
import { SignerAccessResolver, type PublishedLetter } from './signer-access';
import type { OpenSignOnCommand } from './sign-on-commands';
import { openSignerFields, type OpenSignerFields } from './signer-input';
import { SignerMailer } from './signer-mailer';

/** The address is in the organization's own domain (example.org, or a subdomain of it). */
export function domainMatches(email: string, website: string | null): boolean {
  if (!website) return false;
  let host: string;
  try {
    host = new URL(website).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return false;
  }
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return domain === host || domain.endsWith(`.${host}`);
}

/**
 * Sign-on by anyone, when a letter allows it (`settings.openSignOn`): a request, then a
 * confirmation from the email address, then approval if the letter requires it. Whatever
 * happens, the requester sees the same answer ("check your email"), so nobody can learn
 * from it which organizations signed; the address learns the rest by mail.
 */
@Injectable()
export class OpenSignOnService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: SignerAccessResolver,
    private readonly mailer: SignerMailer,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** The letter as the open sign-on form shows it; 404 unless open sign-on is on. */
  async letter(letterId: string): Promise<PublishedLetter> {
    return this.dataSource.transaction((manager) => this.openLetter(manager, letterId));
  }

  async request(
    letterId: string,
    command: OpenSignOnCommand,
    meta: { ip: string | null; userAgent: string | null },
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const published = await this.openLetter(manager, letterId);
      if (!published.open) {
        throw new DomainError(DomainErrorCode.NotAllowedNow, 'letter: sign-ons have closed');
      }
      const fields = openSignerFields(command, published.settings.visibilities);
      // The honeypot: people never see it, form-filling robots fill it. Same answer, no effect.
      if (typeof command.homepage === 'string' && command.homepage.trim()) return;

      const organization = await manager.findOneBy(OrganizationEntity, {
        workspaceId: published.workspace.id,
        nameKey: nameKey(fields.displayName),
        archivedAt: IsNull(),
      });
      // The place this organization would hold once confirmed (a live status has a key).
      const liveKey = liveKeyFor({
        status: 'confirmed',
        organizationId: organization?.id ?? null,
        displayName: fields.displayName,
      })!;
      if (await manager.existsBy(SignatureEntity, { letterId, liveKey })) {
        await this.mailer.openDuplicate(manager, published, fields.signerEmail, fields.displayName);
        return;
      }
      const pending = await manager.findOneBy(SignatureEntity, {
        letterId,
        status: 'pending_confirmation',
        signerEmail: fields.signerEmail,
        organizationId: organization?.id ?? IsNull(),
      });
      const signature = pending ?? this.newRequest(published, organization, fields, meta);
      if (pending) this.refresh(pending, organization, fields);
      await manager.save(signature);
      const link = `${this.config.publicUrl}/sign/${signToken(this.config.appSecret, signature.tokenSeed!)}`;
      await this.mailer.openConfirm(
        manager,
        { ...published, invitation: null, organizationName: fields.displayName },
        signature,
        link,
      );
    });
  }

  private async openLetter(manager: EntityManager, letterId: string): Promise<PublishedLetter> {
    const letter = await manager.findOneBy(LetterEntity, { id: letterId });
    const published = letter && (await this.access.published(manager, letter));
    if (!published || !published.settings.openSignOn) throw DomainError.notFound('letter');
    return published;
  }

  private newRequest(
    published: PublishedLetter,
    organization: OrganizationEntity | null,
    fields: OpenSignerFields,
    meta: { ip: string | null; userAgent: string | null },
  ): SignatureEntity {
    const seed = newTokenSeed();
    const now = this.clock.now();
    const signature = Object.assign(new SignatureEntity(), {
      id: randomUUID(),
      letterId: published.letter.id,
      invitationId: null,
      liveKey: null,
      status: 'pending_confirmation',
      source: 'open',
      revision: published.revision,
      consentText: '',
      authorized: true,
      ip: meta.ip?.slice(0, 64) ?? null,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
      position: null,
      tokenSeed: seed,
      tokenHash: signTokenHash(this.config.appSecret, signToken(this.config.appSecret, seed)),
      signedAt: now,
      withdrawnAt: null,
    });
    this.refresh(signature, organization, fields);
    return signature;
  }

  /** A repeated request updates the pending one with what was typed last. */
  private refresh(
    signature: SignatureEntity,
    organization: OrganizationEntity | null,
    fields: OpenSignerFields,
  ) {
    const website = fields.website ?? organization?.website ?? null;
    Object.assign(signature, {
      ...fields,
      organizationId: organization?.id ?? null,
      website,
      domainVerified: domainMatches(fields.signerEmail, website),
      updatedAt: this.clock.now(),
    });
  }
}
