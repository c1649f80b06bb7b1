import { SmtpSink } from '@app/testing';
import { Coalition, createTestApp, type TestApp } from './support';

/**
 * Issue 14, finding 10: a workspace or organization name with bidi overrides or
 * zero-width characters (U+202E turns "Acme\u202Efdp.exe" into "Acmeexe.pdf" on screen)
 * is cleaned as it arrives, like signer names, so no mail, page or CSV prints it.
 */
describe('names strangers read are cleaned of disguising characters', () => {
  const DISGUISE = /[\u202A-\u202E\u2066-\u2069\u200B\u200E\u200F\u061C\u2060\uFEFF]/u;
  let t: TestApp;
  let sink: SmtpSink;
  let c: Coalition;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ SMTP_URL: sink.url });
    c = await Coalition.create(t, 'Press\u202E Coalition\u200B');
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('stores and answers the workspace name without them', async () => {
    const list = await t.http().get('/api/workspaces').set(c.auth()).expect(200);
    expect(list.body[0].name).toBe('Press Coalition');
    const renamed = await t
      .http()
      .patch(`/api/workspaces/${c.workspaceId}`)
      .set(c.auth())
      .send({ name: 'Press\u2066 Freedom\u2069 Coalition\u202E' })
      .expect(200);
    expect(renamed.body.name).toBe('Press Freedom Coalition');
  });

  it('keeps them out of the invitation mail, the sign page and the CSV export', async () => {
    const lid = await c.openLetter();
    const { link, email } = await c.invited(sink, lid, 'Radio\u202E oidaR\u200F Libre');
    const mail = sink.to(email).at(-1)!;
    expect(mail.from?.value[0].name).toBe('Press Freedom Coalition');
    expect(DISGUISE.test(mail.text ?? '')).toBe(false);
    expect(DISGUISE.test(String(mail.html))).toBe(false);
    expect(mail.text).toContain('Radio oidaR Libre');

    const page = await t.http().get(`/sign/${link}`).expect(200);
    expect(page.text).toContain('Radio oidaR Libre');
    expect(DISGUISE.test(page.text)).toBe(false);

    const csv = await t
      .http()
      .get(`/api/workspaces/${c.workspaceId}/organizations.csv`)
      .set(c.auth())
      .expect(200);
    expect(csv.text).toContain('Radio oidaR Libre');
    // (The export starts with a byte-order mark for spreadsheets; that one belongs there.)
    expect(DISGUISE.test(csv.text.replace(/^\uFEFF/, ''))).toBe(false);
  });

  it('cleans them from a CSV import and a contact name too', async () => {
    await t
      .http()
      .post(`/api/workspaces/${c.workspaceId}/organizations/import`)
      .set(c.auth())
      .set('Content-Type', 'text/csv')
      .send(
        Buffer.from(
          'name,email,contact_name,country,website,tags\n' +
            'Fake\u202Eorg,fake@fake.example,Ann\u200B Lee,FR,,\n',
        ),
      )
      .expect(200);
    const found = await t
      .http()
      .get(`/api/workspaces/${c.workspaceId}/organizations?search=Fakeorg`)
      .set(c.auth())
      .expect(200);
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0]).toMatchObject({ name: 'Fakeorg', contactName: 'Ann Lee' });
  });
});
