import { useState, type FormEvent } from 'react';
import type { components } from '../../../api/schema';
import { FormAlert, TextField, useFormErrors } from '../../../components/form';
import { when } from '../../../lib/when';
import { useUpdateSignature } from './queries';
import { SOURCE_NAMES, STATUS_NAMES } from './signature-labels';

type Signature = components['schemas']['SignatureView'];

/** One sign-on: the printed name, who signed, status, revision, when, and how it came. */
export function SignatureSummary({ signature: s }: { signature: Signature }) {
  return (
    <div className="signature">
      <span>
        <span className="list-title" dir="auto">
          {s.displayName}
        </span>{' '}
        <span className={`badge badge--${s.status}`}>{STATUS_NAMES[s.status]}</span>
      </span>
      <span className="list-meta">
        <span dir="auto">
          {s.signerName}
          {s.signerTitle ? `, ${s.signerTitle}` : ''}
        </span>
        {s.signerEmail ? <> · {s.signerEmail}</> : null}
        {s.country ? ` · ${s.country}` : ''}
      </span>
      <span className="list-meta">
        Revision {s.revision} · {SOURCE_NAMES[s.source]} ·{' '}
        <time dateTime={s.signedAt}>{when(s.signedAt)}</time>
        {s.source === 'open' && !s.domainVerified
          ? ' · email not at the organization’s domain'
          : ''}
      </span>
    </div>
  );
}

const NAME_FIELDS = ['displayName'] as const;

/** Corrects the printed name; the API mails the signer the old and the new name. */
export function CorrectNameForm({
  lid,
  signature,
  done,
}: {
  lid: string;
  signature: Signature;
  done: (message: string) => void;
}) {
  const [displayName, setDisplayName] = useState(signature.displayName);
  const form = useFormErrors(NAME_FIELDS);
  const update = useUpdateSignature(lid);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    form.clear();
    update.mutate(
      { sid: signature.id, body: { displayName } },
      {
        onSuccess: (saved) => done(`The name is now “${saved.displayName}”; the signer is told.`),
        onError: form.show,
      },
    );
  };
  return (
    <form
      ref={form.formRef}
      onSubmit={submit}
      noValidate
      className="form correct-name"
      aria-label={`Correct the name of ${signature.displayName}`}
    >
      <FormAlert message={form.errors.form} alertRef={form.alertRef} />
      <TextField
        name="displayName"
        label="Name as printed"
        dir="auto"
        hint="The signer is told of the correction by email, with the old and the new name."
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        error={form.errors.fields.displayName}
        autoFocus
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save the name'}
        </button>
        <button type="button" className="button" onClick={() => done('')}>
          Cancel
        </button>
      </div>
    </form>
  );
}
