import { jsonDepth } from './json-depth';
import { badText } from './text-input.pipe';

describe('jsonDepth', () => {
  it.each([
    ['1', 0],
    ['"[[[["', 0],
    ['[]', 1],
    ['{"a":[{"b":[]}]}', 4],
    ['["\\"[[", ["x"]]', 2],
    ['{"k\\\\":"[", "v":{}}', 2],
    ['["é", ["ü", ["😀"]]]', 3],
  ])('%s is %i deep', (text, depth) => {
    expect(jsonDepth(Buffer.from(text))).toBe(depth);
  });

  it('scans 100,000 levels without recursion', () => {
    expect(jsonDepth('['.repeat(100_000) + ']'.repeat(100_000))).toBe(100_000);
  });
});

describe('badText', () => {
  it('names the first bad string by its path, keys included', () => {
    expect(badText({ a: [{ b: 'ok' }, { c: 'x\u0000' }] })).toEqual({
      field: 'a[1].c',
      problem: 'must not contain control characters',
    });
    expect(badText({ '\ud800': 1 })?.field).toBe('(name)');
    expect(badText({ x: ['ok', '\u0001', '\u0002'], y: '\u0003' })?.field).toBe('x[1]');
    expect(badText(['\udfff'], 'ids')).toEqual({
      field: 'ids[0]',
      problem: 'must be well-formed Unicode (a lone surrogate is not)',
    });
  });

  it('lets line breaks, tabs and astral characters through', () => {
    expect(badText({ body: 'a\n\tb\r\n 🚀 𝔘 ‍' })).toBeNull();
  });

  it('refuses only NUL when asked to', () => {
    expect(badText({ name: 'bell\u0007' }, '', /\0/u)).toBeNull();
    expect(badText({ name: 'nul\u0000' }, '', /\0/u)?.field).toBe('name');
  });
});
