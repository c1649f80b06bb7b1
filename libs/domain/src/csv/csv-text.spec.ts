import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { csvText, neutralizeCell } from './csv-text';

const tricky = [
  'plain',
  '',
  'a, b',
  'say "hi"',
  'two\nlines',
  'two\r\nlines',
  'cr\ronly',
  '=SUM(A1:A2)',
  '+33 1 23',
  '-minus',
  '@home',
  '\tTab',
  '\rReturn',
  '=HYPERLINK("x", "y")',
  'mid=dle+and-@',
  'Société Générale',
  '"',
  ',',
];

describe('csvText', () => {
  it('writes a BOM, CRLF after every line, and plain cells as they are', () => {
    expect(
      csvText(
        ['a', 'b'],
        [
          ['1', ''],
          ['Société', 'x y'],
        ],
      ),
    ).toBe('\uFEFFa,b\r\n1,\r\nSociété,x y\r\n');
    expect(csvText(['a'], [])).toBe('\uFEFFa\r\n');
  });

  it('quotes a cell with a comma, a quote or a line break, its quotes doubled', () => {
    expect(csvText(['x'], [['a, b'], ['say "hi"'], ['two\nlines'], ['cr\ronly']])).toBe(
      '\uFEFFx\r\n"a, b"\r\n"say ""hi"""\r\n"two\nlines"\r\n"cr\ronly"\r\n',
    );
  });

  it('puts an apostrophe before a cell a spreadsheet would run as a formula, then quotes it if needed', () => {
    expect(
      csvText(['x'], [['=1+1'], ['+1'], ['-1'], ['@SUM(A1)'], ['\t=1'], ['=HYPERLINK("x")']]),
    ).toBe(
      '\uFEFFx\r\n\'=1+1\r\n\'+1\r\n\'-1\r\n\'@SUM(A1)\r\n\'\t=1\r\n"\'=HYPERLINK(""x"")"\r\n',
    );
    expect(csvText(['x'], [['\r=1']])).toBe('\uFEFFx\r\n"\'\r=1"\r\n');
    // Only the first character counts.
    expect(csvText(['x'], [['a=b-c']])).toBe('\uFEFFx\r\na=b-c\r\n');
  });

  // With `record_delimiter: '\r\n'` csv-stringify leaves a lone \n or \r unquoted (its
  // quote_record_delimiter then defaults to false), which splits the row; the directory
  // refuses control characters in every field, so its export never had one to write.
  it('writes the same bytes as csv-stringify over neutralised cells, as the directory export did', () => {
    const rows = tricky
      .filter((cell) => !/\r(?!\n)|(?<!\r)\n/.test(cell))
      .map((cell, i) => [String(i), cell, `${cell}${cell}`]);
    const before =
      '\uFEFF' +
      stringify([['n', 'cell', 'twice'], ...rows.map((row) => row.map(neutralizeCell))], {
        record_delimiter: '\r\n',
      });
    expect(csvText(['n', 'cell', 'twice'], rows)).toBe(before);
  });

  it('reads back, guards aside, as the cells written', () => {
    const rows = tricky.map((cell) => [cell]);
    const read: string[][] = parse(csvText(['cell'], rows), { bom: true });
    expect(read.slice(1).map(([cell]) => cell)).toEqual(tricky.map(neutralizeCell));
  });
});
