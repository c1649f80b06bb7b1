import {
  nextSort,
  pageCount,
  rangeText,
  readDirectoryQuery,
  withFilter,
  writeDirectoryQuery,
  type DirectoryQuery,
} from './directory-query';

const DEFAULT: DirectoryQuery = { search: '', tag: '', sort: 'name', page: 1, archived: false };

describe('the directory state in the query string', () => {
  it('reads an empty query string as page 1 by name, and writes it back empty', () => {
    expect(readDirectoryQuery(new URLSearchParams())).toEqual(DEFAULT);
    expect(writeDirectoryQuery(DEFAULT).toString()).toBe('');
  });

  it('round-trips every field, accents and scripts included', () => {
    const query: DirectoryQuery = {
      search: 'défenseurs مرصد 香港',
      tag: 'press',
      sort: '-name',
      page: 3,
      archived: true,
    };
    const written = writeDirectoryQuery(query);
    expect(written.get('q')).toBe('défenseurs مرصد 香港');
    expect(readDirectoryQuery(new URLSearchParams(written.toString()))).toEqual(query);
  });

  it('ignores what it cannot use instead of asking the API for it', () => {
    const read = readDirectoryQuery(
      new URLSearchParams('page=-2&sort=country&archived=yes&q=' + 'x'.repeat(300)),
    );
    expect(read).toMatchObject({ page: 1, sort: 'name', archived: false });
    expect(read.search).toHaveLength(200);
    expect(readDirectoryQuery(new URLSearchParams('page=2.5')).page).toBe(1);
    expect(readDirectoryQuery(new URLSearchParams('page=999999')).page).toBe(100_000);
  });

  it('keeps every order the API knows in the URL, and only those', () => {
    for (const sort of [
      '-name',
      'lastActivity',
      '-lastActivity',
      'createdAt',
      '-createdAt',
    ] as const) {
      const written = writeDirectoryQuery({ ...DEFAULT, sort });
      expect(written.toString()).toBe(`sort=${sort}`);
      expect(readDirectoryQuery(written).sort).toBe(sort);
    }
    for (const unknown of ['lastactivity', '--name', 'created', '']) {
      expect(readDirectoryQuery(new URLSearchParams({ sort: unknown })).sort).toBe('name');
    }
  });

  it('turns the sorted column around, and starts another one A to Z or newest first', () => {
    expect(nextSort('name', 'name')).toBe('-name');
    expect(nextSort('-name', 'name')).toBe('name');
    expect(nextSort('name', 'lastActivity')).toBe('-lastActivity');
    expect(nextSort('-lastActivity', 'lastActivity')).toBe('lastActivity');
    expect(nextSort('lastActivity', 'lastActivity')).toBe('-lastActivity');
    expect(nextSort('-lastActivity', 'createdAt')).toBe('-createdAt');
    expect(nextSort('-createdAt', 'name')).toBe('name');
  });

  it('goes back to page 1 when the search, tag or order changes', () => {
    expect(withFilter({ ...DEFAULT, page: 7 }, { search: 'lab' })).toEqual({
      ...DEFAULT,
      search: 'lab',
      page: 1,
    });
  });
});

describe('paging', () => {
  it('counts pages and says which rows are shown', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(50)).toBe(1);
    expect(pageCount(10_000)).toBe(200);
    expect(rangeText(2, 10_000, 50)).toBe('51–100 of 10,000');
    expect(rangeText(3, 120, 20)).toBe('101–120 of 120');
    expect(rangeText(1, 0, 0)).toBe('No organizations');
  });
});
