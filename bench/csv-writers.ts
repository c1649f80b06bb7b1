// The measurement behind csvText (libs/domain/src/csv/csv-text.ts): the hand-joined writer
// against csv-stringify on the 10,000-record signatures export, same cells, same bytes.
//   npx ts-node --transpile-only -r tsconfig-paths/register bench/csv-writers.ts [writer]
// One writer per process gives steadier numbers on a busy machine.
import { stringify } from 'csv-stringify/sync';
import { csvText, neutralizeCell } from '../libs/domain/src/csv/csv-text';
import {
  RECORD_FIELDS,
  signatureRecordsCsv,
  type RecordedSignature,
} from '../libs/domain/src/signatures/signatures-csv';

const RUNS = 25;
const consent =
  'On behalf of Organization number N, I confirm that I am authorized to sign this letter, revision 3, titled "Protect the commons now", as published by the Coalition workspace; our name may be listed as chosen. '.repeat(
    2,
  );
// Like the bench's seeded letter: every 50th name needs a formula guard and quotes.
const rows: RecordedSignature[] = Array.from({ length: 10_000 }, (_, i) => ({
  id: `0b3c${String(i).padStart(4, '0')}-1111-4222-8333-444455556666`,
  displayName: i % 50 === 0 ? `=Org, "${i}"` : `Organization number ${i}`,
  status: 'confirmed',
  source: 'invitation',
  visibility: 'public',
  revision: 3,
  organizationId: `9a3c${String(i).padStart(4, '0')}-1111-4222-8333-444455556666`,
  signerName: `Signer ${i}`,
  signerTitle: i % 3 ? 'Director' : null,
  signerEmail: `s${i}@org${i}.example`,
  country: 'DE',
  website: `https://org${i}.example`,
  signedAt: '2026-11-02T10:30:00.000Z',
  updatedAt: '2026-11-02T10:30:00.000Z',
  withdrawnAt: null,
  domainVerified: false,
  authorized: true,
  consentText: consent,
  ip: '203.0.113.7',
  userAgent:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
}));

// csv-stringify is handed the same cells the export writes; its quoting is RFC 4180's, the
// formula guard is ours (its own escape_formulas also rewrites full-width characters).
const header = RECORD_FIELDS.map((f) => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
// The cells exactly as signatureRecordsCsv lists them (instants are already text here).
const cells = () =>
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
    String(s.signedAt),
    String(s.updatedAt),
    '',
    s.domainVerified ? 'yes' : 'no',
    s.authorized ? 'yes' : 'no',
    s.consentText,
    s.ip ?? '',
    s.userAgent ?? '',
  ]);

const writers: Record<string, () => string> = {
  csvText: () => signatureRecordsCsv(rows),
  'csv-stringify': () =>
    '\uFEFF' +
    stringify([header, ...cells().map((row) => row.map(neutralizeCell))], {
      record_delimiter: '\r\n',
    }),
};

const expected = csvText(header, cells());
process.stdout.write(
  `${(Buffer.byteLength(expected) / 1024 / 1024).toFixed(1)} MB, ${rows.length} rows\n`,
);
const only = process.argv[2];
for (const [name, write] of Object.entries(writers)) {
  if (only && name !== only) continue;
  if (write() !== expected) throw new Error(`${name}: not the same bytes`);
  const times: number[] = [];
  for (let i = 0; i < RUNS + 5; i++) {
    const start = process.hrtime.bigint();
    write();
    if (i >= 5) times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.floor((times.length - 1) * q)].toFixed(1);
  process.stdout.write(`${name}: p50 ${at(0.5)} ms, min ${at(0)} ms, max ${at(1)} ms\n`);
}
