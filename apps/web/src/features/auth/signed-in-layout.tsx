import { Navigate, Outlet, useLocation, useMatch } from 'react-router';
import { LoadFailed, Loading } from '../../components/page';
import { NavItem, Shell } from '../../components/shell';
import { useWorkspace } from '../workspace/queries';
import { useMe, useSignOut } from './session';

/** Every screen behind sign-in: signed-out visitors go to /sign-in and come back after. */
export function SignedInLayout() {
  const me = useMe();
  const location = useLocation();
  if (me.signedOut) {
    const next = location.pathname + location.search;
    return (
      <Navigate
        to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`}
        replace
      />
    );
  }
  if (me.isPending) {
    return (
      <Shell>
        <Loading what="your account" />
      </Shell>
    );
  }
  if (me.isError) {
    return (
      <Shell>
        <LoadFailed what="your account" retry={() => void me.refetch()} />
      </Shell>
    );
  }
  return (
    <Shell nav={<SignedInNav />}>
      <Outlet />
    </Shell>
  );
}

function SignedInNav() {
  const inWorkspace = useMatch('/w/:wid/*');
  const signOut = useSignOut();
  return (
    <nav className="nav" aria-label="Main">
      {inWorkspace?.params.wid && <CurrentWorkspace wid={inWorkspace.params.wid} />}
      <NavItem to="/workspaces">Workspaces</NavItem>
      <NavItem to="/account">Account</NavItem>
      <button
        type="button"
        className="nav-link nav-button"
        onClick={() => signOut.mutate()}
        disabled={signOut.isPending}
      >
        Sign out
      </button>
    </nav>
  );
}

function CurrentWorkspace({ wid }: { wid: string }) {
  const workspace = useWorkspace(wid);
  if (!workspace.data) return null;
  return (
    <>
      <span className="current-workspace" title="Current workspace">
        {workspace.data.name}
      </span>
      <NavItem to={`/w/${wid}`}>Campaigns</NavItem>
      <NavItem to={`/w/${wid}/directory`}>Directory</NavItem>
      <NavItem to={`/w/${wid}/members`}>Members</NavItem>
      <NavItem to={`/w/${wid}/settings`}>Settings</NavItem>
    </>
  );
}
