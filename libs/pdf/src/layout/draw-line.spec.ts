import type { StyledSpan, TextStyle } from '../text/text-style';
import { buildWords } from '../text/words';
import { drawLine } from './draw-line';
import { breakLines } from './line-breaker';
import type { Typesetter } from './typesetter';

const style: TextStyle = { bold: false, italic: false, size: 10, color: '#000000' };
const measure = (text: string): number => [...text].length * 5;

/** What drawLine hands to pdfkit, left to right. */
function drawn(text: string, base: 'ltr' | 'auto' = 'ltr'): string[] {
  const spans: StyledSpan[] = [{ text, style }];
  const [line] = breakLines(
    buildWords(spans, base, measure, () => undefined),
    1000,
    measure,
  );
  const calls: { text: string; x: number }[] = [];
  const typesetter = {
    draw: (t: string, _f: number, _s: TextStyle, x: number) => calls.push({ text: t, x }),
  };
  drawLine(line, 0, 0, typesetter as unknown as Typesetter);
  return calls.sort((a, b) => a.x - b.x).map((call) => call.text);
}

describe('drawLine', () => {
  it('draws a left-to-right line in one call', () => {
    expect(drawn('Access to Information Project')).toEqual(['Access to Information Project']);
  });

  it('draws Arabic words one by one, right to left, after the Latin text', () => {
    expect(drawn('Network – شبكة الصحفيين العرب')).toEqual([
      'Network – ',
      'العرب',
      'الصحفيين',
      'شبكة',
    ]);
  });

  it('keeps digits in reading order inside right-to-left text', () => {
    // Arabic-Indic digits reach fontkit reversed, because fontkit reverses Arabic runs.
    // The brackets take the Arabic side's direction (bidi rule N0) and are mirrored.
    expect(drawn('جمعية ١٢٣ للصحافة (Press 2024)', 'auto')).toEqual([
      '(',
      'Press 2024',
      ')',
      'للصحافة',
      '٣٢١',
      'جمعية',
    ]);
  });

  it('orders a Hebrew name right to left', () => {
    expect(drawn('מרכז לזכויות העיתונאים', 'auto')).toEqual(['העיתונאים', 'לזכויות', 'מרכז']);
  });
});
