import type { SignatoryOrder } from '../letters/letter-settings';

export interface Orderable {
  displayName: string;
  signedAt: Date;
  position: number | null;
}

// Locale-aware, ignoring case and diacritics ("Écoute" beside "Ecology"); numbers by value.
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Signatories in the letter's order: alphabetical, by time of signing, or as arranged. */
export function orderSignatories<T extends Orderable>(list: T[], order: SignatoryOrder): T[] {
  const bySignedAt = (a: T, b: T) => a.signedAt.getTime() - b.signedAt.getTime();
  const compare: Record<SignatoryOrder, (a: T, b: T) => number> = {
    alphabetical: (a, b) => collator.compare(a.displayName, b.displayName) || bySignedAt(a, b),
    signed_at: bySignedAt,
    // Arranged ones first, in their places; any not yet placed follow by time of signing.
    manual: (a, b) =>
      (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER) ||
      bySignedAt(a, b),
  };
  return [...list].sort(compare[order]);
}
