import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ok } from '../../api/client';
import { FormAlert, TextField, useFormErrors } from '../../components/form';
import { Page } from '../../components/page';
import { workspacesKey } from './queries';

// The time zone is set in the settings: the API document types CreateWorkspaceDto.timeZone
// as an object (a `string | null` property without an explicit type), so no typed client
// can send it here until that schema says `string`.
const FIELDS = ['name'] as const;

export function CreateWorkspacePage({ first = false }: { first?: boolean }) {
  const [name, setName] = useState('');
  const form = useFormErrors(FIELDS);
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const create = useMutation({
    mutationFn: () => ok(api.POST('/api/workspaces', { body: { name } })),
    onSuccess: async (workspace) => {
      // Away first: refreshed with one workspace, `/` (where the first one is created) would
      // itself redirect to the workspace's home, and win over the settings.
      await navigate(`/w/${workspace.id}/settings`);
      await queryClient.invalidateQueries({ queryKey: workspacesKey });
    },
    onError: form.show,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    form.clear();
    create.mutate();
  };

  return (
    <Page
      title={first ? 'Create your first workspace' : 'New workspace'}
      narrow
      lead="A workspace holds one coalition's letters, organizations and people. You will be its owner, and can set its time zone in its settings."
    >
      <form ref={form.formRef} onSubmit={submit} noValidate className="card form">
        <FormAlert message={form.errors.form} alertRef={form.alertRef} />
        <TextField
          name="name"
          label="Name"
          hint="Your coalition's name, as signers will see it."
          required
          autoComplete="organization"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={form.errors.fields.name}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create workspace'}
          </button>
          {!first && (
            <Link to="/workspaces" className="button">
              Cancel
            </Link>
          )}
        </div>
      </form>
    </Page>
  );
}
