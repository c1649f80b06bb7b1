import { In, type EntityManager } from 'typeorm';
import { parseLetterSettings } from '../letters/letter-settings';
import type { LetterEntity } from '../letters/letter.entity';
import { orderSignatories } from '../signatures/signatory-order';
import { SignatureEntity } from '../signatures/signature.entity';
import type { FrozenSignatory, RenditionEdition } from './rendition.entity';

/** Which visibilities each edition names; every other confirmed sign-on is only counted. */
const NAMED: Record<RenditionEdition, string[]> = {
  delivery: ['public', 'delivered'],
  public: ['public'],
};

/**
 * The confirmed sign-ons an edition prints, in the letter's order: the named ones, and how
 * many are only counted. The final PDF freezes this list; the preview prints it as it is now.
 */
export async function renditionSignatories(
  manager: EntityManager,
  letter: LetterEntity,
  edition: RenditionEdition,
): Promise<{ named: FrozenSignatory[]; unnamed: number }> {
  const confirmed = await manager.find(SignatureEntity, {
    where: { letterId: letter.id, status: In(['confirmed']) },
    select: {
      id: true,
      displayName: true,
      country: true,
      visibility: true,
      revision: true,
      signedAt: true,
      position: true,
    },
  });
  const named = confirmed.filter((s) => NAMED[edition].includes(s.visibility));
  const ordered = orderSignatories(named, parseLetterSettings(letter.settings).signatoryOrder);
  return {
    named: ordered.map((s) => ({
      signatureId: s.id,
      displayName: s.displayName,
      country: s.country,
      revision: s.revision,
      signedAt: s.signedAt.toISOString(),
    })),
    unnamed: confirmed.length - named.length,
  };
}
