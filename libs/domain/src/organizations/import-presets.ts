import { DomainError } from '../errors/domain-error';
import { foldHeader, IMPORT_FIELDS, type ImportField, type ImportMapping } from './import-mapping';

export interface ImportPreset {
  id: 'action-network' | 'google-forms';
  label: string;
  description: string;
  /** Columns as the service names them; a field whose columns a file lacks is left empty. */
  mapping: ImportMapping;
}

/**
 * The files coalitions have (shared fixtures: action-network-signatures.csv,
 * google-forms-responses.csv/.xlsx). Listed by GET /api/organizations/import-presets so
 * that the browser offers the same ones a script can name.
 */
export const IMPORT_PRESETS: readonly ImportPreset[] = [
  {
    id: 'action-network',
    label: 'Action Network signature report',
    description:
      'A petition signature report used for organizational sign-ons: the petition asks ' +
      'for Organization and Country; the signer is the contact.',
    mapping: {
      columns: {
        name: ['Organization'],
        email: ['email'],
        contact_name: ['first_name', 'last_name'],
        country: ['Country'],
        tags: ['can2_user_tags'],
      },
    },
  },
  {
    id: 'google-forms',
    label: 'Google Forms response sheet',
    description:
      'A sign-on form\'s responses (CSV download or the Excel workbook): "Email Address" ' +
      'collected by the form, then one column per question.',
    mapping: {
      columns: {
        name: ['Organization name (as it should appear on the letter)'],
        email: ['Email Address'],
        contact_name: ['Your full name'],
        country: ['Country'],
      },
    },
  },
];

export function importPreset(id: string): ImportPreset {
  const preset = IMPORT_PRESETS.find((p) => p.id === id);
  if (!preset) {
    throw DomainError.invalid(
      'preset',
      `unknown preset; expected one of ${IMPORT_PRESETS.map((p) => p.id).join(', ')}`,
    );
  }
  return preset;
}

/**
 * The preset's mapping for this file's headers: a column it names that the file lacks is
 * dropped (forms differ), the name column is not (400 naming it).
 */
export function presetMapping(preset: ImportPreset, headers: string[]): ImportMapping {
  const columns: ImportMapping['columns'] = {};
  for (const field of IMPORT_FIELDS) {
    const wanted = preset.mapping.columns[field];
    const found = wanted?.map((h) => findHeader(headers, h)).filter((h) => h !== undefined);
    if (found?.length) columns[field] = found;
  }
  if (!columns.name) {
    throw DomainError.invalid(
      'preset',
      `the ${preset.id} preset reads the name from "${preset.mapping.columns.name![0]}", which is not a column of the file`,
    );
  }
  return { ...preset.mapping, columns };
}

/** The header of the file that matches `wanted`, case, accents and punctuation aside. */
export function findHeader(headers: string[], wanted: string): string | undefined {
  const folded = foldHeader(wanted);
  return headers.find((h) => h === wanted) ?? headers.find((h) => foldHeader(h) === folded);
}

/**
 * A mapping to start from: for each field, the column named like it ("Contact name",
 * "E-mail"), else the column a preset reads it from. Undefined when no name column is found.
 */
export function suggestMapping(headers: string[]): {
  mapping: ImportMapping | undefined;
  preset: ImportPreset['id'] | undefined;
} {
  const preset = IMPORT_PRESETS.find((p) =>
    Object.values<string[]>(p.mapping.columns).every((cols) =>
      cols.every((h) => findHeader(headers, h) !== undefined),
    ),
  );
  const columns: ImportMapping['columns'] = {};
  const used = new Set<string>();
  for (const field of IMPORT_FIELDS) {
    const found = [field, ...(SYNONYMS[field] ?? [])]
      .map((word) => findHeader(headers, word))
      .find((h) => h !== undefined && !used.has(h));
    const fromPreset = [preset, ...IMPORT_PRESETS]
      .map((p) => p?.mapping.columns[field]?.map((h) => findHeader(headers, h)))
      .find((hs) => hs?.length && hs.every((h) => h !== undefined && !used.has(h))) as
      string[] | undefined;
    const chosen = found !== undefined ? [found] : fromPreset;
    if (chosen) {
      columns[field] = chosen;
      chosen.forEach((h) => used.add(h));
    }
  }
  return { mapping: columns.name ? { columns } : undefined, preset: preset?.id };
}

const SYNONYMS: Partial<Record<ImportField, string[]>> = {
  name: ['organization', 'organisation', 'organization name', 'organisation name'],
  email: ['e-mail', 'email address', 'emails'],
  contact_name: ['contact', 'contact person', 'full name'],
  website: ['web site', 'url', 'site'],
};
