import { isEmail, isURL } from 'class-validator';
import { normalizeEmail } from '../accounts/email';
import { DomainError } from '../errors/domain-error';
import { visibilities, type Visibility } from '../letters/letter-settings';
import { countryCode } from '../organizations/organization-input';
import { cleanPrintedText } from '../text/printed-text';
import type { OpenSignOnCommand, SignOnCommand } from './sign-on-commands';

/** What a signer fills in, as checked and cleaned. */
export interface SignerFields {
  displayName: string;
  signerName: string;
  signerTitle: string | null;
  country: string | null;
  visibility: Visibility;
}

export interface OpenSignerFields extends SignerFields {
  signerEmail: string;
  website: string | null;
}

/** A signer's name as it will be printed (see cleanPrintedText). */
export const cleanSignerText = cleanPrintedText;

const bad = (field: string, problem: string) => DomainError.invalid(field, problem);

export function signerText(field: string, value: unknown, max: number, required: boolean) {
  if (value === undefined || value === null || value === '') {
    if (required) throw bad(field, 'required');
    return null;
  }
  if (typeof value !== 'string') throw bad(field, 'must be text');
  if (value.length > max * 4) throw bad(field, `at most ${max} characters`);
  const cleaned = cleanSignerText(value);
  if (!cleaned) {
    if (required) throw bad(field, 'required');
    return null;
  }
  if ([...cleaned].length > max) throw bad(field, `at most ${max} characters`);
  return cleaned;
}

function mustBeTrue(field: string, value: unknown, what: string) {
  if (value !== true) throw bad(field, `must be true: ${what}`);
}

function visibility(value: unknown, allowed: Visibility[]): Visibility {
  if (value === undefined || value === null || value === '') return allowed[0];
  if (typeof value !== 'string' || !(visibilities as readonly string[]).includes(value)) {
    throw bad('visibility', `must be one of ${visibilities.join(', ')}`);
  }
  if (!allowed.includes(value as Visibility)) {
    throw bad('visibility', `this letter allows ${allowed.join(', ')}`);
  }
  return value as Visibility;
}

/**
 * The sign-on form, cleaned: the names as they will be printed, within their limits, the
 * country as a code, a visibility this letter allows, both statements agreed to. The
 * types are checked again, cheaply, so that no caller can slip a non-string through.
 */
export function signerFields(
  command: SignOnCommand,
  allowedVisibilities: Visibility[],
): SignerFields {
  const fields = {
    displayName: signerText('displayName', command.displayName, 300, true)!,
    signerName: signerText('signerName', command.signerName, 200, true)!,
    signerTitle: signerText('signerTitle', command.signerTitle, 200, false),
    country: countryCode(signerText('country', command.country, 100, false)),
    visibility: visibility(command.visibility, allowedVisibilities),
  };
  mustBeTrue('consent', command.consent, 'agree to the consent statement to sign on');
  mustBeTrue('authorized', command.authorized, 'confirm you are authorized to sign');
  return fields;
}

/** The open sign-on form: the same, plus the signer's address and the organization's site. */
export function openSignerFields(
  command: OpenSignOnCommand,
  allowedVisibilities: Visibility[],
): OpenSignerFields {
  const fields = signerFields(command, allowedVisibilities);
  const email = signerText('signerEmail', command.signerEmail, 320, true)!;
  if (!isEmail(email)) throw bad('signerEmail', 'must be an email address');
  const website = signerText('website', command.website, 500, false);
  if (website !== null && !isURL(website, { protocols: ['http', 'https'] })) {
    throw bad('website', 'expected an http:// or https:// address');
  }
  return { ...fields, signerEmail: normalizeEmail(email), website };
}

/** An optional free-text reason (declining); long text is refused, not cut. */
export function reasonText(value: unknown): string | null {
  return signerText('reason', value, 1000, false);
}
