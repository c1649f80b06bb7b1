import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api, ok } from '../../api/client';
import type { components } from '../../api/schema';
import { FormAlert, TextField, useFormErrors } from '../../components/form';
import { Loading, Page } from '../../components/page';
import { useWorkspace, workspaceKey, workspacesKey } from './queries';
import { TimeZoneSelect } from './time-zone-select';
import { roleName } from './workspace-list-page';

const FIELDS = ['name', 'timeZone'] as const;

type Workspace = components['schemas']['MyWorkspaceView'];

export function WorkspaceSettingsPage() {
  const { wid = '' } = useParams();
  const workspace = useWorkspace(wid);
  if (!workspace.data) return <Loading what="the settings" />;
  // Keyed by workspace: switching workspaces starts the form again from the other's values.
  return <SettingsForm key={wid} workspace={workspace.data} />;
}

function SettingsForm({ workspace }: { workspace: Workspace }) {
  const [name, setName] = useState(workspace.name);
  const [timeZone, setTimeZone] = useState(workspace.timeZone);
  const [saved, setSaved] = useState(false);
  const form = useFormErrors(FIELDS);
  const queryClient = useQueryClient();
  const canEdit = workspace.role === 'owner';

  const save = useMutation({
    mutationFn: () =>
      ok(
        api.PATCH('/api/workspaces/{wid}', {
          params: { path: { wid: workspace.id } },
          body: { name, timeZone },
        }),
      ),
    onSuccess: async (updated) => {
      queryClient.setQueryData(workspaceKey(workspace.id), { ...updated, role: workspace.role });
      await queryClient.invalidateQueries({ queryKey: workspacesKey, exact: true });
      setSaved(true);
    },
    onError: form.show,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    form.clear();
    setSaved(false);
    save.mutate();
  };

  return (
    <Page
      title="Workspace settings"
      lead={
        canEdit
          ? `${workspace.name}: its name and time zone.`
          : `${workspace.name}: you are ${roleName(workspace.role).toLowerCase()} here; only owners change these settings.`
      }
    >
      <form ref={form.formRef} onSubmit={submit} noValidate className="card form">
        <FormAlert message={form.errors.form} alertRef={form.alertRef} />
        <TextField
          name="name"
          label="Name"
          required
          disabled={!canEdit}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setSaved(false);
          }}
          error={form.errors.fields.name}
        />
        <TextField
          name="slug"
          label="Short name"
          value={workspace.slug}
          readOnly
          hint="Unique across Signatory; set when the workspace was created."
        />
        <TimeZoneSelect
          value={timeZone}
          onChange={(zone) => {
            setTimeZone(zone);
            setSaved(false);
          }}
          error={form.errors.fields.timeZone}
          disabled={!canEdit}
        />
        {canEdit && (
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save changes'}
            </button>
            <p role="status" className="saved">
              {saved ? 'Saved.' : ''}
            </p>
          </div>
        )}
      </form>
    </Page>
  );
}
