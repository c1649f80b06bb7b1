import { Navigate } from 'react-router';
import { LoadFailed, Loading } from '../../components/page';
import { lastWorkspace } from '../../lib/last-workspace';
import { CreateWorkspacePage } from './create-workspace-page';
import { useWorkspaces } from './queries';

/**
 * `/`: the workspace last opened here (or the first one); with none yet, creating the
 * first is the only thing to do, so that is what this screen is.
 */
export function HomeRedirect() {
  const workspaces = useWorkspaces();
  if (workspaces.isPending) return <Loading what="your workspaces" />;
  if (workspaces.isError) {
    return <LoadFailed what="your workspaces" retry={() => void workspaces.refetch()} />;
  }
  if (workspaces.data.length === 0) return <CreateWorkspacePage first />;
  const last = lastWorkspace();
  const open = workspaces.data.find((w) => w.id === last) ?? workspaces.data[0];
  return <Navigate to={`/w/${open.id}`} replace />;
}
