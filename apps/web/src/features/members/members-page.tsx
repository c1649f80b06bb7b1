import { useParams } from 'react-router';
import { LoadFailed, Loading, Page } from '../../components/page';
import { useMe } from '../auth/session';
import { useWorkspace } from '../workspace/queries';
import { roleName } from '../workspace/workspace-list-page';
import { AddMemberForm } from './add-member-form';
import { grantableRoles, memberControls } from './member-rules';
import { MemberRow } from './member-row';
import { useMembers } from './queries';

/** /w/:wid/members: who is in the workspace, with what role; owners and leads manage them. */
export function MembersPage() {
  const { wid = '' } = useParams();
  const workspace = useWorkspace(wid);
  const me = useMe();
  const members = useMembers(wid);
  const title = 'Members';

  if (members.isError) {
    return (
      <Page title={title}>
        <LoadFailed what="the members" retry={() => void members.refetch()} />
      </Page>
    );
  }
  if (!members.data || !workspace.data || !me.data) {
    return (
      <Page title={title}>
        <Loading what="the members" />
      </Page>
    );
  }
  const mine = { userId: me.data.id, role: workspace.data.role };
  const owners = members.data.members.filter((m) => m.role === 'owner').length;
  const roles = grantableRoles(mine.role);
  const { invitations } = members.data;

  return (
    <Page title={title} lead={`The people of ${workspace.data.name} and their roles.`}>
      <ul className="list card" aria-label="Members">
        {members.data.members.map((member) => (
          <MemberRow
            // Keyed by role too: after a change the row starts again from the saved role.
            key={`${member.userId}-${member.role}`}
            wid={wid}
            member={member}
            self={member.userId === mine.userId}
            controls={memberControls(member, mine, owners)}
          />
        ))}
      </ul>
      {invitations.length > 0 && (
        <section aria-labelledby="pending">
          <h2 id="pending">Invited, not joined yet</h2>
          <ul className="list card">
            {invitations.map((i) => (
              <li key={i.id} className="list-row">
                <span className="list-title">{i.email}</span>
                <span className="list-meta">
                  {roleName(i.role)} · link valid until {new Date(i.expiresAt).toLocaleDateString()}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {roles.length > 0 && <AddMemberForm wid={wid} roles={roles} />}
    </Page>
  );
}
