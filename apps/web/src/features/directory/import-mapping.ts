import type { components } from '../../api/schema';

export type ImportMapping = components['schemas']['ImportMappingView'];
export type ImportPreview = components['schemas']['ImportPreviewView'];
export type ImportPreset = components['schemas']['ImportPresetView'];

/** The fields a column can fill, in the order the form shows them. */
export const IMPORT_FIELDS = [
  { field: 'name', label: 'Name (required)' },
  { field: 'email', label: 'Email' },
  { field: 'contact_name', label: 'Contact name' },
  { field: 'country', label: 'Country' },
  { field: 'website', label: 'Website' },
  { field: 'tags', label: 'Tags' },
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number]['field'];

/** What the form holds: each field's columns (none: not imported; several: joined). */
export type MappingChoice = Record<ImportField, string[]>;

/** The API's size limit (SHEET_MAX_BYTES); the server enforces it anyway. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export const EMPTY_CHOICE: MappingChoice = {
  name: [],
  email: [],
  contact_name: [],
  country: [],
  website: [],
  tags: [],
};

/** Headers match as the API matches them: case, accents and punctuation aside. */
export const headerKey = (header: string) =>
  header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * A mapping as the form holds it, its columns spelled as this file's headers; a field one
 * of whose columns the file lacks is left unmapped.
 */
export function choiceFrom(mapping: ImportMapping | null, headers: readonly string[]) {
  const byKey = new Map(headers.map((h) => [headerKey(h), h]));
  const choice: MappingChoice = { ...EMPTY_CHOICE };
  if (!mapping) return choice;
  for (const { field } of IMPORT_FIELDS) {
    const columns = (mapping[field] ?? []).map((c) => byKey.get(headerKey(c)));
    choice[field] = columns.every((c) => c !== undefined) ? columns : [];
  }
  return choice;
}

/** Whether every column of `mapping`'s name is in the file: a mapping that fits it. */
const fits = (mapping: ImportMapping | null, headers: readonly string[]) =>
  mapping !== null && choiceFrom(mapping, headers).name.length > 0;

/**
 * The mapping the form starts from: the workspace's last one when it fits this file (the
 * same kind of sheet again), else the one the preview applied (the suggestion).
 */
export function defaultChoice(preview: ImportPreview): MappingChoice {
  if (fits(preview.lastMapping, preview.headers)) {
    return choiceFrom(preview.lastMapping, preview.headers);
  }
  return choiceFrom(preview.mapping ?? preview.suggestedMapping, preview.headers);
}

/** The mapping sent to the API: the fields that have columns. */
export function mappingOf(choice: MappingChoice): ImportMapping {
  const mapping: ImportMapping = { name: choice.name };
  for (const { field } of IMPORT_FIELDS) {
    if (field !== 'name' && choice[field].length > 0) mapping[field] = choice[field];
  }
  return mapping;
}

export const sameChoice = (a: MappingChoice, b: MappingChoice) =>
  JSON.stringify(mappingOf(a)) === JSON.stringify(mappingOf(b));

/** A <select>'s value for a field's columns ('' is "not imported"). */
export const optionValue = (columns: readonly string[]) =>
  columns.length === 0 ? '' : JSON.stringify(columns);

export const columnsOf = (value: string): string[] =>
  value === '' ? [] : (JSON.parse(value) as string[]);

/**
 * The options of a field's select: every column of the file, and the field's current
 * columns when they are several joined (a preset's first_name + last_name).
 */
export function columnOptions(headers: readonly string[], current: readonly string[]) {
  const options = headers.map((h) => ({ value: optionValue([h]), label: h }));
  if (current.length > 1) {
    options.unshift({ value: optionValue(current), label: current.join(' + ') });
  }
  return options;
}
