import { Navigate, useLocation, useParams } from 'react-router';

/**
 * The same screen under the item's own workspace, when the address names another one (a
 * mixed-up or hand-edited link: the API answers for the item whichever workspace the
 * address names, and the navigation, the role and the links would be the wrong one's).
 * Returns null when the address is already right.
 */
export function InItsWorkspace({ workspaceId }: { workspaceId: string }) {
  const { wid } = useParams();
  const { pathname, search, hash } = useLocation();
  if (!wid || workspaceId === wid) return null;
  const to = pathname.replace(`/w/${wid}`, `/w/${workspaceId}`) + search + hash;
  return <Navigate replace to={to} />;
}
