import {
  descendingWindow,
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

  it('finds a Z-to-A page in at most two A-to-Z pages of the API', () => {
    // 120 rows: Z-to-A page 1 is positions 70..119: API page 2 (50..99) and 3 (100..119).
    expect(descendingWindow(120, 1)).toEqual({ apiPages: [2, 3], skip: 20, take: 50 });
    // page 3 is positions 0..19: API page 1 only.
    expect(descendingWindow(120, 3)).toEqual({ apiPages: [1], skip: 0, take: 20 });
    // A multiple of the page size lines up with the API's pages.
    expect(descendingWindow(10_000, 1)).toEqual({ apiPages: [200], skip: 0, take: 50 });
    expect(descendingWindow(10_000, 200)).toEqual({ apiPages: [1], skip: 0, take: 50 });
    expect(descendingWindow(0, 1)).toEqual({ apiPages: [], skip: 0, take: 0 });
    expect(descendingWindow(40, 2)).toEqual({ apiPages: [], skip: 0, take: 0 });
  });

  it('covers every row exactly once, Z to A, across the pages', () => {
    for (const total of [1, 49, 50, 51, 120, 199]) {
      const ascending = Array.from({ length: total }, (_, i) => i);
      const seen: number[] = [];
      for (let page = 1; page <= pageCount(total); page++) {
        const { apiPages, skip, take } = descendingWindow(total, page);
        const fetched = apiPages.flatMap((p) => ascending.slice((p - 1) * 50, p * 50));
        seen.push(...fetched.slice(skip, skip + take).reverse());
      }
      expect(seen).toEqual([...ascending].reverse());
    }
  });
});
