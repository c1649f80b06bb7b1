import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ok } from '../../api/client';
import { FormAlert, TextField, useFormErrors } from '../../components/form';
import { campaignsKey } from './queries';

const FIELDS = ['name'] as const;

export function NewCampaignForm({ wid }: { wid: string }) {
  const [name, setName] = useState('');
  const form = useFormErrors(FIELDS);
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const create = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/workspaces/{wid}/campaigns', { params: { path: { wid } }, body: { name } }),
      ),
    onSuccess: async (campaign) => {
      await queryClient.invalidateQueries({ queryKey: campaignsKey(wid) });
      await navigate(`/w/${wid}/campaigns/${campaign.id}`);
    },
    onError: form.show,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    form.clear();
    create.mutate();
  };

  return (
    <form
      ref={form.formRef}
      onSubmit={submit}
      noValidate
      className="card form"
      aria-labelledby="new-campaign"
    >
      <h2 id="new-campaign">New campaign</h2>
      <FormAlert message={form.errors.form} alertRef={form.alertRef} />
      <TextField
        name="name"
        label="Campaign name"
        hint="An advocacy effort; its letters go in it."
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={form.errors.fields.name}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create campaign'}
        </button>
      </div>
    </form>
  );
}
