import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { api, ok } from '../../api/client';
import { formErrors } from '../../api/errors';
import { LoadFailed, Loading, Page } from '../../components/page';
import { StatusBadge } from '../letters/status';
import { useWorkspace } from '../workspace/queries';
import { historyOutcome } from './history-words';
import {
  directoryKey,
  organizationKey,
  useOrganization,
  useOrganizationHistory,
  type Organization,
} from './queries';
import { managesDirectory } from '../../lib/roles';
import { InItsWorkspace } from '../workspace/in-its-workspace';

/** Set by the add and edit screens when they bring the user here. */
interface Arrival {
  added?: boolean;
  saved?: boolean;
  possibleDuplicates?: { id: string; name: string }[];
}

const day = (iso: string) =>
  new Date(iso).toLocaleDateString('en', { day: 'numeric', month: 'long', year: 'numeric' });

/** /w/:wid/directory/:oid: an organization's details and its history across letters. */
export function OrganizationPage() {
  const { wid = '', oid = '' } = useParams();
  const workspace = useWorkspace(wid);
  const organization = useOrganization(oid);
  const arrival = (useLocation().state ?? {}) as Arrival;
  const canManage = workspace.data ? managesDirectory(workspace.data.role) : false;

  if (organization.isError) {
    return (
      <Page title="Organization">
        <LoadFailed what="the organization" retry={() => void organization.refetch()} />
      </Page>
    );
  }
  if (!organization.data) {
    return (
      <Page title="Organization">
        <Loading what="the organization" />
      </Page>
    );
  }
  if (organization.data.workspaceId !== wid)
    return <InItsWorkspace workspaceId={organization.data.workspaceId} />;
  const o = organization.data;
  return (
    <Page
      title="Organization"
      lead={
        <>
          <bdi className="org-title">{o.name}</bdi>
          {o.archived && <span className="badge">Archived</span>}
        </>
      }
      actions={
        canManage && (
          <Link to={`/w/${wid}/directory/${oid}/edit`} className="button button--primary">
            Edit
          </Link>
        )
      }
    >
      <p role="status" className="notice">
        {arrival.added ? 'Added to the directory.' : arrival.saved ? 'Saved.' : ''}
      </p>
      {arrival.possibleDuplicates && arrival.possibleDuplicates.length > 0 && (
        <div className="card notice-box">
          <p>
            Likely the same organization, already in the directory:{' '}
            {arrival.possibleDuplicates.map((d, i) => (
              <span key={d.id}>
                {i > 0 && ', '}
                <Link to={`/w/${wid}/directory/${d.id}`} dir="auto">
                  {d.name}
                </Link>
              </span>
            ))}
            . <Link to={`/w/${wid}/directory/duplicates`}>Review the likely duplicates</Link>.
          </p>
        </div>
      )}
      <Details organization={o} />
      <History wid={wid} oid={oid} />
      {canManage && <Archive wid={wid} organization={o} />}
      <p>
        <Link to={`/w/${wid}/directory`}>Back to the directory</Link>
      </p>
    </Page>
  );
}

function Details({ organization: o }: { organization: Organization }) {
  return (
    <section aria-labelledby="details" className="card org-details">
      <h2 id="details">Details</h2>
      <dl className="facts">
        <div>
          <dt>Email</dt>
          <dd>
            {o.emails.map((email, i) => (
              <span key={email} className="cell-line">
                <a href={`mailto:${email}`}>{email}</a>
                {i === 0 && o.emails.length > 1 && ' (main)'}
              </span>
            ))}
          </dd>
        </div>
        <div>
          <dt>Contact person</dt>
          <dd dir="auto">{o.contactName ?? 'None given'}</dd>
        </div>
        <div>
          <dt>Country</dt>
          <dd>{o.country ?? 'None given'}</dd>
        </div>
        <div>
          <dt>Website</dt>
          <dd>
            {o.website ? (
              <a href={o.website} rel="noopener noreferrer nofollow" target="_blank">
                {o.website}
                <span className="visually-hidden"> (opens in a new tab)</span>
              </a>
            ) : (
              'None given'
            )}
          </dd>
        </div>
        <div>
          <dt>Tags</dt>
          <dd dir="auto">{o.tags.length > 0 ? o.tags.join(', ') : 'None'}</dd>
        </div>
        <div>
          <dt>Added</dt>
          <dd>
            <time dateTime={o.createdAt}>{day(o.createdAt)}</time>
          </dd>
        </div>
      </dl>
    </section>
  );
}

