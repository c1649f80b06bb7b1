import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ok } from '../../api/client';
import { FormAlert, TextField, useFormErrors } from '../../components/form';
import { Page } from '../../components/page';
import { meKey } from './session';

const FIELDS = ['name', 'email', 'password'] as const;

export function RegisterPage() {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useFormErrors(FIELDS);
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const register = useMutation({
    mutationFn: () => ok(api.POST('/api/auth/register', { body: { name, email, password } })),
    onSuccess: async ({ user }) => {
      queryClient.setQueryData(meKey, user);
      // A new account has no workspace yet: the home screen leads to creating one.
      await navigate('/', { replace: true });
    },
    onError: form.show,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    form.clear();
    register.mutate();
  };

  return (
    <Page title="Create an account" narrow lead="One account for every coalition you work with.">
      <form ref={form.formRef} onSubmit={submit} noValidate className="card form">
        <FormAlert message={form.errors.form} alertRef={form.alertRef} />
        <TextField
          name="name"
          label="Your name"
          autoComplete="name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={form.errors.fields.name}
        />
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
          autoComplete="new-password"
          required
          hint="At least 10 characters."
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={form.errors.fields.password}
        />
        <button type="submit" className="button button--primary" disabled={register.isPending}>
          {register.isPending ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p className="aside">
        Already have an account? <Link to="/sign-in">Sign in</Link>
      </p>
    </Page>
  );
}
