import {
  embeddingLevels,
  fontkitReverses,
  mirrorForRtl,
  textForFontkit,
  visualOrder,
} from './bidi';

describe('embeddingLevels', () => {
  it('puts Arabic at an odd level and its European digits at the even level above', () => {
    const levels = embeddingLevels('abc جمعية 2024', 'ltr');
    expect(levels[0]).toBe(0);
    expect(levels[4]).toBe(1);
    expect(levels[10]).toBe(2);
  });

  it('takes the direction of a paragraph from its first strong character when asked', () => {
    expect(embeddingLevels('جمعية abc', 'auto')[0]).toBe(1);
    expect(embeddingLevels('abc جمعية', 'auto')[0]).toBe(0);
  });
});

describe('visualOrder', () => {
  const items = (levels: number[]): { level: number; id: number }[] =>
    levels.map((level, id) => ({ level, id }));

  it('leaves left-to-right text alone', () => {
    expect(visualOrder(items([0, 0, 0])).map((i) => i.id)).toEqual([0, 1, 2]);
  });

  it('reverses a right-to-left run inside left-to-right text', () => {
    expect(visualOrder(items([0, 1, 1, 1, 0])).map((i) => i.id)).toEqual([0, 3, 2, 1, 4]);
  });

  it('keeps numbers inside right-to-left text in reading order', () => {
    // Arabic word, space, digits (level 2), space, Arabic word.
    expect(visualOrder(items([1, 1, 2, 1, 1])).map((i) => i.id)).toEqual([4, 3, 2, 1, 0]);
    expect(visualOrder(items([1, 2, 2, 1])).map((i) => i.id)).toEqual([3, 1, 2, 0]);
  });
});

describe('textForFontkit', () => {
  it('hands Arabic over in logical order: fontkit reverses it itself', () => {
    expect(fontkitReverses('جمعية')).toBe(true);
    expect(textForFontkit('جمعية', 1)).toBe('جمعية');
  });

  it('pre-reverses Arabic-Indic digits, which fontkit would otherwise flip', () => {
    expect(fontkitReverses('١٢٣')).toBe(true);
    expect(textForFontkit('١٢٣', 2)).toBe('٣٢١');
  });

  it('reverses and mirrors neutrals that sit in right-to-left text', () => {
    expect(mirrorForRtl('(x]')).toBe(')x[');
    expect(textForFontkit('!(', 1)).toBe(')!');
  });

  it('leaves left-to-right text as it is', () => {
    expect(textForFontkit('Press 2024', 0)).toBe('Press 2024');
  });
});
