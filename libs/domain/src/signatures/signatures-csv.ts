import type { Visibility } from '../letters/letter-settings';
import { neutralizeCell } from '../organizations/directory-csv.service';
import { localDateString } from '../time/zoned-time';
import type { SignatureEntity } from './signature.entity';

export const csvScopes = ['public', 'delivered', 'all'] as const;
/** `public` and `delivered`: the list as printed in that edition; `all`: every record. */
export type CsvScope = (typeof csvScopes)[number];

/** Which confirmed signatures each edition names. */
export const namedIn: Record<Exclude<CsvScope, 'all'>, Visibility[]> = {
  public: ['public'],
  delivered: ['public', 'delivered'],
};

export type ListedSignature = Pick<SignatureEntity, 'displayName' | 'country' | 'signedAt'>;

/** Every detail a coordinator may need, in column order; never the link tokens or the live key. */
export const RECORD_FIELDS = [
  'id',
  'displayName',
  'status',
  'source',
  'visibility',
  'revision',
  'organizationId',
  'signerName',
  'signerTitle',
  'signerEmail',
  'country',
  'website',
  'signedAt',
  'updatedAt',
  'withdrawnAt',
  'domainVerified',
  'authorized',
  'consentText',
  'ip',
  'userAgent',
] as const satisfies readonly (keyof SignatureEntity)[];

/** A signature's recorded details; instants as dates, or already as ISO-8601 text. */
export type RecordedSignature = Omit<
  Pick<SignatureEntity, (typeof RECORD_FIELDS)[number]>,
  'signedAt' | 'updatedAt' | 'withdrawnAt'
> & {
  signedAt: Date | string;
  updatedAt: Date | string;
  withdrawnAt: Date | string | null;
};

/** `signerEmail` → `signer_email`. */
const columnName = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

// Most cells need neither: a formula-like start (neutralizeCell) nor quoting (RFC 4180: a
// cell with a comma, quote or line break is quoted, its quotes doubled).
const SPECIAL = /^[=+\-@\t\r]|[",\r\n]/;

function cellCsv(cell: string): string {
  if (!SPECIAL.test(cell)) return cell;
  const neutral = neutralizeCell(cell);
  return /[",\r\n]/.test(neutral) ? `"${neutral.replace(/"/g, '""')}"` : neutral;
}

/**
 * Excel-friendly, like the directory's export: UTF-8 with BOM, CRLF, formulas neutralised.
 * Joined by hand: csv-stringify took most of the time of a 10,000-row export.
 */
function csvText(header: readonly string[], rows: string[][]): string {
  const lines = [header, ...rows].map((row) => row.map(cellCsv).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The signatory list of an edition, numbered in the order given (the letter's order);
 * `signed_at` is the day of signing in the letter's zone.
 */
export function signatoryListCsv(rows: ListedSignature[], timeZone: string): string {
  return csvText(
    ['number', 'display_name', 'country', 'signed_at'],
    rows.map((s, i) => [
      String(i + 1),
      s.displayName,
      s.country ?? '',
      localDateString(s.signedAt, timeZone),
    ]),
  );
}

const instant = (date: Date | string | null) =>
  date === null ? '' : typeof date === 'string' ? date : date.toISOString();
const yesNo = (flag: boolean) => (flag ? 'yes' : 'no');

/**
 * Every signature of the letter with every recorded detail, for the coordinators. Each
 * line is written in one template, in RECORD_FIELDS' order: a loop over the field names
 * reads several times slower. Ids, statuses, sources, visibilities, revisions, instants and
 * flags are written by the application and can hold nothing a spreadsheet would run or
 * split, so only the texts people gave are checked (cellCsv).
 */
export function signatureRecordsCsv(rows: RecordedSignature[]): string {
  const lines = new Array<string>(rows.length + 1);
  lines[0] = RECORD_FIELDS.map(columnName).join(',');
  for (let i = 0; i < rows.length; i++) {
    const s = rows[i];
    lines[i + 1] =
      `${s.id},${cellCsv(s.displayName)},${s.status},${s.source},${s.visibility},` +
      `${s.revision},${s.organizationId ?? ''},${cellCsv(s.signerName)},` +
      `${cellCsv(s.signerTitle ?? '')},${cellCsv(s.signerEmail ?? '')},` +
      `${cellCsv(s.country ?? '')},${cellCsv(s.website ?? '')},${instant(s.signedAt)},` +
      `${instant(s.updatedAt)},${instant(s.withdrawnAt)},${yesNo(s.domainVerified)},` +
      `${yesNo(s.authorized)},${cellCsv(s.consentText)},${cellCsv(s.ip ?? '')},` +
      `${cellCsv(s.userAgent ?? '')}`;
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
