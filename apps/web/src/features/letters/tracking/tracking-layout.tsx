import { Link, NavLink, Outlet, useOutletContext, useParams } from 'react-router';
import type { ReactNode } from 'react';
import { ApiError } from '../../../api/errors';
import type { components } from '../../../api/schema';
import { LoadFailed, Loading, Page } from '../../../components/page';
import { invitesOrganizations, moderates } from '../../../lib/roles';
import { useWorkspace } from '../../workspace/queries';
import { LiveContext, useLetterEvents, type LiveState } from '../live/use-letter-events';
import { useLetter } from '../queries';
import { InItsWorkspace } from '../../workspace/in-its-workspace';

type Letter = components['schemas']['LetterView'];
type Role = components['schemas']['Role'];

/** What every tracking screen is given by its layout. */
export interface Tracking {
  wid: string;
  lid: string;
  letter: Letter;
  role: Role;
  live: LiveState;
}

export const useTracking = () => useOutletContext<Tracking>();

/**
 * /w/:wid/letters/:lid/{dashboard,signatures,invitations,moderation,signatures/new}: the letter, once
 * published, with its live updates open for as long as any of these screens is shown.
 */
export function TrackingLayout() {
  const { wid = '', lid = '' } = useParams();
  const letter = useLetter(lid);
  const workspace = useWorkspace(wid);

  if (letter.isError) {
    if (letter.error instanceof ApiError && letter.error.status === 404) {
      return (
        <Page title="Letter not found">
          <p>
            This letter does not exist, or is not in this workspace.{' '}
            <Link to={`/w/${wid}`}>See the campaigns</Link>.
          </p>
        </Page>
      );
    }
    return (
      <Page title="Sign-ons">
        <LoadFailed what="the letter" retry={() => void letter.refetch()} />
      </Page>
    );
  }
  if (!letter.data || !workspace.data) {
    return (
      <Page title="Sign-ons">
        <Loading what="the letter" />
      </Page>
    );
  }
  if (letter.data.workspaceId !== wid)
    return <InItsWorkspace workspaceId={letter.data.workspaceId} />;
  if (letter.data.publishedRevision === null) {
    return (
      <Page title="Not published yet">
        <p>
          “<span dir="auto">{letter.data.content.title}</span>” is still a draft: its dashboard,
          sign-ons and moderation open once it is published.{' '}
          <Link to={`/w/${wid}/letters/${lid}`}>Back to the letter</Link>.
        </p>
      </Page>
    );
  }
  return <LiveTracking wid={wid} lid={lid} letter={letter.data} role={workspace.data.role} />;
}

function LiveTracking(props: Omit<Tracking, 'live'>) {
  // Every member watches live: the API sends the lower roles only what they may see.
  const live = useLetterEvents(props.lid);
  return (
    <LiveContext value={live}>
      <Outlet context={{ ...props, live } satisfies Tracking} />
    </LiveContext>
  );
}

/** "Live" while the stream is open, else how often the screen reads again; said once. */
function LiveStatus({ live }: { live: LiveState }) {
  return (
    <p role="status" className={`live-status live-status--${live.mode}`}>
      {live.mode === 'live'
        ? 'Live'
        : `Updating every ${Math.round((live.poll || 10_000) / 1000)} s`}
    </p>
  );
}

/** A tracking screen: its heading, the letter it is about, the tabs, the live status. */
export function TrackingPage({ title, children }: { title: string; children: ReactNode }) {
  const { wid, lid, letter, role, live } = useTracking();
  const base = `/w/${wid}/letters/${lid}`;
  return (
    <Page
      title={title}
      lead={
        <Link to={base} dir="auto">
          {letter.content.title}
        </Link>
      }
    >
      <div className="tracking-bar">
        <nav aria-label="Sign-ons" className="tabs">
          <NavLink to={`${base}/dashboard`} className="tab" end>
            Dashboard
          </NavLink>
          <NavLink to={`${base}/signatures`} className="tab" end>
            Signatures
          </NavLink>
          {invitesOrganizations(role) && (
            <NavLink to={`${base}/invitations`} className="tab" end>
              Invitations
            </NavLink>
          )}
          {moderates(role) && (
            <>
              <NavLink to={`${base}/moderation`} className="tab" end>
                Moderation
              </NavLink>
              <NavLink to={`${base}/signatures/new`} className="tab" end>
                Add a sign-on
              </NavLink>
            </>
          )}
        </nav>
        <LiveStatus live={live} />
      </div>
      {children}
    </Page>
  );
}
