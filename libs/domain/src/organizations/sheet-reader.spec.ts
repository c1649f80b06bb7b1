import { Workbook, ValueType } from 'exceljs';
import { deflateRawSync } from 'node:zlib';
import { DomainError } from '../errors/domain-error';
import { cellText, inflatedSize, isZip, readSheet } from './sheet-reader';

describe('cellText', () => {
  it.each([
    ['nothing', null, ''],
    ['text', 'Amina Haddad', 'Amina Haddad'],
    ['a whole number as written', 10001, '10001'],
    ['a decimal', 12.5, '12.5'],
    ['a boolean', true, 'TRUE'],
    ['a date at midnight as an ISO date', new Date(Date.UTC(2024, 8, 1)), '2024-09-01'],
    ['a date and time as ISO', new Date(Date.UTC(2024, 8, 1, 9, 0, 5)), '2024-09-01T09:00:05Z'],
    [
      'rich text, its runs joined',
      {
        richText: [
          { text: 'Digital ' },
          { font: { bold: true }, text: 'Rights' },
          { text: ' Lab' },
        ],
      },
      'Digital Rights Lab',
    ],
    ['a formula, as its result', { formula: 'UPPER("ke")', result: 'KE' }, 'KE'],
    ['a formula with no result yet', { formula: 'A1' }, ''],
    [
      'a formula whose result is a date',
      { formula: 'TODAY()', result: new Date(Date.UTC(2026, 0, 2)) },
      '2026-01-02',
    ],
    ['a shared formula', { sharedFormula: 'B2', result: 3 }, '3'],
    [
      'a hyperlink, as its text',
      { text: 'adh.example', hyperlink: 'https://adh.example' },
      'adh.example',
    ],
    [
      'a hyperlink with rich text',
      { text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'https://x.example' },
      'ab',
    ],
    ['an error', { error: '#N/A' }, '#N/A'],
  ])('reads %s', (_what, value, text) => {
    expect(cellText(value as never)).toBe(text);
  });
});

describe('readSheet', () => {
  it('reads the first worksheet of a workbook, each row with its row number, empty rows skipped', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Form Responses 1');
    workbook.addWorksheet('Other').addRow(['not this one']);
    sheet.addRow(['Timestamp', 'Organization', 'Zip']);
    sheet.addRow([
      new Date(Date.UTC(2024, 8, 1, 9)),
      { richText: [{ text: 'Ä' }, { text: 'B' }] },
      10001,
    ]);
    sheet.addRow([]);
    sheet.getRow(4).values = [null, { formula: '"C"&"D"', result: 'CD' }, 20005];
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(isZip(file)).toBe(true);
    expect(sheet.getCell('A2').type).toBe(ValueType.Date);
    await expect(readSheet(file)).resolves.toEqual({
      format: 'xlsx',
      header: ['Timestamp', 'Organization', 'Zip'],
      rows: [
        { line: 2, cells: ['2024-09-01T09:00:00Z', 'ÄB', '10001'] },
        { line: 4, cells: ['', 'CD', '20005'] },
      ],
    });
  });

  it('reads a semicolon CSV with a BOM, each row with the line it ends on', async () => {
    const sheet = await readSheet(
      Buffer.from('\uFEFFname;email\r\n"A\r\nB";a@b.example\r\nC;c@d.example\r\n'),
    );
    expect(sheet).toEqual({
      format: 'csv',
      header: ['name', 'email'],
      rows: [
        { line: 3, cells: ['A\r\nB', 'a@b.example'] },
        { line: 4, cells: ['C', 'c@d.example'] },
      ],
    });
  });
});

describe('inflatedSize (the zip-bomb guard)', () => {
  const oneEntry = (data: Buffer, claimed: number) => {
    const packed = deflateRawSync(data);
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(claimed, 24);
    central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46 + name.length, 12);
    end.writeUInt32LE(30 + name.length + packed.length, 16);
    return Buffer.concat([local, name, packed, central, name, end]);
  };

  it('counts what the entries really inflate to', () => {
    expect(inflatedSize(oneEntry(Buffer.alloc(1000, 65), 1000))).toBe(1000);
  });

  it('stops inflating at 40 MB, whatever size the directory claims', () => {
    const bomb = oneEntry(Buffer.alloc(41 * 1024 * 1024), 10);
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(() => inflatedSize(bomb)).toThrow(DomainError);
    expect(() => inflatedSize(bomb)).toThrow('file: the workbook unpacks to more than 40 MB');
  });

  it('refuses a zip without its directory', () => {
    expect(() => inflatedSize(Buffer.from('PK\u0003\u0004 and nothing else'))).toThrow(
      'file: not a valid XLSX workbook (no zip directory)',
    );
  });
});
