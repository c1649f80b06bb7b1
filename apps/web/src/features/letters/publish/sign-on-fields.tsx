import type { components } from '../../../api/schema';

type Visibility = components['schemas']['Visibility'];
export type SignOnSettings = Pick<
  components['schemas']['LetterSettingsView'],
  'visibilities' | 'openSignOn' | 'requireApproval' | 'publicPage'
>;

const VISIBILITIES: { value: Visibility; label: string }[] = [
  { value: 'public', label: 'Named publicly' },
  { value: 'delivered', label: 'Named only to the officials' },
  { value: 'anonymous', label: 'Counted, not named' },
];

const SWITCHES: { name: 'openSignOn' | 'requireApproval' | 'publicPage'; label: string }[] = [
  { name: 'openSignOn', label: 'Open sign-on: anyone with the public link may sign' },
  { name: 'requireApproval', label: 'Open sign-ons wait for a coordinator’s approval' },
  { name: 'publicPage', label: 'A public page shows the letter and its signatories' },
];

function FieldError({ name, error }: { name: string; error?: string }) {
  return error ? (
    <p id={`field-${name}-error`} className="field-error">
      {error}
    </p>
  ) : null;
}

/** The letter's sign-on settings as the API names them, each with its refusal beside it. */
export function SignOnFields({
  value,
  onChange,
  errors,
}: {
  value: SignOnSettings;
  onChange: (next: SignOnSettings) => void;
  errors: Record<string, string>;
}) {
  const toggle = (v: Visibility, on: boolean) =>
    onChange({
      ...value,
      visibilities: on
        ? VISIBILITIES.map((x) => x.value).filter((x) => x === v || value.visibilities.includes(x))
        : value.visibilities.filter((x) => x !== v),
    });
  return (
    <>
      <fieldset
        className={errors.visibilities ? 'field field--invalid' : 'field'}
        aria-describedby={errors.visibilities ? 'field-visibilities-error' : undefined}
      >
        <legend>How signers may appear (at least one)</legend>
        {VISIBILITIES.map((v) => (
          <label key={v.value} className="check">
            <input
              type="checkbox"
              name="visibilities"
              checked={value.visibilities.includes(v.value)}
              onChange={(e) => toggle(v.value, e.target.checked)}
            />{' '}
            {v.label}
          </label>
        ))}
        <FieldError name="visibilities" error={errors.visibilities} />
      </fieldset>
      <fieldset className="field">
        <legend>Sign-on</legend>
        {SWITCHES.map((s) => (
          <div key={s.name}>
            <label className="check">
              <input
                type="checkbox"
                name={s.name}
                checked={value[s.name]}
                aria-invalid={errors[s.name] ? true : undefined}
                aria-describedby={errors[s.name] ? `field-${s.name}-error` : undefined}
                onChange={(e) => onChange({ ...value, [s.name]: e.target.checked })}
              />{' '}
              {s.label}
            </label>
            <FieldError name={s.name} error={errors[s.name]} />
          </div>
        ))}
      </fieldset>
    </>
  );
}
