import { Injectable } from '@nestjs/common';
import { csvText } from '../csv/csv-text';
import { CSV_COLUMNS } from './directory-import.service';
import { OrganizationsService, organizationView } from './organizations.service';
import { SHEET_MAX_BYTES, SHEET_MAX_ROWS } from './sheet-reader';

export const CSV_MAX_BYTES = SHEET_MAX_BYTES;
export const CSV_MAX_ROWS = SHEET_MAX_ROWS;

/** The directory as CSV (header: name,email,contact_name,country,website,tags); the import is DirectoryImportService. */
@Injectable()
export class DirectoryCsvService {
  constructor(private readonly organizations: OrganizationsService) {}

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
}
