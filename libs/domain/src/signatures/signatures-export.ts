import { In, type EntityManager } from 'typeorm';
import type { LetterContent } from '../letters/letter-diff';
import { LetterRevisionEntity } from '../letters/letter-revision.entity';
import { parseLetterSettings } from '../letters/letter-settings';
import type { LetterEntity } from '../letters/letter.entity';
import { slugify } from '../workspaces/slug';
import { orderSignatories } from './signatory-order';
import { SignatureEntity } from './signature.entity';
import {
  namedIn,
  RECORD_FIELDS,
  signatoryListCsv,
  signatureRecordsCsv,
  type CsvScope,
  type RecordedSignature,
} from './signatures-csv';

/**
 * A letter's signatures as CSV. `public` and `delivered`: the confirmed signatories named in
 * that edition, numbered in the letter's order, each with the day it signed in `timeZone`
 * (the letter's). `all`: every signature, every detail, instants in ISO 8601 UTC.
 */
export async function exportSignatures(
  manager: EntityManager,
  letter: LetterEntity,
  scope: CsvScope,
  timeZone: string,
): Promise<{ filename: string; text: string }> {
  const csv = async () => {
    if (scope === 'all') return signatureRecordsCsv(await records(manager, letter.id));
    const rows = await manager.find(SignatureEntity, {
      where: { letterId: letter.id, status: 'confirmed', visibility: In(namedIn[scope]) },
      select: { id: true, displayName: true, country: true, signedAt: true, position: true },
    });
    const order = parseLetterSettings(letter.settings).signatoryOrder;
    return signatoryListCsv(orderSignatories(rows, order), timeZone);
  };
  const [text, slug] = await Promise.all([csv(), fileSlug(manager, letter)]);
  return { filename: `signatures-${slug}.csv`, text };
}

/**
 * Every signature's recorded details, by time of signing. Read as raw rows: building
 * 10,000 entities took most of an export's time. Text and numbers come back as stored;
 * instants come back already written as ISO-8601 UTC (as toISOString writes them), by the
 * database: parsing 30,000 timestamps into dates and writing them out again took a fifth
 * of the rest. Flags are what drivers disagree on, so they are converted here.
 */
async function records(manager: EntityManager, letterId: string): Promise<RecordedSignature[]> {
  const query = manager
    .createQueryBuilder(SignatureEntity, 's')
    .select([])
    .where('s.letterId = :letterId', { letterId })
    .orderBy('s.signedAt', 'ASC')
    .addOrderBy('s.id', 'ASC');
  const postgres = manager.connection.options.type === 'postgres';
  const iso = (column: string) =>
    postgres
      ? `to_char("s"."${column}" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
      : `strftime('%Y-%m-%dT%H:%M:%fZ', "s"."${column}")`;
  const instants: Partial<Record<(typeof RECORD_FIELDS)[number], string>> = {
    signedAt: iso('signed_at'),
    updatedAt: iso('updated_at'),
    withdrawnAt: iso('withdrawn_at'),
  };
  for (const field of RECORD_FIELDS) query.addSelect(instants[field] ?? `s.${field}`, field);
  const rows = await query.getRawMany<RecordedSignature>();
  for (const row of rows) {
    row.domainVerified = Boolean(row.domainVerified);
    row.authorized = Boolean(row.authorized);
  }
  return rows;
}

/** The title as a file name; a title without Latin letters or digits falls back to the id. */
async function fileSlug(manager: EntityManager, letter: LetterEntity): Promise<string> {
  const revision = await manager.findOneBy(LetterRevisionEntity, {
    letterId: letter.id,
    number: letter.publishedRevision ?? letter.currentRevision,
  });
  const title = revision ? (JSON.parse(revision.content) as LetterContent).title : '';
  const latin = /[a-z0-9]/i.test(title.normalize('NFKD'));
  return latin ? slugify(title) : `letter-${letter.id.slice(0, 8)}`;
}
