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
 * that edition, numbered in the letter's order. `all`: every signature, every detail.
 */
export async function exportSignatures(
  manager: EntityManager,
  letter: LetterEntity,
  scope: CsvScope,
): Promise<{ filename: string; text: string }> {
  let text: string;
  if (scope === 'all') {
    text = signatureRecordsCsv(await records(manager, letter.id));
  } else {
    const rows = await manager.find(SignatureEntity, {
      where: { letterId: letter.id, status: 'confirmed', visibility: In(namedIn[scope]) },
      select: { id: true, displayName: true, country: true, signedAt: true, position: true },
    });
    const order = parseLetterSettings(letter.settings).signatoryOrder;
    text = signatoryListCsv(orderSignatories(rows, order));
  }
  return { filename: `signatures-${await fileSlug(manager, letter)}.csv`, text };
}

/**
 * Every signature's recorded details, by time of signing. Read as raw rows: building
 * 10,000 entities took most of an export's time. Text and numbers come back as stored;
 * instants and flags are what drivers disagree on, so the driver converts those.
 */
async function records(manager: EntityManager, letterId: string): Promise<RecordedSignature[]> {
  const query = manager
    .createQueryBuilder(SignatureEntity, 's')
    .select([])
    .where('s.letterId = :letterId', { letterId })
    .orderBy('s.signedAt', 'ASC')
    .addOrderBy('s.id', 'ASC');
  for (const field of RECORD_FIELDS) query.addSelect(`s.${field}`, field);
  const rows = await query.getRawMany<RecordedSignature>();
  const driver = manager.connection.driver;
  const metadata = manager.connection.getMetadata(SignatureEntity);
  const [signed, updated, withdrawn] = (['signedAt', 'updatedAt', 'withdrawnAt'] as const).map(
    (field) => metadata.findColumnWithPropertyName(field)!,
  );
  for (const row of rows) {
    row.signedAt = driver.prepareHydratedValue(row.signedAt, signed) as Date;
    row.updatedAt = driver.prepareHydratedValue(row.updatedAt, updated) as Date;
    row.withdrawnAt = driver.prepareHydratedValue(row.withdrawnAt, withdrawn) as Date | null;
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
