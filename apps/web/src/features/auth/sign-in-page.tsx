import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ok } from '../../api/client';
import { FormAlert, TextField, useFormErrors } from '../../components/form';
import { Page } from '../../components/page';
import { meKey } from './session';

const FIELDS = ['email', 'password'] as const;

/** Where to go after signing in: a path inside the app, never another origin. */
export function nextPath(search: URLSearchParams): string {
  const next = search.get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useFormErrors(FIELDS);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [search] = useSearchParams();

  const signIn = useMutation({
    mutationFn: () => ok(api.POST('/api/auth/login', { body: { email, password } })),
    onSuccess: async ({ user }) => {
      queryClient.setQueryData(meKey, user);
      await navigate(nextPath(search), { replace: true });
    },
    onError: form.show,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    form.clear();
    signIn.mutate();
  };

  return (
    <Page title="Sign in" narrow lead="Sign in to your coalition's workspace.">
      {search.get('reset') === 'done' && (
        <p className="card notice" role="status">
          Your password was changed and every session was signed out. Sign in with your new
          password.
        </p>
      )}
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
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={form.errors.fields.password}
        />
        <button type="submit" className="button button--primary" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="aside">
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p className="aside">
        New here? <Link to="/register">Create an account</Link>
      </p>
    </Page>
  );
}