/** Every letter it was invited to or signed, newest activity first. */
function History({ wid, oid }: { wid: string; oid: string }) {
  const history = useOrganizationHistory(oid);
  return (
    <section aria-labelledby="history">
      <h2 id="history">History across letters</h2>
      {history.isPending ? (
        <Loading what="the history" />
      ) : history.isError ? (
        <LoadFailed what="the history" retry={() => void history.refetch()} />
      ) : history.data.length === 0 ? (
        <p className="empty">Not invited to any letter yet, and no sign-on.</p>
      ) : (
        <ul className="list card" aria-label="Letters">
          {history.data.map((h) => (
            <li key={h.letterId} className="list-row history-row">
              <div>
                <Link to={`/w/${wid}/letters/${h.letterId}`} className="list-title" dir="auto">
                  {h.title || 'Untitled letter'}
                </Link>
                <span className="list-meta">
                  <bdi>{h.campaignName}</bdi> · <StatusBadge status={h.letterStatus} />
                </span>
              </div>
              <div className="history-outcome">
                <strong>{historyOutcome(h)}</strong>
                <span className="list-meta">
                  {h.invitation && (
                    <>
                      Invited{' '}
                      <time dateTime={h.invitation.invitedAt}>{day(h.invitation.invitedAt)}</time>
                      {' · '}
                    </>
                  )}
                  Last activity <time dateTime={h.lastActivityAt}>{day(h.lastActivityAt)}</time>
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Archive (hidden from the list, its history kept) or restore, after saying what happens. */
function Archive({ wid, organization: o }: { wid: string; organization: Organization }) {
  const [problem, setProblem] = useState('');
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (archived: boolean) =>
      ok(
        api.PATCH('/api/organizations/{oid}', {
          params: { path: { oid: o.id } },
          body: { archived },
        }),
      ),
    onSuccess: async (updated) => {
      queryClient.setQueryData(organizationKey(o.id), updated);
      await queryClient.invalidateQueries({ queryKey: directoryKey(wid) });
    },
    onError: (error) => setProblem(formErrors(error, []).form ?? ''),
  });
  const act = () => {
    setProblem('');
    const question = o.archived
      ? `Restore “${o.name}”? It comes back in the directory's list and searches.`
      : `Archive “${o.name}”? It leaves the directory's list and searches (shown again with ` +
        '“Show archived organizations”). Its invitations and sign-ons on letters are kept, ' +
        'and you can restore it at any time.';
    if (window.confirm(question)) change.mutate(!o.archived);
  };
  return (
    <section aria-labelledby="archive" className="card form">
      <h2 id="archive">{o.archived ? 'Archived' : 'Archive'}</h2>
      <p>
        {o.archived
          ? 'This organization is archived: hidden from the directory, its history kept.'
          : 'Archiving hides it from the directory and keeps its history across letters.'}
      </p>
      <div className="form-actions">
        <button type="button" className="button" onClick={act} disabled={change.isPending}>
          {o.archived ? 'Restore' : 'Archive…'}
        </button>
        <p role="status" className="saved">
          {change.isSuccess ? (o.archived ? 'Archived.' : 'Restored.') : ''}
        </p>
      </div>
      {problem && (
        <p role="alert" className="form-alert">
          {problem}
        </p>
      )}
    </section>
  );
}
