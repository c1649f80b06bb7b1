import type { Visibility } from '@app/domain';
import { countries, countryName } from './countries';
import type { FormError } from './form-error';

/**
 * The sign-on fields, shared by the invitation page and the open sign-on form. The field
 * that a refused submission names gets aria-invalid and the focus; the others keep what
 * was typed.
 */
export const signerFieldsPartial = `{{#if form.error}}<p class="error" role="alert" id="form-error" tabindex="-1"{{#unless form.error.field}} autofocus{{/unless}}>{{form.error.message}}</p>
{{/if}}{{#each form.fields}}<label for="{{id}}">{{label}}{{#unless required}} <span class="note">(optional)</span>{{/unless}}</label>
{{#if hint}}<span class="hint" id="{{id}}-hint">{{hint}}</span>
{{/if}}{{#if isSelect}}<select id="{{id}}" name="{{id}}" autocomplete="{{autocomplete}}"{{#if describedBy}} aria-describedby="{{describedBy}}"{{/if}}{{#if invalid}} aria-invalid="true" autofocus{{/if}}>
<option value="">Not given</option>
{{#each options}}<option value="{{code}}"{{#if selected}} selected{{/if}}>{{name}}</option>
{{/each}}</select>
{{else}}<input id="{{id}}" name="{{id}}" type="{{type}}" value="{{value}}" autocomplete="{{autocomplete}}" maxlength="{{maxlength}}" dir="auto"{{#if required}} required{{/if}}{{#if describedBy}} aria-describedby="{{describedBy}}"{{/if}}{{#if invalid}} aria-invalid="true" autofocus{{/if}}>
{{/if}}{{/each}}{{#if form.trap}}<div class="trap" aria-hidden="true"><label for="homepage">Leave this field empty</label><input id="homepage" name="homepage" type="text" value="" tabindex="-1" autocomplete="off"></div>
{{/if}}{{#if form.visibility.many}}<fieldset{{#if form.visibility.invalid}} aria-describedby="form-error"{{/if}}><legend>How your organization is shown</legend>
{{#each form.visibility.choices}}<div class="choice"><input type="radio" id="visibility-{{value}}" name="visibility" value="{{value}}" aria-describedby="visibility-{{value}}-hint"{{#if checked}} checked{{/if}}><div><label for="visibility-{{value}}">{{label}}</label><span class="hint" id="visibility-{{value}}-hint">{{explanation}}</span></div></div>
{{/each}}</fieldset>
{{else}}<p class="note">{{form.visibility.only}}</p>
{{/if}}<div class="choice"><input type="checkbox" id="authorized" name="authorized" required{{#if form.authorized.checked}} checked{{/if}}{{#if form.authorized.invalid}} aria-invalid="true" aria-describedby="form-error" autofocus{{/if}}><label for="authorized">I am authorized to sign on behalf of this organization</label></div>
<div class="choice"><input type="checkbox" id="consent" name="consent" required{{#if form.consent.checked}} checked{{/if}}{{#if form.consent.invalid}} aria-invalid="true" aria-describedby="form-error" autofocus{{/if}}><label for="consent" dir="auto">{{form.consent.text}}</label></div>`;

const visibilityChoices: Record<Visibility, { label: string; explanation: string }> = {
  public: {
    label: 'Public',
    explanation:
      'Named on the letter’s public page and in the copy delivered to the officials it is addressed to.',
  },
  delivered: {
    label: 'Named to the officials only',
    explanation:
      'Named only in the copy delivered to the officials; not on any public page or list.',
  },
  anonymous: {
    label: 'Counted, not named',
    explanation: 'Counted among the signatories, but the name appears nowhere.',
  },
};

type TextFieldName = 'displayName' | 'signerName' | 'signerEmail' | 'signerTitle' | 'website';

interface FieldSpec {
  id: TextFieldName | 'country';
  label: string;
  hint: string;
  type: string;
  autocomplete: string;
  maxlength: number;
  required: boolean;
}

