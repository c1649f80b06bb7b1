import { changeSummary, fileHref, fileSize, isActive, progressText } from './rendition-text';

describe('the final PDF screen’s words', () => {
  it('reads the progress as the bar shows it', () => {
    expect(progressText('rendering', 42)).toBe('Rendering… 42 %');
    expect(progressText('rendering', 41.6)).toBe('Rendering… 42 %');
    expect(progressText('queued', 0)).toBe('Waiting for the renderer… 0 %');
    expect(progressText('done', 100)).toBe('Rendered: 100 %');
    expect(progressText('failed', 40)).toBe('Rendering failed');
  });

  it('polls only while the state still moves', () => {
    expect(['queued', 'rendering', 'done', 'failed'].map((s) => isActive(s as never))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('sums up the changes, naming only what moved', () => {
    const one = [{}];
    expect(changeSummary({ added: one, withdrawn: one, renamed: [] })).toBe('1 added, 1 withdrawn');
    expect(changeSummary({ added: [{}, {}], withdrawn: [], renamed: one })).toBe(
      '2 added, 1 renamed',
    );
    expect(changeSummary({ added: [], withdrawn: [], renamed: [] })).toBe(
      'No change in the signatories',
    );
  });

  it('sizes files and links each one', () => {
    expect(fileSize(900)).toBe('900 bytes');
    expect(fileSize(48213)).toBe('47 KB');
    expect(fileSize(3 * 1024 * 1024 + 200_000)).toBe('3.2 MB');
    expect(fileHref('r1', null)).toBe('/api/renditions/r1/file');
    expect(fileHref('r1', 0)).toBe('/api/renditions/r1/file?addressee=0');
  });
});
