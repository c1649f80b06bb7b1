// Characters that need no OpenType shaping beyond pair kerning: Latin (without combining
// marks), Vietnamese precomposed letters, Greek, Cyrillic, common punctuation and currency.
// None of them is right-to-left, so text made only of them also needs no bidi pass. All are
// below U+20C1 (the font layout keeps tables up to there).
export function isSimpleCode(code: number): boolean {
  if (code < 0x0300) {
    return code >= 0x20 && code !== 0x7f && (code < 0x80 || code >= 0xa0) && code !== 0xad;
  }
  if (code < 0x0370) return false; // combining diacritical marks
  if (code < 0x0530) return code < 0x0483 || code > 0x0489; // Greek, Cyrillic minus its marks
  if (code >= 0x1e00 && code < 0x2000) return true; // Latin Extended Additional, Greek Extended
  if (code >= 0x2000 && code <= 0x200a) return true; // fixed-width spaces (figure space…)
  if (code >= 0x2010 && code <= 0x2027) return true; // dashes, quotes, bullets, ellipsis
  if (code >= 0x2030 && code <= 0x205e) return true;
  return code >= 0x20a0 && code <= 0x20c0; // currency signs
}

/** Whether `text` can be set glyph by glyph (no ligatures, marks, joining or reordering). */
export function isSimpleText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (!isSimpleCode(text.charCodeAt(i))) return false;
  }
  return true;
}
