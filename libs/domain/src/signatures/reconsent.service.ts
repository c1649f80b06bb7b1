import { Injectable } from '@nestjs/common';
import { In, LessThan, type EntityManager } from 'typeorm';
import { InvitationEntity } from '../invitations/invitation.entity';
import { diffLetters, type LetterContent } from '../letters/letter-diff';
import { LetterRevisionEntity } from '../letters/letter-revision.entity';
import type { LetterEntity } from '../letters/letter.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { SignatureEntity } from './signature.entity';
import { SignerAccessResolver } from './signer-access';
import { SignerMailer } from './signer-mailer';

/**
 * When a newer revision is published, everyone signed on to an older one is asked, with
 * a readable diff, to confirm the new text or withdraw. Until they do, the signature
 * stays recorded against the revision they signed.
 */
@Injectable()
export class ReconsentService {
  constructor(
    private readonly access: SignerAccessResolver,
    private readonly mailer: SignerMailer,
  ) {}

  /** Queues the messages in the publishing transaction; returns how many. */
  async requestAfterPublish(manager: EntityManager, letter: LetterEntity): Promise<number> {
    const published = await this.access.published(manager, letter);
    if (!published) return 0;
    const signatures = await manager.findBy(SignatureEntity, {
      letterId: letter.id,
      status: 'confirmed',
      revision: LessThan(published.revision),
    });
    if (!signatures.length) return 0;
    const revisions = await manager.findBy(LetterRevisionEntity, {
      letterId: letter.id,
      number: In([...new Set(signatures.map((s) => s.revision))]),
    });
    const changesSince = new Map(
      revisions.map((r) => [
        r.number,
        diffLetters(JSON.parse(r.content) as LetterContent, published.content),
      ]),
    );
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
    let asked = 0;
    for (const signature of signatures) {
      const invitation = signature.invitationId
        ? (invitations.get(signature.invitationId) ?? null)
        : null;
      // A sign-on without a link of its own (entered by a coordinator, or whose invitation
      // was revoked) cannot confirm online: the coordinators follow those up themselves.
      if (invitation?.revokedAt || (!invitation && !signature.tokenSeed)) continue;
      const signer = {
        ...published,
        invitation,
        signature,
        organizationName:
          organizations.get(signature.organizationId ?? '')?.name ?? signature.displayName,
      };
      await this.mailer.reconsent(
        manager,
        signer,
        signature,
        this.access.link(signer),
        changesSince.get(signature.revision) ?? [],
      );
      asked += 1;
    }
    return asked;
  }
}
