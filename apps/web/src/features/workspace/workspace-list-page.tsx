import { Link } from 'react-router';
import { LoadFailed, Loading, Page } from '../../components/page';
import { zoneLabel } from '../../lib/time-zones';
import { useWorkspaces } from './queries';

const ROLE_NAMES = {
  owner: 'Owner',
  lead: 'Lead',
  coordinator: 'Coordinator',
  editor: 'Editor',
  viewer: 'Viewer',
} as const;

export function roleName(role: keyof typeof ROLE_NAMES): string {
  return ROLE_NAMES[role];
}

export function WorkspaceListPage() {
  const workspaces = useWorkspaces();
  return (
    <Page
      title="Workspaces"
      lead="Each coalition you work with has its own workspace."
      actions={
        <Link to="/workspaces/new" className="button button--primary">
          New workspace
        </Link>
      }
    >
      {workspaces.isPending ? (
        <Loading what="your workspaces" />
      ) : workspaces.isError ? (
        <LoadFailed what="your workspaces" retry={() => void workspaces.refetch()} />
      ) : workspaces.data.length === 0 ? (
        <p className="empty">
          You are not in any workspace yet. <Link to="/workspaces/new">Create one</Link>, or ask a
          coalition&apos;s owner to add you.
        </p>
      ) : (
        <ul className="list card" aria-label="Your workspaces">
          {workspaces.data.map((w) => (
            <li key={w.id} className="list-row">
              <Link to={`/w/${w.id}`} className="list-title">
                {w.name}
              </Link>
              <span className="list-meta">
                {roleName(w.role)} · {zoneLabel(w.timeZone)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
