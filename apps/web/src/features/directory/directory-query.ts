/**
 * The directory screen's state, kept in the URL's query string (`?q=…&tag=…&sort=-name&page=3
 * &archived=1`) so back, forward, a reload and a shared link all show the same rows. Only
 * what differs from the default is written: a plain `/w/:wid/directory` is page 1 by name.
 */

export type SortOrder = 'name' | '-name';

export interface DirectoryQuery {
  search: string;
  tag: string;
  sort: SortOrder;
  page: number;
  archived: boolean;
}

export const PAGE_SIZE = 50;

/** The API refuses pages beyond this (DirectoryQueryDto). */
const MAX_PAGE = 100_000;

export function readDirectoryQuery(params: URLSearchParams): DirectoryQuery {
  const page = Number(params.get('page'));
  return {
    search: (params.get('q') ?? '').slice(0, 200),
    tag: (params.get('tag') ?? '').slice(0, 50),
    sort: params.get('sort') === '-name' ? '-name' : 'name',
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
    archived: params.get('archived') === '1',
  };
}

export function writeDirectoryQuery(query: DirectoryQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.search.trim()) params.set('q', query.search);
  if (query.tag.trim()) params.set('tag', query.tag);
  if (query.sort !== 'name') params.set('sort', query.sort);
  if (query.page > 1) params.set('page', String(query.page));
  if (query.archived) params.set('archived', '1');
  return params;
}

/** A change of what is shown (search, tag, order, archived) starts again at page 1. */
export function withFilter(query: DirectoryQuery, change: Partial<DirectoryQuery>): DirectoryQuery {
  return { ...query, ...change, page: 1 };
}

export const pageCount = (total: number, size = PAGE_SIZE) => Math.max(1, Math.ceil(total / size));

/** "51–100 of 10,000" (en dash), or "No organizations" when there are none. */
export function rangeText(page: number, total: number, shown: number, size = PAGE_SIZE): string {
  if (total === 0 || shown === 0) return 'No organizations';
  const first = (page - 1) * size + 1;
  const format = (n: number) => n.toLocaleString('en');
  return `${format(first)}–${format(first + shown - 1)} of ${format(total)}`;
}

/**
 * The API pages by name A to Z only. Page `page` of Z to A is the same rows as positions
 * [start, end) of A to Z, read backwards: found in at most two of the API's pages of the
 * same size, so the order costs one small request more, never the whole directory.
 */
export function descendingWindow(
  total: number,
  page: number,
  size = PAGE_SIZE,
): { apiPages: number[]; skip: number; take: number } {
  const end = total - (page - 1) * size;
  if (end <= 0) return { apiPages: [], skip: 0, take: 0 };
  const start = Math.max(0, end - size);
  const first = Math.floor(start / size) + 1;
  const last = Math.floor((end - 1) / size) + 1;
  const apiPages = first === last ? [first] : [first, last];
  return { apiPages, skip: start - (first - 1) * size, take: end - start };
}
