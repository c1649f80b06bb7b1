import { csvText } from '../csv/csv-text';
import type { Visibility } from '../letters/letter-settings';
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
 * Every signature of the letter with every recorded detail, for the coordinators, in
 * RECORD_FIELDS' order. The cells are listed one by one: a loop over the field names reads
 * several times slower.
 */
export function signatureRecordsCsv(rows: RecordedSignature[]): string {
  return csvText(
    RECORD_FIELDS.map(columnName),
    rows.map((s) => [
      s.id,
      s.displayName,
      s.status,
      s.source,
      s.visibility,
      String(s.revision),
      s.organizationId ?? '',
      s.signerName,
      s.signerTitle ?? '',
      s.signerEmail ?? '',
      s.country ?? '',
      s.website ?? '',
      instant(s.signedAt),
      instant(s.updatedAt),
      instant(s.withdrawnAt),
      yesNo(s.domainVerified),
      yesNo(s.authorized),
      s.consentText,
      s.ip ?? '',
      s.userAgent ?? '',
    ]),
  );
}
