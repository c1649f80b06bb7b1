import type { EntityManager } from 'typeorm';
import { DomainError } from '../errors/domain-error';
import { LetterEntity } from './letter.entity';

/** The letter, read through `manager` (inside a transaction when there is one), or 404. */
export async function findLetterOrFail(
  manager: EntityManager,
  letterId: string,
): Promise<LetterEntity> {
  const letter = await manager.findOneBy(LetterEntity, { id: letterId });
  if (!letter) throw DomainError.notFound('letter');
  return letter;
}
