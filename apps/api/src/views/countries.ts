const regions = new Intl.DisplayNames(['en'], { type: 'region' });

// Codes Intl names that are not countries to sign from: withdrawn ISO codes kept as aliases
// (AN, BU, CS, DD, ...), reserved ones (UK, FX), groupings (EU, EZ, UN, QO) and test regions.
const NOT_OFFERED = new Set(
  'AN BU CS DD DY FX HV NH RH SU TP UK VD YD YU ZR EU EZ UN QO XA XB ZZ'.split(' '),
);

export interface CountryOption {
  code: string;
  name: string;
}

function allCountries(): CountryOption[] {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const options: CountryOption[] = [];
  for (const first of letters) {
    for (const second of letters) {
      const code = first + second;
      const name = regions.of(code);
      if (name && name !== code && !NOT_OFFERED.has(code)) options.push({ code, name });
    }
  }
  return options.sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/** Every country a signer may choose, by English name. */
export const countries: readonly CountryOption[] = allCountries();

/** "KE" → "Kenya"; an unknown code stays as given. */
export function countryName(code: string): string {
  return regions.of(code) ?? code;
}
