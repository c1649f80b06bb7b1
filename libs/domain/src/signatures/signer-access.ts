import { AppConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { isWellFormedToken, newToken } from '../accounts/secret-tokens';
import { CampaignEntity } from '../campaigns/campaign.entity';
import { Clock } from '../clock';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import type { LetterContent } from '../letters/letter-diff';
import { LetterRevisionEntity } from '../letters/letter-revision.entity';
import { parseLetterSettings, type LetterSettings } from '../letters/letter-settings';
import { LetterEntity } from '../letters/letter.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { InvitationEntity } from '../invitations/invitation.entity';
import { signToken, signTokenHash } from '../invitations/sign-links';
import { LIVE_STATUSES, SignatureEntity } from './signature.entity';

/**
 * What a sign-on link opens: an invitation's (one organization of the directory), or an
 * open sign-on's own link (`signature` set, `invitation` null).
 */
export interface PublishedLetter {
  letter: LetterEntity;
  settings: LetterSettings;
  workspace: WorkspaceEntity;
  /** The published revision and its text. */
  revision: number;
  content: LetterContent;
  /** Whether sign-ons are accepted now: the letter is open and before its deadline. */
  open: boolean;
}

export interface SignerAccess extends PublishedLetter {
  token: string;
  invitation: InvitationEntity | null;
  organization: OrganizationEntity | null;
  /** The organization's live sign-on, else the link's latest one (withdrawn, rejected...). */
  signature: SignatureEntity | null;
  organizationName: string;
}

const gone = (message: string) => new DomainError(DomainErrorCode.Gone, `token: ${message}`);
const unknownLink = () => DomainError.notFound('sign-on link');

/** An unknown, revoked or expired link: what guessing links would produce. */
export function isDeadLink(error: unknown): boolean {
  return (
    error instanceof DomainError &&
    (error.code === DomainErrorCode.Gone || error.message === unknownLink().message)
  );
}

/** Resolves sign-on tokens; the token is the signer's only credential. */
@Injectable()
export class SignerAccessResolver {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * 404 unknown, 410 revoked or past the deadline's grace; malformed costs the same work.
   * `forChange` locks the link's row until the transaction ends (PostgreSQL; SQLite runs
   * one write transaction at a time anyway), so two changes through one link, or a change
   * and the mail worker, never overwrite each other.
   */
  async resolve(manager: EntityManager, token: string, forChange = true): Promise<SignerAccess> {
    // A malformed token is still hashed and looked up, so every miss takes the same time.
    const hash = signTokenHash(
      this.config.appSecret,
      isWellFormedToken(token) ? token : newToken(),
    );
    const lock =
      forChange && manager.connection.options.type === 'postgres'
        ? { lock: { mode: 'pessimistic_write' as const } }
        : {};
    const invitation = await manager.findOne(InvitationEntity, {
      where: { tokenHash: hash },
      ...lock,
    });
    const own = invitation
      ? null
      : await manager.findOne(SignatureEntity, { where: { tokenHash: hash }, ...lock });
    if (!isWellFormedToken(token) || (!invitation && !own)) throw unknownLink();
    if (invitation?.revokedAt) throw gone('this link was withdrawn by the coordinators');

    const letter = await manager.findOneByOrFail(LetterEntity, {
      id: invitation?.letterId ?? own!.letterId,
    });
    const graceMs = this.config.invitationGraceHours * 3600 * 1000;
    const now = this.clock.now().getTime();
    if (letter.deadline && letter.deadline.getTime() + graceMs < now) {
      throw gone('sign-ons for this letter have closed');
    }
    const published = await this.published(manager, letter);
    if (!published) throw gone('sign-ons for this letter have closed');
    const organizationId = invitation?.organizationId ?? own!.organizationId;
    const organization = organizationId
      ? await manager.findOneBy(OrganizationEntity, { id: organizationId })
      : null;
    const signature = invitation ? await this.invitationSignature(manager, invitation) : own;
    return {
      ...published,
      token,
      invitation,
      organization,
      signature,
      organizationName: organization?.name ?? own!.displayName,
    };
  }

  /** A published letter with what every signer-facing answer needs; null for a draft. */
  async published(manager: EntityManager, letter: LetterEntity): Promise<PublishedLetter | null> {
    if (!letter.publishedRevision) return null;
    const campaign = await manager.findOneByOrFail(CampaignEntity, { id: letter.campaignId });
    const workspace = await manager.findOneByOrFail(WorkspaceEntity, { id: campaign.workspaceId });
    const revision = await manager.findOneByOrFail(LetterRevisionEntity, {
      letterId: letter.id,
      number: letter.publishedRevision,
    });
    const now = this.clock.now().getTime();
    return {
      letter,
      settings: parseLetterSettings(letter.settings),
      workspace,
      revision: letter.publishedRevision,
      content: JSON.parse(revision.content) as LetterContent,
      open: letter.status === 'open' && letter.deadline !== null && letter.deadline.getTime() > now,
    };
  }

  /** The signer's own page: the invitation's link, or the open sign-on's. */
  link(access: Pick<SignerAccess, 'invitation' | 'signature'>): string {
    const seed = access.invitation?.tokenSeed ?? access.signature!.tokenSeed!;
    return `${this.config.publicUrl}/sign/${signToken(this.config.appSecret, seed)}`;
  }

  private async invitationSignature(manager: EntityManager, invitation: InvitationEntity) {
    const live = await manager.findOneBy(SignatureEntity, {
      letterId: invitation.letterId,
      liveKey: invitation.organizationId,
      status: In(LIVE_STATUSES),
    });
    return (
      live ??
      (await manager.findOne(SignatureEntity, {
        where: { invitationId: invitation.id },
        order: { updatedAt: 'DESC' },
      }))
    );
  }
}
