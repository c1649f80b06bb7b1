import type { FrozenSignatory } from './rendition.entity';

/** A signatory as a change names it. */
export interface SignatoryRef {
  signatureId: string;
  displayName: string;
}

/** What changed between two renditions' frozen lists (issue 17). */
export interface SignatoryChanges {
  /** On the later list only: signed on since (or newly named in this edition). */
  added: SignatoryRef[];
  /** On the earlier list only: withdrawn since (or no longer named in this edition). */
  withdrawn: SignatoryRef[];
  /** On both, printed under another name. */
  renamed: { signatureId: string; from: string; to: string }[];
}

/**
 * The difference between an earlier rendition's frozen signatories and a later one's, by
 * signature: pure, in the later list's order for `added` and `renamed` and the earlier
 * list's for `withdrawn`.
 */
export function diffSignatories(
  earlier: readonly FrozenSignatory[],
  later: readonly FrozenSignatory[],
): SignatoryChanges {
  const before = new Map(earlier.map((s) => [s.signatureId, s]));
  const after = new Set(later.map((s) => s.signatureId));
  const changes: SignatoryChanges = { added: [], withdrawn: [], renamed: [] };
  for (const { signatureId, displayName } of later) {
    const previous = before.get(signatureId);
    if (!previous) changes.added.push({ signatureId, displayName });
    else if (previous.displayName !== displayName) {
      changes.renamed.push({ signatureId, from: previous.displayName, to: displayName });
    }
  }
  for (const { signatureId, displayName } of earlier) {
    if (!after.has(signatureId)) changes.withdrawn.push({ signatureId, displayName });
  }
  return changes;
}

/** A rendition's changes since the newest finished one of the same letter and edition. */
export interface RenditionChanges extends SignatoryChanges {
  /** That earlier rendition; null when there is none (the lists are then empty). */
  since: { id: string; createdAt: Date; revision: number } | null;
  /** Whether it printed another published revision of the text. */
  revisionChanged: boolean;
}
