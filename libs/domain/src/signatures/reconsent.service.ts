import { Injectable } from '@nestjs/common';
import { In, LessThan, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { InvitationEntity } from '../invitations/invitation.entity';
import { diffLetters, type FieldDiff, type LetterContent } from '../letters/letter-diff';
import { LetterRevisionEntity } from '../letters/letter-revision.entity';
import type { LetterEntity } from '../letters/letter.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { Clock } from '../clock';
import { LIVE_STATUSES, SignatureEntity } from './signature.entity';
import { SignerAccessResolver, type PublishedLetter, type SignerAccess } from './signer-access';
import { SignerMailer } from './signer-mailer';

/** What publishing a correction did to the sign-ons. */
export interface CorrectionOutcome {
  /** Sign-ons of the corrected revision, now on the new one. */
  carriedForward: number;
  /**
   * Of those, how many were sent the notice: not those without a link of their own, and
   * none when the text did not change at all.
   */
  notified: number;
  /** Sign-ons still waiting to re-confirm an earlier substantive change, asked again. */
  reconsentRequested: number;
}

type Signer = PublishedLetter & Pick<SignerAccess, 'invitation' | 'signature' | 'organizationName'>;

// IN lists stay well under SQLite's and PostgreSQL's parameter limits.
const CHUNK = 500;

/**
 * When a newer revision is published, everyone signed on to an older one is asked, with
 * a readable diff, to confirm the new text or withdraw. Until they do, the signature
 * stays recorded against the revision they signed.
 *
 * A correction instead carries the sign-ons of the corrected revision forward to the new
 * one, and tells each signer once, with the diff and the way to withdraw.
 */
@Injectable()
export class ReconsentService {
  constructor(
    private readonly access: SignerAccessResolver,
    private readonly mailer: SignerMailer,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Queues the messages in the publishing transaction; returns how many. */
  async requestAfterPublish(manager: EntityManager, letter: LetterEntity): Promise<number> {
    const published = await this.access.published(manager, letter);
    if (!published) return 0;
    return this.askToReconfirm(manager, published, null);
  }

  /**
   * After publishing a correction of revision `corrected`: its live sign-ons move to the
   * published revision (audited one by one, `signature.carried_forward`) and get one notice
   * each. Sign-ons still waiting to re-confirm an older substantive change stay where they
   * are and are asked again, with everything that changed since the revision they signed:
   * the text they are asked to confirm is now the corrected one.
   */
  async correctAfterPublish(
    manager: EntityManager,
    letter: LetterEntity,
    corrected: { revision: number; content: LetterContent },
    correction: { reason: string; actorId: string },
  ): Promise<CorrectionOutcome> {
    const published = await this.access.published(manager, letter);
    if (!published) return { carriedForward: 0, notified: 0, reconsentRequested: 0 };
    const carried = await manager.find(SignatureEntity, {
      where: {
        letterId: letter.id,
        status: In(LIVE_STATUSES),
        revision: corrected.revision,
      },
      // A signer withdrawing or re-confirming meanwhile waits for this transaction.
      ...(manager.connection.options.type === 'postgres'
        ? { lock: { mode: 'pessimistic_write' as const } }
        : {}),
      order: { id: 'ASC' },
    });
    const now = this.clock.now();
    for (let i = 0; i < carried.length; i += CHUNK) {
      await manager.update(
        SignatureEntity,
        { id: In(carried.slice(i, i + CHUNK).map((s) => s.id)) },
        { revision: published.revision, updatedAt: now },
      );
    }
    await this.audit.appendMany(
      manager,
      carried.map((signature) => ({
        workspaceId: published.workspace.id,
        event: {
          actor: { type: 'user' as const, id: correction.actorId },
          action: 'signature.carried_forward',
          subject: { type: 'signature', id: signature.id },
          letterId: letter.id,
          data: {
            organizationId: signature.organizationId,
            fromRevision: corrected.revision,
            toRevision: published.revision,
            kind: 'correction',
          },
        },
      })),
    );
    const changes = diffLetters(corrected.content, published.content);
    // The same text under a new number: the sign-ons move, and there is nothing to tell.
    const toTell = changes.some((change) => change.changed) ? carried : [];
    const notified = await this.mailEach(manager, published, toTell, async (signer, link) => {
      const signature = signer.signature!;
      await this.mailer.correction(manager, signer, signature, link, {
        signedRevision: corrected.revision,
        changes,
        reason: correction.reason,
      });
      // The row was updated above; the entity in hand follows it.
      signature.revision = published.revision;
      signature.updatedAt = now;
    });
    const reconsentRequested = await this.askToReconfirm(manager, published, correction.reason);
    return { carriedForward: carried.length, notified, reconsentRequested };
  }

  /**
   * Mails every confirmed signer of a revision older than the published one the diff since
   * the revision they signed, and asks them to confirm or withdraw.
   */
  private async askToReconfirm(
    manager: EntityManager,
    published: PublishedLetter,
    correctionReason: string | null,
  ): Promise<number> {
    const signatures = await manager.findBy(SignatureEntity, {
      letterId: published.letter.id,
      status: 'confirmed',
      revision: LessThan(published.revision),
    });
    if (!signatures.length) return 0;
    const revisions = await manager.findBy(LetterRevisionEntity, {
      letterId: published.letter.id,
      number: In([...new Set(signatures.map((s) => s.revision))]),
    });
    const changesSince = new Map<number, FieldDiff[]>(
      revisions.map((r) => [
        r.number,
        diffLetters(JSON.parse(r.content) as LetterContent, published.content),
      ]),
    );
    return this.mailEach(manager, published, signatures, (signer, link) =>
      this.mailer.reconsent(
        manager,
        signer,
        signer.signature!,
        link,
        changesSince.get(signer.signature!.revision) ?? [],
        correctionReason,
      ),
    );
  }

  /** Calls `send` for each sign-on that has a link of its own; returns how many. */
  private async mailEach(
    manager: EntityManager,
    published: PublishedLetter,
    signatures: SignatureEntity[],
    send: (signer: Signer, link: string) => Promise<void>,
  ): Promise<number> {
    if (!signatures.length) return 0;
    const invitations = new Map(
      (
        await manager.findBy(InvitationEntity, {
          id: In(signatures.map((s) => s.invitationId).filter((id) => id !== null)),
        })
      ).map((i) => [i.id, i]),
    );
    const organizations = new Map(
      (
        await manager.findBy(OrganizationEntity, {
          id: In(signatures.map((s) => s.organizationId).filter((id) => id !== null)),
        })
      ).map((o) => [o.id, o]),
    );
    let sent = 0;
    for (const signature of signatures) {
      const invitation = signature.invitationId
        ? (invitations.get(signature.invitationId) ?? null)
        : null;
      // A sign-on without a link of its own (entered by a coordinator, or whose invitation
      // was revoked) cannot act online: the coordinators follow those up themselves.
      if (invitation?.revokedAt || (!invitation && !signature.tokenSeed)) continue;
      const signer: Signer = {
        ...published,
        invitation,
        signature,
        organizationName:
          organizations.get(signature.organizationId ?? '')?.name ?? signature.displayName,
      };
      await send(signer, this.access.link(signer));
      sent += 1;
    }
    return sent;
  }
}
