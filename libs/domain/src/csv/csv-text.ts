/** A cell a spreadsheet would run as a formula gets a leading apostrophe on export. */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

// Most cells need neither: a formula-like start (neutralizeCell) nor quoting (RFC 4180: a
// cell with a comma, quote or line break is quoted, its quotes doubled).
const SPECIAL = /^[=+\-@\t\r]|[",\r\n]/;

function cellCsv(cell: string): string {
  if (!SPECIAL.test(cell)) return cell;
  const neutral = neutralizeCell(cell);
  return /[",\r\n]/.test(neutral) ? `"${neutral.replace(/"/g, '""')}"` : neutral;
}

/**
 * Every CSV export's writer (the directory, a signatory list, the signature records):
 * Excel-friendly, UTF-8 with BOM, CRLF after every line, formula-like cells neutralised,
 * quoted as RFC 4180 says. The same bytes as csv-stringify with `record_delimiter: '\r\n'`
 * over neutralised cells, which the directory used, except that a lone line break is
 * quoted here (csv-stringify's defaults left it bare). Joined by hand because on the
 * 10,000-record signatures export (7.5 MB, bench/csv-writers.ts) csv-stringify took about
 * four times as long: 82 to 93 ms p50 against 21 to 24 ms on a quiet machine, 320 to 620
 * against 65 to 105 under load, when the whole request has a 300 ms target. (The
 * template per line that the signatures export had took 40 to 70 ms.)
 */
export function csvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = new Array<string>(rows.length + 1);
  lines[0] = header.map(cellCsv).join(',');
  for (let i = 0; i < rows.length; i++) lines[i + 1] = rows[i].map(cellCsv).join(',');
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
