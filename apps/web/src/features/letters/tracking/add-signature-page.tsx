import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { components } from '../../../api/schema';
import { FormAlert, SelectField, TextField, useFormErrors } from '../../../components/form';
import { moderates } from '../../../lib/roles';
import { useAddManualSignature } from './queries';
import { VISIBILITY_NAMES } from './signature-labels';
import { TrackingPage, useTracking } from './tracking-layout';

type Manual = components['schemas']['ManualSignatureDto'];
type Visibility = components['schemas']['Visibility'];

// In the order shown: after a refusal the first named field takes the focus.
const FIELDS = [
  'displayName',
  'signerName',
  'signerTitle',
  'signerEmail',
  'country',
  'visibility',
  'authorized',
  'note',
] as const;

const EMPTY = {
  displayName: '',
  signerName: '',
  signerTitle: '',
  signerEmail: '',
  country: '',
  note: '',
};

/**
 * /w/:wid/letters/:lid/signatures/new: a sign-on received by phone, mail or on paper,
 * recorded as confirmed on the published revision (coordinators and above).
 */
export function AddSignaturePage() {
  const { wid, lid, letter, role } = useTracking();
  const allowed = letter.settings.visibilities;
  const [fields, setFields] = useState(EMPTY);
  const [visibility, setVisibility] = useState<Visibility>(allowed[0] ?? 'public');
  const [authorized, setAuthorized] = useState(false);
  const [done, setDone] = useState('');
  const form = useFormErrors(FIELDS);
  const add = useAddManualSignature(lid);

  if (!moderates(role)) {
    return (
      <TrackingPage title="Add a sign-on">
        <p>Coordinators, leads and owners record sign-ons received by phone or paper.</p>
      </TrackingPage>
    );
  }

  const text = (name: keyof typeof EMPTY) => ({
    name,
    value: fields[name],
    onChange: (e: { target: { value: string } }) =>
      setFields((f) => ({ ...f, [name]: e.target.value })),
    error: form.errors.fields[name],
  });
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    form.clear();
    setDone('');
    const body: Manual = {
      displayName: fields.displayName,
      signerName: fields.signerName,
      signerTitle: optional(fields.signerTitle),
      signerEmail: optional(fields.signerEmail),
      country: optional(fields.country),
      note: optional(fields.note),
      visibility,
      // The schema admits only `true`; an unticked box is sent as it is, for the API to
      // refuse beside the box in its own words.
      authorized: authorized as true,
    };
    add.mutate(body, {
      onSuccess: (saved) => {
        setDone(`Added ${saved.displayName}, signed on revision ${saved.revision}.`);
        setFields(EMPTY);
        setAuthorized(false);
      },
      onError: form.show,
    });
  };

  return (
    <TrackingPage title="Add a sign-on">
      <form
        ref={form.formRef}
        onSubmit={submit}
        noValidate
        className="card form"
        aria-labelledby="manual-sign-on"
      >
        <h2 id="manual-sign-on">Received by phone, mail or on paper</h2>
        <p className="field-hint">
          It is recorded as confirmed on revision {letter.publishedRevision}, with your name as the
          one who took it.
        </p>
        <FormAlert message={form.errors.form} alertRef={form.alertRef} />
        <TextField
          {...text('displayName')}
          label="Organization, as printed"
          dir="auto"
          autoComplete="off"
          required
        />
        <TextField
          {...text('signerName')}
          label="Signer’s name"
          dir="auto"
          autoComplete="off"
          required
        />
        <TextField {...text('signerTitle')} label="Signer’s title (optional)" dir="auto" />
        <TextField
          {...text('signerEmail')}
          label="Signer’s email (optional)"
          hint="To tell them of any correction."
          type="email"
          autoComplete="off"
        />
        <TextField
          {...text('country')}
          label="Country (optional)"
          hint="Two letters, as FR or KE."
          autoComplete="off"
          maxLength={2}
        />
        <SelectField
          name="visibility"
          label="Visibility"
          value={visibility}
          onChange={(e) => setVisibility(e.target.value as Visibility)}
          error={form.errors.fields.visibility}
        >
          {allowed.map((v) => (
            <option key={v} value={v}>
              {VISIBILITY_NAMES[v]}
            </option>
          ))}
        </SelectField>
        <div className={form.errors.fields.authorized ? 'field field--invalid' : 'field'}>
          <label className="check">
            <input
              type="checkbox"
              name="authorized"
              checked={authorized}
              onChange={(e) => setAuthorized(e.target.checked)}
              aria-invalid={form.errors.fields.authorized ? true : undefined}
              aria-describedby={
                form.errors.fields.authorized ? 'field-authorized-error' : undefined
              }
            />
            The signer said they may sign for the organization
          </label>
          {form.errors.fields.authorized && (
            <p id="field-authorized-error" className="field-error">
              {form.errors.fields.authorized}
            </p>
          )}
        </div>
        <TextField
          {...text('note')}
          label="How and when it came (optional)"
          hint="For example: signed letter received by post on 2 December."
          maxLength={1000}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={add.isPending}>
            {add.isPending ? 'Adding…' : 'Add the sign-on'}
          </button>
          <p role="status" className="saved">
            {done}
          </p>
        </div>
      </form>
      <p>
        <Link to={`/w/${wid}/letters/${lid}/signatures`}>See the signatures</Link>
      </p>
    </TrackingPage>
  );
}
