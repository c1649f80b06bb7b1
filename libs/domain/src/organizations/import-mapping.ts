import { DomainError } from '../errors/domain-error';

/** The directory fields a column of an imported sheet can fill; `name` is required. */
export const IMPORT_FIELDS = [
  'name',
  'email',
  'contact_name',
  'country',
  'website',
  'tags',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * Which column of the file fills which field. A field may take several columns (Action
 * Network's first_name + last_name as contact_name): their texts are joined with a space
 * (with ";" for email and tags).
 */
export interface ImportMapping {
  columns: Partial<Record<ImportField, string[]>>;
  /** Splits the tags column (default: any of , ; |). */
  tagsSeparator?: string;
  /** Tags given to every imported row ("2026-forms"). */
  addTags?: string[];
}

const bad = (field: string, problem: string) => DomainError.invalid(field, problem);
const MAX_MAPPING_CHARS = 8 * 1024;

/**
 * A mapping as a client sends it: a JSON object (or its text) of field → column header (or
 * a list of headers), with the optional `tagsSeparator` and `addTags`. Every problem is a
 * 400 naming the key (`mapping.phone: unknown field`), checked before the file is read.
 */
export function parseMapping(raw: unknown): ImportMapping {
  let value = raw;
  if (typeof raw === 'string') {
    if (raw.length > MAX_MAPPING_CHARS)
      throw bad('mapping', `at most ${MAX_MAPPING_CHARS} characters`);
    // Bounded before JSON.parse: a 3,000-deep array is refused here, not by a stack overflow.
    if (/[[{]{20}/.test(raw.replace(/\s+/g, ''))) throw bad('mapping', 'nested too deeply');
    try {
      value = JSON.parse(raw);
    } catch {
      throw bad('mapping', 'not valid JSON; expected an object such as {"name": "Organization"}');
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw bad(
      'mapping',
      'expected an object of field → column header, such as {"name": "Organization"}',
    );
  }
  const mapping: ImportMapping = { columns: {} };
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const field = `mapping.${key.slice(0, 40)}`;
    if (key === 'tagsSeparator') {
      if (typeof v !== 'string' || v.length < 1 || v.length > 5)
        throw bad(field, 'one to five characters, such as ";"');
      mapping.tagsSeparator = v;
    } else if (key === 'addTags') {
      const tags = typeof v === 'string' ? [v] : v;
      if (!Array.isArray(tags) || tags.length > 20 || !tags.every((t) => typeof t === 'string'))
        throw bad(field, 'a tag or a list of at most 20 tags');
      mapping.addTags = tags;
    } else if ((IMPORT_FIELDS as readonly string[]).includes(key)) {
      const headers = typeof v === 'string' ? [v] : v;
      if (
        !Array.isArray(headers) ||
        headers.length < 1 ||
        headers.length > 5 ||
        !headers.every((h) => typeof h === 'string' && h.trim() !== '' && h.length <= 300)
      ) {
        throw bad(field, 'a column header, or a list of at most 5 headers');
      }
      mapping.columns[key as ImportField] = headers as string[];
    } else {
      throw bad(
        field,
        `unknown field; expected ${IMPORT_FIELDS.join(', ')}, tagsSeparator or addTags`,
      );
    }
  }
  if (!mapping.columns.name) throw bad('mapping.name', 'required: the column that holds the name');
  return mapping;
}

/** The mapping as JSON a client can send back (headers always as lists). */
export type MappingJson = { name: string[] } & Partial<Record<ImportField, string[]>> & {
    tagsSeparator?: string;
    addTags?: string[];
  };

export function mappingJson(mapping: ImportMapping): MappingJson {
  const out: MappingJson = { name: mapping.columns.name ?? [] };
  for (const field of IMPORT_FIELDS) {
    const headers = mapping.columns[field];
    if (headers) out[field] = headers;
  }
  if (mapping.tagsSeparator !== undefined) out.tagsSeparator = mapping.tagsSeparator;
  if (mapping.addTags?.length) out.addTags = mapping.addTags;
  return out;
}

/** Lower case, no accents, punctuation and runs of space as one space: how headers match. */
export function foldHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
