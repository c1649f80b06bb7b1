import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, ok } from '../../api/client';
import { FormAlert, TextField, useFormErrors } from '../../components/form';
import { Page } from '../../components/page';

const FIELDS = ['email'] as const;

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const form = useFormErrors(FIELDS);

  const request = useMutation({
    mutationFn: () => ok(api.POST('/api/auth/password-reset', { body: { email } })),
    onError: form.show,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    form.clear();
    request.mutate();
  };

  if (request.isSuccess) {
    return (
      <Page title="Check your email" narrow>
        <div className="card">
          <p role="status">{request.data.message}</p>
          <p>If nothing arrives, check the address and your spam folder, then ask again.</p>
        </div>
        <p className="aside">
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title="Forgot your password?" narrow lead="We will email you a link to choose a new one.">
      <form ref={form.formRef} onSubmit={submit} noValidate className="card form">
        <FormAlert message={form.errors.form} alertRef={form.alertRef} />
        <TextField
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={form.errors.fields.email}
        />
        <button type="submit" className="button button--primary" disabled={request.isPending}>
          {request.isPending ? 'Sending…' : 'Email me a link'}
        </button>
      </form>
      <p className="aside">
        Remembered it? <Link to="/sign-in">Sign in</Link>
      </p>
    </Page>
  );
}
