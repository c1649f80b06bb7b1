import { fontChain, fontFaces, type FontFace } from '../fonts/font-families';
import { loadFont } from '../fonts/font-loader';

/** Returned by `familyFor` when no font in the chain has a glyph for the character. */
export const NO_FAMILY = -1;
const UNKNOWN = -2;

// Which family covers a code point, per face, remembered for the life of the process: a
// 10,000-name list asks about the same few hundred characters again and again. A flat
// table for the Basic Multilingual Plane (the hot path), a map beyond it.
const bmp = new Map<FontFace, Int8Array>(
  fontFaces.map((face) => [face, new Int8Array(0x10000).fill(UNKNOWN)]),
);
const astral = new Map<FontFace, Map<number, number>>(fontFaces.map((face) => [face, new Map()]));

/** Index in `fontChain` of the first family with a glyph for `code`, or NO_FAMILY. */
export function familyFor(code: number, face: FontFace): number {
  if (code < 0x10000) {
    const table = bmp.get(face) as Int8Array;
    let family = table[code];
    if (family === UNKNOWN) {
      family = firstCovering(code, face);
      table[code] = family;
    }
    return family;
  }
  const known = astral.get(face) as Map<number, number>;
  let family = known.get(code);
  if (family === undefined) {
    family = firstCovering(code, face);
    known.set(code, family);
  }
  return family;
}

function firstCovering(code: number, face: FontFace): number {
  for (let index = 0; index < fontChain.length; index++) {
    if (covers(index, face, code)) return index;
  }
  return NO_FAMILY;
}

/** Whether family `index` has a glyph for `code` in that face. */
export function covers(index: number, face: FontFace, code: number): boolean {
  return loadFont(index, face).hasGlyph(code);
}

/** Whether the first family of the chain has every character of `text`. */
export function firstFamilyCovers(text: string, face: FontFace): boolean {
  const table = bmp.get(face) as Int8Array;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const known = table[code];
    if ((known === UNKNOWN ? familyFor(code, face) : known) !== 0) return false;
  }
  return true;
}

// Characters that belong to no one script: spaces, punctuation, digits, combining marks and
// invisible format characters. They stay in the font of the text around them when it has
// them, so that an Arabic comma or a Chinese full stop is set in the same font as its words.
const NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}\p{M}\p{Default_Ignorable_Code_Point}]/u;

/** The family for `code` given the family of the character before it (or NO_FAMILY). */
export function chooseFamily(code: number, face: FontFace, previous: number): number {
  if (previous !== NO_FAMILY && covers(previous, face, code)) {
    if (previous === familyFor(code, face) || NEUTRAL.test(String.fromCodePoint(code))) {
      return previous;
    }
  }
  return familyFor(code, face);
}

const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;

/** Format characters (bidi controls, joiners, variation selectors): never worth a warning. */
export function isInvisible(code: number): boolean {
  return INVISIBLE.test(String.fromCodePoint(code));
}
