import { readPdf, type PdfContent } from '@app/pdf/testing/read-pdf';
import { SmtpSink, tinyPng } from '@app/testing';
import { Coalition, Contract, createTestApp, fixtureLetter, type TestApp } from './support';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';

const WATERMARK = 'DRAFT — not for distribution';
const havePdftotext = existsSync('/usr/bin/pdftotext');
const withPdftotext = havePdftotext ? it : it.skip;

/** supertest: the response body as bytes. */
const binary = (res: Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

/** poppler's reading of a PDF, page by page, blank lines left out. */
function pdftotextPages(bytes: Buffer): string[][] {
  const dir = mkdtempSync(join(tmpdir(), 'preview-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), bytes);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'in.pdf'), '-'], {
      encoding: 'utf8',
    });
    return text
      .split('\f')
      .map((page) => page.split('\n').filter((line) => line.trim() !== ''))
      .filter((lines) => lines.length > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of every line, watermark lines left out. */
const letterLines = (pdf: PdfContent) =>
  pdf.lines.map((line) => line.text).filter((text) => text !== WATERMARK);

describe('a proof before publishing: the preview PDF and sign page', () => {
  let t: TestApp;
  let contract: Contract;
  let sink: SmtpSink;
  let coalition: Coalition;
  let viewerToken: string;
  let outsiderToken: string;

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const previewPdf = async (lid: string, query = '', token = coalition.token) => {
    const res = await t
      .http()
      .get(`/api/letters/${lid}/preview.pdf${query}`)
      .set(as(token))
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    return res;
  };
  const signatureCount = async (lid: string) =>
    (await t.http().get(`/api/letters/${lid}/signatures`).set(coalition.auth()).expect(200)).body
      .length as number;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({ SMTP_URL: sink.url, MAIL_PER_MINUTE: '10000' });
    coalition = await Coalition.create(t);
    contract = await Contract.of(t);
    const register = async (email: string) =>
      (
        await t
          .http()
          .post('/api/auth/register')
          .send({ email, password: 'correct horse battery', name: email.split('@')[0] })
          .expect(201)
      ).body.token as string;
    viewerToken = await register('vera@coalition.example');
    await t
      .http()
      .post(`/api/workspaces/${coalition.workspaceId}/members`)
      .set(coalition.auth())
      .send({ email: 'vera@coalition.example', role: 'viewer' })
      .expect(201);
    outsiderToken = await register('otto@elsewhere.example');
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  describe('the PDF of a draft nobody has signed', () => {
    let lid: string;
    let res: Response;
    let pdf: PdfContent;

    beforeAll(async () => {
      lid = await coalition.draftLetter(fixtureLetter.settings);
      res = await previewPdf(lid);
      pdf = await readPdf(res.body as Buffer);
    });

    it('answers a PDF shown inline, never cached, named after the letter and revision', () => {
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-disposition']).toBe(
        `inline; filename="protect-journalists-and-the-free-flow-of-information-${fixtureLetter.content.date}-preview-r1.pdf"; filename*=UTF-8''protect-journalists-and-the-free-flow-of-information-${fixtureLetter.content.date}-preview-r1.pdf`,
      );
      expect((res.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });

    it('has the watermark at the head of every page (pdf.js)', () => {
      expect(pdf.pageCount).toBeGreaterThan(1);
      for (let page = 1; page <= pdf.pageCount; page++) {
        const lines = pdf.lines.filter((line) => line.page === page);
        expect({ page, first: lines[0].text }).toEqual({ page, first: WATERMARK });
      }
    });

    it('prints the draft as the final PDF would, with 25 numbered sample names marked as such', () => {
      const lines = letterLines(pdf);
      const at = (text: string) => lines.findIndex((line) => line.includes(text));
      const order = [
        at('Okafor-Lindqvist'),
        at('We, the undersigned organizations'),
        at('Respectfully,'),
        at('1. Sample Organization 1'),
        at('25. Sample Organization 25'),
      ];
      expect(order.every((index) => index >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(lines.filter((line) => /Sample Organization \d+$/.test(line))).toHaveLength(25);
      expect(lines.some((line) => line.includes('Sample names: nobody has signed yet'))).toBe(true);
    });

    withPdftotext('reads in order through pdftotext, the watermark heading every page', () => {
      const pages = pdftotextPages(res.body as Buffer);
      expect(pages).toHaveLength(pdf.pageCount);
      for (const page of pages) expect(page[0]).toBe(WATERMARK);
      const text = pages.flatMap((page) => page.slice(1));
      // Nothing of the watermark between the letter's lines, and the letter in order.
      expect(text.filter((line) => /DRAFT|distribution/.test(line))).toEqual([]);
      const at = (needle: string) => text.findIndex((line) => line.includes(needle));
      const order = [
        at('Okafor-Lindqvist'),
        at('We, the undersigned'),
        at('Respectfully,'),
        at('Sample Organization 1'),
        at('Sample Organization 25'),
      ];
      expect(order.every((index) => index >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    });

    it('prints any revision: the latest by default, an earlier one when asked', async () => {
      const content = {
        ...fixtureLetter.content,
        body: 'A second draft, shorter than the first.',
      };
      await t
        .http()
        .put(`/api/letters/${lid}/draft`)
        .set(coalition.auth())
        .send({ baseRevision: 1, content })
        .expect(200);
      const latest = letterLines(await readPdf((await previewPdf(lid)).body as Buffer));
      expect(latest).toContain('A second draft, shorter than the first.');
      const first = await previewPdf(lid, '?revision=1');
      expect(first.headers['content-disposition']).toContain('-preview-r1.pdf');
      const lines = letterLines(await readPdf(first.body as Buffer));
      expect(lines.some((line) => line.includes('We, the undersigned'))).toBe(true);
      expect(lines).not.toContain('A second draft, shorter than the first.');
    });

    it('answers 404 naming revision for a revision the letter does not have', async () => {
      for (const path of ['preview.pdf', 'preview']) {
        const res = await t
          .http()
          .get(`/api/letters/${lid}/${path}?revision=3`)
          .set(coalition.auth())
          .expect(404);
        contract.expect('get', `/api/letters/{lid}/${path}`, res);
        expect(res.body.message).toMatch(/^revision: this letter has no revision 3/);
      }
    });

    it.each(['abc', '1.5', '0', '-2', '99999999999999999999', '1e400', '', '2&revision=1'])(
      'answers 400 naming revision for ?revision=%s, never 500',
      async (value) => {
        for (const path of ['preview.pdf', 'preview']) {
          const res = await t
            .http()
            .get(`/api/letters/${lid}/${path}?revision=${value}`)
            .set(coalition.auth());
          expect({ path, status: res.status }).toEqual({ path, status: 400 });
          expect(res.body.message).toMatch(/^revision: /);
        }
      },
    );

    it('refuses an unknown edition or query field by name', async () => {
      const edition = await t
        .http()
        .get(`/api/letters/${lid}/preview.pdf?edition=secret`)
        .set(coalition.auth())
        .expect(400);
      contract.expect('get', '/api/letters/{lid}/preview.pdf', edition);
      expect(edition.body.message).toMatch(/^edition: /);
      const other = await t
        .http()
        .get(`/api/letters/${lid}/preview?edition=public`)
        .set(coalition.auth())
        .expect(400);
      expect(other.body.message).toMatch(/^edition: /);
    });
  });

  describe('the PDF of a published letter', () => {
    let lid: string;

    beforeAll(async () => {
      lid = await coalition.openLetter({
        ...fixtureLetter.settings,
        visibilities: ['public', 'delivered', 'anonymous'],
      });
    });

    it('prints as many sample names as organizations are invited, while nobody has signed', async () => {
      for (const name of ['Article 19', 'Maharat Foundation', 'Free Press Unlimited']) {
        await coalition.invited(sink, lid, name);
      }
      const lines = letterLines(await readPdf((await previewPdf(lid)).body as Buffer));
      expect(lines.filter((line) => /Sample Organization \d+$/.test(line))).toEqual([
        '1. Sample Organization 1',
        '2. Sample Organization 2',
        '3. Sample Organization 3',
      ]);
    });

    it('prints the confirmed sign-ons instead, named as the edition for the caller names them', async () => {
      const sign = (displayName: string, visibility: string) =>
        t
          .http()
          .post(`/api/letters/${lid}/signatures`)
          .set(coalition.auth())
          .send({ displayName, signerName: 'Ana Ruiz', authorized: true, visibility })
          .expect(201);
      await sign('Reporters Without Borders', 'public');
      await sign('Committee to Protect Journalists', 'delivered');
      await sign('A Quiet Union', 'anonymous');

      // A coordinator or above: the delivery edition, as the officials will get it.
      const delivery = letterLines(await readPdf((await previewPdf(lid)).body as Buffer));
      expect(delivery).toContain('1. Committee to Protect Journalists');
      expect(delivery).toContain('2. Reporters Without Borders');
      expect(delivery).not.toContain('A Quiet Union');
      expect(delivery.join('\n')).not.toMatch(/Sample/);
      expect(delivery.some((line) => /and 1 other organization/.test(line))).toBe(true);

      // A viewer: the public edition, since only coordinators may see who asked to be named
      // to the officials alone.
      const viewer = await previewPdf(lid, '', viewerToken);
      const publicLines = letterLines(await readPdf(viewer.body as Buffer));
      expect(publicLines).toContain('1. Reporters Without Borders');
      expect(publicLines.join('\n')).not.toMatch(/Committee to Protect Journalists|Sample/);
      expect(publicLines.some((line) => /and 2 other organizations/.test(line))).toBe(true);

      const refused = await t
        .http()
        .get(`/api/letters/${lid}/preview.pdf?edition=delivery`)
        .set(as(viewerToken))
        .expect(403);
      contract.expect('get', '/api/letters/{lid}/preview.pdf', refused);
      expect(refused.body.message).toMatch(/^edition: /);
      const publicForLead = letterLines(
        await readPdf((await previewPdf(lid, '?edition=public')).body as Buffer),
      );
      expect(publicForLead.join('\n')).not.toMatch(/Committee to Protect Journalists/);
    });
  });

  describe('the sign page preview', () => {
    let lid: string;
    let res: Response;

    beforeAll(async () => {
      lid = await coalition.draftLetter(fixtureLetter.settings);
      res = await t.http().get(`/api/letters/${lid}/preview`).set(coalition.auth()).expect(200);
    });

    it('is the sign page with the signer pages’ headers', async () => {
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-robots-tag']).toBe('noindex');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      const signerPage = await t.http().get('/sign/not-a-real-token').expect(404);
      // The same policy as a signer page without its script: nothing loads, nothing runs.
      expect(res.headers['content-security-policy']).toBe(
        signerPage.headers['content-security-policy'],
      );
      expect(res.headers['content-security-policy']).not.toContain('script-src');
    });

    it('shows the banner, the letter, an example organization, and forms that cannot submit', () => {
      const html = res.text;
      expect(html).toContain('<strong>Preview.</strong>');
      expect(html).toContain('revision 1, the current draft (not published yet)');
      expect(html).toContain(`<h1 dir="auto">${fixtureLetter.content.title}</h1>`);
      expect(html).toContain('We, the undersigned organizations, write to urge you');
      expect(html).toContain('Sign-on link for Example Organization');
      expect(html).toMatch(
        /id="displayName" name="displayName" type="text" value="Example Organization"/,
      );
      expect(html).toContain(
        'Sign-ons will close at the deadline set when the letter is published.',
      );
      const forms = html.match(/<form[^>]*>/g) ?? [];
      expect(forms).toEqual(['<form>', '<form>']);
      expect(html.match(/<fieldset class="preview" disabled>/g)).toHaveLength(2);
      expect(html).not.toMatch(/action=|method=|\/sign\/|<script/);
    });

    it('creates nothing when something is posted to it', async () => {
      const open = await coalition.openLetter();
      const before = await signatureCount(open);
      const post = await t
        .http()
        .post(`/api/letters/${open}/preview`)
        .set(coalition.auth())
        .type('form')
        .send({
          displayName: 'Example Organization',
          signerName: 'X',
          consent: 'on',
          authorized: 'on',
        });
      expect(post.status).toBe(404);
      expect(await signatureCount(open)).toBe(before);
    });

    it('says which text it shows, for a published letter and an earlier revision', async () => {
      const open = await coalition.openLetter();
      const published = await t
        .http()
        .get(`/api/letters/${open}/preview`)
        .set(coalition.auth())
        .expect(200);
      expect(published.text).toContain('revision 1, the text organizations sign now');
      expect(published.text).toMatch(/Sign-ons close on /);
      await t
        .http()
        .put(`/api/letters/${open}/draft`)
        .set(coalition.auth())
        .send({ baseRevision: 1, content: { ...fixtureLetter.content, body: 'Revised.' } })
        .expect(200);
      const draft = await t
        .http()
        .get(`/api/letters/${open}/preview`)
        .set(coalition.auth())
        .expect(200);
      expect(draft.text).toContain(
        'revision 2, the current draft (organizations sign revision 1 until it is published)',
      );
      expect(draft.text).toContain('<p>Revised.</p>');
    });

    it('calls an older revision of a letter never published an earlier draft', async () => {
      const draft = await coalition.draftLetter(fixtureLetter.settings);
      await t
        .http()
        .put(`/api/letters/${draft}/draft`)
        .set(coalition.auth())
        .send({ baseRevision: 1, content: { ...fixtureLetter.content, body: 'Second.' } })
        .expect(200);
      const first = await t
        .http()
        .get(`/api/letters/${draft}/preview?revision=1`)
        .set(coalition.auth())
        .expect(200);
      expect(first.text).toContain('revision 1, an earlier draft');
      expect(first.text).toContain('We, the undersigned organizations');
      expect(first.text).not.toContain('<p>Second.</p>');
    });
  });

  describe('who may see a preview', () => {
    let lid: string;
    beforeAll(async () => {
      lid = await coalition.draftLetter(fixtureLetter.settings);
    });

    it.each(['preview.pdf', 'preview'])(
      '%s: any member, as for reading the draft',
      async (path) => {
        const url = `/api/letters/${lid}/${path}`;
        await t.http().get(url).set(as(viewerToken)).expect(200);
        const outsider = await t.http().get(url).set(as(outsiderToken)).expect(404);
        expect(outsider.body.message).toBe('not found');
        await t.http().get(url).expect(401);
        const missing = await t
          .http()
          .get(`/api/letters/00000000-0000-4000-8000-000000000000/${path}`)
          .set(coalition.auth())
          .expect(404);
        expect(missing.body.message).toBe('not found');
      },
    );
  });

  it('prints the letterhead, and answers 422 with the reason when it cannot be printed', async () => {
    const lid = await coalition.draftLetter(fixtureLetter.settings);
    const wid = coalition.workspaceId;
    await t
      .http()
      .put(`/api/workspaces/${wid}/letterhead`)
      .set(coalition.auth())
      .set('Content-Type', 'image/png')
      .send(tinyPng())
      .expect(200);
    const withLogo = (await previewPdf(lid)).body as Buffer;
    expect(withLogo.toString('latin1')).toContain('/Subtype /Image');
    // The stored logo is damaged behind the application's back.
    const logo = join(t.config.filesDir, `letterheads/${wid}.png`);
    const good = readFileSync(logo);
    writeFileSync(logo, good.subarray(0, 20));
    try {
      const refused = await t
        .http()
        .get(`/api/letters/${lid}/preview.pdf`)
        .set(coalition.auth())
        .expect(422);
      contract.expect('get', '/api/letters/{lid}/preview.pdf', refused);
      expect(refused.body.message).toMatch(/^letter: cannot be printed: .*letterhead logo/);
    } finally {
      writeFileSync(logo, good);
      await t.http().delete(`/api/workspaces/${wid}/letterhead`).set(coalition.auth()).expect(204);
    }
  });

  it('is in the OpenAPI document, producing a PDF and a page', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, { get?: { responses: Record<string, { content?: object }> } }>;
    };
    const pdf = doc.paths['/api/letters/{lid}/preview.pdf']?.get;
    const page = doc.paths['/api/letters/{lid}/preview']?.get;
    expect(Object.keys(pdf?.responses['200']?.content ?? {})).toEqual(['application/pdf']);
    expect(Object.keys(page?.responses['200']?.content ?? {})).toEqual(['text/html']);
  });
});
