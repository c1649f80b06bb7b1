import { compareFields, mergeContent, mergeText, wordRuns, type Content } from './merge';

const base: Content = {
  title: 'Free the press',
  date: '2026-12-01',
  addressees: [{ name: 'Ada Minister', addressLines: ['1 Main St'] }],
  salutation: 'Dear Minister,',
  body: 'First paragraph.\n\nSecond paragraph.\n\nThird paragraph.',
  closing: 'Sincerely,',
};

describe('merging a draft someone else saved first', () => {
  it('takes each field from the side that changed it', () => {
    const mine = { ...base, title: 'Free the press now' };
    const theirs = { ...base, subject: 'Re: detention' };
    expect(compareFields(base, mine, theirs).filter((f) => f.state !== 'same')).toEqual([
      { field: 'title', state: 'mine' },
      { field: 'subject', state: 'theirs' },
    ]);
    expect(mergeContent(base, mine, theirs)).toEqual({
      content: { ...base, title: 'Free the press now', subject: 'Re: detention' },
      unresolved: [],
    });
  });

  it('joins changes to different paragraphs of the same body', () => {
    const mine = { ...base, body: base.body.replace('First', 'My first') };
    const theirs = { ...base, body: base.body.replace('Third', 'Their third') };
    const merged = mergeContent(base, mine, theirs);
    expect(merged.content.body).toBe(
      'My first paragraph.\n\nSecond paragraph.\n\nTheir third paragraph.',
    );
    expect(merged.unresolved).toEqual([]);
  });

  it('keeps mine, marked, when both changed the same line', () => {
    expect(mergeText('a line', 'my line', 'their line')).toEqual({ text: 'my line', clean: false });
    const merged = mergeContent(base, { ...base, title: 'Mine' }, { ...base, title: 'Theirs' });
    expect(merged.content.title).toBe('Mine');
    expect(merged.unresolved).toEqual(['title']);
  });

  it('marks addressees changed on both sides instead of guessing', () => {
    const mine = { ...base, addressees: [{ name: 'Mine', addressLines: [] }] };
    const theirs = { ...base, addressees: [{ name: 'Theirs', addressLines: [] }] };
    expect(mergeContent(base, mine, theirs)).toEqual({ content: mine, unresolved: ['addressees'] });
  });

  it('agrees when both made the same change', () => {
    const same = { ...base, closing: 'Yours,' };
    expect(mergeContent(base, same, { ...same })).toEqual({ content: same, unresolved: [] });
  });

  it('shows theirs → mine word by word', () => {
    expect(wordRuns('act without delay now', 'act in 30 days now')).toEqual([
      { kind: 'unchanged', text: 'act ' },
      { kind: 'removed', text: 'without delay' },
      { kind: 'added', text: 'in 30 days' },
      { kind: 'unchanged', text: ' now' },
    ]);
  });
});
