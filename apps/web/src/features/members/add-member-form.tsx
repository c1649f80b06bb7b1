import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ok } from '../../api/client';
import type { components } from '../../api/schema';
import { FormAlert, SelectField, TextField, useFormErrors } from '../../components/form';
import { roleName } from '../workspace/workspace-list-page';
import { membersKey } from './queries';

type Role = components['schemas']['Role'];
type Added = components['schemas']['MemberAddedView'] | components['schemas']['MemberInvitedView'];

const FIELDS = ['email', 'role'] as const;

/** The API says which happened: an account holder is added at once, anyone else is mailed. */
function outcome(result: Added): string {
  if (result.status === 'added') {
    return `${result.member.name} (${result.member.email}) is now a member, as ${roleName(result.member.role).toLowerCase()}.`;
  }
  return `${result.invitation.email} has no account yet: a join link was emailed to them (valid until ${new Date(result.invitation.expiresAt).toLocaleDateString()}).`;
}

export function AddMemberForm({ wid, roles }: { wid: string; roles: readonly Role[] }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [done, setDone] = useState('');
  const form = useFormErrors(FIELDS);
  const queryClient = useQueryClient();

  const add = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/workspaces/{wid}/members', {
          params: { path: { wid } },
          body: { email, role },
        }),
      ),
    onSuccess: async (result) => {
      setDone(outcome(result));
      setEmail('');
      await queryClient.invalidateQueries({ queryKey: membersKey(wid) });
    },
    onError: form.show,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    form.clear();
    setDone('');
    add.mutate();
  };

  return (
    <form
      ref={form.formRef}
      onSubmit={submit}
      noValidate
      className="card form"
      aria-labelledby="add-member"
    >
      <h2 id="add-member">Add a member</h2>
      <FormAlert message={form.errors.form} alertRef={form.alertRef} />
      <TextField
        name="email"
        label="Email address"
        hint="Someone with an account joins at once; anyone else gets a join link by email."
        type="email"
        autoComplete="off"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={form.errors.fields.email}
      />
      <SelectField
        name="role"
        label="Role"
        value={role}
        onChange={(e) => setRole(e.target.value as Role)}
        error={form.errors.fields.role}
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {roleName(r)}
          </option>
        ))}
      </SelectField>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add member'}
        </button>
        <p role="status" className="saved">
          {done}
        </p>
      </div>
    </form>
  );
}
