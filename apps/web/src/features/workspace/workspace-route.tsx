import { useEffect } from 'react';
import { Link, Outlet, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { LoadFailed, Loading, Page } from '../../components/page';
import { rememberWorkspace } from '../../lib/last-workspace';
import { useWorkspace } from './queries';

/** /w/:wid/...: the current workspace is in the URL; this checks it is one of the caller's. */
export function WorkspaceRoute() {
  const { wid = '' } = useParams();
  const workspace = useWorkspace(wid);
  const found = workspace.isSuccess;

  useEffect(() => {
    if (found) rememberWorkspace(wid);
  }, [found, wid]);

  if (workspace.isPending) return <Loading what="the workspace" />;
  if (workspace.isError) {
    // Another coalition's workspace answers 404, like one that does not exist.
    if (workspace.error instanceof ApiError && workspace.error.status === 404) {
      return (
        <Page title="Workspace not found">
          <p>
            This workspace does not exist, or you are not a member of it.{' '}
            <Link to="/workspaces">See your workspaces</Link>.
          </p>
        </Page>
      );
    }
    return <LoadFailed what="the workspace" retry={() => void workspace.refetch()} />;
  }
  return <Outlet />;
}
