import { Contract, createTestApp, type TestApp } from './support';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';

const fixtures = join(__dirname, 'fixtures');
const formsXlsx = readFileSync(join(fixtures, 'google-forms-responses.xlsx'));
const formsCsv = readFileSync(join(fixtures, 'google-forms-responses.csv'));
const actionNetwork = readFileSync(join(fixtures, 'action-network-signatures.csv'));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const FORMS_MAPPING = {
  name: 'Organization name (as it should appear on the letter)',
  email: 'Email Address',
  contact_name: 'Your full name',
  country: 'Country',
  addTags: ['2026-forms'],
};

interface Report {
  created: number;
  updated: number;
  skipped: number;
  errors: { line: number; message: string }[];
  rows?: number;
  headers?: string[];
  format?: string;
  mapping?: Record<string, unknown> | null;
  sample?: { line: number; values: Record<string, string>; refused: boolean }[];
  lastMapping?: Record<string, unknown> | null;
  suggestedMapping?: Record<string, unknown> | null;
  suggestedPreset?: string | null;
}

/** Issue 17: the files coalitions have (Google Forms, Action Network), mapped, previewed. */
describe('directory import with mapping', () => {
  let t: TestApp;
  let contract: Contract;
  let token: string;
  let n = 0;
  const IMPORT = '/api/workspaces/{wid}/organizations/import';
  const PREVIEW = '/api/workspaces/{wid}/organizations/import/preview';
  const auth = () => ({ Authorization: `Bearer ${token}` });
  const workspace = async () =>
    (
      await t
        .http()
        .post('/api/workspaces')
        .set(auth())
        .send({ name: `Import ${++n}` })
        .expect(201)
    ).body.id as string;
  /** A multipart upload, as the browser sends it. */
  const upload = (
    wid: string,
    file: Buffer,
    filename: string,
    fields: Record<string, string> = {},
    path: 'import' | 'import/preview' = 'import',
    query = '',
  ) => {
    const req = t.http().post(`/api/workspaces/${wid}/organizations/${path}${query}`).set(auth());
    for (const [k, v] of Object.entries(fields)) void req.field(k, v);
    return req.attach('file', file, filename);
  };
  /** The raw body, as a script sends it. */
  const raw = (wid: string, file: Buffer | string, query: string, type = 'text/csv') =>
    t
      .http()
      .post(`/api/workspaces/${wid}/organizations/import${query}`)
      .set(auth())
      .set('Content-Type', type)
      .send(file);
  const directory = async (wid: string) =>
    (await t.http().get(`/api/workspaces/${wid}/organizations?limit=200`).set(auth()).expect(200))
      .body as {
      total: number;
      items: {
        name: string;
        email: string;
        contactName: string | null;
        tags: string[];
        country: string;
      }[];
    };

  beforeAll(async () => {
    t = await createTestApp();
    token = (
      await t
        .http()
        .post('/api/auth/register')
        .send({ email: 'importer@org.example', password: 'correct horse battery', name: 'I' })
        .expect(201)
    ).body.token;
    contract = await Contract.of(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('imports the Google Forms XLSX with an explicit mapping, tags every row, and remembers the mapping', async () => {
    const wid = await workspace();
    const res = await upload(wid, formsXlsx, 'responses.xlsx', {
      mapping: JSON.stringify(FORMS_MAPPING),
    }).expect(200);
    contract.expect('post', IMPORT, res);
    const report = res.body as Report;
    expect(report).toMatchObject({ created: 14, updated: 0, skipped: 0, errors: [], rows: 14 });
    expect(report.format).toBe('xlsx');
    expect(report.headers?.slice(0, 3)).toEqual([
      'Timestamp',
      'Email Address',
      'Organization name (as it should appear on the letter)',
    ]);
    expect(report.sample?.[0]).toEqual({
      line: 2,
      values: {
        name: 'Access to Information Project (ATIP)',
        email: 'amina@org1.example',
        contact_name: 'Amina Haddad',
        country: 'KE',
        website: '',
        tags: '',
      },
      refused: false,
    });
    const { items, total } = await directory(wid);
    expect(total).toBe(14);
    const bv = items.find((o) => o.name.startsWith('Bürgerrechtsverein'));
    expect(bv).toMatchObject({
      name: 'Bürgerrechtsverein "Freie Presse" e.V.',
      email: 'tomas@org5.example',
      contactName: 'Tomás Pérez',
      country: 'PL',
      tags: ['2026-forms'],
    });
    expect(items.map((o) => o.name)).toContain('Ελληνική Ένωση για τα Δικαιώματα του Ανθρώπου');

    // The next preview offers the mapping again.
    const preview = await upload(wid, formsXlsx, 'responses.xlsx', {}, 'import/preview').expect(
      200,
    );
    contract.expect('post', PREVIEW, preview);
    expect((preview.body as Report).lastMapping).toEqual({
      name: [FORMS_MAPPING.name],
      email: [FORMS_MAPPING.email],
      contact_name: [FORMS_MAPPING.contact_name],
      country: [FORMS_MAPPING.country],
      addTags: ['2026-forms'],
    });
    // Everything is there already: the same file would update, not duplicate.
    expect(preview.body).toMatchObject({ created: 0, updated: 14, skipped: 0 });
  });

  it('reads the same organizations from the Google Forms CSV as from its XLSX', async () => {
    const wid = await workspace();
    const res = await raw(
      wid,
      formsCsv,
      `?mapping=${encodeURIComponent(JSON.stringify(FORMS_MAPPING))}`,
    ).expect(200);
    contract.expect('post', IMPORT, res);
    expect(res.body).toMatchObject({ format: 'csv', created: 14, skipped: 0 });
    const fromCsv = (await directory(wid)).items;
    const other = await workspace();
    await upload(other, formsXlsx, 'r.xlsx', { preset: 'google-forms' }).expect(200);
    const fromXlsx = (await directory(other)).items;
    expect(fromXlsx.map((o) => [o.name, o.email, o.contactName, o.country])).toEqual(
      fromCsv.map((o) => [o.name, o.email, o.contactName, o.country]),
    );
  });

  it('tells an XLSX by its bytes, whatever the name and the content type claim', async () => {
    const wid = await workspace();
    const res = await raw(wid, formsXlsx, '?preset=google-forms', 'text/csv').expect(200);
    expect(res.body).toMatchObject({ format: 'xlsx', created: 14 });
    const csvNamedXlsx = await upload(wid, formsCsv, 'responses.xlsx', {
      preset: 'google-forms',
    }).expect(200);
    expect(csvNamedXlsx.body).toMatchObject({ format: 'csv', updated: 14 });
  });

  it('imports the Action Network report with its preset, contact from first and last name', async () => {
    const wid = await workspace();
    const preview = await upload(
      wid,
      actionNetwork,
      'report.csv',
      { preset: 'action-network' },
      'import/preview',
    ).expect(200);
    contract.expect('post', PREVIEW, preview);
    const body = preview.body as Report;
    expect(body.suggestedPreset).toBe('action-network');
    expect(body.mapping).toEqual({
      name: ['Organization'],
      email: ['email'],
      contact_name: ['first_name', 'last_name'],
      country: ['Country'],
      tags: ['can2_user_tags'],
    });
    expect(body.sample?.[1].values).toMatchObject({
      name: 'Alliance des Défenseurs des Droits Humains',
      contact_name: 'Jonas Müller',
      tags: 'sign-on-2024',
    });
    // As shipped, every row of the report is one the directory takes.
    expect(body).toMatchObject({ rows: 14, created: 14, updated: 0, skipped: 0, errors: [] });
    expect((await directory(wid)).total).toBe(0);
    const res = await raw(wid, actionNetwork, '?preset=action-network').expect(200);
    contract.expect('post', IMPORT, res);
    expect(res.body).toMatchObject({ created: 14, skipped: 0, errors: [] });
    expect(
      (await directory(wid)).items.find((o) => o.email === 'jonas.muller@org2.example'),
    ).toMatchObject({
      name: 'Alliance des Défenseurs des Droits Humains',
      contactName: 'Jonas Müller',
      country: 'FR',
      tags: ['sign-on-2024'],
    });
  });

  it('shows a refused row of an Action Network report with its line, and keeps the others only with partial', async () => {
    const wid = await workspace();
    // Mateo Rossi's row (line 10 of the report) as signers sometimes type it.
    const report = Buffer.from(
      actionNetwork
        .toString('utf8')
        .replace('mateo.rossi@org9.example', 'mateo.rossi(at)org9.example'),
    );
    const refused = [
      { line: 10, message: 'email: not an email address (mateo.rossi(at)org9.example)' },
    ];
    const preview = await upload(
      wid,
      report,
      'report.csv',
      { preset: 'action-network' },
      'import/preview',
    ).expect(200);
    contract.expect('post', PREVIEW, preview);
    expect(preview.body).toMatchObject({ rows: 14, created: 13, skipped: 1, errors: refused });
    expect((preview.body as Report).sample?.find((r) => r.line === 10)).toMatchObject({
      refused: true,
      values: { name: 'Čeští novináři bez hranic', contact_name: 'Mateo Rossi' },
    });
    const strict = await raw(wid, report, '?preset=action-network').expect(422);
    contract.expect('post', IMPORT, strict);
    expect(strict.body).toMatchObject({ created: 0, skipped: 14, errors: refused });
    expect((await directory(wid)).total).toBe(0);
    const partial = await raw(wid, report, '?preset=action-network&partial=true').expect(200);
    contract.expect('post', IMPORT, partial);
    expect(partial.body).toMatchObject({ created: 13, skipped: 1, errors: refused });
    expect((await directory(wid)).total).toBe(13);
  });

  it('previews without writing: counts, suggestions, every refused row with its line and reasons', async () => {
    const wid = await workspace();
    const csv =
      'Organisation,E-mail,Pays\r\n' +
      'Good Org,good@org.example,FR\r\n' +
      ',nobody@org.example,XX\r\n' +
      'Bad Mail,not-an-email,FRANCE\r\n';
    const res = await upload(wid, Buffer.from(csv), 'x.csv', {}, 'import/preview').expect(200);
    contract.expect('post', PREVIEW, res);
    expect(res.body).toMatchObject({
      format: 'csv',
      headers: ['Organisation', 'E-mail', 'Pays'],
      suggestedMapping: { name: ['Organisation'], email: ['E-mail'] },
      suggestedPreset: null,
      lastMapping: null,
      rows: 3,
      created: 1,
      updated: 0,
      skipped: 2,
      errors: [
        { line: 3, message: 'name: required' },
        {
          line: 4,
          message: 'email: not an email address (not-an-email)',
        },
      ],
    });
    // With the country mapped, a row gets every reason, each naming its field.
    const mapped = await upload(
      wid,
      Buffer.from(csv),
      'x.csv',
      { mapping: JSON.stringify({ name: 'organisation', email: 'e-mail', country: 'PAYS' }) },
      'import/preview',
    ).expect(200);
    expect((mapped.body as Report).errors).toEqual([
      {
        line: 3,
        message: 'name: required; country: expected a two-letter ISO 3166-1 code such as US or FR',
      },
      {
        line: 4,
        message:
          'email: not an email address (not-an-email); country: expected a two-letter ISO 3166-1 code such as US or FR',
      },
    ]);
    expect((mapped.body as Report).sample?.map((r) => r.refused)).toEqual([false, true, true]);
    expect((await directory(wid)).total).toBe(0);
    // The preview's mapping is not remembered: only an import's is.
    const again = await upload(wid, Buffer.from(csv), 'x.csv', {}, 'import/preview').expect(200);
    expect(again.body.lastMapping).toBeNull();
  });

  it('shows the headers of a file whose columns suggest nothing, and imports nothing', async () => {
    const wid = await workspace();
    const res = await upload(wid, Buffer.from('a,b\n1,2\n'), 'x.csv', {}, 'import/preview').expect(
      200,
    );
    contract.expect('post', PREVIEW, res);
    expect(res.body).toMatchObject({
      headers: ['a', 'b'],
      mapping: null,
      suggestedMapping: null,
      rows: 1,
    });
  });

  it('lists the presets the import accepts', async () => {
    const wid = await workspace();
    const res = await t
      .http()
      .get(`/api/workspaces/${wid}/organizations/import-presets`)
      .set(auth())
      .expect(200);
    contract.expect('get', '/api/workspaces/{wid}/organizations/import-presets', res);
    expect((res.body as { id: string }[]).map((p) => p.id)).toEqual([
      'action-network',
      'google-forms',
    ]);
  });

  it.each([
    ['a mapping that is not JSON', { mapping: '{name:' }, 'mapping: not valid JSON'],
    ['a mapping that is a list', { mapping: '["name"]' }, 'mapping: expected an object'],
    [
      'an unknown field',
      { mapping: '{"name":"Country","phone":"Email Address"}' },
      'mapping.phone: unknown field',
    ],
    ['no name column', { mapping: '{"email":"Email Address"}' }, 'mapping.name: required'],
    [
      'a column not in the file',
      { mapping: '{"name":"Organisation"}' },
      'mapping.name: column "Organisation" is not in the file',
    ],
    ['a header that is not text', { mapping: '{"name":7}' }, 'mapping.name: a column header'],
    ['3,000-deep JSON', { mapping: '['.repeat(3000) + ']'.repeat(3000) }, 'mapping: '],
    ['an unknown preset', { preset: 'mailchimp' }, 'preset'],
    ['a bad addTags', { mapping: '{"name":"Country","addTags":{"a":1}}' }, 'mapping.addTags:'],
  ])('refuses %s with 400 naming the field, nothing imported', async (_what, fields, message) => {
    const wid = await workspace();
    for (const path of ['import', 'import/preview'] as const) {
      const res = await upload(wid, formsCsv, 'f.csv', fields, path).expect(400);
      expect(res.body.message).toContain(message);
      contract.expect('post', path === 'import' ? IMPORT : PREVIEW, res);
    }
    expect((await directory(wid)).total).toBe(0);
  });

  const zip = (entries: Record<string, Buffer>) => {
    // A minimal zip: local headers, central directory, end record (deflate).
    const locals: Buffer[] = [];
    const centrals: Buffer[] = [];
    let offset = 0;
    for (const [name, data] of Object.entries(entries)) {
      const packed = deflateRawSync(data);
      const nameBytes = Buffer.from(name);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(8, 8);
      local.writeUInt32LE(packed.length, 18);
      local.writeUInt32LE(data.length, 22);
      local.writeUInt16LE(nameBytes.length, 26);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(packed.length, 20);
      central.writeUInt32LE(100, 24); // the claimed size: a lie
      central.writeUInt16LE(nameBytes.length, 28);
      central.writeUInt32LE(offset, 42);
      locals.push(local, nameBytes, packed);
      centrals.push(central, nameBytes);
      offset += 30 + nameBytes.length + packed.length;
    }
    const directorySize = centrals.reduce((s, b) => s + b.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(Object.keys(entries).length, 8);
    end.writeUInt16LE(Object.keys(entries).length, 10);
    end.writeUInt32LE(directorySize, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...locals, ...centrals, end]);
  };

  it.each([
    ['an empty file', Buffer.alloc(0), 400, 'file: empty'],
    [
      'a file with only a header',
      Buffer.from('Organization,email\r\n'),
      400,
      'file: no rows below the header',
    ],
    [
      'NUL bytes',
      Buffer.from('Organization,email\nA\u0000B,a@b.example\n'),
      400,
      'file: not a CSV text file',
    ],
    [
      'a zip that is not a workbook',
      zip({ 'hello.txt': Buffer.from('hi') }),
      400,
      'file: not a valid XLSX workbook',
    ],
    ['a truncated XLSX', formsXlsx.subarray(0, 3000), 400, 'file: not a valid XLSX workbook'],
    [
      'a zip bomb that lies about its size',
      zip({ 'xl/worksheets/sheet1.xml': Buffer.alloc(60 * 1024 * 1024, 32) }),
      413,
      'file: the workbook unpacks to more than 40 MB',
    ],
  ])('refuses %s', async (_what, file, status, message) => {
    const wid = await workspace();
    const res = await upload(wid, file, 'f.xlsx', { preset: 'action-network' }).expect(status);
    expect(res.body.message).toContain(message);
    contract.expect('post', IMPORT, res);
    expect((await directory(wid)).total).toBe(0);
  });

  it('refuses more than 10,000 rows with 413 naming the limit, before writing anything', async () => {
    const wid = await workspace();
    const rows = Array.from({ length: 10_001 }, (_, i) => `Org ${i},o${i}@x.example`).join('\n');
    const res = await raw(wid, `Organization,email\n${rows}\n`, '?preset=action-network').expect(
      413,
    );
    expect(res.body.message).toContain('more than 10,000 rows');
    contract.expect('post', IMPORT, res);
    const big = await raw(
      wid,
      'x'.repeat(5 * 1024 * 1024 + 1),
      '?preset=action-network',
      XLSX,
    ).expect(413);
    contract.expect('post', IMPORT, big);
    expect((await directory(wid)).total).toBe(0);
  });
});
