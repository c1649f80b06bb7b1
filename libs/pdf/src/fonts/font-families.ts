/** The four faces a piece of text can ask for; fallback families without italics use upright. */
export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';

export const fontFaces: readonly FontFace[] = ['regular', 'bold', 'italic', 'boldItalic'];

export interface FontFamily {
  /** Short name, used in the pdfkit font key (`noto-sans/bold`). */
  id: string;
  /** npm package that ships the TTF files (SIL Open Font License 1.1). */
  packageName: string;
  /** What the family is in the chain for; the coverage check decides, this is documentation. */
  covers: string;
  /** TTF path inside the package for each face it has. */
  files: Partial<Record<FontFace, string>> & { regular: string };
}

/**
 * The fallback chain, in order: each character is set in the first family that has a glyph
 * for it. Noto Sans comes first so that Latin, Greek, Cyrillic and Vietnamese, and the
 * punctuation every script shares, never switch font; the CJK family comes last because it
 * also carries Latin and Cyrillic glyphs, in a different design.
 */
export const fontChain: readonly FontFamily[] = [
  {
    id: 'noto-sans',
    packageName: '@expo-google-fonts/noto-sans',
    covers: 'Latin with diacritics, Vietnamese, Greek, Cyrillic',
    files: {
      regular: '400Regular/NotoSans_400Regular.ttf',
      bold: '700Bold/NotoSans_700Bold.ttf',
      italic: '400Regular_Italic/NotoSans_400Regular_Italic.ttf',
      boldItalic: '700Bold_Italic/NotoSans_700Bold_Italic.ttf',
    },
  },
  {
    // Not Noto Naskh/Sans Arabic: those draw a letter as a dotless base glyph plus dot marks,
    // and reuse the base for other letters (reh and zain share one), so the PDF's
    // glyph-to-text map cannot say which letter was meant and copied or searched Arabic
    // comes out wrong. Plex has one glyph per letter form.
    id: 'ibm-plex-sans-arabic',
    packageName: '@expo-google-fonts/ibm-plex-sans-arabic',
    covers: 'Arabic, Persian, Urdu',
    files: {
      regular: '400Regular/IBMPlexSansArabic_400Regular.ttf',
      bold: '700Bold/IBMPlexSansArabic_700Bold.ttf',
    },
  },
  {
    id: 'noto-sans-hebrew',
    packageName: '@expo-google-fonts/noto-sans-hebrew',
    covers: 'Hebrew',
    files: {
      regular: '400Regular/NotoSansHebrew_400Regular.ttf',
      bold: '700Bold/NotoSansHebrew_700Bold.ttf',
    },
  },
  {
    id: 'noto-sans-devanagari',
    packageName: '@expo-google-fonts/noto-sans-devanagari',
    covers: 'Devanagari (Hindi, Marathi, Nepali)',
    files: {
      regular: '400Regular/NotoSansDevanagari_400Regular.ttf',
      bold: '700Bold/NotoSansDevanagari_700Bold.ttf',
    },
  },
  {
    id: 'noto-sans-sc',
    packageName: '@expo-google-fonts/noto-sans-sc',
    covers: 'Chinese (simplified and most traditional), Japanese kana',
    files: {
      regular: '400Regular/NotoSansSC_400Regular.ttf',
      bold: '700Bold/NotoSansSC_700Bold.ttf',
    },
  },
];

/** The file a family uses for a face: italics fall back to upright, bold italic to bold. */
export function fileFor(family: FontFamily, face: FontFace): string {
  switch (face) {
    case 'regular':
      return family.files.regular;
    case 'bold':
      return family.files.bold ?? family.files.regular;
    case 'italic':
      return family.files.italic ?? family.files.regular;
    case 'boldItalic':
      return family.files.boldItalic ?? family.files.bold ?? family.files.regular;
  }
}

export function faceOf(style: { bold: boolean; italic: boolean }): FontFace {
  if (style.bold) return style.italic ? 'boldItalic' : 'bold';
  return style.italic ? 'italic' : 'regular';
}
