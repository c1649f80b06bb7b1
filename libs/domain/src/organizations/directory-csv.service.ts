import { Injectable } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { csvText } from '../csv/csv-text';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { nameKey } from './name-key';
import { organizationFields, type OrganizationFields } from './organization-input';
import { OrganizationsService, organizationView } from './organizations.service';

export const CSV_COLUMNS = ['name', 'email', 'contact_name', 'country', 'website', 'tags'] as const;
export const CSV_MAX_BYTES = 5 * 1024 * 1024;
export const CSV_MAX_ROWS = 10_000;

export interface ImportReport {
  created: number;
  updated: number;
  skipped: number;
  errors: { line: number; message: string }[];
}

const invalidFile = (problem: string) => DomainError.invalid('file', problem);

/** The directory as CSV, both ways (header: name,email,contact_name,country,website,tags). */
@Injectable()
export class DirectoryCsvService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
  ) {}

  /**
   * Imports rows; an organization with the same name key or email is updated, not
   * duplicated. All or nothing, unless `partial`: then the good rows go in and the bad ones
   * are reported. Every rejected row comes back with its line number and reason.
   */
  async import(workspaceId: string, file: Buffer, partial: boolean): Promise<ImportReport> {
    const rows = this.rows(file);
    const errors: ImportReport['errors'] = [];
    const good: OrganizationFields[] = [];
    const seen = new Map<string, number>();
    for (const { line, cells } of rows) {
      try {
        const fields = organizationFields({
          name: cells.name,
          email: cells.email,
          contactName: cells.contact_name,
          country: cells.country,
          website: cells.website,
          tags: cells.tags,
        }) as OrganizationFields;
        const keys = [`name:${nameKey(fields.name)}`, ...fields.emails.map((e) => `email:${e}`)];
        const earlier = keys.map((k) => seen.get(k)).find((l) => l !== undefined);
        if (earlier !== undefined)
          throw DomainError.invalid('name', `duplicate of line ${earlier}`);
        keys.forEach((k) => seen.set(k, line));
        good.push(fields);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        errors.push({ line, message: error.message });
      }
    }
    if (errors.length && !partial) {
      throw new DomainError(
        DomainErrorCode.NotAllowedNow,
        `nothing imported: ${errors.length} of ${rows.length} rows have problems; fix them, or import with ?partial=true to keep the good rows`,
        { created: 0, updated: 0, skipped: rows.length, errors },
      );
    }
    const report: ImportReport = { created: 0, updated: 0, skipped: errors.length, errors };
    await this.dataSource.transaction(async (manager) => {
      for (const fields of good)
        report[await this.organizations.upsert(manager, workspaceId, fields)]++;
    });
    return report;
  }

  /** Excel-friendly: UTF-8 with BOM, CRLF, formula-like cells neutralised (csvText). */
  async export(workspaceId: string): Promise<string> {
    const rows = (await this.organizations.all(workspaceId))
      .map(organizationView)
      .map((o) => [
        o.name,
        o.emails.join(';'),
        o.contactName ?? '',
        o.country ?? '',
        o.website ?? '',
        o.tags.join(';'),
      ]);
    return csvText(CSV_COLUMNS, rows);
  }

  private rows(file: Buffer): { line: number; cells: Record<string, string> }[] {
    if (file.length > CSV_MAX_BYTES) {
      throw new DomainError(DomainErrorCode.TooLarge, 'file: larger than 5 MB');
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(file);
    } catch {
      throw invalidFile('not UTF-8 text');
    }
    text = text.replace(/^\uFEFF/, '');
    if (!text.trim()) throw invalidFile('empty; expected a header row and at least one row');
    if (text.includes('\u0000')) throw invalidFile('not a CSV text file (binary content)');
    const firstLine = text.slice(0, text.search(/\r?\n|$/));
    const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';

    let records: { record: string[]; info: { lines: number } }[];
    try {
      records = parse(text, {
        delimiter,
        info: true,
        relax_column_count: true,
        skip_empty_lines: true,
        max_record_size: 64 * 1024,
      }) as unknown as { record: string[]; info: { lines: number } }[];
    } catch (error) {
      throw invalidFile(`not valid CSV: ${(error as Error).message.slice(0, 200)}`);
    }
    const [header, ...body] = records;
    const columns = header.record.map((c) => c.trim().toLowerCase());
    const unknown = columns.find((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
    if (unknown !== undefined || !columns.includes('name') || !columns.includes('email')) {
      throw DomainError.invalid(
        'header',
        `${unknown !== undefined ? `unknown column "${unknown.slice(0, 40)}"; ` : ''}expected ${CSV_COLUMNS.join(',')}`,
      );
    }
    if (body.length > CSV_MAX_ROWS) {
      throw new DomainError(DomainErrorCode.TooLarge, `file: more than ${CSV_MAX_ROWS} rows`);
    }
    return body.map(({ record, info }) => ({
      line: info.lines,
      cells: Object.fromEntries(columns.map((column, i) => [column, record[i] ?? ''])),
    }));
  }
}
