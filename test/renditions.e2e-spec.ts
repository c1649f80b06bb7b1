import { RenditionEntity, RenditionsService, STALE_RENDER_MS } from '@app/domain';
import { FileStorage } from '@app/files';
import { readPdf } from '@app/pdf/testing/read-pdf';
import { SmtpSink, tinyPng, waitForQueuesIdle } from '@app/testing';
import {
  Coalition,
  Contract,
  createTestApp,
  fixtureLetter as letter,
  signLinkIn,
  type TestApp,
} from './support';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';

/** supertest: the response body as bytes. */
const binary = (res: Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('the final signed PDF, through the queue', () => {
  let t: TestApp;
  let contract: Contract;
  let sink: SmtpSink;
  let coalition: Coalition;
  let wid: string;
  let lid: string;
  let organizations: { id: string; name: string; email: string }[];
  const auth = () => coalition.auth();
  const linkOf = (email: string) => signLinkIn(sink.to(email)[0].text);
  /** Every fifth organization is named to the officials only, every seventh is anonymous. */
  const visibilityOf = (i: number) =>
    i % 7 === 3 ? 'anonymous' : i % 5 === 1 ? 'delivered' : 'public';

  const render = async (body: object = {}) => {
    const queued = await t.http().post(`/api/letters/${lid}/renditions`).set(auth()).send(body);
    expect(queued.status).toBe(202);
    contract.expect('post', '/api/letters/{lid}/renditions', queued);
    expect(queued.body.status).toBe('queued');
    await waitForQueuesIdle(t.app);
    const rendition = await t
      .http()
      .get(`/api/renditions/${queued.body.id}`)
      .set(auth())
      .expect(200);
    contract.expect('get', '/api/renditions/{rid}', rendition);
    return rendition.body;
  };
  const download = async (rid: string, query = '') =>
    t
      .http()
      .get(`/api/renditions/${rid}/file${query}`)
      .set(auth())
      .buffer(true)
      .parse(binary)
      .expect(200)
      .expect((res) => {
        // Not JSON: the document's 200 names the media type the answer has.
        const documented = contract.document.paths['/api/renditions/{rid}/file']?.get?.responses[
          '200'
        ] as { content?: Record<string, unknown> } | undefined;
        expect(Object.keys(documented?.content ?? {})).toEqual([res.headers['content-type']]);
      });
  const textOf = async (bytes: Buffer) => (await readPdf(bytes)).lines.map((l) => l.text);

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ SMTP_URL: sink.url, MAIL_PER_MINUTE: '100000' });
    coalition = await Coalition.create(t);
    contract = await Contract.of(t);
    wid = coalition.workspaceId;
    organizations = await coalition.importFixtureDirectory();
    lid = await coalition.openLetter({ visibilities: ['public', 'delivered', 'anonymous'] });
    await t
      .http()
      .post(`/api/letters/${lid}/invitations`)
      .set(auth())
      .send({ allOrganizations: true })
      .expect(202);
    await waitForQueuesIdle(t.app);
    for (const [i, organization] of organizations.entries()) {
      const link = linkOf(organization.email);
      await t
        .http()
        .post(`/api/sign/${link}`)
        .send({
          displayName: organization.name,
          signerName: 'Signer',
          consent: true,
          authorized: true,
          visibility: visibilityOf(i),
        })
        .expect(201);
    }
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('renders the delivery edition with every named organization once, in order', async () => {
    const rendition = await render();
    const anonymous = organizations.filter((_, i) => visibilityOf(i) === 'anonymous');
    expect(rendition).toMatchObject({
      status: 'done',
      progress: 100,
      revision: 1,
      variant: 'combined',
      edition: 'delivery',
      signatoryCount: organizations.length - anonymous.length,
      unnamedCount: anonymous.length,
    });
    expect(rendition.files).toHaveLength(1);
    const [file] = rendition.files;
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);

    const answer = await download(rendition.id);
    expect(answer.headers['content-type']).toBe('application/pdf');
    expect(answer.headers['content-disposition']).toContain(
      `attachment; filename="protect-journalists-and-the-free-flow-of-information-${letter.content.date}.pdf"`,
    );
    const bytes = answer.body as Buffer;
    expect(bytes.length).toBe(file.bytes);
    const pdf = await readPdf(bytes);
    expect(pdf.pageCount).toBe(file.pages);
    const text = pdf.lines.map((l) => l.text).join('\n');
    for (const [i, organization] of organizations.entries()) {
      const occurrences = text.split(organization.name).length - 1;
      expect([organization.name, occurrences]).toEqual([
        organization.name,
        visibilityOf(i) === 'anonymous' ? 0 : 1,
      ]);
    }
    expect(text).toContain(`and ${anonymous.length} other organizations`);

    // Numbered, in the order frozen with the rendition (alphabetical for this letter).
    const stored = await t.app
      .get(DataSource)
      .getRepository(RenditionEntity)
      .findOneByOrFail({ id: rendition.id });
    const frozen = (JSON.parse(stored.signatories) as { displayName: string }[]).map(
      (s) => s.displayName,
    );
    expect(frozen).toEqual(
      [...frozen].sort(
        new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }).compare,
      ),
    );
    const numbered = pdf.lines
      .map((l) => /^(\d+)\.\s+(.*)$/.exec(l.text))
      .filter((m) => m !== null)
      .slice(-frozen.length); // the body has a numbered list of its own before the signatories
    expect(numbered.map((m) => Number(m[1]))).toEqual(frozen.map((_, i) => i + 1));
    expect(numbered.map((m) => m[2])).toEqual(frozen);
  });

  it('gives byte-identical files for the same input, and a new hash when a name changes', async () => {
    const first = await render();
    const second = await render();
    expect(second.files[0].sha256).toBe(first.files[0].sha256);
    expect(Buffer.compare((await download(first.id)).body, (await download(second.id)).body)).toBe(
      0,
    );

    // A later sign-on changes nothing in a finished rendition: its list was frozen.
    const stored = await t.app
      .get(DataSource)
      .getRepository(RenditionEntity)
      .findOneByOrFail({ id: first.id });
    const frozen = JSON.parse(stored.signatories) as { displayName: string; revision: number }[];
    expect(frozen.every((s) => s.revision === 1)).toBe(true);

    const link = linkOf(organizations[0].email);
    await t
      .http()
      .post(`/api/sign/${link}`)
      .send({
        displayName: `${organizations[0].name} (Kenya)`,
        signerName: 'Signer',
        consent: true,
        authorized: true,
        visibility: visibilityOf(0),
      })
      .expect(200);
    const changed = await render();
    expect(changed.files[0].sha256).not.toBe(first.files[0].sha256);
    expect((await t.http().get(`/api/renditions/${first.id}`).set(auth())).body.files).toEqual(
      first.files,
    );
  });

  it('names only the public signatories in the public edition', async () => {
    const rendition = await render({ edition: 'public' });
    const text = (await textOf((await download(rendition.id)).body)).join('\n');
    for (const [i, organization] of organizations.entries()) {
      if (i === 0) continue; // renamed above
      expect([organization.name, text.includes(organization.name)]).toEqual([
        organization.name,
        visibilityOf(i) === 'public',
      ]);
    }
    const unnamed = organizations.filter((_, i) => visibilityOf(i) !== 'public').length;
    expect(rendition.unnamedCount).toBe(unnamed);
  });

  it('writes one file per official, each with only its own block and salutation', async () => {
    const rendition = await render({ variant: 'per-addressee' });
    expect(rendition.files.map((f: { addressee: number }) => f.addressee)).toEqual([0, 1]);
    for (const [index, addressee] of letter.content.addressees.entries()) {
      const answer = await download(rendition.id, `?addressee=${index}`);
      expect(answer.headers['content-disposition']).toContain(`-${index + 1}-`);
      const text = (await textOf(answer.body)).join('\n');
      expect(text).toContain(addressee.name);
      const other = letter.content.addressees[1 - index];
      expect(text).not.toContain(other.name);
      expect(text).toContain(
        ['Dear Minister Okafor-Lindqvist,', 'Dear Commissioner Šimić,'][index],
      );
    }
    const missing = await t.http().get(`/api/renditions/${rendition.id}/file`).set(auth());
    expect(missing.status).toBe(400);
    contract.expect('get', '/api/renditions/{rid}/file', missing);
    expect(missing.body.message).toMatch(/^addressee: /);
    await t.http().get(`/api/renditions/${rendition.id}/file?addressee=7`).set(auth()).expect(400);
    await t.http().get(`/api/renditions/${rendition.id}/file?addressee=x`).set(auth()).expect(400);
  });

  it('renders a letter nobody signed yet, greeting each official as the letter says', async () => {
    const [first, second] = letter.content.addressees;
    const quiet = await coalition.openLetter(
      {},
      {
        days: 1,
        content: {
          ...letter.content,
          addressees: [{ ...first, salutation: 'Dear Madam Minister,' }, second],
        },
      },
    );
    const queued = await t
      .http()
      .post(`/api/letters/${quiet}/renditions`)
      .set(auth())
      .send({ variant: 'per-addressee' })
      .expect(202);
    await waitForQueuesIdle(t.app);
    const rendition = (await t.http().get(`/api/renditions/${queued.body.id}`).set(auth())).body;
    expect(rendition).toMatchObject({ status: 'done', signatoryCount: 0, unnamedCount: 0 });
    const text = (await textOf((await download(rendition.id, '?addressee=0')).body)).join('\n');
    expect(text).toContain('Dear Madam Minister,');
    expect(text).toContain('No organizations have signed this letter yet.');
  });

  it('marks a render that throws as failed with the reason, and retries it', async () => {
    await t
      .http()
      .put(`/api/workspaces/${wid}/letterhead`)
      .set(auth())
      .set('Content-Type', 'image/png')
      .send(tinyPng())
      .expect(200);
    // The stored logo is damaged behind the application's back.
    const logo = join(t.config.filesDir, `letterheads/${wid}.png`);
    const good = readFileSync(logo);
    writeFileSync(logo, good.subarray(0, 20));

    const failed = await render();
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/letterhead logo/);
    const notYet = await t.http().get(`/api/renditions/${failed.id}/file`).set(auth()).expect(422);
    contract.expect('get', '/api/renditions/{rid}/file', notYet);
    expect(notYet.body.message).toMatch(/^status: /);

    writeFileSync(logo, good);
    const requeued = await t
      .http()
      .post(`/api/renditions/${failed.id}/retry`)
      .set(auth())
      .expect(202);
    contract.expect('post', '/api/renditions/{rid}/retry', requeued);
    await waitForQueuesIdle(t.app);
    const retried = (await t.http().get(`/api/renditions/${failed.id}`).set(auth())).body;
    expect(retried).toMatchObject({ status: 'done', attempts: 2 });
    const notFailed = await t
      .http()
      .post(`/api/renditions/${failed.id}/retry`)
      .set(auth())
      .expect(422);
    contract.expect('post', '/api/renditions/{rid}/retry', notFailed);
    await t.http().delete(`/api/workspaces/${wid}/letterhead`).set(auth()).expect(204);
  });

  it('fails a rendition on a full disk with the reason and no file left, retries it, and renders once space is back', async () => {
    // The storage adapter with a full disk: the first rendition file still fits, the next
    // gets the kernel's own ENOSPC (a write to /dev/full).
    const files = t.app.get(FileStorage);
    const write = files.write.bind(files);
    let room = 1;
    files.write = async (key, data) => {
      if (key.startsWith('renditions/') && room-- <= 0) await writeFile('/dev/full', data);
      return write(key, data);
    };
    const state = async (id: string) =>
      (await t.http().get(`/api/renditions/${id}`).set(auth()).expect(200)).body;
    const queued = await t
      .http()
      .post(`/api/letters/${lid}/renditions`)
      .set(auth())
      .send({ variant: 'per-addressee' })
      .expect(202);
    const id = queued.body.id as string;
    const deadline = Date.now() + 20_000;
    let failed = await state(id);
    while (failed.status !== 'failed' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      failed = await state(id);
    }
    expect(failed).toMatchObject({ status: 'failed', files: [] });
    expect(failed.error).toMatch(/^storage full: ENOSPC: /);
    // The first file, written before the disk filled, is gone too; no temporary file stays.
    const folder = join(t.config.filesDir, 'renditions', id);
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
    // Nothing else is affected: /health, reads and writes answer as before.
    await t.http().get('/health').expect(200);
    await t.http().get(`/api/letters/${lid}/renditions`).set(auth()).expect(200);
    await t
      .http()
      .post(`/api/workspaces/${wid}/organizations`)
      .set(auth())
      .send({ name: 'Written While Full', email: 'full@disk.example' })
      .expect(201);

    // Space is back: the queue's next attempt (backoff 1 s, 2 s, ...) renders it.
    files.write = write;
    await waitForQueuesIdle(t.app, 30_000);
    const done = await state(id);
    expect(done.status).toBe('done');
    expect(done.error).toBeUndefined();
    expect(done.attempts).toBeGreaterThanOrEqual(2);
    expect(readdirSync(folder).sort()).toEqual(['0.pdf', '1.pdf']);
    expect((await render()).status).toBe('done');
  });

  it('re-queues a rendition whose worker died mid-render', async () => {
    const done = await render();
    const repository = t.app.get(DataSource).getRepository(RenditionEntity);
    await repository.update(
      { id: done.id },
      {
        status: 'rendering',
        progress: 40,
        startedAt: new Date(t.clock.now().getTime() - 2 * STALE_RENDER_MS),
      },
    );
    expect(await t.app.get(RenditionsService).sweepStale()).toBe(1);
    await waitForQueuesIdle(t.app);
    expect((await t.http().get(`/api/renditions/${done.id}`).set(auth())).body).toMatchObject({
      status: 'done',
      progress: 100,
    });
  });

  it('refuses bad requests with the contract status', async () => {
    const list = await t.http().get(`/api/letters/${lid}/renditions`).set(auth()).expect(200);
    contract.expect('get', '/api/letters/{lid}/renditions', list);
    expect(list.body.length).toBeGreaterThan(3);
    const bad = await t
      .http()
      .post(`/api/letters/${lid}/renditions`)
      .set(auth())
      .send({ variant: 'poster' })
      .expect(400);
    contract.expect('post', '/api/letters/{lid}/renditions', bad);
    expect(bad.body.message).toMatch(/^variant: /);
    const unknown = await t
      .http()
      .get('/api/renditions/00000000-0000-0000-0000-000000000000')
      .set(auth())
      .expect(404);
    contract.expect('get', '/api/renditions/{rid}', unknown);
    await t.http().get("/api/renditions/' OR 1=1").set(auth()).expect(404);

    const draft = await coalition.draftLetter();
    const refused = await t.http().post(`/api/letters/${draft}/renditions`).set(auth()).send({});
    expect(refused.status).toBe(422);
    contract.expect('post', '/api/letters/{lid}/renditions', refused);

    const corrupt = await t
      .http()
      .put(`/api/workspaces/${wid}/letterhead`)
      .set(auth())
      .set('Content-Type', 'image/png')
      .send(Buffer.from('not a png at all'))
      .expect(400);
    expect(corrupt.body.message).toMatch(/^logo: /);
    const huge = await t
      .http()
      .put(`/api/workspaces/${wid}/letterhead`)
      .set(auth())
      .set('Content-Type', 'image/jpeg')
      .send(Buffer.alloc(20 * 1024 * 1024, 0xff));
    expect(huge.status).toBe(413);
  });
});
