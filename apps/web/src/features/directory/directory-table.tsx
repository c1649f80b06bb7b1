import { Link } from 'react-router';
import { withFilter, type DirectoryQuery } from './directory-query';
import type { Organization } from './queries';

/**
 * The page of organizations as a table. On a narrow screen it scrolls sideways inside a
 * labelled, focusable region (arrow keys scroll it), never the whole page.
 */
export function DirectoryTable({
  wid,
  items,
  query,
  href,
  busy,
}: {
  wid: string;
  items: Organization[];
  query: DirectoryQuery;
  href: (query: DirectoryQuery) => string;
  busy: boolean;
}) {
  const descending = query.sort === '-name';
  return (
    <div
      className="table-scroll card"
      role="region"
      aria-labelledby="directory-caption"
      tabIndex={0}
    >
      <table className="table" aria-busy={busy || undefined}>
        <caption id="directory-caption" className="visually-hidden">
          Organizations, by name {descending ? 'Z to A' : 'A to Z'}
        </caption>
        <thead>
          <tr>
            <th scope="col" aria-sort={descending ? 'descending' : 'ascending'}>
              <Link
                to={href(withFilter(query, { sort: descending ? 'name' : '-name' }))}
                className="sort-link"
              >
                Name
                <span aria-hidden="true">{descending ? ' ▼' : ' ▲'}</span>
                <span className="visually-hidden">
                  , sorted {descending ? 'Z to A' : 'A to Z'}; sort{' '}
                  {descending ? 'A to Z' : 'Z to A'}
                </span>
              </Link>
            </th>
            <th scope="col">Contact</th>
            <th scope="col">Country</th>
            <th scope="col">Tags</th>
          </tr>
        </thead>
        <tbody>
          {items.map((o) => (
            <tr key={o.id}>
              <th scope="row">
                <Link to={`/w/${wid}/directory/${o.id}`} dir="auto" className="org-name">
                  {o.name}
                </Link>
                {o.archived && <span className="badge">Archived</span>}
              </th>
              <td>
                {o.contactName && (
                  <span dir="auto" className="cell-line">
                    {o.contactName}
                  </span>
                )}
                <span className="cell-line cell-muted">{o.email}</span>
              </td>
              <td>{o.country ?? <span className="visually-hidden">none</span>}</td>
              <td>
                {o.tags.length === 0 ? (
                  <span className="visually-hidden">none</span>
                ) : (
                  <ul className="tags">
                    {o.tags.map((tag) => (
                      <li key={tag}>
                        <Link
                          to={href(withFilter(query, { tag }))}
                          className="tag"
                          dir="auto"
                          aria-label={`Only tag ${tag}`}
                        >
                          {tag}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
