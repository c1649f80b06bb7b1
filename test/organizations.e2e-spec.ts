import { Contract, createTestApp, type TestApp } from './support';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const fixtures = join(__dirname, 'fixtures');
const goodCsv = readFileSync(join(fixtures, 'organizations.csv'));
const badCsv = readFileSync(join(fixtures, 'organizations-bad.csv'));

/** The coalition directory: CRUD, search, duplicates, CSV in and out. */
describe('organization directory', () => {
  let t: TestApp;
  /** Checks real answers against the served OpenAPI document, as a generated client reads them. */
  let contract: Contract;
  let token: string;
  let n = 0;
  const auth = () => ({ Authorization: `Bearer ${token}` });
  const workspace = async () =>
    (
      await t
        .http()
        .post('/api/workspaces')
        .set(auth())
        .send({ name: `Coalition ${++n}` })
        .expect(201)
    ).body.id as string;
  const importCsv = (wid: string, csv: Buffer | string, partial = false) =>
    t
      .http()
      .post(`/api/workspaces/${wid}/organizations/import${partial ? '?partial=true' : ''}`)
      .set(auth())
      .set('Content-Type', 'text/csv')
      .send(csv);
  const IMPORT = '/api/workspaces/{wid}/organizations/import';
  const list = async (wid: string, query = '') => {
    const res = await t
      .http()
      .get(`/api/workspaces/${wid}/organizations${query}`)
      .set(auth())
      .expect(200);
    contract.expect('get', '/api/workspaces/{wid}/organizations', res);
    return res.body as {
      items: { id: string; name: string; email: string; tags: string[]; country: string | null }[];
      total: number;
    };
  };

  beforeAll(async () => {
    t = await createTestApp();
    token = (
      await t
        .http()
        .post('/api/auth/register')
        .send({ email: 'coordinator@org.example', password: 'correct horse battery', name: 'C' })
        .expect(201)
    ).body.token;
    contract = await Contract.of(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('imports the fixture cleanly, every script intact, and re-imports without duplicates', async () => {
    const wid = await workspace();
    const first = await importCsv(wid, goodCsv).expect(200);
    expect(first.body).toEqual({ created: 60, updated: 0, skipped: 0, errors: [] });
    contract.expect('post', IMPORT, first);
    const all = await list(wid, '?limit=200');
    expect(all.total).toBe(60);
    const names = all.items.map((o) => o.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Bürgerrechtsverein "Freie Presse" e.V.',
        "Arab Reporters' Network – شبكة الصحفيين العرب",
      ]),
    );
    const csvNames = goodCsv.toString('utf8').split(/\r?\n/).slice(1).filter(Boolean);
    expect(csvNames).toHaveLength(60);

    const again = await importCsv(
      wid,
      '\uFEFF' + goodCsv.toString('utf8').replace(/,/g, ';'),
    ).expect(200);
    expect(again.body).toEqual({ created: 0, updated: 60, skipped: 0, errors: [] });
    expect((await list(wid)).total).toBe(60);
  });

  it('reports one precise reason per bad line, and imports nothing unless partial', async () => {
    const wid = await workspace();
    const strict = await importCsv(wid, badCsv).expect(422);
    const expected = [
      { line: 3, message: 'name: required' },
      { line: 4, message: 'email: not an email address (not-an-email)' },
      { line: 5, message: 'name: looks like a spreadsheet formula' },
      { line: 6, message: 'name: duplicate of line 2' },
      { line: 7, message: 'name: must not contain markup (<script>)' },
      { line: 8, message: 'country: expected a two-letter ISO 3166-1 code such as US or FR' },
    ];
    expect(strict.body).toMatchObject({
      statusCode: 422,
      created: 0,
      updated: 0,
      skipped: 7,
      errors: expected,
    });
    contract.expect('post', IMPORT, strict);
    expect((await list(wid)).total).toBe(0);

    const partial = await importCsv(wid, badCsv, true).expect(200);
    expect(partial.body).toEqual({ created: 1, updated: 0, skipped: 6, errors: expected });
    contract.expect('post', IMPORT, partial);
    expect((await list(wid)).items.map((o) => o.name)).toEqual(['Valid Org One']);
  });

  it('exports Excel-friendly CSV whose formula-like cells stay text', async () => {
    const wid = await workspace();
    await t
      .http()
      .post(`/api/workspaces/${wid}/organizations`)
      .set(auth())
      .send({
        name: '+972 Magazine',
        email: 'a@mag.example',
        contactName: '-Jane Doe',
        tags: ['press'],
      })
      .expect(201);
    const res = await t
      .http()
      .get(`/api/workspaces/${wid}/organizations.csv`)
      .set(auth())
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('attachment');
    const documented = contract.document.paths['/api/workspaces/{wid}/organizations.csv'].get!;
    expect(Object.keys((documented.responses['200'] as { content: object }).content)).toEqual([
      res.headers['content-type'].split(';')[0],
    ]);
    const text = res.text;
    expect(text.startsWith('\uFEFFname,email,contact_name,country,website,tags\r\n')).toBe(true);
    expect(text).toContain("'+972 Magazine,a@mag.example,'-Jane Doe,,,press");
  });

  it('finds names without diacritics, by substring, by tag, page by page', async () => {
    const wid = await workspace();
    await importCsv(wid, goodCsv).expect(200);
    const nunoa = await list(wid, '?search=nunoa');
    expect(nunoa.items.map((o) => o.name)).toEqual(['Asociación Pro Derechos Humanos de Ñuñoa']);
    expect((await list(wid, '?search=DERECHOS')).items.length).toBeGreaterThanOrEqual(1);
    expect((await list(wid, `?search=${encodeURIComponent("%' OR 1=1 --")}`)).total).toBe(0);
    const legal = await list(wid, '?tag=legal&limit=200');
    expect(legal.total).toBe(21);
    expect(legal.items.every((o) => o.tags.includes('legal'))).toBe(true);
    const page1 = await list(wid, '?limit=25&page=1');
    const page3 = await list(wid, '?limit=25&page=3');
    expect([page1.items.length, page3.items.length, page1.total]).toEqual([25, 10, 60]);
    await t.http().get(`/api/workspaces/${wid}/organizations?limit=500`).set(auth()).expect(400);
    await t.http().get(`/api/workspaces/${wid}/organizations?page=0`).set(auth()).expect(400);
  });

  it('flags likely duplicates, edits, archives and deletes', async () => {
    const wid = await workspace();
    const first = await t
      .http()
      .post(`/api/workspaces/${wid}/organizations`)
      .set(auth())
      .send({
        name: 'The Kleptocracy Initiative (Hudson Institute)',
        email: 'k@hudson.example',
        country: 'us',
      })
      .expect(201);
    expect(first.body).toMatchObject({
      workspaceId: wid,
      country: 'US',
      email: 'k@hudson.example',
      possibleDuplicates: [],
    });
    contract.expect('post', '/api/workspaces/{wid}/organizations', first);
    const second = await t
      .http()
      .post(`/api/workspaces/${wid}/organizations`)
      .set(auth())
      .send({ name: 'kleptocracy initiative - hudson institute', email: 'other@hudson.example' })
      .expect(201);
    expect(second.body.possibleDuplicates).toEqual([
      { id: first.body.id, name: 'The Kleptocracy Initiative (Hudson Institute)' },
    ]);
    contract.expect('post', '/api/workspaces/{wid}/organizations', second);
    const duplicates = await t
      .http()
      .get(`/api/workspaces/${wid}/organizations/duplicates`)
      .set(auth())
      .expect(200);
    contract.expect('get', '/api/workspaces/{wid}/organizations/duplicates', duplicates);
    const groups = duplicates.body;
    expect(groups).toHaveLength(1);
    expect(groups[0].organizations.map((o: { id: string }) => o.id)).toEqual([
      first.body.id,
      second.body.id,
    ]);

    const edited = await t
      .http()
      .patch(`/api/organizations/${second.body.id}`)
      .set(auth())
      .send({ name: 'Hudson Kleptocracy Project', tags: 'legal; press' })
      .expect(200);
    expect(edited.body).toMatchObject({
      name: 'Hudson Kleptocracy Project',
      tags: ['legal', 'press'],
    });
    contract.expect('patch', '/api/organizations/{oid}', edited);
    const archived = await t
      .http()
      .patch(`/api/organizations/${second.body.id}`)
      .set(auth())
      .send({ archived: true })
      .expect(200);
    contract.expect('patch', '/api/organizations/{oid}', archived);
    expect((await list(wid)).items.map((o) => o.id)).toEqual([first.body.id]);
    const one = await t.http().get(`/api/organizations/${first.body.id}`).set(auth()).expect(200);
    contract.expect('get', '/api/organizations/{oid}', one);
    await t.http().delete(`/api/organizations/${first.body.id}`).set(auth()).expect(204);
    const gone = await t.http().get(`/api/organizations/${first.body.id}`).set(auth()).expect(404);
    contract.expect('get', '/api/organizations/{oid}', gone);
    const removal = contract.document.paths['/api/organizations/{oid}'].delete!;
    expect(removal.responses['204']).toBeDefined();
  });

  it('merges a duplicate into the organization that stays', async () => {
    const wid = await workspace();
    const create = async (name: string, email: string) =>
      (
        await t
          .http()
          .post(`/api/workspaces/${wid}/organizations`)
          .set(auth())
          .send({ name, email, tags: ['press'] })
          .expect(201)
      ).body as { id: string };
    const stays = await create('Reporters Alliance', 'desk@alliance.example');
    const duplicate = await create('Reporters Alliance Intl', 'intl@alliance.example');
    const merge = (oid: string, into: string) =>
      t.http().post(`/api/organizations/${oid}/merge`).set(auth()).send({ into });
    const merged = await merge(duplicate.id, stays.id).expect(200);
    expect(merged.body).toMatchObject({
      organization: {
        id: stays.id,
        emails: ['desk@alliance.example', 'intl@alliance.example'],
      },
      movedInvitations: 0,
      movedSignatures: 0,
    });
    contract.expect('post', '/api/organizations/{oid}/merge', merged);
    const itself = await merge(stays.id, stays.id).expect(400);
    expect(itself.body.message).toMatch(/^into: /);
    contract.expect('post', '/api/organizations/{oid}/merge', itself);
  });

  it.each([
    [{ email: 'a@b.example' }, 'name: required'],
    [{ name: 'X', email: 'nope' }, 'email: not an email address (nope)'],
    [{ name: 'X' }, 'email: required'],
    [{ name: 'X', email: 'a@b.example', country: 'XX' }, 'country: expected a two-letter'],
    [
      { name: 'X', email: 'a@b.example', website: 'javascript:alert(1)' },
      'website: expected an http',
    ],
    [{ name: 'X', email: 'a@b.example', tags: ['a"b'] }, 'tags: not a usable tag'],
    [{ name: 'n'.repeat(301), email: 'a@b.example' }, 'name: at most 300 characters'],
    [{ name: ['X'], email: 'a@b.example' }, 'name: must be text'],
    [{ name: 'X', email: 'a@b.example', admin: true }, 'admin: is not an accepted field'],
  ])('refuses %j naming the field', async (body, message) => {
    const wid = await workspace();
    const res = await t
      .http()
      .post(`/api/workspaces/${wid}/organizations`)
      .set(auth())
      .send(body)
      .expect(400);
    expect(res.body.message.startsWith(message)).toBe(true);
    contract.expect('post', '/api/workspaces/{wid}/organizations', res);
    expect((await list(wid)).total).toBe(0);
  });

  it.each([
    ['an unclosed quote', 'name,email\n"Open,a@b.example\n', 400, 'file: not valid CSV'],
    [
      'a wrong header',
      'organisation,mail\nX,a@b.example\n',
      400,
      'header: unknown column "organisation"',
    ],
    [
      'binary garbage',
      Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x89, 0x50]),
      400,
      'file: not UTF-8 text',
    ],
    ['an empty file', '', 400, 'file: '],
  ])('refuses %s with nothing imported', async (_what, csv, status, message) => {
    const wid = await workspace();
    const res = await importCsv(wid, csv).expect(status);
    expect(res.body.message.startsWith(message)).toBe(true);
    contract.expect('post', IMPORT, res);
    expect((await list(wid)).total).toBe(0);
  });

  it('refuses a CSV over 5 MB with 413', async () => {
    const wid = await workspace();
    const big = 'name,email\n' + 'Org,a@b.example\n'.repeat(400_000);
    contract.expect('post', IMPORT, await importCsv(wid, big).expect(413));
    expect((await list(wid)).total).toBe(0);
  });

  it('takes the same CSV as a multipart upload, as its OpenAPI document (and Swagger UI) sends it', async () => {
    const wid = await workspace();
    // The form field is the one the document names, so a form built from it works.
    const body = contract.document.paths[IMPORT].post!.requestBody as {
      content: Record<string, { schema: { required: string[]; properties: object } }>;
    };
    expect(Object.keys(body.content).sort()).toEqual(['multipart/form-data', 'text/csv']);
    const [field] = body.content['multipart/form-data'].schema.required;
    expect(Object.keys(body.content['multipart/form-data'].schema.properties)).toEqual([field]);
    const res = await t
      .http()
      .post(`/api/workspaces/${wid}/organizations/import?partial=false`)
      .set(auth())
      .attach(field, goodCsv, 'organizations.csv')
      .expect(200);
    expect(res.body.created).toBe(60);
    contract.expect('post', IMPORT, res);
    const partial = contract.document.paths[IMPORT].post!.parameters?.find(
      (p) => 'name' in p && p.name === 'partial',
    );
    expect(partial).toMatchObject({ in: 'query', schema: { enum: ['true', 'false'] } });
  });
});
