import { AuditService } from '@app/domain';
import { JobName, JobProducer } from '@app/jobs';
import { waitForQueuesIdle } from '@app/testing';
import { Contract, createTestApp, type TestApp } from './support';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';

const fixture = JSON.parse(
  readFileSync(join(__dirname, 'fixtures/letter-press-freedom.json'), 'utf8'),
) as {
  content: Record<string, unknown> & { body: string; title: string };
  settings: Record<string, unknown>;
};

const HOUR = 3600 * 1000;
type Account = { token: string; user: { id: string; email: string } };

describe('letters: drafting, revisions, comments, publishing', () => {
  let t: TestApp;
  let contract: Contract;
  let n = 0;
  let owner: Account;
  let editorA: Account;
  let editorB: Account;
  let campaignId: string;
  let wid: string;

  const register = async (label: string): Promise<Account> =>
    (
      await t
        .http()
        .post('/api/auth/register')
        .send({
          email: `${label}-${++n}@org.example`,
          password: 'correct horse battery',
          name: label,
        })
        .expect(201)
    ).body as Account;
  const as = (who: Account) => ({ Authorization: `Bearer ${who.token}` });
  const newLetter = async (content: object = fixture.content) =>
    (
      await t
        .http()
        .post(`/api/campaigns/${campaignId}/letters`)
        .set(as(editorA))
        .send({ content, settings: fixture.settings })
        .expect(201)
    ).body as { id: string; revision: number };
  const save = (
    who: Account,
    lid: string,
    baseRevision: number,
    content: object,
    message?: string,
  ) =>
    t.http().put(`/api/letters/${lid}/draft`).set(as(who)).send({ baseRevision, content, message });
  const revisionCount = async (lid: string) =>
    (
      (await t.http().get(`/api/letters/${lid}/revisions`).set(as(owner)).expect(200))
        .body as unknown[]
    ).length;
  const future = (ms = 24 * HOUR) => new Date(t.clock.now().getTime() + ms).toISOString();

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_LIMIT_PER_IP: '10000' });
    contract = await Contract.of(t);
    owner = await register('owner');
    editorA = await register('editor-a');
    editorB = await register('editor-b');
    wid = (
      await t
        .http()
        .post('/api/workspaces')
        .set(as(owner))
        .send({ name: 'Press Freedom Coalition' })
        .expect(201)
    ).body.id;
    for (const editor of [editorA, editorB]) {
      await t
        .http()
        .post(`/api/workspaces/${wid}/members`)
        .set(as(owner))
        .send({ email: editor.user.email, role: 'editor' })
        .expect(201);
    }
    campaignId = (
      await t
        .http()
        .post(`/api/workspaces/${wid}/campaigns`)
        .set(as(owner))
        .send({ name: 'Journalist safety 2026' })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('takes the shared fixture from draft to closed, with one conflict resolved', async () => {
    const created = await t
      .http()
      .post(`/api/campaigns/${campaignId}/letters`)
      .set(as(editorA))
      .send(fixture)
      .expect(201);
    contract.expect('post', '/api/campaigns/{cid}/letters', created);
    expect(created.body).toMatchObject({
      status: 'draft',
      revision: 1,
      content: fixture.content,
      campaignId,
      workspaceId: wid,
    });
    expect(created.body.settings).toMatchObject({
      signatoryOrder: 'alphabetical',
      numbered: true,
      pageSize: 'LETTER',
    });
    const lid = created.body.id as string;

    // Both editors start from revision 1; A saves first, B's save from the stale base is refused.
    const byA = {
      ...fixture.content,
      title: 'Protect journalists and the free flow of information now',
    };
    const byB = { ...fixture.content, closing: 'With respect and urgency,' };
    const saved = await save(editorA, lid, 1, byA, 'sharper title').expect(200, { revision: 2 });
    contract.expect('put', '/api/letters/{lid}/draft', saved);
    const conflict = await save(editorB, lid, 1, byB, 'warmer closing').expect(409);
    contract.expect('put', '/api/letters/{lid}/draft', conflict);
    expect(conflict.body).toMatchObject({ statusCode: 409, currentRevision: 2, content: byA });
    expect(conflict.body.message).toMatch(/^baseRevision: /);
    // B merges A's change into theirs and saves on top of revision 2.
    const merged = { ...byA, closing: byB.closing };
    await save(editorB, lid, 2, merged, 'warmer closing').expect(200, { revision: 3 });

    const revisionsRes = await t
      .http()
      .get(`/api/letters/${lid}/revisions`)
      .set(as(owner))
      .expect(200);
    contract.expect('get', '/api/letters/{lid}/revisions', revisionsRes);
    const revisions = revisionsRes.body;
    expect(
      revisions.map((r: { number: number; authorId: string; message: string }) => [
        r.number,
        r.authorId,
        r.message,
      ]),
    ).toEqual([
      [1, editorA.user.id, 'created'],
      [2, editorA.user.id, 'sharper title'],
      [3, editorB.user.id, 'warmer closing'],
    ]);

    const diffRes = await t
      .http()
      .get(`/api/letters/${lid}/diff?from=1&to=3`)
      .set(as(owner))
      .expect(200);
    contract.expect('get', '/api/letters/{lid}/diff', diffRes);
    const diff = diffRes.body;
    const field = (name: string) => diff.fields.find((f: { field: string }) => f.field === name);
    const titleRuns = [
      { type: 'unchanged', text: 'Protect journalists and the free flow of information' },
      { type: 'added', text: ' now' },
    ];
    expect(field('title')).toEqual({
      field: 'title',
      changed: true,
      runs: titleRuns,
      sourceRuns: titleRuns,
      formattingOnly: false,
    });
    // "now", "With respect and urgency" for "Respectfully": 1 + 4 + 1 of the older words.
    expect(diff).toMatchObject({ formattingOnly: false, correctionAllowed: false });
    expect(diff.textChange.changedWords).toBe(6);
    expect(field('closing').changed).toBe(true);
    expect(field('closing').runs).toEqual(
      expect.arrayContaining([{ type: 'removed', text: expect.stringContaining('Respectfully') }]),
    );
    expect(field('body').changed).toBe(false);
    expect(field('addressees[1]').changed).toBe(false);

    const comment = await t
      .http()
      .post(`/api/letters/${lid}/comments`)
      .set(as(editorA))
      .send({
        revision: 3,
        body: 'Should we name the minister first?',
        quote: 'Dear Minister Okafor-Lindqvist',
      })
      .expect(201);
    contract.expect('post', '/api/letters/{lid}/comments', comment);
    expect(comment.body.authorName).toBe('editor-a');
    await t
      .http()
      .post(`/api/letters/${lid}/comments`)
      .set(as(editorB))
      .send({ revision: 2, body: 'Title reads well.' })
      .expect(201);
    const resolved = await t
      .http()
      .post(`/api/letters/${lid}/comments/${comment.body.id}/resolve`)
      .set(as(editorB))
      .expect(200);
    contract.expect('post', '/api/letters/{lid}/comments/{commentId}/resolve', resolved);
    const commentsRes = await t
      .http()
      .get(`/api/letters/${lid}/comments`)
      .set(as(owner))
      .expect(200);
    contract.expect('get', '/api/letters/{lid}/comments', commentsRes);
    const comments = commentsRes.body;
    expect(
      comments.map((c: { body: string; resolved: boolean; authorName: string }) => [
        c.body,
        c.resolved,
        c.authorName,
      ]),
    ).toEqual([
      ['Title reads well.', false, 'editor-b'],
      ['Should we name the minister first?', true, 'editor-a'],
    ]);
    const reopened = await t
      .http()
      .post(`/api/letters/${lid}/comments/${comment.body.id}/reopen`)
      .set(as(editorA))
      .expect(200);
    contract.expect('post', '/api/letters/{lid}/comments/{commentId}/reopen', reopened);

    // Editors may not publish; the owner (a lead or higher) may.
    const refused = await t
      .http()
      .post(`/api/letters/${lid}/publish`)
      .set(as(editorA))
      .send({ deadline: future() })
      .expect(403);
    contract.expect('post', '/api/letters/{lid}/publish', refused);
    const deadline = future(48 * HOUR);
    const published = await t
      .http()
      .post(`/api/letters/${lid}/publish`)
      .set(as(owner))
      .send({ deadline })
      .expect(200);
    contract.expect('post', '/api/letters/{lid}/publish', published);
    expect(published.body).toEqual({
      status: 'open',
      publishedRevision: 3,
      deadline,
      deadlineInZone: deadline.replace(/\.\d{3}Z$/, '+00:00'),
      timeZone: 'UTC',
    });

    // Drafting goes on; what organizations sign stays revision 3.
    await save(editorA, lid, 3, {
      ...merged,
      salutation: 'Dear Minister and Commissioner,',
    }).expect(200, { revision: 4 });
    const letter = await t.http().get(`/api/letters/${lid}`).set(as(owner)).expect(200);
    contract.expect('get', '/api/letters/{lid}', letter);
    expect(letter.body).toMatchObject({
      status: 'open',
      revision: 4,
      publishedRevision: 3,
      deadline,
    });
    const frozen = await t.http().get(`/api/letters/${lid}/revisions/3`).set(as(owner)).expect(200);
    contract.expect('get', '/api/letters/{lid}/revisions/{n}', frozen);
    expect(frozen.body.content).toEqual(merged);

    const closed = await t
      .http()
      .post(`/api/letters/${lid}/close`)
      .set(as(owner))
      .expect(200, { status: 'closed' });
    contract.expect('post', '/api/letters/{lid}/close', closed);
    const closedAgain = await t.http().post(`/api/letters/${lid}/close`).set(as(owner)).expect(422);
    contract.expect('post', '/api/letters/{lid}/close', closedAgain);
    const actions = (await t.app.get(AuditService).list(wid)).map((e) => e.action);
    expect(actions.slice(0, 2)).toEqual(['letter.closed', 'letter.published']);
    expect(await t.app.get(AuditService).verify(wid)).toMatchObject({ valid: true });
  });

  it('lets exactly one of several simultaneous saves from the same base win', async () => {
    const { id } = await newLetter();
    for (let base = 1; base <= 3; base++) {
      const results: Response[] = await Promise.all(
        [editorA, editorB, editorA, editorB].map((who, i) =>
          save(who, id, base, { ...fixture.content, title: `Attempt ${base}.${i}` }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
      expect(await revisionCount(id)).toBe(base + 1);
    }
  });

  it('never changes an old revision', async () => {
    const { id } = await newLetter();
    await save(editorA, id, 1, { ...fixture.content, title: 'Changed' }).expect(200);
    for (const method of ['put', 'patch', 'delete'] as const) {
      const res = await t
        .http()
        [method](`/api/letters/${id}/revisions/1`)
        .set(as(owner))
        .send({ content: {} });
      expect(res.status).toBe(404);
    }
    const first = (await t.http().get(`/api/letters/${id}/revisions/1`).set(as(owner)).expect(200))
      .body;
    expect(first.content).toEqual(fixture.content);
  });

  const tooMany = Array.from({ length: 21 }, (_, i) => ({
    name: `Official ${i}`,
    addressLines: [],
  }));
  it.each([
    [{ title: 't'.repeat(301) }, 'content.title: '],
    [{ title: '   ' }, 'content.title: must contain visible text'],
    [{ date: '2026-02-30' }, 'content.date: must be a real calendar date'],
    [{ date: '02/03/2026' }, 'content.date: must be'],
    [{ addressees: tooMany }, 'content.addressees: at most 20 addressees'],
    [{ addressees: [{ addressLines: [] }] }, 'content.addressees[0].name: '],
    [
      { addressees: [{ name: 'X', addressLines: Array(9).fill('line') }] },
      'content.addressees[0].addressLines: at most 8',
    ],
    [{ salutation: 's'.repeat(501) }, 'content.salutation: '],
    [{ closing: 42 }, 'content.closing: '],
    [{ body: 'b'.repeat(100_001) }, 'content.body: '],
    [{ title: undefined }, 'content.title: '],
    [{ subject: 's'.repeat(301) }, 'content.subject: '],
    [{ subject: 7 }, 'content.subject: '],
    [{ subject: 'Re:\u0007 bell' }, 'content.subject: must not contain control characters'],
    [{ listHeading: 'h'.repeat(201) }, 'content.listHeading: '],
    [{ listHeading: ['Signatories'] }, 'content.listHeading: '],
  ])('refuses a save with %j, naming the field, writing nothing', async (change, message) => {
    const { id } = await newLetter();
    const res = await save(editorA, id, 1, { ...fixture.content, ...change }).expect(400);
    expect(res.body.message.startsWith(message)).toBe(true);
    expect(await revisionCount(id)).toBe(1);
  });

  it.each([
    ['Hello <script>alert(1)</script>', 1, 'raw HTML', 'raw HTML is not allowed (<script>)'],
    [
      'Dear all,\n\nSee [this](javascript:alert(1))',
      3,
      'link',
      'links must be http, https or mailto (javascript:alert(1))',
    ],
    ['Dear all,\n\n| a | b |\n|---|---|\n| 1 | 2 |', 3, 'table', 'tables are not allowed'],
    [
      'Intro\n\n# Title',
      3,
      'level-1 heading',
      'level-1 headings (#) are not allowed; section headings start with ## or ###',
    ],
    ['One\ntwo `code`', 2, 'code', 'code (`…`) is not allowed'],
  ])(
    'refuses a body with Markdown letters do not use (%j) with 422, naming field, line and construct',
    async (body, line, construct, problem) => {
      const { id } = await newLetter();
      const res = await save(editorA, id, 1, { ...fixture.content, body }).expect(422);
      contract.expect('put', '/api/letters/{lid}/draft', res);
      expect(res.body.message).toBe(`content.body: line ${line}: ${problem}`);
      expect(res.body.details[0]).toEqual({
        field: 'content.body',
        line,
        construct,
        problems: [`line ${line}: ${problem}`],
      });
      expect(await revisionCount(id)).toBe(1);
    },
  );

  it('saves headings, quotes, lists one level deep, emphasis and links', async () => {
    const { id } = await newLetter();
    const body =
      '## Our requests\n\n> As the **Court** held, [the press](https://example.org) is _free_.\n\n' +
      '### In detail\n\n1. Release them\n   - all of them\n2. Protect them';
    await save(editorA, id, 1, { ...fixture.content, body }).expect(200);
  });

  it.each([
    [{ baseRevision: 99 }, 400, 'baseRevision: no revision 99'],
    [{ baseRevision: 'one' }, 400, 'baseRevision: '],
    [{ baseRevision: 0 }, 400, 'baseRevision: '],
    [{ content: 'not an object' }, 400, 'content'],
    [{ extra: true }, 400, 'extra: is not an accepted field'],
  ])('refuses a draft body %j', async (change, status, message) => {
    const { id } = await newLetter();
    const res = await t
      .http()
      .put(`/api/letters/${id}/draft`)
      .set(as(editorA))
      .send({ baseRevision: 1, content: fixture.content, ...change })
      .expect(status);
    expect(res.body.message.startsWith(message)).toBe(true);
    expect(await revisionCount(id)).toBe(1);
  });

  it('keeps an optional subject line and list heading, and diffs them', async () => {
    const { id } = await newLetter();
    const withBoth = { ...fixture.content, subject: 'Re: detentions', listHeading: 'Signed,' };
    await save(editorA, id, 1, withBoth, 'subject and heading').expect(200, { revision: 2 });
    const letter = (await t.http().get(`/api/letters/${id}`).set(as(owner)).expect(200)).body;
    expect(letter.content).toMatchObject({ subject: 'Re: detentions', listHeading: 'Signed,' });
    const diff = (
      await t.http().get(`/api/letters/${id}/diff?from=1&to=2`).set(as(owner)).expect(200)
    ).body;
    const fields = diff.fields as { field: string; changed: boolean; runs: unknown[] }[];
    expect(fields.map((f) => f.field)).toEqual([
      'title',
      'date',
      'addressees[0]',
      'addressees[1]',
      'subject',
      'salutation',
      'body',
      'closing',
      'listHeading',
    ]);
    expect(fields.find((f) => f.field === 'subject')?.runs).toEqual([
      { type: 'added', text: 'Re: detentions' },
    ]);

    // Optional and documented in the OpenAPI document.
    const schema = (await t.http().get('/api/docs-json').expect(200)).body.components.schemas
      .LetterContentDto as { properties: Record<string, object>; required: string[] };
    expect(schema.properties.subject).toMatchObject({ type: 'string', maxLength: 300 });
    expect(schema.properties.listHeading).toMatchObject({ type: 'string', maxLength: 200 });
    expect(schema.required).not.toContain('subject');
    expect(schema.required).not.toContain('listHeading');
  });

  it('refuses 2 MB of body text with 413', async () => {
    const { id } = await newLetter();
    const res = await save(editorA, id, 1, {
      ...fixture.content,
      body: 'x'.repeat(2_000_000),
    }).expect(413);
    expect(res.body.message).toBe('body: too large');
    expect(await revisionCount(id)).toBe(1);
  });

  it.each([
    [
      { signatoryOrder: 'random' },
      'signatoryOrder: must be one of alphabetical, signed_at, manual',
    ],
    [{ visibilities: [] }, 'visibilities: must allow at least one visibility'],
    [
      { visibilities: ['public', 'secret'] },
      'visibilities: must be one of public, delivered, anonymous',
    ],
    [{ pageSize: 'A5' }, 'pageSize: must be one of LETTER, A4'],
    [{ reminderDays: [0] }, 'reminderDays: '],
    [{ numbered: 'yes' }, 'numbered: '],
  ])('refuses settings %j', async (settings, message) => {
    const { id } = await newLetter();
    const res = await t
      .http()
      .patch(`/api/letters/${id}/settings`)
      .set(as(owner))
      .send(settings)
      .expect(400);
    expect(res.body.message.startsWith(message)).toBe(true);
  });

  it('changes settings for leads only, keeping the rest', async () => {
    const { id } = await newLetter();
    await t
      .http()
      .patch(`/api/letters/${id}/settings`)
      .set(as(editorA))
      .send({ pageSize: 'A4' })
      .expect(403);
    const res = await t
      .http()
      .patch(`/api/letters/${id}/settings`)
      .set(as(owner))
      .send({ pageSize: 'A4', visibilities: ['public', 'anonymous'] })
      .expect(200);
    contract.expect('patch', '/api/letters/{lid}/settings', res);
    expect(res.body).toMatchObject({
      pageSize: 'A4',
      visibilities: ['public', 'anonymous'],
      signatoryOrder: 'alphabetical',
      numbered: true,
    });
  });

  it.each([
    [{ deadline: '2020-01-01T00:00:00Z' }, 400, 'deadline: must be in the future'],
    [{ deadline: 'tomorrow' }, 400, 'deadline: expected a date (2026-12-20'],
    [{ deadline: undefined }, 400, 'deadline: required to publish'],
    [{ deadline: 'FUTURE', revision: 7 }, 400, 'revision: no revision 7'],
  ])(
    'refuses to publish with %j',
    async (body: { deadline?: string; revision?: number }, status, message) => {
      const { id } = await newLetter();
      const payload = { ...body, ...(body.deadline === 'FUTURE' ? { deadline: future() } : {}) };
      const res = await t
        .http()
        .post(`/api/letters/${id}/publish`)
        .set(as(owner))
        .send(payload)
        .expect(status);
      expect(res.body.message.startsWith(message)).toBe(true);
      expect((await t.http().get(`/api/letters/${id}`).set(as(owner))).body.status).toBe('draft');
    },
  );

  it('refuses to publish a letter with no addressee (422)', async () => {
    const { id } = await newLetter({ ...fixture.content, addressees: [] });
    const res = await t
      .http()
      .post(`/api/letters/${id}/publish`)
      .set(as(owner))
      .send({ deadline: future() })
      .expect(422);
    contract.expect('post', '/api/letters/{lid}/publish', res);
    expect(res.body.message).toMatch(/^content.addressees: /);
  });

  it('refuses comments on a revision that does not exist, or empty ones', async () => {
    const { id } = await newLetter();
    expect(
      (
        await t
          .http()
          .post(`/api/letters/${id}/comments`)
          .set(as(editorA))
          .send({ revision: 5, body: 'x' })
          .expect(400)
      ).body.message,
    ).toBe('revision: this letter has no revision 5');
    expect(
      (
        await t
          .http()
          .post(`/api/letters/${id}/comments`)
          .set(as(editorA))
          .send({ revision: 1, body: '  ' })
          .expect(400)
      ).body.message,
    ).toMatch(/^body: /);
    const missing = await t
      .http()
      .post(`/api/letters/${id}/comments/00000000-0000-4000-8000-000000000000/resolve`)
      .set(as(editorA))
      .expect(404);
    contract.expect('post', '/api/letters/{lid}/comments/{commentId}/resolve', missing);
  });

  it('archives a campaign: hidden from the list, no new letters', async () => {
    const { body: campaign } = await t
      .http()
      .post(`/api/workspaces/${wid}/campaigns`)
      .set(as(owner))
      .send({ name: 'Old campaign' })
      .expect(201);
    await t
      .http()
      .patch(`/api/campaigns/${campaign.id}`)
      .set(as(owner))
      .send({ name: 'Old campaign (2025)', archived: true })
      .expect(200);
    const active = (
      await t.http().get(`/api/workspaces/${wid}/campaigns`).set(as(owner)).expect(200)
    ).body;
    expect(active.map((c: { id: string }) => c.id)).not.toContain(campaign.id);
    const all = (
      await t
        .http()
        .get(`/api/workspaces/${wid}/campaigns?archived=true`)
        .set(as(owner))
        .expect(200)
    ).body;
    expect(all).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: campaign.id, name: 'Old campaign (2025)', archived: true }),
      ]),
    );
    await t
      .http()
      .post(`/api/campaigns/${campaign.id}/letters`)
      .set(as(editorA))
      .send(fixture)
      .expect(422);
  });

  it('closes at the deadline by the reminders queue, and a restart does not reopen it', async () => {
    const { id } = await newLetter();
    const deadline = future(2 * HOUR);
    await t.http().post(`/api/letters/${id}/publish`).set(as(owner)).send({ deadline }).expect(200);
    const runScan = async (app: TestApp) => {
      await app.app
        .get(JobProducer)
        .add(JobName.RemindersDeadlines, {}, { jobId: `scan-${Date.now()}-${Math.random()}` });
      await waitForQueuesIdle(app.app);
    };

    await runScan(t);
    expect((await t.http().get(`/api/letters/${id}`).set(as(owner))).body.status).toBe('open');
    t.clock.advance(3 * HOUR);
    await runScan(t);
    expect((await t.http().get(`/api/letters/${id}`).set(as(owner))).body.status).toBe('closed');
    const closedEvent = (await t.app.get(AuditService).list(wid)).find(
      (e) => e.action === 'letter.closed' && e.subjectId === id,
    );
    expect(closedEvent).toMatchObject({ actorType: 'system' });
    expect(JSON.parse(closedEvent!.data)).toMatchObject({ reason: 'deadline', deadline });

    // A second process on the same database, whose clock is before the deadline again.
    const again = await createTestApp({
      DATABASE_URL: t.database.url,
      QUEUE_PREFIX: t.config.queuePrefix,
    });
    try {
      await runScan(again);
      const token = (
        await again
          .http()
          .post('/api/auth/login')
          .send({ email: owner.user.email, password: 'correct horse battery' })
          .expect(200)
      ).body.token;
      expect(
        (await again.http().get(`/api/letters/${id}`).set('Authorization', `Bearer ${token}`)).body
          .status,
      ).toBe('closed');
    } finally {
      await again.app.close();
      await again.database.drop();
    }
  });
});
