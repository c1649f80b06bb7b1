import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ok } from '../../api/client';
import type { components } from '../../api/schema';
import { FormAlert, TextField, useFormErrors } from '../../components/form';
import { campaignKey, campaignsKey } from './queries';

type Campaign = components['schemas']['CampaignView'];
const FIELDS = ['name', 'archived'] as const;

/** Rename, archive or unarchive a campaign (leads and owners). */
export function CampaignSettings({ campaign }: { campaign: Campaign }) {
  const [name, setName] = useState(campaign.name);
  const [done, setDone] = useState('');
  const form = useFormErrors(FIELDS);
  const queryClient = useQueryClient();

  const update = useMutation({
    mutationFn: (body: components['schemas']['UpdateCampaignDto']) =>
      ok(api.PATCH('/api/campaigns/{cid}', { params: { path: { cid: campaign.id } }, body })),
    onSuccess: async (updated, body) => {
      queryClient.setQueryData(campaignKey(campaign.id), updated);
      await queryClient.invalidateQueries({ queryKey: campaignsKey(campaign.workspaceId) });
      setDone(
        body.archived === undefined ? 'Renamed.' : updated.archived ? 'Archived.' : 'Unarchived.',
      );
    },
    onError: form.show,
  });

  const rename = (event: FormEvent) => {
    event.preventDefault();
    form.clear();
    setDone('');
    update.mutate({ name });
  };
  const archive = () => {
    form.clear();
    setDone('');
    update.mutate({ archived: !campaign.archived });
  };

  return (
    <form
      ref={form.formRef}
      onSubmit={rename}
      noValidate
      className="card form"
      aria-labelledby="campaign-settings"
    >
      <h2 id="campaign-settings">Name and archive</h2>
      <FormAlert message={form.errors.form} alertRef={form.alertRef} />
      <TextField
        name="name"
        label="Campaign name"
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={form.errors.fields.name}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          Rename
        </button>
        <button type="button" className="button" onClick={archive} disabled={update.isPending}>
          {campaign.archived ? 'Unarchive' : 'Archive'}
        </button>
        <p role="status" className="saved">
          {done}
        </p>
      </div>
    </form>
  );
}
