import { isEmail, isURL } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { stripDisguising } from '../text/printed-text';

/** What may describe an organization, from the API or a CSV row, before checking. */
export interface OrganizationInput {
  name?: unknown;
  /** One address, or several separated by commas, semicolons or spaces. */
  email?: unknown;
  emails?: unknown;
  contactName?: unknown;
  country?: unknown;
  website?: unknown;
  /** A list, or one string separated by commas, semicolons or '|'. */
  tags?: unknown;
}

export interface OrganizationFields {
  name: string;
  emails: string[];
  contactName: string | null;
  country: string | null;
  website: string | null;
  tags: string[];
}

const regions = new Intl.DisplayNames(['en'], { type: 'region' });
const CONTROL = /[\p{Cc}]/u;
/** A spreadsheet formula: "=...", or "+SUM(", "-cmd(", "@SUM(" (plain "+972 Magazine" is a name). */
const FORMULA = /^(=|[+\-@]\s*[A-Za-z_][\w.]*\s*\()/;
const MARKUP = /<\s*\/?\s*[A-Za-z][^>]*>/;

const bad = (field: string, problem: string) => DomainError.invalid(field, problem);

function text(field: string, value: unknown, max: number, required: boolean): string | null {
  if (value === undefined || value === null || value === '') {
    if (required) throw bad(field, 'required');
    return null;
  }
  if (typeof value !== 'string') throw bad(field, 'must be text');
  if (CONTROL.test(value.trim())) throw bad(field, 'must not contain control characters');
  // Names are read by strangers (mail, sign pages, CSV, PDF): no disguising characters.
  const trimmed = stripDisguising(value).trim();
  if (!trimmed) {
    if (required) throw bad(field, 'required');
    return null;
  }
  if (trimmed.length > max) throw bad(field, `at most ${max} characters`);
  if (FORMULA.test(trimmed)) throw bad(field, 'looks like a spreadsheet formula');
  const markup = MARKUP.exec(trimmed);
  if (markup) throw bad(field, `must not contain markup (${markup[0].slice(0, 30)})`);
  return trimmed;
}

/** An ISO 3166-1 alpha-2 code, upper-cased; null stays null. */
export function countryCode(value: string | null, field = 'country'): string | null {
  const country = value?.toUpperCase() ?? null;
  if (
    country !== null &&
    (!/^[A-Z]{2}$/.test(country) || country === 'ZZ' || regions.of(country) === country)
  ) {
    throw bad(field, 'expected a two-letter ISO 3166-1 code such as US or FR');
  }
  return country;
}

function list(field: string, value: unknown, separators: RegExp): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return value.map((v) => v.trim()).filter(Boolean);
  }
  if (typeof value !== 'string') throw bad(field, 'must be text or a list of text');
  return value
    .split(separators)
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * Checks and normalises an organization; throws DomainError('field: reason') at the
 * first problem. Emails are lower-cased and de-duplicated, the country upper-cased,
 * tags lower-cased.
 */
export function organizationFields(
  input: OrganizationInput,
  partial = false,
): Partial<OrganizationFields> {
  const out: Partial<OrganizationFields> = {};
  if (!partial || input.name !== undefined) out.name = text('name', input.name, 300, true)!;

  if (!partial || input.email !== undefined || input.emails !== undefined) {
    const emails = [
      ...list('email', input.email, /[,;\s]+/),
      ...list('emails', input.emails, /[,;\s]+/),
    ].map((e) => e.toLowerCase());
    if (emails.length === 0) throw bad('email', 'required');
    if (emails.length > 10) throw bad('email', 'at most 10 addresses');
    const wrong = emails.find((e) => e.length > 320 || !isEmail(e));
    if (wrong !== undefined) throw bad('email', `not an email address (${wrong.slice(0, 60)})`);
    out.emails = [...new Set(emails)];
  }
  if (!partial || input.contactName !== undefined) {
    out.contactName = text('contactName', input.contactName, 200, false);
  }
  if (!partial || input.country !== undefined) {
    out.country = countryCode(text('country', input.country, 100, false));
  }
  if (!partial || input.website !== undefined) {
    const website = text('website', input.website, 500, false);
    if (
      website !== null &&
      !isURL(website, { protocols: ['http', 'https'], require_protocol: true })
    ) {
      throw bad('website', 'expected an http:// or https:// address');
    }
    out.website = website;
  }
  if (!partial || input.tags !== undefined) {
    const tags = list('tags', input.tags, /[,;|]+/).map((t) => t.toLowerCase());
    if (tags.length > 20) throw bad('tags', 'at most 20 tags');
    for (const tag of tags) {
      if (
        tag.length > 50 ||
        CONTROL.test(tag) ||
        FORMULA.test(tag) ||
        MARKUP.test(tag) ||
        /["%_\\]/.test(tag)
      ) {
        throw bad('tags', `not a usable tag (${tag.slice(0, 30)})`);
      }
    }
    out.tags = [...new Set(tags)];
  }
  return out;
}
