import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../clock';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { DirectoryImportMappingEntity } from './directory-import-mapping.entity';
import {
  IMPORT_FIELDS,
  mappingJson,
  parseMapping,
  type ImportField,
  type ImportMapping,
  type MappingJson,
} from './import-mapping';
import { findHeader, importPreset, presetMapping, suggestMapping } from './import-presets';
import { nameKey } from './name-key';
import { organizationFields, type OrganizationFields } from './organization-input';
import { OrganizationsService } from './organizations.service';
import { readSheet, type Sheet } from './sheet-reader';

/** The fixed header of the directory's own CSV (and of an import without a mapping). */
export const CSV_COLUMNS = IMPORT_FIELDS;

export interface ImportRowError {
  line: number;
  /** Every reason, each naming its field: `email: not an email address (x)`. */
  message: string;
}

/** A row as the mapping reads it, before checking: what the preview shows. */
export interface ImportSampleRow {
  line: number;
  values: Record<ImportField, string>;
  refused: boolean;
}

export interface ImportReport {
  /** Created (by a preview: would be). */
  created: number;
  updated: number;
  /** Rows not imported. */
  skipped: number;
  errors: ImportRowError[];
}

/** What an import with a mapping or a preset, and every preview, says besides the counts. */
export interface ImportDetails {
  format: 'csv' | 'xlsx';
  headers: string[];
  /** The mapping applied. */
  mapping: MappingJson;
  /** Rows below the header. */
  rows: number;
  /** The first 20 rows as mapped. */
  sample: ImportSampleRow[];
}

export interface ImportPreview extends ImportReport, Omit<ImportDetails, 'mapping'> {
  /** The mapping applied; null when no column could be the name. */
  mapping: MappingJson | null;
  suggestedMapping: MappingJson | null;
  suggestedPreset: string | null;
  lastMapping: MappingJson | null;
}

export interface ImportRequest {
  file: Buffer;
  /** JSON text or object (parseMapping); wins over `preset`. */
  mapping?: unknown;
  preset?: string;
  /** Keep the good rows when some are bad. */
  partial?: boolean;
}

const SAMPLE_ROWS = 20;

/** Thrown inside the preview's transaction to roll back what the real import code wrote. */
class DryRun extends Error {}

/**
 * The directory import: a CSV or XLSX (readSheet), its columns mapped to fields (a
 * mapping, a preset, or the fixed CSV header), every row checked as the API checks an
 * organization. The preview is this import run inside a transaction that is rolled back,
 * so the two cannot disagree on what would be created, updated or refused.
 */
