import type { EntityManager } from 'typeorm';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { findLetterOrFail } from './find-letter';
import type { LetterContent } from './letter-diff';
import { LetterRevisionEntity } from './letter-revision.entity';
import type { LetterEntity } from './letter.entity';

export interface LetterAtRevision {
  letter: LetterEntity;
  revision: LetterRevisionEntity;
  content: LetterContent;
}

/**
 * A letter and one of its revisions: `number`, or the latest (the current draft) when it is
 * not given. A revision the letter does not have is 404 naming `revision` and the latest.
 */
export async function letterAtRevision(
  manager: EntityManager,
  letterId: string,
  number?: number,
): Promise<LetterAtRevision> {
  const letter = await findLetterOrFail(manager, letterId);
  const wanted = number ?? letter.currentRevision;
  const revision = await manager.findOneBy(LetterRevisionEntity, { letterId, number: wanted });
  if (!revision) {
    throw new DomainError(
      DomainErrorCode.NotFound,
      `revision: this letter has no revision ${wanted}; its revisions are 1 to ${letter.currentRevision}`,
    );
  }
  return { letter, revision, content: JSON.parse(revision.content) as LetterContent };
}
