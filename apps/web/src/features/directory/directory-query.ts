import type { components } from '../../api/schema';

/**
 * The directory screen's state, kept in the URL's query string (`?q=…&tag=…&sort=-name&page=3
 * &archived=1`) so back, forward, a reload and a shared link all show the same rows. Only
 * what differs from the default is written: a plain `/w/:wid/directory` is page 1 by name.
 */

/** The API's orders: a column, `-` first for descending. */
export type SortOrder = components['schemas']['DirectorySort'];

/** The columns the table sorts by. */
export type SortColumn = 'name' | 'lastActivity' | 'createdAt';

const SORT_ORDERS: readonly SortOrder[] = [
  'name',
  '-name',
  'lastActivity',
  '-lastActivity',
  'createdAt',
  '-createdAt',
];

const isSortOrder = (value: string | null): value is SortOrder =>
  SORT_ORDERS.includes(value as SortOrder);

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
  const sort = params.get('sort');
  return {
    search: (params.get('q') ?? '').slice(0, 200),
    tag: (params.get('tag') ?? '').slice(0, 50),
    sort: isSortOrder(sort) ? sort : 'name',
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

export const sortColumn = (sort: SortOrder): SortColumn => sort.replace(/^-/, '') as SortColumn;

export const isDescending = (sort: SortOrder) => sort.startsWith('-');

/**
 * The order a click on a column's header asks for: the sorted column turns around; another
 * column starts where a reader looks first: names A to Z, dates newest first.
 */
export function nextSort(current: SortOrder, column: SortColumn): SortOrder {
  if (sortColumn(current) === column) return isDescending(current) ? column : `-${column}`;
  return column === 'name' ? 'name' : `-${column}`;
}