@Injectable()
export class DirectoryImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly clock: Clock,
  ) {}

  /**
   * An organization with the same name key or email is updated, not duplicated. All or
   * nothing (422 listing every bad row) unless `partial`. Without a mapping or preset, the
   * file must have the fixed header and the answer is the counts alone, as before mappings.
   */
  async import(
    workspaceId: string,
    request: ImportRequest,
  ): Promise<ImportReport | (ImportReport & ImportDetails)> {
    const explicit = request.mapping !== undefined || request.preset !== undefined;
    const { report, details } = await this.run(workspaceId, request, false);
    return explicit ? { ...report, ...details } : report;
  }

  /** What `import` would do with the same request; writes nothing. */
  async preview(workspaceId: string, request: ImportRequest): Promise<ImportPreview> {
    const sheet = await this.sheet(request);
    const suggestion = suggestMapping(sheet.header);
    const last = await this.dataSource.manager.findOneBy(DirectoryImportMappingEntity, {
      workspaceId,
    });
    const lastMapping = last ? (JSON.parse(last.mapping) as MappingJson) : null;
    const base = {
      suggestedMapping: suggestion.mapping ? mappingJson(suggestion.mapping) : null,
      suggestedPreset: suggestion.preset ?? null,
      lastMapping,
    };
    const explicit = request.mapping !== undefined || request.preset !== undefined;
    if (!explicit && !suggestion.mapping) {
      return {
        ...base,
        created: 0,
        updated: 0,
        skipped: 0,
        errors: [],
        format: sheet.format,
        headers: sheet.header,
        mapping: null,
        rows: sheet.rows.length,
        sample: [],
      };
    }
    const { report, details } = await this.run(
      workspaceId,
      { ...request, mapping: explicit ? request.mapping : suggestion.mapping },
      true,
      sheet,
    );
    return { ...base, ...report, ...details };
  }

  private async sheet(request: ImportRequest): Promise<Sheet> {
    // The mapping is checked before the file is read: a bad one costs no parsing.
    if (request.mapping !== undefined) this.mappingOf(request.mapping);
    if (request.preset !== undefined) importPreset(request.preset);
    const sheet = await readSheet(request.file);
    if (sheet.rows.length === 0) {
      throw DomainError.invalid('file', 'no rows below the header');
    }
    return sheet;
  }

  private mappingOf(mapping: unknown): ImportMapping {
    return mapping !== null && typeof mapping === 'object' && 'columns' in mapping
      ? (mapping as ImportMapping)
      : parseMapping(mapping);
  }

  /** The one path of both: read, map, check every row, then write (or roll back). */
  private async run(
    workspaceId: string,
    request: ImportRequest,
    dryRun: boolean,
    read?: Sheet,
  ): Promise<{ report: ImportReport; details: ImportDetails }> {
    const sheet = read ?? (await this.sheet(request));
    const mapping = this.resolve(request, sheet.header);
    const errors: ImportRowError[] = [];
    const good: OrganizationFields[] = [];
    const sample: ImportSampleRow[] = [];
    const seen = new Map<string, number>();
    for (const { line, cells } of sheet.rows) {
      const values = mapped(sheet.header, cells, mapping);
      const reasons = problems(values, mapping);
      let fields: OrganizationFields | undefined;
      if (!reasons.length) {
        fields = organizationFields(input(values, mapping)) as OrganizationFields;
        const keys = [`name:${nameKey(fields.name)}`, ...fields.emails.map((e) => `email:${e}`)];
        const earlier = keys.map((k) => seen.get(k)).find((l) => l !== undefined);
        if (earlier !== undefined) reasons.push(`name: duplicate of line ${earlier}`);
        else keys.forEach((k) => seen.set(k, line));
      }
      if (sample.length < SAMPLE_ROWS) sample.push({ line, values, refused: reasons.length > 0 });
      if (reasons.length) errors.push({ line, message: reasons.join('; ') });
      else good.push(fields!);
    }
    const details: ImportDetails = {
      format: sheet.format,
      headers: sheet.header,
      mapping: mappingJson(mapping),
      rows: sheet.rows.length,
      sample,
    };
    if (errors.length && !partialOrDry(request, dryRun)) {
      throw new DomainError(
        DomainErrorCode.NotAllowedNow,
        `nothing imported: ${errors.length} of ${sheet.rows.length} rows have problems; fix them, or import with ?partial=true to keep the good rows`,
        { created: 0, updated: 0, skipped: sheet.rows.length, errors },
      );
    }
    const report: ImportReport = { created: 0, updated: 0, skipped: errors.length, errors };
    try {
      await this.dataSource.transaction(async (manager) => {
        for (const fields of good)
          report[await this.organizations.upsert(manager, workspaceId, fields)]++;
        const explicit = request.mapping !== undefined || request.preset !== undefined;
        if (explicit && good.length) await this.remember(manager, workspaceId, mapping);
        if (dryRun) throw new DryRun();
      });
    } catch (error) {
      if (!(error instanceof DryRun)) throw error;
    }
    return { report, details };
  }

  private resolve(request: ImportRequest, header: string[]): ImportMapping {
    if (request.mapping !== undefined) {
      const mapping = this.mappingOf(request.mapping);
      for (const field of IMPORT_FIELDS) {
        const missing = mapping.columns[field]?.find((h) => findHeader(header, h) === undefined);
        if (missing !== undefined) {
          throw DomainError.invalid(
            `mapping.${field}`,
            `column "${missing.slice(0, 80)}" is not in the file (its columns: ${columnList(header)})`,
          );
        }
        mapping.columns[field] = mapping.columns[field]?.map((h) => findHeader(header, h)!);
      }
      return mapping;
    }
    if (request.preset !== undefined) return presetMapping(importPreset(request.preset), header);
    // No mapping: the directory's own CSV header, exactly (as before mappings existed).
    const columns = header.map((c) => c.toLowerCase());
    const unknown = columns.find((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
    if (unknown !== undefined || !columns.includes('name') || !columns.includes('email')) {
      throw DomainError.invalid(
        'header',
        `${unknown !== undefined ? `unknown column "${unknown.slice(0, 40)}"; ` : ''}expected ${CSV_COLUMNS.join(',')}, or send a mapping or a preset`,
      );
    }
    const byField: ImportMapping['columns'] = {};
    header.forEach((h, i) => (byField[columns[i] as ImportField] ??= [h]));
    return { columns: byField };
  }

  private async remember(manager: EntityManager, workspaceId: string, mapping: ImportMapping) {
    await manager.save(DirectoryImportMappingEntity, {
      workspaceId,
      mapping: JSON.stringify(mappingJson(mapping)),
      updatedAt: this.clock.now(),
    });
  }
}

const partialOrDry = (request: ImportRequest, dryRun: boolean) => dryRun || !!request.partial;

function columnList(header: string[]): string {
  const shown = header.slice(0, 20).map((h) => `"${h.slice(0, 40)}"`);
  return shown.join(', ') + (header.length > 20 ? ', ...' : '');
}

/** The row's text for each field: several columns joined (";" for addresses and tags). */
function mapped(
  header: string[],
  cells: string[],
  mapping: ImportMapping,
): Record<ImportField, string> {
  const out = {} as Record<ImportField, string>;
  for (const field of IMPORT_FIELDS) {
    const joiner = field === 'email' || field === 'tags' ? ';' : ' ';
    out[field] = (mapping.columns[field] ?? [])
      .map((h) => (cells[header.indexOf(h)] ?? '').trim())
      .filter(Boolean)
      .join(joiner);
  }
  return out;
}

function input(values: Record<ImportField, string>, mapping: ImportMapping) {
  const separator = mapping.tagsSeparator;
  const tags = separator !== undefined ? values.tags.split(separator) : values.tags.split(/[,;|]+/);
  return {
    name: values.name,
    email: values.email,
    contactName: values.contact_name,
    country: values.country,
    website: values.website,
    tags: [...tags, ...(mapping.addTags ?? [])],
  };
}

/** Every reason a row is refused, one per field, each naming it. */
function problems(values: Record<ImportField, string>, mapping: ImportMapping): string[] {
  const all = input(values, mapping);
  const reasons: string[] = [];
  for (const key of Object.keys(all) as (keyof typeof all)[]) {
    try {
      organizationFields({ [key]: all[key] }, true);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      reasons.push(error.message);
    }
  }
  if (!reasons.length) {
    try {
      organizationFields(all);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      reasons.push(error.message);
    }
  }
  return reasons;
}
