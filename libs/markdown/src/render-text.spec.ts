import { renderMarkdownText } from './render-text';

describe('renderMarkdownText', () => {
  it('drops the syntax and keeps the words, paragraphs apart', () => {
    expect(renderMarkdownText('We **urge** you to _act_.\n\nSecond \\*literal\\* one.')).toBe(
      'We urge you to act.\n\nSecond *literal* one.',
    );
  });

  it('numbers and bullets list items, nested ones indented', () => {
    const source = '1. First\n2. Second\n   - inner *one*\n   - inner two\n3. Third';
    expect(renderMarkdownText(source)).toBe(
      '1. First\n2. Second\n   • inner one\n   • inner two\n3. Third',
    );
  });

  it('gives a link its address once, after all of its words', () => {
    expect(renderMarkdownText('See [the **full** report](https://example.org/r).')).toBe(
      'See the full report <https://example.org/r>.',
    );
    expect(renderMarkdownText('Write to [a@b.org](mailto:a@b.org).')).toBe('Write to a@b.org.');
  });

  it('keeps hard line breaks', () => {
    expect(renderMarkdownText('Line one  \nline two')).toBe('Line one\nline two');
  });
});

describe('renderMarkdownText: headings and quotes', () => {
  it('gives a section heading a line of its own, without its marks', () => {
    expect(renderMarkdownText('Dear all,\n## Our *requests*\nWe ask.\n\n### Next')).toBe(
      'Dear all,\n\nOur requests\n\nWe ask.\n\nNext',
    );
  });

  it('marks every line of a quote with "> ", its blank lines too', () => {
    expect(
      renderMarkdownText('As the Court held:\n\n> The press\n> is **free**.\n>\n> - even here'),
    ).toBe('As the Court held:\n\n> The press is free.\n>\n> • even here');
  });
});
