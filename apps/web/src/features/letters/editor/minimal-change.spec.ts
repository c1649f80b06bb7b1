import { minimalChange } from './minimal-change';

const apply = (text: string, c: ReturnType<typeof minimalChange>) =>
  text.slice(0, c.from) + c.insert + text.slice(c.to);

describe('minimalChange: a new value as one small edit', () => {
  it('replaces only what differs between the common start and end', () => {
    expect(minimalChange('a **without delay** b', 'a **this week** b')).toEqual({
      from: 4,
      to: 17,
      insert: 'this week',
    });
  });

  it('gives the new text back for insertions, deletions, repeats and empties', () => {
    for (const [from, to] of [
      ['abc', 'abXbc'],
      ['aaaa', 'aa'],
      ['aa', 'aaaa'],
      ['', 'new'],
      ['old', ''],
      ['same', 'same'],
    ]) {
      expect(apply(from, minimalChange(from, to))).toBe(to);
    }
    expect(minimalChange('same', 'same')).toEqual({ from: 4, to: 4, insert: '' });
  });
});
