const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
const names = new Map<string, string>();

/** "KE" → "Kenya"; a code Intl does not know is printed as it was given. */
export function countryName(code: string): string {
  const normalized = code.trim().toUpperCase();
  let name = names.get(normalized);
  if (name === undefined) {
    try {
      name = regions.of(normalized) ?? normalized;
    } catch {
      // Not a well-formed region code (RangeError): better the code than no country at all.
      name = normalized;
    }
    names.set(normalized, name);
  }
  return name;
}
