// Invisible characters that can disguise a printed name: bidi embeddings, overrides and
// isolates, directional marks, zero-width space, word joiner, BOM. Joiners (U+200C/D) stay:
// Persian, Indic scripts and emoji need them.
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\u2060\uFEFF]/gu;
const CONTROL = /\p{Cc}/gu;

/** NFC, and none of the invisible characters that can disguise a name. */
export function stripDisguising(value: string): string {
  return value.normalize('NFC').replace(INVISIBLE, '');
}

/**
 * A name as it will be printed for people who did not write it (signers, officials,
 * mail recipients): NFC, no control or disguising characters, single spaces. Markup and
 * a leading "=" are kept as text; every page escapes and every CSV neutralises.
 *
 * Signer names get all of it; workspace, campaign, person and organization names, which
 * refuse control characters instead, get stripDisguising. Both at input, so what is
 * stored is what every page, mail, CSV and PDF prints.
 */
export function cleanPrintedText(value: string): string {
  return stripDisguising(value).replace(CONTROL, ' ').replace(/\s+/gu, ' ').trim();
}
