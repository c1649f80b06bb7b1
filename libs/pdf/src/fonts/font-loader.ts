import { create, type Font } from 'fontkit';
import { readFileSync } from 'node:fs';
import { fileFor, fontChain, type FontFace } from './font-families';
import { useFastLayout } from './font-layout';

/** A font file loaded once per process, with the key pdfkit documents register it under. */
export interface LoadedFont {
  /** Unique per file, e.g. `noto-sans/700Bold/NotoSans_700Bold.ttf`. */
  key: string;
  font: Font;
  /** Advance width of simple text in font units without laying it out; null for other text. */
  simpleAdvance: (text: string) => number | null;
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
    entry = { key, font: parsed, simpleAdvance: useFastLayout(parsed) };
    byFile.set(key, entry);
  }
  return entry;
}
