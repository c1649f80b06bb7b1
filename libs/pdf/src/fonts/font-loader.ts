import { create, type Font } from 'fontkit';
import { readFileSync } from 'node:fs';
import { fileFor, fontChain, type FontFace } from './font-families';
import { useFastLayout, type SimpleGlyphs } from './font-layout';
import { keepRequestedCodePoints } from './glyph-code-points';

/** A font file loaded once per process, with the key pdfkit documents register it under. */
export interface LoadedFont {
  /** Unique per file, e.g. `noto-sans/700Bold/NotoSans_700Bold.ttf`. */
  key: string;
  font: Font;
  /** Simple text's glyphs, kerning and advance width, without laying it out. */
  simple: SimpleGlyphs;
  /** fontkit's `hasGlyphForCodePoint`, remembered: the font chain asks it for every character. */
  hasGlyph: (code: number) => boolean;
}

// Parsing a font (the CJK one is 10.5 MB) is the costly part, so each file is read and parsed
// at most once per process, and only when some text first needs it. fontkit fonts are
// read-only apart from their caches, so every document can share them.
const byFile = new Map<string, LoadedFont>();
const byFamilyAndFace = new Map<FontFace, (LoadedFont | undefined)[]>();

/** The font of family `familyIndex` (in `fontChain`) for a face, loaded on first use. */
export function loadFont(familyIndex: number, face: FontFace): LoadedFont {
  let faces = byFamilyAndFace.get(face);
  if (faces === undefined) {
    faces = [];
    byFamilyAndFace.set(face, faces);
  }
  let entry = faces[familyIndex];
  if (entry === undefined) {
    entry = loadFile(familyIndex, face);
    faces[familyIndex] = entry;
  }
  return entry;
}

// Faces a family lacks share a file (italic Arabic is the upright one): one parse, one key.
function loadFile(familyIndex: number, face: FontFace): LoadedFont {
  const family = fontChain[familyIndex];
  const file = fileFor(family, face);
  const key = `${family.id}/${file}`;
  let entry = byFile.get(key);
  if (entry === undefined) {
    const parsed = create(readFileSync(require.resolve(`${family.packageName}/${file}`)));
    if (!('layout' in parsed)) throw new Error(`${key} is a font collection, expected one font`);
    keepRequestedCodePoints(parsed);
    entry = { key, font: parsed, simple: useFastLayout(parsed), hasGlyph: glyphCheck(parsed) };
    byFile.set(key, entry);
  }
  return entry;
}

const UNKNOWN = 0;
const HAS = 1;
const LACKS = 2;

// A cmap lookup walks fontkit's lazily decoded tables each time: once per code point is enough.
function glyphCheck(font: Font): (code: number) => boolean {
  const bmp = new Uint8Array(0x10000);
  const astral = new Map<number, boolean>();
  return (code) => {
    if (code < 0x10000) {
      let known = bmp[code];
      if (known === UNKNOWN) {
        known = font.hasGlyphForCodePoint(code) ? HAS : LACKS;
        bmp[code] = known;
      }
      return known === HAS;
    }
    let has = astral.get(code);
    if (has === undefined) {
      has = font.hasGlyphForCodePoint(code);
      astral.set(code, has);
    }
    return has;
  };
}
