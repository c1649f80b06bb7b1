import { changedSpan } from './changed-span';

const same = (a: string, b: string) => a === b;

describe('changedSpan', () => {
  it('finds the one block a key changed in the middle', () => {
    expect(changedSpan(['a', 'b', 'c', 'd'], ['a', 'b2', 'c', 'd'], same)).toEqual({
      start: 1,
      keptTail: 2,
    });
  });

  it('keeps everything when nothing changed', () => {
    expect(changedSpan(['a', 'b'], ['a', 'b'], same)).toEqual({ start: 2, keptTail: 0 });
  });

  it('handles blocks added or removed, at the ends and in the middle', () => {
    expect(changedSpan(['a', 'b'], ['a', 'b', 'c'], same)).toEqual({ start: 2, keptTail: 0 });
    expect(changedSpan(['a', 'b', 'c'], ['a', 'c'], same)).toEqual({ start: 1, keptTail: 1 });
    expect(changedSpan(['b'], ['a', 'b'], same)).toEqual({ start: 0, keptTail: 1 });
    expect(changedSpan([], ['a'], same)).toEqual({ start: 0, keptTail: 0 });
    expect(changedSpan(['a'], [], same)).toEqual({ start: 0, keptTail: 0 });
  });

  it('never counts an item in both the head and the tail', () => {
    // 'a','a' → 'a','a','a': the head takes two, the tail none of them again.
    expect(changedSpan(['a', 'a'], ['a', 'a', 'a'], same)).toEqual({ start: 2, keptTail: 0 });
  });
});
