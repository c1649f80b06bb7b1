import { markdownBlocks, markdownProblems } from '@app/markdown';
import { END_PHRASE, longLetterBody, START_PHRASE, wordCount } from './letter-body';

describe('the web benchmark’s long letter body', () => {
  const body = longLetterBody(3000);

  it('is the same text on every call', () => {
    expect(longLetterBody(3000)).toBe(body);
  });

  it('is about 3,000 words, from START_PHRASE to END_PHRASE, with no newline after it', () => {
    expect(wordCount(body)).toBeGreaterThanOrEqual(3000);
    expect(wordCount(body)).toBeLessThan(3300);
    expect(body.startsWith(START_PHRASE)).toBe(true);
    expect(body.endsWith(END_PHRASE)).toBe(true);
  });

  it('is Markdown a letter accepts, with headings, a quote and both kinds of list', () => {
    expect(markdownProblems(body)).toEqual([]);
    const blocks = markdownBlocks(body);
    const shapes = new Set(
      blocks.map((b) =>
        b.kind === 'list'
          ? `${b.ordered ? 'numbered' : 'bulleted'} list`
          : b.kind === 'heading'
            ? `heading ${b.level}`
            : b.kind,
      ),
    );
    expect([...shapes].sort()).toEqual([
      'bulleted list',
      'heading 2',
      'heading 3',
      'numbered list',
      'paragraph',
      'quote',
    ]);
  });

  it('counts words without the Markdown marks', () => {
    expect(wordCount('## A heading\n\n- one **two**\n1. [three](https://example.org) 4')).toBe(6);
  });
});
