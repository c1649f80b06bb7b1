import { isEmail, isURL } from 'class-validator';
import { normalizeEmail } from '../accounts/email';
import { DomainError } from '../errors/domain-error';
import { visibilities, type Visibility } from '../letters/letter-settings';
import { countryCode } from '../organizations/organization-input';

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

// Invisible characters that can disguise a printed name: bidi embeddings, overrides and
// isolates, directional marks, zero-width space, word joiner, BOM. Joiners (U+200C/D) stay:
// Persian, Indic scripts and emoji need them.
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\u2060\uFEFF]/gu;
const CONTROL = /\p{Cc}/gu;

/**
 * A name as it will be printed: NFC, no control or disguising characters, single spaces.
 * Markup and a leading "=" are kept as text; every page escapes and every CSV neutralises.
 */
export function cleanSignerText(value: string): string {
  return value
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(CONTROL, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

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

/** The sign-on form; unknown fields are refused like everywhere else in the API. */
export function signerFields(
  body: Record<string, unknown>,
  allowedVisibilities: Visibility[],
  extraFields: string[] = [],
): SignerFields {
  const known = [
    'displayName',
    'signerName',
    'signerTitle',
    'country',
    'visibility',
    'consent',
    'authorized',
    ...extraFields,
  ];
  const unknown = Object.keys(body).find((key) => !known.includes(key));
  if (unknown !== undefined) throw bad(unknown.slice(0, 50), 'is not an accepted field');
  const fields = {
    displayName: signerText('displayName', body.displayName, 300, true)!,
    signerName: signerText('signerName', body.signerName, 200, true)!,
    signerTitle: signerText('signerTitle', body.signerTitle, 200, false),
    country: countryCode(signerText('country', body.country, 100, false)),
    visibility: visibility(body.visibility, allowedVisibilities),
  };
  mustBeTrue('consent', body.consent, 'agree to the consent statement to sign on');
  mustBeTrue('authorized', body.authorized, 'confirm you are authorized to sign');
  return fields;
}

/** The open sign-on form: the same, plus the signer's address and the organization's site. */
export function openSignerFields(
  body: Record<string, unknown>,
  allowedVisibilities: Visibility[],
): OpenSignerFields {
  const fields = signerFields(body, allowedVisibilities, ['signerEmail', 'website', 'homepage']);
  const email = signerText('signerEmail', body.signerEmail, 320, true)!;
  if (!isEmail(email)) throw bad('signerEmail', 'must be an email address');
  const website = signerText('website', body.website, 500, false);
  if (website !== null && !isURL(website, { protocols: ['http', 'https'] })) {
    throw bad('website', 'expected an http:// or https:// address');
  }
  return { ...fields, signerEmail: normalizeEmail(email), website };
}

/** An optional free-text reason (declining); long text is refused, not cut. */
export function reasonText(value: unknown): string | null {
  return signerText('reason', value, 1000, false);
}
