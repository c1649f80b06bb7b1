import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ok } from '../../api/client';
import { FormAlert, TextField, useFormErrors } from '../../components/form';
import { sessionsKey } from './sessions-section';

const FIELDS = ['currentPassword', 'newPassword'] as const;

/** A new password: the API checks the current one and signs every other session out. */
export function ChangePasswordSection() {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [changed, setChanged] = useState(false);
  const form = useFormErrors(FIELDS);
  const queryClient = useQueryClient();

  const change = useMutation({
    mutationFn: () =>
      ok(api.POST('/api/auth/password', { body: { currentPassword, newPassword } })),
    onSuccess: async () => {
      setCurrentPassword('');
      setNewPassword('');
      setChanged(true);
      await queryClient.invalidateQueries({ queryKey: sessionsKey });
    },
    onError: form.show,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    form.clear();
    setChanged(false);
    change.mutate();
  };

  return (
    <section className="card" aria-labelledby="password-heading">
      <h2 id="password-heading">Change password</h2>
      <form ref={form.formRef} onSubmit={submit} noValidate className="form">
        <FormAlert message={form.errors.form} alertRef={form.alertRef} />
        <TextField
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
          error={form.errors.fields.currentPassword}
        />
        <TextField
          name="newPassword"
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 10 characters. Your other sessions will be signed out."
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          error={form.errors.fields.newPassword}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={change.isPending}>
            {change.isPending ? 'Changing…' : 'Change password'}
          </button>
          <p role="status" className="saved">
            {changed ? 'Password changed. Your other sessions were signed out.' : ''}
          </p>
        </div>
      </form>
    </section>
  );
}
