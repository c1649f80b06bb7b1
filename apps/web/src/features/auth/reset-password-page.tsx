import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ok } from '../../api/client';
import { ApiError } from '../../api/errors';
import { FormAlert, TextField, useFormErrors } from '../../components/form';
import { Page } from '../../components/page';

const FIELDS = ['newPassword'] as const;

/** A refusal that concerns the link itself: asking for a new link is the only way on. */
const linkRefused = (error: unknown) =>
  error instanceof ApiError &&
  (error.status === 410 || (error.status === 400 && /^token: /.test(error.body?.message ?? '')));

/** The mailed link's screen: a new password, then sign in again everywhere. */
export function ResetPasswordPage() {
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const [newPassword, setNewPassword] = useState('');
  const form = useFormErrors(FIELDS);

  const reset = useMutation({
    mutationFn: () =>
      ok(api.POST('/api/auth/password-reset/confirm', { body: { token, newPassword } })),
    // Every session was revoked: start again from a new page, with nothing of the account held.
    onSuccess: () => window.location.assign('/sign-in?reset=done'),
    onError: (error) => {
      if (!linkRefused(error)) form.show(error);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    form.clear();
    reset.mutate();
  };

  if (!token || linkRefused(reset.error)) {
    const expired = reset.error instanceof ApiError && reset.error.status === 410;
    return (
      <Page title="This link no longer works" narrow>
        <div className="card">
          <p role="alert">
            {expired
              ? 'This password link has expired or was already used. Links work once, for one hour, and only the newest one works.'
              : 'This password link is not valid. Use the newest link you were sent, whole.'}
          </p>
          <p>
            <Link to="/forgot-password">Ask for a new link</Link>
          </p>
        </div>
      </Page>
    );
  }

  return (
    <Page title="Choose a new password" narrow lead="Every session will be signed out.">
      <form ref={form.formRef} onSubmit={submit} noValidate className="card form">
        <FormAlert message={form.errors.form} alertRef={form.alertRef} />
        <TextField
          name="newPassword"
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 10 characters."
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          error={form.errors.fields.newPassword}
        />
        <button type="submit" className="button button--primary" disabled={reset.isPending}>
          {reset.isPending ? 'Saving…' : 'Set new password'}
        </button>
      </form>
    </Page>
  );
}
