import { create, type Font } from 'fontkit';
import { readFileSync } from 'node:fs';
import { pairKerning } from './pair-kerning';

const fontFile = (path: string): Font =>
  create(readFileSync(require.resolve(`@expo-google-fonts/noto-sans/${path}`))) as Font;

// Letters and punctuation with kerning pairs in Latin, Cyrillic and Greek.
const SAMPLE = [...'AVTWYLPFakoey.,-"\'ÅÄéČЛДУГТАВуакоΑΤΥΛΔοαλ'];

describe('pairKerning', () => {
  it.each(['400Regular/NotoSans_400Regular.ttf', '700Bold/NotoSans_700Bold.ttf'])(
    'gives the same kerning as fontkit shaping the pair (%s)',
    (path) => {
      const font = fontFile(path);
      const kern = pairKerning(font);
      let kerned = 0;
      for (const left of SAMPLE) {
        for (const right of SAMPLE) {
          const run = font.layout(left + right);
          const shaped = run.positions[0].xAdvance - run.glyphs[0].advanceWidth;
          expect(kern(run.glyphs[0].id, run.glyphs[1].id)).toBe(shaped);
          if (shaped !== 0) kerned++;
        }
      }
      // The sample has to exercise real kerning, not only zeros.
      expect(kerned).toBeGreaterThan(50);
    },
  );
});
