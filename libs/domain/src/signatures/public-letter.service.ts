import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../errors/domain-error';
import type { LetterContent } from '../letters/letter-diff';
import { LetterEntity } from '../letters/letter.entity';
import { deadlineFields } from '../letters/letter-time-zone';
import { orderSignatories } from './signatory-order';
import { SignatureEntity } from './signature.entity';
import { SignerAccessResolver } from './signer-access';

export interface PublicLetterView {
  id: string;
  title: string;
  content: LetterContent;
  revision: number;
  status: string;
  deadline: Date | null;
  /** The deadline with the offset of `timeZone` (`2026-12-20T23:59:00-05:00`). */
  deadlineInZone: string | null;
  /** The IANA zone the letter's times are shown in. */
  timeZone: string;
  /** Only the organizations that chose to be named publicly. */
  signatories: { displayName: string; country: string | null }[];
  /** Everyone signed on, named or not. */
  signedCount: number;
  openSignOn: boolean;
}

/** The public letter page (`settings.publicPage`): the text and the public signatories. */
@Injectable()
export class PublicLetterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: SignerAccessResolver,
  ) {}

  async view(letterId: string): Promise<PublicLetterView> {
    return this.dataSource.transaction(async (manager) => {
      const letter = await manager.findOneBy(LetterEntity, { id: letterId });
      const published = letter && (await this.access.published(manager, letter));
      if (!published || !published.settings.publicPage) throw DomainError.notFound('letter');
      const confirmed = await manager.find(SignatureEntity, {
        where: { letterId, status: 'confirmed' },
        select: {
          displayName: true,
          country: true,
          visibility: true,
          signedAt: true,
          position: true,
        },
      });
      const named = orderSignatories(
        confirmed.filter((s) => s.visibility === 'public'),
        published.settings.signatoryOrder,
      );
      return {
        id: letterId,
        title: published.content.title,
        content: published.content,
        revision: published.revision,
        status: published.letter.status,
        deadline: published.letter.deadline,
        ...deadlineFields(published.letter.deadline, published.timeZone),
        signatories: named.map((s) => ({
          displayName: s.displayName,
          country: published.settings.showCountry ? s.country : null,
        })),
        signedCount: confirmed.length,
        openSignOn: published.settings.openSignOn && published.open,
      };
    });
  }
}
