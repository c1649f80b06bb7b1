import { Link } from 'react-router';
import {
  isDescending,
  nextSort,
  sortColumn,
  withFilter,
  type DirectoryQuery,
  type SortColumn,
} from './directory-query';

/** How each column's two directions read, for the caption and screen readers. */
export const DIRECTIONS: Record<SortColumn, { ascending: string; descending: string }> = {
  name: { ascending: 'A to Z', descending: 'Z to A' },
  lastActivity: { ascending: 'least recent first', descending: 'most recent first' },
  createdAt: { ascending: 'oldest first', descending: 'newest first' },
};

/** "by name A to Z", "by last activity, most recent first": what the caption says. */
export function orderText(query: DirectoryQuery): string {
  const column = sortColumn(query.sort);
  const direction = DIRECTIONS[column][isDescending(query.sort) ? 'descending' : 'ascending'];
  return column === 'name'
    ? `by name ${direction}`
    : `by ${column === 'createdAt' ? 'date added' : 'last activity'}, ${direction}`;
}

/**
 * A column header that sorts the directory: a link to the same screen in that order (so the
 * order is in the URL), with aria-sort on the one column the rows are sorted by.
 */
export function SortHeader({
  column,
  label,
  query,
  href,
}: {
  column: SortColumn;
  label: string;
  query: DirectoryQuery;
  href: (query: DirectoryQuery) => string;
}) {
  const sorted = sortColumn(query.sort) === column;
  const next = nextSort(query.sort, column);
  const nextDirection = DIRECTIONS[column][isDescending(next) ? 'descending' : 'ascending'];
  const direction = isDescending(query.sort) ? 'descending' : 'ascending';
  return (
    <th scope="col" aria-sort={sorted ? direction : undefined}>
      <Link to={href(withFilter(query, { sort: next }))} className="sort-link">
        {label}
        {sorted && <span aria-hidden="true">{direction === 'descending' ? ' ▼' : ' ▲'}</span>}
        <span className="visually-hidden">
          {sorted && `, sorted ${DIRECTIONS[column][direction]}`}; sort {nextDirection}
        </span>
      </Link>
    </th>
  );
}
