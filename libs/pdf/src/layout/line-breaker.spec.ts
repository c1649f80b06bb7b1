import type { StyledSpan, TextStyle } from '../text/text-style';
import { buildWords } from '../text/words';
import { breakLines } from './line-breaker';

const style: TextStyle = { bold: false, italic: false, size: 10, color: '#000000' };
const measure = (text: string): number => [...text].length * 5;

function lines(text: string, width: number): string[] {
  const spans: StyledSpan[] = [{ text, style }];
  return breakLines(
    buildWords(spans, 'ltr', measure, () => undefined),
    width,
    measure,
  ).map((line) => line.pieces.map((piece) => piece.text).join(''));
}

describe('breakLines', () => {
  it('fills lines greedily and breaks at spaces', () => {
    expect(lines('aaa bbb ccc ddd', 40)).toEqual(['aaa bbb', 'ccc ddd']);
  });

  it('cuts a word longer than a line between graphemes', () => {
    expect(lines('abcdefghij', 20)).toEqual(['abcd', 'efgh', 'ij']);
    expect(lines('ZoeZoeZoe\u0308', 15)).toEqual(['Zoe', 'Zoe', 'Zoë']);
  });

  it('never gives a line wider than asked', () => {
    const text = Array.from({ length: 40 }, (_, i) => 'word'.repeat((i % 3) + 1)).join(' ');
    for (const line of lines(text, 100)) expect(measure(line)).toBeLessThanOrEqual(100);
  });
});
