import {
  DomainError,
  type DeclineCommand,
  type DelegateCommand,
  type OpenSignOnCommand,
  type SignOnCommand,
  type Visibility,
} from '@app/domain';
import { FORM_CHECK_FIELD } from './sign-form-check';

// An HTML form as the typed commands the services take, checked as the JSON twins' DTOs
// check a body (an unknown field, or one that is not text, is refused naming it): a ticked
// checkbox ("on") is `true`, an empty field is absent, the form check is not a field.

const SIGNER = ['displayName', 'signerName', 'signerTitle', 'country', 'visibility'];
const CHECKBOXES = ['consent', 'authorized'];

/** The form's text fields, each accepted one once, as text. */
function formText(
  body: Record<string, unknown>,
  accepted: string[],
): Record<string, string | undefined> {
  const text: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === FORM_CHECK_FIELD) continue;
    if (!accepted.includes(key)) {
      throw DomainError.invalid(key.slice(0, 50), 'is not an accepted field');
    }
    // A field repeated in the form (a=1&a=2) arrives as a list.
    if (typeof value !== 'string') throw DomainError.invalid(key, 'must be text');
    text[key] = value === '' ? undefined : value;
  }
  return text;
}

function signOn(text: Record<string, string | undefined>): SignOnCommand {
  return {
    // Left empty, a required name is '' and the domain answers "required", as for JSON.
    displayName: text.displayName ?? '',
    signerName: text.signerName ?? '',
    signerTitle: text.signerTitle,
    country: text.country,
    // Any text: the domain checks it against the visibilities this letter allows.
    visibility: text.visibility as Visibility | undefined,
    consent: text.consent === 'on',
    authorized: text.authorized === 'on',
  };
}

export function signOnForm(body: Record<string, unknown>): SignOnCommand {
  return signOn(formText(body, [...SIGNER, ...CHECKBOXES]));
}

export function openSignOnForm(body: Record<string, unknown>): OpenSignOnCommand {
  const text = formText(body, [...SIGNER, ...CHECKBOXES, 'signerEmail', 'website', 'homepage']);
  return {
    ...signOn(text),
    signerEmail: text.signerEmail ?? '',
    website: text.website,
    homepage: text.homepage,
  };
}

export function declineForm(body: Record<string, unknown>): DeclineCommand {
  return { reason: formText(body, ['reason']).reason };
}

export function delegateForm(body: Record<string, unknown>): DelegateCommand {
  const text = formText(body, ['email', 'fromName']);
  return { email: text.email ?? '', fromName: text.fromName };
}

/** A field's text as typed, to show it again in a refused form. */
export function typed(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  return typeof value === 'string' ? value : '';
}

export function ticked(body: Record<string, unknown>, key: string): boolean {
  return body[key] === 'on' || body[key] === true;
}
