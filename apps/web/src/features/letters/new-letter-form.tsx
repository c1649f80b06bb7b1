import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ok } from '../../api/client';
import { FormAlert, TextField, useFormErrors } from '../../components/form';
import { lettersKey } from '../campaigns/queries';

// The API names a letter's fields `content.title` etc.; this form has only the title.
const FIELDS = ['content.title'] as const;

/** Today as YYYY-MM-DD in the browser's calendar: the date the letter is written. */
const today = () => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/**
 * A new letter in draft, from its title alone; the rest of its content starts empty
 * (no addressee, no body) and the default settings apply, to be written in the editor.
 */
export function NewLetterForm({ wid, cid }: { wid: string; cid: string }) {
  const [title, setTitle] = useState('');
  const form = useFormErrors(FIELDS);
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const create = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/campaigns/{cid}/letters', {
          params: { path: { cid } },
          body: {
            content: {
              title,
              date: today(),
              addressees: [],
              salutation: '',
              body: '',
              closing: 'Sincerely,',
            },
          },
        }),
      ),
    onSuccess: async (letter) => {
      await queryClient.invalidateQueries({ queryKey: lettersKey(cid) });
      await navigate(`/w/${wid}/letters/${letter.id}`);
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
      aria-labelledby="new-letter"
    >
      <h2 id="new-letter">New letter</h2>
      <FormAlert message={form.errors.form} alertRef={form.alertRef} />
      <TextField
        name="content.title"
        label="Letter title"
        hint="It starts as a draft; nobody can sign it until it is published."
        required
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={form.errors.fields['content.title']}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create letter'}
        </button>
      </div>
    </form>
  );
}
