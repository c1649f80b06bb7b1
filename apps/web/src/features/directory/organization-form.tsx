import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormAlert, TextField, useFormErrors } from '../../components/form';
import type { Organization } from './queries';

/** The API's field names, in the form's order: a refusal focuses the first one named. */
const FIELDS = ['name', 'email', 'contactName', 'country', 'website', 'tags'] as const;

export interface OrganizationBody {
  name: string;
  email: string;
  contactName: string;
  country: string;
  website: string;
  tags: string[];
}

/** "press, legal; regional" → ['press', 'legal', 'regional'] (the API lower-cases them). */
export const splitTags = (text: string): string[] =>
  text
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter(Boolean);

/**
 * An organization's fields, for adding and for editing. The API checks them (the same checks
 * as an import row) and its refusal lands beside the field it names.
 */
export function OrganizationForm({
  initial,
  submitLabel,
  cancelTo,
  pending,
  save,
}: {
  initial?: Organization;
  submitLabel: string;
  cancelTo: string;
  pending: boolean;
  save: (body: OrganizationBody, fail: (error: unknown) => void) => void;
}) {
  const form = useFormErrors(FIELDS);
  const [values, setValues] = useState({
    name: initial?.name ?? '',
    email: initial?.emails.join('; ') ?? '',
    contactName: initial?.contactName ?? '',
    country: initial?.country ?? '',
    website: initial?.website ?? '',
    tags: initial?.tags.join(', ') ?? '',
  });
  const field = (name: keyof typeof values) => ({
    name,
    value: values[name],
    error: form.errors.fields[name],
    onChange: (e: { target: { value: string } }) =>
      setValues((v) => ({ ...v, [name]: e.target.value })),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    form.clear();
    save({ ...values, tags: splitTags(values.tags) }, form.show);
  };

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="card form">
      <FormAlert message={form.errors.form} alertRef={form.alertRef} />
      <TextField
        {...field('name')}
        label="Name"
        hint="As the organization wants it printed."
        dir="auto"
        required
        autoComplete="organization"
      />
      <TextField
        {...field('email')}
        label="Email"
        hint="One address, or several separated by ; (the first is the main one)."
        type="text"
        inputMode="email"
        required
        autoComplete="off"
        spellCheck={false}
      />
      <TextField {...field('contactName')} label="Contact person" dir="auto" autoComplete="off" />
      <TextField
        {...field('country')}
        label="Country"
        hint="Two letters, such as FR or KE."
        autoComplete="off"
        className="input-short"
      />
      <TextField
        {...field('website')}
        label="Website"
        type="url"
        inputMode="url"
        placeholder="https://"
        autoComplete="off"
      />
      <TextField
        {...field('tags')}
        label="Tags"
        hint="Separated by commas, such as press, legal."
        autoComplete="off"
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {submitLabel}
        </button>
        <Link to={cancelTo} className="button">
          Cancel
        </Link>
      </div>
    </form>
  );
}