const specs: Record<FieldSpec['id'], FieldSpec> = {
  displayName: {
    id: 'displayName',
    label: 'Organization name, exactly as it will be printed',
    hint: 'Filled in from the coalition’s directory; correct it if needed.',
    type: 'text',
    autocomplete: 'organization',
    maxlength: 300,
    required: true,
  },
  signerName: {
    id: 'signerName',
    label: 'Your name',
    hint: 'Kept by the coordinators; never printed or published.',
    type: 'text',
    autocomplete: 'name',
    maxlength: 200,
    required: true,
  },
  signerEmail: {
    id: 'signerEmail',
    label: 'Your email address',
    hint: 'We send a link to confirm the sign-on to this address.',
    type: 'email',
    autocomplete: 'email',
    maxlength: 320,
    required: true,
  },
  signerTitle: {
    id: 'signerTitle',
    label: 'Your title or role',
    hint: '',
    type: 'text',
    autocomplete: 'organization-title',
    maxlength: 200,
    required: false,
  },
  country: {
    id: 'country',
    label: 'Country of the organization',
    hint: '',
    type: '',
    autocomplete: 'country',
    maxlength: 0,
    required: false,
  },
  website: {
    id: 'website',
    label: 'Organization website',
    hint: 'For example https://example.org',
    type: 'url',
    autocomplete: 'url',
    maxlength: 500,
    required: false,
  },
};

export interface SignerFieldsInput {
  /** What the fields show: the submitted text, or the current sign-on, or the directory. */
  values: Partial<Record<TextFieldName | 'country' | 'visibility', string>>;
  checked: { authorized: boolean; consent: boolean };
  visibilities: Visibility[];
  consentText: string;
  error: FormError | null;
  /** The open sign-on form: also the signer's email, the website and the honeypot. */
  open: boolean;
}

export function signerFieldsModel(input: SignerFieldsInput) {
  const { values, error } = input;
  const invalid = (field: string) => error?.field === field;
  const order: FieldSpec['id'][] = input.open
    ? ['displayName', 'signerName', 'signerEmail', 'signerTitle', 'country', 'website']
    : ['displayName', 'signerName', 'signerTitle', 'country'];
  const fields = order.map((id) => {
    const spec = specs[id];
    const describedBy = [spec.hint && `${id}-hint`, invalid(id) && 'form-error']
      .filter(Boolean)
      .join(' ');
    return {
      ...spec,
      // The open form starts empty: nothing comes from the directory there.
      hint:
        id === 'displayName' && input.open
          ? 'As it should appear among the signatories.'
          : spec.hint,
      value: values[id] ?? '',
      invalid: invalid(id),
      describedBy,
      isSelect: id === 'country',
      options: id === 'country' ? countryOptions(values.country ?? '') : [],
    };
  });
  const chosen = input.visibilities.includes(values.visibility as Visibility)
    ? values.visibility
    : input.visibilities[0];
  return {
    error,
    fields,
    trap: input.open,
    visibility: {
      many: input.visibilities.length > 1,
      invalid: invalid('visibility'),
      only: `Your organization will be ${visibilityInPlainWords[input.visibilities[0]]}.`,
      choices: input.visibilities.map((value) => ({
        value,
        ...visibilityChoices[value],
        checked: value === chosen,
      })),
    },
    authorized: { checked: input.checked.authorized, invalid: invalid('authorized') },
    consent: {
      checked: input.checked.consent,
      invalid: invalid('consent'),
      text: input.consentText,
    },
  };
}

/** How a visibility reads after "Your organization will be …". */
export const visibilityInPlainWords: Record<Visibility, string> = {
  public: 'named on the letter’s public page and in the copy delivered to the officials',
  delivered: 'named only in the copy delivered to the officials',
  anonymous: 'counted among the signatories, but not named anywhere',
};

function countryOptions(selected: string) {
  const code = selected.toUpperCase();
  const options = countries.map((c) => ({ ...c, selected: c.code === code }));
  // A code from the directory that the list leaves out (a withdrawn one) stays choosable.
  if (/^[A-Z]{2}$/.test(code) && !options.some((o) => o.selected)) {
    options.unshift({ code, name: countryName(code), selected: true });
  }
  return options;
}
