import { DomainError } from '../errors/domain-error';
import { canonicalTimeZone } from './zoned-time';

/** A known IANA zone as stored, or 400 naming `field`. */
export function timeZoneOrFail(field: string, name: string): string {
  const zone = canonicalTimeZone(name);
  if (!zone) {
    throw DomainError.invalid(
      field,
      `unknown time zone "${name}"; use an IANA name such as America/New_York or UTC`,
    );
  }
  return zone;
}
