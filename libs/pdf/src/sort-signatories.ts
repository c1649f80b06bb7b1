import type { LetterSignatory, PdfSignatoryOrder } from './letter-document';

// A fixed locale rather than the host's, so that every machine prints the same order.
// Sensitivity 'base' ignores case and diacritics ("Čeští" sorts with "C", "Ñuñoa" with "N");
// numeric puts "Group 9" before "Group 10".
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Compares display names the way the printed list is ordered. */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}

/**
 * The signatories in printed order. `alphabetical`: by name, locale-aware, ignoring case and
 * diacritics; `signed_at`: earliest sign-on first; `manual`: by `position` (signatories
 * without one go last, by sign-on time). Ties keep the order given, so the result is
 * deterministic. Returns a new array.
 */
export function sortSignatories<T extends LetterSignatory>(
  signatories: readonly T[],
  order: PdfSignatoryOrder,
): T[] {
  const sorted = [...signatories];
  switch (order) {
    case 'alphabetical':
      return sorted.sort((a, b) => compareNames(a.displayName, b.displayName));
    case 'signed_at':
      return sorted.sort((a, b) => bySignedAt(a, b) || compareNames(a.displayName, b.displayName));
    case 'manual':
      return sorted.sort((a, b) => byPosition(a, b) || bySignedAt(a, b));
  }
}

function bySignedAt(a: LetterSignatory, b: LetterSignatory): number {
  return timeOf(a.signedAt) - timeOf(b.signedAt);
}

// An unparseable time sorts last instead of poisoning the comparison with NaN.
function timeOf(iso: string): number {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? Number.MAX_SAFE_INTEGER : time;
}

function byPosition(a: LetterSignatory, b: LetterSignatory): number {
  const left = a.position ?? Number.MAX_SAFE_INTEGER;
  const right = b.position ?? Number.MAX_SAFE_INTEGER;
  return left - right;
}
