import { AppConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isWellFormedToken, newToken } from '../accounts/secret-tokens';
import { CampaignEntity } from '../campaigns/campaign.entity';
import { Clock } from '../clock';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import type { LetterContent } from '../letters/letter-diff';
import { LetterRevisionEntity } from '../letters/letter-revision.entity';
import { parseLetterSettings, type LetterSettings } from '../letters/letter-settings';
import { letterTimeZone } from '../letters/letter-time-zone';
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
  /** The IANA zone its deadline and times are shown in (letter's, else workspace's). */
  timeZone: string;
}

export interface SignerAccess extends PublishedLetter {
  token: string;
  invitation: InvitationEntity | null;
  organization: OrganizationEntity | null;
  /** The organization's live sign-on, else the link's latest one (withdrawn, rejected...). */
  signature: SignatureEntity | null;
  organizationName: string;
}

/** A link of a batch: what it opens, or why it cannot be used (410). */
export type InvitationLink = { access: SignerAccess } | { error: unknown };

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
   *
   * An invitation's link takes two queries: the invitation with its letter, campaign,
   * workspace, published text and organization, then the organization's signature.
   */
  async resolve(manager: EntityManager, token: string, forChange = true): Promise<SignerAccess> {
    // A malformed token is still hashed and looked up, so every miss takes the same time.
    const hash = signTokenHash(
      this.config.appSecret,
      isWellFormedToken(token) ? token : newToken(),
    );
    const lock = forChange && manager.connection.options.type === 'postgres';
    const query = manager
      .createQueryBuilder(InvitationEntity, 'i')
      .innerJoinAndSelect('i.letter', 'l')
      .innerJoinAndSelect('l.campaign', 'c')
      .innerJoinAndSelect('c.workspace', 'w')
      .leftJoinAndSelect('i.organization', 'o')
      .leftJoinAndMapOne(
        'l.publishedText',
        LetterRevisionEntity,
        'r',
        'r.letterId = l.id AND r.number = l.publishedRevision',
      )
      .where('i.tokenHash = :hash', { hash });
    if (lock) query.setLock('pessimistic_write', undefined, ['i']);
    const invitation = await query.getOne();
    if (invitation && isWellFormedToken(token))
      return this.invitationAccess(manager, token, invitation);

    const own = invitation
      ? null
      : await manager.findOne(SignatureEntity, {
          where: { tokenHash: hash },
          ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
        });
    if (!isWellFormedToken(token) || !own) throw unknownLink();
    const letter = await manager.findOneByOrFail(LetterEntity, { id: own.letterId });
    this.assertNotExpired(letter);
    const published = await this.published(manager, letter);
    if (!published) throw gone('sign-ons for this letter have closed');
    const organization = own.organizationId
      ? await manager.findOneBy(OrganizationEntity, { id: own.organizationId })
      : null;
    return {
      ...published,
      token,
      invitation: null,
      organization,
      signature: own,
      organizationName: organization?.name ?? own.displayName,
    };
  }

  private async invitationAccess(
    manager: EntityManager,
    token: string,
    loaded: InvitationEntity,
  ): Promise<SignerAccess> {
    const signature = await this.invitationSignature(manager, loaded);
    return this.invitationLink(token, loaded, this.publishedFrom(loaded.letter!), signature);
  }

  /**
   * resolve() for many links at once (a batch of sign-ons): three queries, whatever their
   * number. The invitations are locked in id order (PostgreSQL), so two batches cannot
   * deadlock. A link that is not an invitation's is left out: resolve() answers it.
   */
  async resolveInvitations(
    manager: EntityManager,
    tokens: string[],
  ): Promise<Map<string, InvitationLink>> {
    const tokenOf = new Map<string, string>();
    for (const token of tokens) {
      if (isWellFormedToken(token)) tokenOf.set(signTokenHash(this.config.appSecret, token), token);
    }
    const found = new Map<string, InvitationLink>();
    if (!tokenOf.size) return found;
    const query = manager
      .createQueryBuilder(InvitationEntity, 'i')
      .leftJoinAndSelect('i.organization', 'o')
      .where('i.tokenHash IN (:...hashes)', { hashes: [...tokenOf.keys()] })
      .orderBy('i.id');
    if (manager.connection.options.type === 'postgres') {
      query.setLock('pessimistic_write', undefined, ['i']);
    }
    const invitations = await query.getMany();
    if (!invitations.length) return found;
    // Each letter's text is read and parsed once, however many of its links came.
    const letters = new Map(
      (
        await manager
          .createQueryBuilder(LetterEntity, 'l')
          .innerJoinAndSelect('l.campaign', 'c')
          .innerJoinAndSelect('c.workspace', 'w')
          .leftJoinAndMapOne(
            'l.publishedText',
            LetterRevisionEntity,
            'r',
            'r.letterId = l.id AND r.number = l.publishedRevision',
          )
          .where('l.id IN (:...ids)', { ids: [...new Set(invitations.map((i) => i.letterId))] })
          .getMany()
      ).map((letter) => [letter.id, this.publishedFrom(letter)]),
    );
    // The links' organizations' live signatures, and the links' own. Each arm has an index
    // that matches it whole ((letter, live key); invitation), which PostgreSQL uses once
    // it has statistics. No status condition: a live key is set exactly while the
    // signature is live, and naming the status steered the planner to the (letter, status)
    // index. (One arm per link instead was worse without statistics: each arm then read
    // the letter's signatures again.)
    const signatures = await manager
      .createQueryBuilder(SignatureEntity, 's')
      .where(
        '(s.letterId IN (:...letterIds) AND s.liveKey IN (:...organizationIds)) OR s.invitationId IN (:...invitationIds)',
        {
          letterIds: [...letters.keys()],
          organizationIds: invitations.map((i) => i.organizationId),
          invitationIds: invitations.map((i) => i.id),
        },
      )
      .getMany();
    for (const invitation of invitations) {
      const token = tokenOf.get(invitation.tokenHash)!;
      const live = signatures.find(
        (s) =>
          s.letterId === invitation.letterId &&
          s.liveKey === invitation.organizationId &&
          LIVE_STATUSES.includes(s.status),
      );
      const latest = signatures
        .filter((s) => s.invitationId === invitation.id)
        .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0];
      try {
        const access = this.invitationLink(
          token,
          invitation,
          letters.get(invitation.letterId)!,
          live ?? latest ?? null,
        );
        found.set(token, { access });
      } catch (error) {
        found.set(token, { error });
      }
    }
    return found;
  }

  /** An invitation's access, from the rows loaded with it; 410 when revoked or expired. */
  private invitationLink(
    token: string,
    loaded: InvitationEntity,
    published: PublishedLetter | { gone: unknown },
    signature: SignatureEntity | null,
  ): SignerAccess {
    // Loaded with its relations; the access hands them out as separate entities.
    const invitation = Object.assign(new InvitationEntity(), loaded);
    const organization = invitation.organization;
    delete invitation.organization;
    delete invitation.letter;
    if (invitation.revokedAt) throw gone('this link was withdrawn by the coordinators');
    if ('gone' in published) throw published.gone;
    return {
      ...published,
      token,
      invitation,
      organization: organization ?? null,
      signature,
      organizationName: organization?.name ?? '',
    };
  }

  /** The published letter, from the letter loaded with its relations; 410 when closed. */
  private publishedFrom(joined: LetterEntity): PublishedLetter | { gone: unknown } {
    const { campaign, publishedText, ...columns } = joined as LetterEntity & {
      publishedText?: LetterRevisionEntity | null;
    };
    const letter = Object.assign(new LetterEntity(), columns);
    try {
      this.assertNotExpired(letter);
      if (!letter.publishedRevision) throw gone('sign-ons for this letter have closed');
    } catch (error) {
      return { gone: error };
    }
    if (!publishedText) throw new Error(`letter ${letter.id}: published revision missing`);
    return this.publishedLetter(letter, campaign!.workspace!, publishedText);
  }

  private assertNotExpired(letter: LetterEntity): void {
    const graceMs = this.config.invitationGraceHours * 3600 * 1000;
    if (letter.deadline && letter.deadline.getTime() + graceMs < this.clock.now().getTime()) {
      throw gone('sign-ons for this letter have closed');
    }
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
    return this.publishedLetter(letter, workspace, revision);
  }

  private publishedLetter(
    letter: LetterEntity,
    workspace: WorkspaceEntity,
    revision: LetterRevisionEntity,
  ): PublishedLetter {
    const now = this.clock.now().getTime();
    const settings = parseLetterSettings(letter.settings);
    return {
      letter,
      settings,
      timeZone: letterTimeZone(settings, workspace, this.config.defaultTimeZone),
      workspace,
      revision: letter.publishedRevision!,
      content: JSON.parse(revision.content) as LetterContent,
      open: letter.status === 'open' && letter.deadline !== null && letter.deadline.getTime() > now,
    };
  }

  /** The signer's own page: the invitation's link, or the open sign-on's. */
  link(access: Pick<SignerAccess, 'invitation' | 'signature'>): string {
    const seed = access.invitation?.tokenSeed ?? access.signature!.tokenSeed!;
    return `${this.config.publicUrl}/sign/${signToken(this.config.appSecret, seed)}`;
  }

  /** The organization's live signature on the letter, else this link's latest one. */
  private async invitationSignature(manager: EntityManager, invitation: InvitationEntity) {
    return (
      manager
        .createQueryBuilder(SignatureEntity, 's')
        // Each branch matches an index whole, as in resolveInvitations().
        .where(
          '(s.letterId = :letterId AND s.liveKey = :organizationId) OR s.invitationId = :invitationId',
        )
        .setParameters({
          letterId: invitation.letterId,
          organizationId: invitation.organizationId,
          invitationId: invitation.id,
        })
        .orderBy('CASE WHEN s.liveKey = :organizationId THEN 0 ELSE 1 END')
        .addOrderBy('s.updatedAt', 'DESC')
        .limit(1)
        .getOne()
    );
  }
}
