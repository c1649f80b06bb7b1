import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ok } from '../../api/client';
import { LoadFailed, Loading, Page } from '../../components/page';
import { useWorkspace } from '../workspace/queries';
import { OrganizationForm, type OrganizationBody } from './organization-form';
import { directoryKey, organizationKey, useOrganization } from './queries';
import { managesDirectory } from '../../lib/roles';
import { InItsWorkspace } from '../workspace/in-its-workspace';

/** What the directory's readers see in place of a form they may not use. */
function ReadOnly({ wid }: { wid: string }) {
  return (
    <p>
      Only coordinators, leads and owners change the directory.{' '}
      <Link to={`/w/${wid}/directory`}>Back to the directory</Link>.
    </p>
  );
}

/** /w/:wid/directory/new: add one organization; likely duplicates are named on its page. */
export function NewOrganizationPage() {
  const { wid = '' } = useParams();
  const workspace = useWorkspace(wid);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (body: OrganizationBody) =>
      ok(api.POST('/api/workspaces/{wid}/organizations', { params: { path: { wid } }, body })),
    onSuccess: async (created) => {
      const { possibleDuplicates, ...organization } = created;
      queryClient.setQueryData(organizationKey(created.id), organization);
      await queryClient.invalidateQueries({ queryKey: directoryKey(wid) });
      await navigate(`/w/${wid}/directory/${created.id}`, {
        state: { added: true, possibleDuplicates },
      });
    },
  });
  const allowed = workspace.data && managesDirectory(workspace.data.role);
  return (
    <Page title="Add an organization" narrow>
      {!workspace.data ? (
        <Loading what="the workspace" />
      ) : !allowed ? (
        <ReadOnly wid={wid} />
      ) : (
        <OrganizationForm
          submitLabel="Add"
          cancelTo={`/w/${wid}/directory`}
          pending={create.isPending}
          save={(body, fail) => create.mutate(body, { onError: fail })}
        />
      )}
    </Page>
  );
}

/** /w/:wid/directory/:oid/edit: change its fields; the API checks them as on creation. */
export function EditOrganizationPage() {
  const { wid = '', oid = '' } = useParams();
  const workspace = useWorkspace(wid);
  const organization = useOrganization(oid);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const update = useMutation({
    mutationFn: (body: OrganizationBody) =>
      ok(api.PATCH('/api/organizations/{oid}', { params: { path: { oid } }, body })),
    onSuccess: async (updated) => {
      queryClient.setQueryData(organizationKey(oid), updated);
      await queryClient.invalidateQueries({ queryKey: directoryKey(wid) });
      await navigate(`/w/${wid}/directory/${oid}`, { state: { saved: true } });
    },
  });
  const allowed = workspace.data && managesDirectory(workspace.data.role);
  if (organization.data && organization.data.workspaceId !== wid)
    return <InItsWorkspace workspaceId={organization.data.workspaceId} />;
  return (
    <Page
      title="Edit an organization"
      lead={organization.data && <bdi>{organization.data.name}</bdi>}
      narrow
    >
      {organization.isError ? (
        <LoadFailed what="the organization" retry={() => void organization.refetch()} />
      ) : !organization.data || !workspace.data ? (
        <Loading what="the organization" />
      ) : !allowed ? (
        <ReadOnly wid={wid} />
      ) : (
        <OrganizationForm
          initial={organization.data}
          submitLabel="Save"
          cancelTo={`/w/${wid}/directory/${oid}`}
          pending={update.isPending}
          save={(body, fail) => update.mutate(body, { onError: fail })}
        />
      )}
    </Page>
  );
}
