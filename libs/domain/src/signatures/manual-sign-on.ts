import { isEmail } from 'class-validator';
import { normalizeEmail } from '../accounts/email';
import { DomainError } from '../errors/domain-error';
import type { Visibility } from '../letters/letter-settings';
import { countryCode } from '../organizations/organization-input';
import { signerText, type SignerFields } from './signer-input';

/** A sign-on a coordinator received by phone, mail or on paper, as they type it in. */
export interface ManualSignOnInput {
  organizationId?: string | null;
  displayName: unknown;
  signerName: unknown;
  signerTitle?: unknown;
  country?: unknown;
  visibility?: unknown;
  signerEmail?: unknown;
  authorized: unknown;
  note?: unknown;
}

export interface ManualSignOn extends SignerFields {
  organizationId: string | null;
  signerEmail: string | null;
  note: string | null;
}

const bad = (field: string, problem: string) => DomainError.invalid(field, problem);

/** Checked and cleaned like a signer's own form; the visibility must be one the letter allows. */
export function manualSignOn(input: ManualSignOnInput, allowed: Visibility[]): ManualSignOn {
  const organizationId =
    typeof input.organizationId === 'string' && input.organizationId.trim()
      ? input.organizationId.trim()
      : null;
  const displayName = signerText('displayName', input.displayName, 300, true)!;
  const signerName = signerText('signerName', input.signerName, 200, true)!;
  const signerTitle = signerText('signerTitle', input.signerTitle, 200, false);
  const country = countryCode(signerText('country', input.country, 100, false));
  const visibility = input.visibility ?? allowed[0];
  if (typeof visibility !== 'string' || !(allowed as string[]).includes(visibility)) {
    throw bad('visibility', `this letter allows ${allowed.join(', ')}`);
  }
  const email = signerText('signerEmail', input.signerEmail, 320, false);
  if (email !== null && !isEmail(email)) throw bad('signerEmail', 'must be an email address');
  if (input.authorized !== true) {
    throw bad('authorized', 'must be true: the signer said they are authorized to sign');
  }
  return {
    organizationId,
    displayName,
    signerName,
    signerTitle,
    country,
    visibility: visibility as Visibility,
    signerEmail: email === null ? null : normalizeEmail(email),
    note: signerText('note', input.note, 1000, false),
  };
}

/**
 * What a manual signature stores in place of the consent the signer ticked online: who
 * recorded it, and how it came.
 */
export function manualConsentText(coordinator: string, note: string | null): string {
  const recorded =
    `Recorded by ${coordinator}, a coordinator, from a sign-on received offline ` +
    `(by phone, mail or on paper); the coordinator confirmed that the signer agreed to be ` +
    `listed as shown and said they are authorized to sign for the organization.`;
  return note ? `${recorded} Note: ${note}` : recorded;
}
