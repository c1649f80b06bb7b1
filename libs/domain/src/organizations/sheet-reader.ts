import { parse } from 'csv-parse/sync';
import { Workbook, type CellValue } from 'exceljs';
import { inflateRawSync } from 'node:zlib';
import { DomainError, DomainErrorCode } from '../errors/domain-error';

export const SHEET_MAX_BYTES = 5 * 1024 * 1024;
export const SHEET_MAX_ROWS = 10_000;
/**
 * What the parts of an XLSX may inflate to, all together. 10,000 rows of a wide sign-on
 * sheet are a few MB of XML; a zip bomb is gigabytes.
 */
export const XLSX_MAX_INFLATED_BYTES = 40 * 1024 * 1024;

export const XLSX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A sheet read as text: its header and every non-empty row, each with its line in the file. */
export interface Sheet {
  format: 'csv' | 'xlsx';
  header: string[];
  rows: { line: number; cells: string[] }[];
}

const invalidFile = (problem: string) => DomainError.invalid('file', problem);
const tooManyRows = () =>
  new DomainError(
    DomainErrorCode.TooLarge,
    `file: more than ${SHEET_MAX_ROWS.toLocaleString('en')} rows; split it into several imports`,
  );

/**
 * Reads an uploaded CSV or XLSX. The format is told by the bytes (an XLSX is a zip: "PK\3\4"),
 * not by the file name or the content type a client claims; limits hold before parsing.
 */
export async function readSheet(file: Buffer): Promise<Sheet> {
  if (file.length > SHEET_MAX_BYTES) {
    throw new DomainError(DomainErrorCode.TooLarge, 'file: larger than 5 MB');
  }
  if (file.length === 0) throw invalidFile('empty; expected a header row and at least one row');
  return isZip(file) ? readXlsx(file) : readCsv(file);
}

export function isZip(file: Buffer): boolean {
  return file.length >= 4 && file.readUInt32LE(0) === 0x04034b50;
}

function readCsv(file: Buffer): Sheet {
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

  let records: { record: string[]; info: { bytes: number } }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: 64 * 1024,
      // One more than the cap, so that "too many" is told apart from "exactly the cap".
      to: SHEET_MAX_ROWS + 2,
    }) as unknown as { record: string[]; info: { bytes: number } }[];
  } catch (error) {
    throw invalidFile(`not valid CSV: ${(error as Error).message.slice(0, 200)}`);
  }
  const [header, ...body] = records;
  if (body.length > SHEET_MAX_ROWS) throw tooManyRows();
  // The line a record ends on, from the byte offset past it: csv-parse's own info.lines
  // counts a CRLF inside a quoted cell twice.
  const bytes = Buffer.from(text);
  let newlines = 0;
  let scanned = 0;
  const lineOf = (end: number) => {
    for (; scanned < end; scanned++) if (bytes[scanned] === 0x0a) newlines++;
    return bytes[end - 1] === 0x0a ? newlines : newlines + 1;
  };
  lineOf(header.info.bytes);
  return {
    format: 'csv',
    header: header.record.map((c) => c.trim()),
    rows: body.map(({ record, info }) => ({ line: lineOf(info.bytes), cells: record })),
  };
}

async function readXlsx(file: Buffer): Promise<Sheet> {
  // The zip-bomb guard, before exceljs sees the file: every entry is inflated here with
  // zlib's maxOutputLength, so the limit holds whatever sizes the zip's directory claims
  // (a bomb can lie there). It costs one extra inflate of at most 40 MB; exceljs's
  // streaming reader with a row cap was the other way, but it buffers shared strings and
  // worksheets that come before them in the zip whole, so it bounds rows, not memory.
  inflatedSize(file);
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch (error) {
    throw invalidFile(`not a valid XLSX workbook (${(error as Error).message.slice(0, 120)})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalidFile('not a valid XLSX workbook (no worksheet)');
  if (sheet.actualRowCount > SHEET_MAX_ROWS + 1) throw tooManyRows();
  const rows: Sheet['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    const filled = Array.from(cells, (c) => c ?? '');
    if (filled.some((c) => c.trim() !== '')) rows.push({ line: row.number, cells: filled });
  });
  const [header, ...body] = rows;
  if (!header) throw invalidFile('empty; expected a header row and at least one row');
  return { format: 'xlsx', header: header.cells.map((c) => c.trim()), rows: body };
}

/**
 * A cell as text, as the sheet shows it without its number format: dates as ISO 8601 (the
 * date alone at midnight), numbers as written (10001, not 10001.0), rich text joined,
 * formulas as their result, hyperlinks as their text, errors as Excel writes them (#N/A).
 */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
    return iso.replace('.000Z', 'Z');
  }
  if ('richText' in value && Array.isArray(value.richText)) {
    return value.richText.map((run) => run.text ?? '').join('');
  }
  if ('hyperlink' in value) return cellText(value.text);
  if ('formula' in value || 'sharedFormula' in value) {
    return cellText((value as { result?: CellValue }).result);
  }
  if ('error' in value) return String(value.error);
  return '';
}

/**
 * The bytes the zip's entries inflate to, refusing the file past XLSX_MAX_INFLATED_BYTES.
 * Reads the central directory (end record in the last 64 KB + 22 bytes), then each entry's
 * local header; stored and deflated entries only, which is all that spreadsheet software
 * writes.
 */
export function inflatedSize(zip: Buffer): number {
  const notXlsx = (why: string) => invalidFile(`not a valid XLSX workbook (${why})`);
  const tooBig = () =>
    new DomainError(
      DomainErrorCode.TooLarge,
      `file: the workbook unpacks to more than ${XLSX_MAX_INFLATED_BYTES / 1024 / 1024} MB`,
    );
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw notXlsx('no zip directory');
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50)
      throw notXlsx('bad zip directory');
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const local = zip.readUInt32LE(at + 42);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50)
      throw notXlsx('bad zip entry');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (start + compressed > zip.length) throw notXlsx('truncated zip entry');
    const data = zip.subarray(start, start + compressed);
    if (method === 0) {
      total += data.length;
    } else if (method === 8) {
      try {
        total += inflateRawSync(data, {
          maxOutputLength: XLSX_MAX_INFLATED_BYTES - total + 1,
        }).length;
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig();
        throw notXlsx('corrupt zip entry');
      }
    } else {
      throw notXlsx(`zip compression method ${method}`);
    }
    if (total > XLSX_MAX_INFLATED_BYTES) throw tooBig();
  }
  return total;
}
