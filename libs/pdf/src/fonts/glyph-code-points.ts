import type { Font, Glyph } from 'fontkit';

/**
 * Makes `font.getGlyph(id, codePoints)` return a glyph that carries the code points asked
 * for, which pdfkit then writes into the PDF's ToUnicode map (the text layer that search,
 * copy, screen readers and `pdftotext` read).
 *
 * fontkit keeps one Glyph object per glyph id and gives it the code points of the first
 * request only; later requests get that object whatever they pass. Glyphs are also created
 * with no code points at all: the subsetter asks for the components of a composite glyph
 * by id when it embeds a font (Noto Sans draws "É", and the Greek "Ε" and "Έ", from the
 * Latin "E" glyph), and the shaper's state machines do the same. After one document (the
 * worker's warm-up, with "Ελληνική Ένωση") embedded such a glyph, every later "E" of the
 * process came out of cmap lookup and shaping as a glyph with no code points, pdfkit
 * mapped it to `<>`, and readers lost every capital E.
 *
 * The glyph objects stay shared (they hold the parsed outline and metrics); a request whose
 * code points differ from the shared object's gets a view of it with its own `codePoints`,
 * one per glyph and code point sequence, so shaping (which reads `codePoints` to classify
 * Arabic joining and Indic syllables) and the ToUnicode map both see the text's characters.
 */
export function keepRequestedCodePoints(font: Font): void {
  const shared = font.getGlyph.bind(font);
  const views = new Map<Glyph, Map<string, Glyph>>();
  // Asked without code points (the subsetter, outlines): the shared glyph. Asked with some,
  // or explicitly with none (the second glyph of a multiple substitution, whose text the
  // first carries): a glyph with exactly those.
  font.getGlyph = (id: number, codePoints?: number[]): Glyph => {
    const glyph = shared(id, codePoints ?? []);
    if (codePoints === undefined || sameCodePoints(glyph.codePoints, codePoints)) return glyph;
    let byCodePoints = views.get(glyph);
    if (byCodePoints === undefined) {
      byCodePoints = new Map();
      views.set(glyph, byCodePoints);
    }
    const key = codePoints.join(',');
    let view = byCodePoints.get(key);
    if (view === undefined) {
      // Everything but the code points is read through to the shared glyph (and what a view
      // computes lazily, it caches on itself).
      view = Object.create(glyph, {
        codePoints: { value: [...codePoints], enumerable: true },
      }) as Glyph;
      byCodePoints.set(key, view);
    }
    return view;
  };
}

function sameCodePoints(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
