import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { LoadFailed, Loading, Page } from '../../components/page';
import { useWorkspace } from '../workspace/queries';
import { DebouncedField } from './debounced-field';
import {
  pageCount,
  rangeText,
  readDirectoryQuery,
  withFilter,
  writeDirectoryQuery,
  type DirectoryQuery,
} from './directory-query';
import { DirectoryTable } from './directory-table';
import { useDirectory } from './queries';
import { managesDirectory } from '../../lib/roles';
import { useAskedSearchParams } from '../../lib/use-asked-search-params';

/**
 * /w/:wid/directory: the workspace's organizations, 50 at a time, searched, filtered by tag
 * and ordered by name, last activity or date added; the state is in the query string. Coordinators and above add and
 * manage them; everyone else reads.
 */
export function DirectoryPage() {
  const { wid = '' } = useParams();
  const workspace = useWorkspace(wid);
  const { params, asked, change } = useAskedSearchParams();
  const query = readDirectoryQuery(params);
  const showArchived = readDirectoryQuery(asked).archived;
  const directory = useDirectory(wid, query);
  const canManage = workspace.data ? managesDirectory(workspace.data.role) : false;

  const href = (next: DirectoryQuery) => {
    const search = writeDirectoryQuery(next).toString();
    return search ? `?${search}` : '?';
  };
  // Stable across renders, so the fields' timers are not restarted by every fetch.
  const settle = useCallback(
    (edit: Partial<DirectoryQuery>) =>
      change((from) => writeDirectoryQuery(withFilter(readDirectoryQuery(from), edit))),
    [change],
  );
  const settleSearch = useCallback((search: string) => settle({ search }), [settle]);
  const settleTag = useCallback((tag: string) => settle({ tag }), [settle]);

  const total = directory.data?.total ?? 0;
  const pages = pageCount(total);
  const filtered = Boolean(query.search.trim() || query.tag.trim());

  return (
    <Page
      title="Directory"
      lead={workspace.data && `The organizations of ${workspace.data.name}, reused across letters.`}
      actions={
        <>
          <Link to={`/w/${wid}/directory/duplicates`} className="button">
            Likely duplicates
          </Link>
          {canManage && (
            <>
              <Link to={`/w/${wid}/directory/import`} className="button">
                Import a spreadsheet…
              </Link>
              <Link to={`/w/${wid}/directory/new`} className="button button--primary">
                Add an organization
              </Link>
            </>
          )}
        </>
      }
    >
      <form
        role="search"
        aria-label="Search the directory"
        className="card directory-filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <DebouncedField
          name="search"
          label="Search by name"
          hint="Part of a name; accents and case are ignored."
          value={query.search}
          onSettle={settleSearch}
        />
        <DebouncedField
          name="tag"
          label="Tag"
          hint="One tag, such as press."
          value={query.tag}
          onSettle={settleTag}
        />
        <div className="field field--inline">
          <input
            id="show-archived"
            type="checkbox"
            checked={showArchived}
            onChange={(e) => settle({ archived: e.target.checked })}
          />
          <label htmlFor="show-archived">Show archived organizations</label>
        </div>
      </form>

      {directory.isPending ? (
        <Loading what="the directory" />
      ) : directory.isError ? (
        <LoadFailed what="the directory" retry={() => void directory.refetch()} />
      ) : (
        <>
          <p role="status" className="directory-count">
            {directory.isFetching && directory.isPlaceholderData
              ? 'Loading…'
              : rangeText(query.page, total, directory.data.items.length)}
          </p>
          {directory.data.items.length === 0 ? (
            <div className="card empty-state">
              {filtered ? (
                <p>
                  No organization matches this search.{' '}
                  <Link to={href(withFilter(query, { search: '', tag: '' }))}>
                    Clear the search
                  </Link>
                  .
                </p>
              ) : query.page > 1 ? (
                <p>
                  There is no page {query.page}.{' '}
                  <Link to={href({ ...query, page: 1 })}>Go to the first page</Link>.
                </p>
              ) : (
                <p>
                  The directory is empty.
                  {canManage && (
                    <>
                      {' '}
                      <Link to={`/w/${wid}/directory/new`}>Add the first organization</Link>.
                    </>
                  )}
                </p>
              )}
            </div>
          ) : (
            <DirectoryTable
              wid={wid}
              items={directory.data.items}
              query={query}
              href={href}
              busy={directory.isFetching}
            />
          )}
          {pages > 1 && (
            <nav aria-label="Pages" className="pager">
              <PageLink to={href({ ...query, page: 1 })} show={query.page > 1}>
                First
              </PageLink>
              <PageLink to={href({ ...query, page: query.page - 1 })} show={query.page > 1}>
                Previous
              </PageLink>
              <span className="pager-where">
                Page {query.page.toLocaleString('en')} of {pages.toLocaleString('en')}
              </span>
              <PageLink to={href({ ...query, page: query.page + 1 })} show={query.page < pages}>
                Next
              </PageLink>
              <PageLink to={href({ ...query, page: pages })} show={query.page < pages}>
                Last
              </PageLink>
            </nav>
          )}
        </>
      )}
    </Page>
  );
}

/** A pager link, or its words greyed out where there is nowhere to go (not focusable). */
function PageLink({ to, show, children }: { to: string; show: boolean; children: string }) {
  return show ? (
    <Link to={to} className="button">
      {children}
      <span className="visually-hidden"> page</span>
    </Link>
  ) : (
    <span className="button button--off" aria-hidden="true">
      {children}
    </span>
  );
}
