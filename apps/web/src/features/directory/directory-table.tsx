import { Link } from 'react-router';
import { ago } from '../../lib/when';
import { useNow } from '../../lib/use-now';
import { withFilter, type DirectoryQuery } from './directory-query';
import type { DirectoryItem } from './queries';
import { orderText, SortHeader } from './sort-header';

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const instant = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The page of organizations as a table, sorted by the column whose header was chosen. On a
 * narrow screen it scrolls sideways inside a labelled, focusable region (arrow keys scroll
 * it), never the whole page.
 */
export function DirectoryTable({
  wid,
  items,
  query,
  href,
  busy,
}: {
  wid: string;
  items: DirectoryItem[];
  query: DirectoryQuery;
  href: (query: DirectoryQuery) => string;
  busy: boolean;
}) {
  const now = useNow();
  return (
    <div
      className="table-scroll card"
      role="region"
      aria-labelledby="directory-caption"
      tabIndex={0}
    >
      <table className="table" aria-busy={busy || undefined}>
        <caption id="directory-caption" className="visually-hidden">
          Organizations, {orderText(query)}
        </caption>
        <thead>
          <tr>
            <SortHeader column="name" label="Name" query={query} href={href} />
            <th scope="col">Contact</th>
            <th scope="col">Country</th>
            <th scope="col">Tags</th>
            <SortHeader column="lastActivity" label="Last activity" query={query} href={href} />
            <SortHeader column="createdAt" label="Added" query={query} href={href} />
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
              <td className="cell-nowrap">
                {o.lastActivityAt ? (
                  <time
                    dateTime={o.lastActivityAt}
                    title={instant.format(new Date(o.lastActivityAt))}
                  >
                    {ago(o.lastActivityAt, now)}
                  </time>
                ) : (
                  <>
                    <span aria-hidden="true">—</span>
                    <span className="visually-hidden">none</span>
                  </>
                )}
              </td>
              <td className="cell-nowrap">
                <time dateTime={o.createdAt}>{day.format(new Date(o.createdAt))}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
