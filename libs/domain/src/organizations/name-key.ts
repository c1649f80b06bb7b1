/**
 * The key under which two organization names count as the same: case, diacritics,
 * punctuation, spacing and a leading "The" ignored. "The Kleptocracy Initiative (Hudson
 * Institute)" and "kleptocracy initiative - hudson institute" share one key.
 * Letters of every script are kept, so "شبكة" and "中文" keys stay distinct.
 */
export function nameKey(name: string): string {
  return foldForSearch(name)
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Lower-cased, without diacritics, spaces collapsed: for diacritics-insensitive search. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
