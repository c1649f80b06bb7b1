import {
  AuditEventEntity,
  AuditService,
  MemberInvitationEntity,
  MembershipEntity,
  UserEntity,
} from '@app/domain';
import { SmtpSink, tinyPng, waitForQueuesIdle } from '@app/testing';
import { Contract, createTestApp, type TestApp } from './support';
import { DataSource, type ObjectLiteral } from 'typeorm';

/** Workspaces, members, join-by-email links and the membership audit chain (issue 3). */
describe('workspaces and members', () => {
  let sink: SmtpSink;
  let t: TestApp;
  /** Checks real answers against the served OpenAPI document, as a generated client reads them. */
  let contract: Contract;
  const PASSWORD = 'correct horse battery staple';
  const DAY = 24 * 3600 * 1000;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    // Every test registers accounts; keep the log-in limiter (per IP) out of the way.
    t = await createTestApp({ SMTP_URL: sink.url, LOGIN_LIMIT_PER_IP: '1000' });
    contract = await Contract.of(t);
  });
  afterAll(async () => {
    await waitForQueuesIdle(t.app).catch(() => undefined);
    await t.close();
    await sink.close();
  });

  interface Account {
    token: string;
    user: { id: string; email: string; name: string };
  }
  type Method = 'get' | 'post' | 'patch' | 'delete';

  let counter = 0;
  const unique = (prefix: string) => `${prefix}-${++counter}@coalition.example`;

  /** A request as `who` (with their bearer token), or anonymous with `null`. */
  const api = (who: Account | null, method: Method, path: string, body?: unknown) => {
    const req = t.http()[method](path);
    if (who) void req.auth(who.token, { type: 'bearer' });
    return body === undefined ? req : req.send(body as object);
  };
  const ws = (wid: string, rest = '') => `/api/workspaces/${wid}${rest}`;
  const member = (wid: string, uid: string) => ws(wid, `/members/${uid}`);

  const register = async (email = unique('user'), name = 'Amina Diallo'): Promise<Account> =>
    (await api(null, 'post', '/api/auth/register', { email, password: PASSWORD, name }).expect(201))
      .body as Account;

  const createWorkspace = async (owner: Account, name = 'Press Freedom Coalition') => {
    const res = await api(owner, 'post', '/api/workspaces', { name }).expect(201);
    contract.expect('post', '/api/workspaces', res);
    return res.body as { id: string; name: string; slug: string };
  };

  const addMember = (by: Account, wid: string, who: Account, role: string) =>
    api(by, 'post', ws(wid, '/members'), { email: who.user.email, role }).expect(201);

  const listMembers = async (by: Account, wid: string) => {
    const res = await api(by, 'get', ws(wid, '/members')).expect(200);
    contract.expect('get', '/api/workspaces/{wid}/members', res);
    return res.body as {
      members: { userId: string; email: string; role: string; joinedAt: string }[];
      invitations: { id: string; email: string; role: string; expiresAt: string }[];
    };
  };

  const roleIn = async (who: Account, wid: string) =>
    (await api(who, 'get', ws(wid)).expect(200)).body.role as string;

  const repo = <T extends ObjectLiteral>(entity: new () => T) =>
    t.app.get(DataSource).getRepository(entity);

  /** Invites `email`, waits for the mail, and returns it with the token of its join link. */
  const invite = async (by: Account, wid: string, email: string, role = 'editor') => {
    const res = await api(by, 'post', ws(wid, '/members'), { email, role }).expect(201);
    const mail = await sink.waitForMail(email);
    const match = /http:\/\/signatory\.test\/join\/([A-Za-z0-9_-]{43})/.exec(mail.text ?? '');
    expect(match).not.toBeNull();
    return { res, mail, token: match![1] };
  };

  const join = (token: string, name: string, password = PASSWORD) =>
    api(null, 'post', `/api/join/${token}`, { name, password });
  const joinForm = (token: string, name: string, password: string) =>
    t.http().post(`/join/${token}`).type('form').send({ name, password });

  describe('workspaces', () => {
    it('creates a workspace whose creator is its owner, and lists it with the role', async () => {
      const owner = await register();
      const created = await createWorkspace(owner, '  Press Freedom Coalition  ');
      expect(created).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Press Freedom Coalition',
        slug: 'press-freedom-coalition',
        timeZone: 'UTC',
      });
      const listed = await api(owner, 'get', '/api/workspaces').expect(200, [
        { ...created, role: 'owner' },
      ]);
      const one = await api(owner, 'get', ws(created.id)).expect(200, {
        ...created,
        role: 'owner',
      });
      await api(await register(), 'get', '/api/workspaces').expect(200, []);
      const anonymous = await api(null, 'get', '/api/workspaces').expect(401);
      await api(null, 'post', '/api/workspaces', { name: 'Anonymous' }).expect(401);
      contract.expect('get', '/api/workspaces', listed);
      contract.expect('get', '/api/workspaces/{wid}', one);
      contract.expect('get', '/api/workspaces', anonymous);
    });

    it('keeps unicode names intact, with an ASCII slug unique per workspace', async () => {
      const owner = await register();
      const name = 'Коалиция «Свобода» 中文';
      const first = await createWorkspace(owner, name);
      const second = await createWorkspace(owner, name);
      const accented = await createWorkspace(owner, 'Coalition pour la Liberté de la Presse!');
      const longest = await createWorkspace(owner, 'x'.repeat(200));
      expect(first.name).toBe(name);
      expect(longest.name).toHaveLength(200);
      for (const { slug } of [first, second, accented, longest])
        expect(slug).toMatch(/^[a-z0-9-]+$/);
      expect(second.slug).not.toBe(first.slug);
      expect(accented.slug).toBe('coalition-pour-la-liberte-de-la-presse');
      const listed = (await api(owner, 'get', '/api/workspaces').expect(200)).body as object[];
      expect(listed.filter((w) => (w as { name: string }).name === name)).toHaveLength(2);
    });

    it('gives each of ten simultaneous workspaces of one name its own slug (issue 14.5)', async () => {
      const owner = await register();
      const name = `Race Coalition ${counter}`;
      const results = await Promise.all(
        Array.from({ length: 10 }, () => api(owner, 'post', '/api/workspaces', { name })),
      );
      expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
      const slugs = results.map((r) => (r.body as { slug: string }).slug);
      expect(new Set(slugs).size).toBe(10);
      expect(slugs).toContain(`race-coalition-${counter}`);
    });

    it.each([
      ['empty', ''],
      ['whitespace only', ' \t  '],
      ['201 characters', 'x'.repeat(201)],
      ['with a NUL character', 'Evil\u0000Coalition'],
      ['with a line break', 'Two\nLines'],
      ['with an escape sequence', 'Red\u001b[31m'],
      ['a number', 42],
      ['null', null],
      ['an array', ['Coalition']],
      ['an object', { name: 'Coalition' }],
      ['missing', undefined],
    ])('refuses a name that is %s with 400 naming the field', async (_, name) => {
      const owner = await register();
      const res = await api(owner, 'post', '/api/workspaces', { name }).expect(400);
      contract.expect('post', '/api/workspaces', res);
      expect(res.body).toMatchObject({
        statusCode: 400,
        message: expect.stringMatching(/^name: /),
      });
      await api(owner, 'get', '/api/workspaces').expect(200, []);
    });

    it('lets owners (only) rename, keeping the slug', async () => {
      const owner = await register();
      const lead = await register();
      const created = await createWorkspace(owner, 'Old Name');
      await addMember(owner, created.id, lead, 'lead');
      const renamed = await api(owner, 'patch', ws(created.id), { name: ' Nouveau nom ' }).expect(
        200,
      );
      expect(renamed.body).toEqual({
        id: created.id,
        name: 'Nouveau nom',
        slug: created.slug,
        timeZone: 'UTC',
      });
      await api(lead, 'get', '/api/workspaces').expect(200, [{ ...renamed.body, role: 'lead' }]);
      const coup = await api(lead, 'patch', ws(created.id), { name: 'Coup' }).expect(403);
      const bad = await api(owner, 'patch', ws(created.id), { name: '\u0000' }).expect(400);
      expect(bad.body.message).toMatch(/^name: /);
      for (const res of [renamed, coup, bad])
        contract.expect('patch', '/api/workspaces/{wid}', res);
      await api(owner, 'get', ws(created.id)).expect(200, { ...renamed.body, role: 'owner' });
    });

    it("answers an outsider exactly as for a workspace that doesn't exist", async () => {
      const owner = await register();
      const outsider = await register();
      const { id } = await createWorkspace(owner);
      const missing = '00000000-0000-4000-8000-000000000000';
      for (const path of ['', '/members', '/audit']) {
        const hidden = await api(outsider, 'get', ws(id, path)).expect(404);
        const absent = await api(outsider, 'get', ws(missing, path)).expect(404);
        expect(hidden.body).toEqual(absent.body);
        contract.expect('get', `/api/workspaces/{wid}${path}`, hidden);
        await api(null, 'get', ws(id, path)).expect(401);
      }
      await api(outsider, 'patch', ws(id), { name: 'Mine' }).expect(404);
      const grab = { email: outsider.user.email, role: 'owner' };
      await api(outsider, 'post', ws(id, '/members'), grab).expect(404);
      await api(outsider, 'delete', member(id, owner.user.id)).expect(404);
      expect((await listMembers(owner, id)).members).toHaveLength(1);
    });
  });

  describe('members', () => {
    let owner: Account;
    let wid: string;
    beforeAll(async () => {
      owner = await register(unique('owner'), 'Olga Owner');
      wid = (await createWorkspace(owner, 'Members Coalition')).id;
    });

    // BUG (SQLite only, when TZ is not UTC, e.g. `TZ=America/New_York npx jest test/workspaces`):
    // the listed joinedAt is shifted by the UTC offset; see the report.
    it('adds a person with an account at once, and refuses to add them twice', async () => {
      const editor = await register();
      const email = `  ${editor.user.email.toUpperCase()} `;
      const res = await api(owner, 'post', ws(wid, '/members'), { email, role: 'editor' });
      expect(res.status).toBe(201);
      const { id: userId, ...person } = editor.user;
      const added = { userId, ...person, role: 'editor', joinedAt: expect.any(String) };
      expect(res.body).toEqual({ status: 'added', member: added });
      contract.expect('post', '/api/workspaces/{wid}/members', res);
      expect((await listMembers(owner, wid)).members).toContainEqual(res.body.member);
      expect(await roleIn(editor, wid)).toBe('editor');
      const again = { email: editor.user.email, role: 'viewer' };
      const twice = await api(owner, 'post', ws(wid, '/members'), again).expect(409);
      expect(twice.body.message).toMatch(/^email: /);
      contract.expect('post', '/api/workspaces/{wid}/members', twice);
      expect(await roleIn(editor, wid)).toBe('editor');
    });

    it.each([
      [{ email: 'x@coalition.example', role: 'admin' }, 'role: '],
      [{ email: 'x@coalition.example', role: 'OWNER' }, 'role: '],
      [{ email: 'x@coalition.example' }, 'role: '],
      [{ email: 'not-an-email', role: 'editor' }, 'email: '],
      [{ email: 'a@b.example\r\nBcc: victim@example.org', role: 'editor' }, 'email: '],
      [{ email: 42, role: 'editor' }, 'email: '],
      [{ role: 'editor' }, 'email: '],
    ])('refuses %j with 400, inviting no one', async (body, prefix) => {
      const res = await api(owner, 'post', ws(wid, '/members'), body).expect(400);
      expect(res.body.message.startsWith(prefix)).toBe(true);
      expect(await repo(MemberInvitationEntity).countBy({ workspaceId: wid })).toBe(0);
    });

    it('changes roles, and refuses unknown roles, non-members and low roles', async () => {
      const user = await register();
      await addMember(owner, wid, user, 'viewer');
      const path = member(wid, user.user.id);
      const res = await api(owner, 'patch', path, { role: 'coordinator' }).expect(200);
      expect(res.body).toMatchObject({ userId: user.user.id, role: 'coordinator' });
      contract.expect('patch', '/api/workspaces/{wid}/members/{uid}', res);
      expect(await roleIn(user, wid)).toBe('coordinator');
      const bad = await api(owner, 'patch', path, { role: 'superuser' }).expect(400);
      expect(bad.body.message).toMatch(/^role: /);
      const stranger = await register();
      await api(owner, 'patch', member(wid, stranger.user.id), { role: 'viewer' }).expect(404);
      // A coordinator manages no members, not even to promote themselves.
      await api(user, 'patch', path, { role: 'owner' }).expect(403);
      const add = { email: stranger.user.email, role: 'viewer' };
      await api(user, 'post', ws(wid, '/members'), add).expect(403);
      expect(await roleIn(user, wid)).toBe('coordinator');
    });

    it('lets leads manage the roles below theirs, and nothing above', async () => {
      const [lead, otherLead, helper] = [await register(), await register(), await register()];
      await addMember(owner, wid, lead, 'lead');
      await addMember(owner, wid, otherLead, 'lead');
      await addMember(lead, wid, helper, 'viewer');
      const helperPath = member(wid, helper.user.id);
      await api(lead, 'patch', helperPath, { role: 'coordinator' }).expect(200);
      for (const role of ['owner', 'lead']) {
        const res = await api(lead, 'patch', helperPath, { role }).expect(403);
        expect(res.body.message).toMatch(/^role: /);
        const newcomer = await register();
        const add = { email: newcomer.user.email, role };
        await api(lead, 'post', ws(wid, '/members'), add).expect(403);
        await api(newcomer, 'get', ws(wid)).expect(404);
        await api(lead, 'post', ws(wid, '/members'), { email: unique('new'), role }).expect(403);
      }
      for (const target of [owner, otherLead]) {
        await api(lead, 'patch', member(wid, target.user.id), { role: 'viewer' }).expect(403);
        await api(lead, 'delete', member(wid, target.user.id)).expect(403);
      }
      expect(await roleIn(owner, wid)).toBe('owner');
      expect(await roleIn(otherLead, wid)).toBe('lead');
      expect(await roleIn(helper, wid)).toBe('coordinator');
      expect((await listMembers(owner, wid)).invitations).toEqual([]);
      await api(lead, 'delete', helperPath).expect(204);
      const removal = contract.document.paths['/api/workspaces/{wid}/members/{uid}'].delete!;
      expect(removal.responses['204']).toBeDefined();
      await api(helper, 'get', ws(wid)).expect(404);
    });

    it('lets anyone leave, but only leads remove others', async () => {
      const viewer = await register();
      const coordinator = await register();
      await addMember(owner, wid, viewer, 'viewer');
      await addMember(owner, wid, coordinator, 'coordinator');
      await api(viewer, 'get', ws(wid, '/members')).expect(200);
      await api(coordinator, 'delete', member(wid, viewer.user.id)).expect(403);
      await api(viewer, 'delete', member(wid, viewer.user.id)).expect(204);
      await api(viewer, 'get', ws(wid)).expect(404);
      await api(viewer, 'get', '/api/workspaces').expect(200, []);
      await api(owner, 'delete', member(wid, coordinator.user.id)).expect(204);
      await api(coordinator, 'get', ws(wid, '/members')).expect(404);
      await api(owner, 'delete', member(wid, coordinator.user.id)).expect(404);
      const ids = (await listMembers(owner, wid)).members.map((m) => m.userId);
      expect(ids).not.toContain(viewer.user.id);
      expect(ids).not.toContain(coordinator.user.id);
    });

    it('never lets the last owner leave or be demoted', async () => {
      const solo = await register();
      const { id } = await createWorkspace(solo, 'Solo Coalition');
      const me = member(id, solo.user.id);
      const demote = await api(solo, 'patch', me, { role: 'lead' }).expect(422);
      expect(demote.body.message).toMatch(/^role: /);
      const leave = await api(solo, 'delete', me).expect(422);
      expect(leave.body.message).toMatch(/^role: /);
      contract.expect('patch', '/api/workspaces/{wid}/members/{uid}', demote);
      contract.expect('delete', '/api/workspaces/{wid}/members/{uid}', leave);
      expect(await roleIn(solo, id)).toBe('owner');
      // With a second owner the first may step down; then the second is the last one.
      const heir = await register();
      await addMember(solo, id, heir, 'lead');
      await api(solo, 'patch', member(id, heir.user.id), { role: 'owner' }).expect(200);
      await api(solo, 'patch', me, { role: 'lead' }).expect(200);
      await api(heir, 'delete', member(id, heir.user.id)).expect(422);
      await api(heir, 'patch', member(id, heir.user.id), { role: 'viewer' }).expect(422);
      await api(heir, 'delete', me).expect(204);
      expect((await listMembers(heir, id)).members).toEqual([
        expect.objectContaining({ userId: heir.user.id, role: 'owner' }),
      ]);
    });

    // On SQLite all requests share one connection: libs/database/src/sqlite-serializer.ts
    // keeps their transactions from interleaving. On PostgreSQL the workspace row lock does.
    it('handles concurrent member changes without a 500 or a forked audit chain', async () => {
      const user = await register();
      const again = { email: user.user.email, role: 'viewer' };
      for (let round = 0; round < 3; round++) {
        const { id } = await createWorkspace(owner, `Busy Coalition ${round}`);
        const emails = [1, 2, 3, 4, 5].map(() => unique('rush'));
        const [same, ...invites] = await Promise.all([
          Promise.all([1, 2, 3].map(() => api(owner, 'post', ws(id, '/members'), again))),
          ...emails.map((email) =>
            api(owner, 'post', ws(id, '/members'), { email, role: 'viewer' }),
          ),
        ]);
        expect(same.map((r) => r.status).sort()).toEqual([201, 409, 409]);
        expect(invites.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
        const listed = await listMembers(owner, id);
        expect(listed.members.filter((m) => m.userId === user.user.id)).toHaveLength(1);
        expect(listed.invitations.map((i) => i.email).sort()).toEqual([...emails].sort());
        expect(await t.app.get(AuditService).verify(id)).toEqual({ valid: true, events: 8 });
      }
      await waitForQueuesIdle(t.app);
    });

    it('lets only one of two owners leave when both leave at once', async () => {
      for (let round = 0; round < 3; round++) {
        const other = await register();
        const { id } = await createWorkspace(owner, `Two owners ${round}`);
        await api(owner, 'post', ws(id, '/members'), {
          email: other.user.email,
          role: 'owner',
        }).expect(201);
        const results = await Promise.all([
          api(owner, 'delete', member(id, owner.user.id)),
          api(other, 'delete', member(id, other.user.id)),
        ]);
        expect(results.map((r) => r.status).sort()).toEqual([204, 422]);
        expect(await t.app.get(AuditService).verify(id)).toMatchObject({ valid: true });
      }
    });
  });

  describe('join by email', () => {
    /** Real answers checked against the served OpenAPI document. */
    let contract: Contract;
    let owner: Account;
    let coalition: { id: string; name: string; slug: string };
    const escapedName = 'Coalition «Presse» &amp; &lt;Liberté&gt;';
    beforeAll(async () => {
      contract = await Contract.of(t);
      owner = await register(unique('inviter'), 'Ines Inviter');
      coalition = await createWorkspace(owner, 'Coalition «Presse» & <Liberté>');
    });

    it('mails a join link that sets the password, and works once', async () => {
      const email = unique('newcomer');
      const { res, mail, token } = await invite(owner, coalition.id, email, 'coordinator');
      const { expiresAt } = res.body.invitation;
      expect(res.body).toEqual({
        status: 'invited',
        invitation: { id: expect.any(String), email, role: 'coordinator', expiresAt },
      });
      contract.expect('post', '/api/workspaces/{wid}/members', res);
      expect(Math.abs(new Date(expiresAt).getTime() - Date.now() - 7 * DAY)).toBeLessThan(60_000);
      expect((await listMembers(owner, coalition.id)).invitations).toEqual([res.body.invitation]);

      const link = `http://signatory.test/join/${token}`;
      expect(mail.subject).toContain(coalition.name);
      expect(mail.text).toContain(link);
      expect(mail.html).toContain(`href="${link}"`);
      expect(mail.html).toContain(escapedName);
      expect(mail.replyTo?.value.map((v) => v.address)).toEqual([owner.user.email]);

      const workspace = { id: coalition.id, name: coalition.name };
      const described = { workspace, email, role: 'coordinator', expiresAt, hasAccount: false };
      const shown = await api(null, 'get', `/api/join/${token}`).expect(200, described);
      contract.expect('get', '/api/join/{token}', shown);
      const joined = await join(token, ' Nadia Newcomer ').expect(201);
      contract.expect('post', '/api/join/{token}', joined);
      expect(joined.body.user).toEqual({ id: expect.any(String), email, name: 'Nadia Newcomer' });
      await api(joined.body as Account, 'get', '/api/auth/me').expect(200, joined.body.user);

      const login = await api(null, 'post', '/api/auth/login', { email, password: PASSWORD });
      expect(login.status).toBe(200);
      const mine = [{ ...coalition, role: 'coordinator' }];
      await api(login.body as Account, 'get', '/api/workspaces').expect(200, mine);
      const after = await listMembers(owner, coalition.id);
      expect(after.invitations).toEqual([]);
      expect(after.members).toContainEqual(
        expect.objectContaining({ userId: joined.body.user.id, email, role: 'coordinator' }),
      );

      const reuse = await join(token, 'Mallory', 'another password 123').expect(410);
      expect(reuse.body.message).toMatch(/^token: /);
      contract.expect('post', '/api/join/{token}', reuse);
      contract.expect('get', '/api/join/{token}', await api(null, 'get', `/api/join/${token}`));
      const stolen = { email, password: 'another password 123' };
      await api(null, 'post', '/api/auth/login', stolen).expect(401);
    });

    it('leaves no account and no membership behind after a refused join', async () => {
      const email = unique('careful');
      const { token } = await invite(owner, coalition.id, email, 'editor');
      for (const [name, password, field] of [
        ['Carla', 'short', 'password'],
        ['Carla', 'x'.repeat(257), 'password'],
        ['\u0007', PASSWORD, 'name'],
        ['   ', PASSWORD, 'name'],
      ]) {
        const res = await join(token, name, password).expect(400);
        expect(res.body.message.startsWith(`${field}: `)).toBe(true);
        contract.expect('post', '/api/join/{token}', res);
      }
      expect(await repo(UserEntity).countBy({ email })).toBe(0);
      await api(null, 'post', '/api/auth/login', { email, password: PASSWORD }).expect(401);
      const pending = (await listMembers(owner, coalition.id)).invitations.map((i) => i.email);
      expect(pending).toContain(email);
      await join(token, 'Carla').expect(201);
    });

    it('asks an address that registered meanwhile for its own password', async () => {
      const email = unique('early');
      const { token } = await invite(owner, coalition.id, email, 'viewer');
      const early = await register(email, 'Early Bird');
      const described = await api(null, 'get', `/api/join/${token}`).expect(200);
      expect(described.body.hasAccount).toBe(true);
      const wrong = await join(token, 'Impostor', 'not the password').expect(400);
      expect(wrong.body.message).toMatch(/^password: /);
      const where = { workspaceId: coalition.id, userId: early.user.id };
      expect(await repo(MembershipEntity).countBy(where)).toBe(0);
      await join(token, 'ignored').expect(201);
      expect(await roleIn(early, coalition.id)).toBe('viewer');
    });

    it('answers 404 for unknown and malformed links, 410 for a replaced one', async () => {
      for (const bad of ['A'.repeat(43), 'abc', '%00', 'A'.repeat(44), `${'A'.repeat(42)}*`]) {
        contract.expect(
          'get',
          '/api/join/{token}',
          await api(null, 'get', `/api/join/${bad}`).expect(404),
        );
        contract.expect('post', '/api/join/{token}', await join(bad, 'Nobody').expect(404));
      }
      const email = unique('twice');
      const first = await invite(owner, coalition.id, email, 'viewer');
      sink.messages.splice(sink.messages.indexOf(first.mail), 1);
      const second = await invite(owner, coalition.id, email, 'editor');
      await api(null, 'get', `/api/join/${first.token}`).expect(410);
      await join(first.token, 'Old Link').expect(410);
      const described = await api(null, 'get', `/api/join/${second.token}`).expect(200);
      expect(described.body.role).toBe('editor');
      const pending = (await listMembers(owner, coalition.id)).invitations;
      expect(pending.filter((i) => i.email === email)).toEqual([
        expect.objectContaining({ role: 'editor' }),
      ]);
    });

    it('serves the same flow as HTML pages with a strict CSP', async () => {
      const email = unique('browser');
      const { token } = await invite(owner, coalition.id, email, 'editor');
      const html = (res: { headers: Record<string, string> }) => {
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.headers['content-security-policy']).toMatch(/^default-src 'none'/);
      };
      const page = await t.http().get(`/join/${token}`).expect(200);
      html(page);
      expect(page.text).toContain('<form method="post"');
      expect(page.text).toContain(escapedName);
      expect(page.text).not.toContain('<Liberté>');

      const short = await joinForm(token, 'Bea Browser', 'short').expect(400);
      html(short);
      expect(short.text).toContain('<form');
      expect(short.text).toMatch(/class="error"[^>]*>password: /);
      expect(short.text).toContain('value="Bea Browser"');
      expect(await repo(UserEntity).countBy({ email })).toBe(0);

      const done = await joinForm(token, 'Bea Browser', PASSWORD).expect(200);
      html(done);
      expect(done.text).toContain(`Welcome to ${escapedName}`);
      // The page signed the member in: its link opens the workspace in the app.
      expect(done.text).toContain(`href="/w/${coalition.id}"`);
      const cookies = ([] as string[]).concat(done.headers['set-cookie'] ?? []);
      expect(cookies.some((c) => c.startsWith('signatory_session='))).toBe(true);
      expect(cookies.some((c) => c.startsWith('signatory_csrf='))).toBe(true);
      await api(null, 'post', '/api/auth/login', { email, password: PASSWORD }).expect(200);

      html(await joinForm(token, 'Bea Browser', PASSWORD).expect(410));
      html(await t.http().get(`/join/${token}`).expect(410));
      html(
        await t
          .http()
          .get(`/join/${'B'.repeat(43)}`)
          .expect(404),
      );
    });
  });

  describe('audit trail', () => {
    it('records each membership change in a chain that verifies; editing a row breaks it', async () => {
      const [owner, lead, leaver] = [await register(), await register(), await register()];
      const { id } = await createWorkspace(owner, 'Audited Coalition');
      await addMember(owner, id, lead, 'lead');
      await addMember(owner, id, leaver, 'viewer');
      const email = unique('audited');
      const { token } = await invite(owner, id, email, 'editor');
      const joinerId = (await join(token, 'Joiner').expect(201)).body.user.id as string;
      await api(owner, 'patch', member(id, joinerId), { role: 'coordinator' }).expect(200);
      await api(lead, 'delete', member(id, joinerId)).expect(204);
      await api(leaver, 'get', ws(id, '/audit')).expect(403);
      await api(leaver, 'delete', member(id, leaver.user.id)).expect(204);
      await api(owner, 'patch', ws(id), { name: 'Renamed Coalition' }).expect(200);
      // Refused changes record nothing.
      await api(owner, 'delete', member(id, owner.user.id)).expect(422);
      await api(owner, 'post', ws(id, '/members'), { email: lead.user.email, role: 'lead' });

      const trail = await api(lead, 'get', ws(id, '/audit')).expect(200);
      expect(trail.body.verification).toEqual({ valid: true, events: 10 });
      contract.expect('get', '/api/workspaces/{wid}/audit', trail);
      const events = [...trail.body.events].reverse() as {
        seq: number;
        actor: { type: string; id: string };
        action: string;
        subject: { type: string; id: string };
        data: Record<string, unknown>;
        hash: string;
      }[];
      expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(events.every((e) => e.actor.type === 'user' && /^[0-9a-f]{64}$/.test(e.hash))).toBe(
        true,
      );
      const [o, l, v] = [owner.user.id, lead.user.id, leaver.user.id];
      const like = expect.objectContaining;
      expect(events.map((e) => [e.action, e.actor.id, e.subject.id, e.data])).toEqual([
        ['workspace.created', o, id, { name: 'Audited Coalition' }],
        ['member.added', o, o, { role: 'owner' }],
        ['member.added', o, l, { role: 'lead' }],
        ['member.added', o, v, { role: 'viewer' }],
        ['member.invited', o, expect.any(String), like({ email, role: 'editor' })],
        ['member.joined', joinerId, joinerId, like({ role: 'editor' })],
        ['member.role_changed', o, joinerId, { from: 'editor', to: 'coordinator' }],
        ['member.removed', l, joinerId, like({ role: 'coordinator' })],
        ['member.left', v, v, like({ role: 'viewer' })],
        ['workspace.renamed', o, id, { from: 'Audited Coalition', to: 'Renamed Coalition' }],
      ]);

      const audit = t.app.get(AuditService);
      expect(await audit.verify(id)).toEqual({ valid: true, events: 10 });
      await repo(AuditEventEntity).update(
        { workspaceId: id, seq: 3 },
        { data: '{"role":"owner"}' },
      );
      expect(await audit.verify(id)).toEqual({ valid: false, events: 10, brokenAt: 3 });
      const shown = await api(owner, 'get', ws(id, '/audit')).expect(200);
      expect(shown.body.verification).toEqual({ valid: false, events: 10, brokenAt: 3 });
      contract.expect('get', '/api/workspaces/{wid}/audit', shown);
    });
  });

  describe('campaigns', () => {
    it('creates, lists, reads and archives campaigns as their OpenAPI document says', async () => {
      const owner = await register();
      const viewer = await register();
      const { id } = await createWorkspace(owner, 'Campaigning Coalition');
      await addMember(owner, id, viewer, 'viewer');
      const created = await api(owner, 'post', ws(id, '/campaigns'), {
        name: 'Free the journalists',
      }).expect(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        workspaceId: id,
        name: 'Free the journalists',
        description: null,
        archived: false,
        createdAt: expect.any(String),
      });
      contract.expect('post', '/api/workspaces/{wid}/campaigns', created);
      const refused = await api(viewer, 'post', ws(id, '/campaigns'), { name: 'Mine' }).expect(403);
      contract.expect('post', '/api/workspaces/{wid}/campaigns', refused);

      const path = `/api/campaigns/${created.body.id}`;
      const archived = await api(owner, 'patch', path, {
        description: 'Letters to the ministries',
        archived: true,
      }).expect(200);
      expect(archived.body).toMatchObject({
        description: 'Letters to the ministries',
        archived: true,
      });
      contract.expect('patch', '/api/campaigns/{cid}', archived);
      const read = await api(viewer, 'get', path).expect(200, archived.body);
      contract.expect('get', '/api/campaigns/{cid}', read);
      const missing = await api(
        owner,
        'get',
        '/api/campaigns/00000000-0000-4000-8000-000000000000',
      );
      expect(missing.status).toBe(404);
      contract.expect('get', '/api/campaigns/{cid}', missing);

      const active = await api(viewer, 'get', ws(id, '/campaigns')).expect(200, []);
      const all = await api(viewer, 'get', ws(id, '/campaigns?archived=true')).expect(200, [
        archived.body,
      ]);
      for (const res of [active, all])
        contract.expect('get', '/api/workspaces/{wid}/campaigns', res);
    });
  });

  describe('letterhead', () => {
    /** The content types the document gives for an answer without a JSON body. */
    const documented = (method: 'get' | 'delete', status: number) =>
      contract.document.paths['/api/workspaces/{wid}/letterhead'][method]!.responses[
        String(status)
      ] as { content?: Record<string, unknown> };

    it('sets, serves and removes the logo as its OpenAPI document says', async () => {
      const owner = await register();
      const { id } = await createWorkspace(owner, 'Letterhead Coalition');
      const path = '/api/workspaces/{wid}/letterhead';
      const set = await t
        .http()
        .put(ws(id, '/letterhead'))
        .auth(owner.token, { type: 'bearer' })
        .set('Content-Type', 'image/png')
        .send(tinyPng())
        .expect(200);
      expect(set.body).toEqual({
        format: 'png',
        width: expect.any(Number),
        height: expect.any(Number),
      });
      contract.expect('put', path, set);
      const garbage = await t
        .http()
        .put(ws(id, '/letterhead'))
        .auth(owner.token, { type: 'bearer' })
        .set('Content-Type', 'image/png')
        .send(Buffer.from('not an image'))
        .expect(400);
      contract.expect('put', path, garbage);

      const served = await api(owner, 'get', ws(id, '/letterhead')).expect(200);
      expect(Object.keys(documented('get', 200).content ?? {})).toContain(
        served.headers['content-type'],
      );
      expect(served.body).toEqual(tinyPng());

      await api(owner, 'delete', ws(id, '/letterhead')).expect(204);
      expect(documented('delete', 204).content).toBeUndefined();
      const gone = await api(owner, 'get', ws(id, '/letterhead')).expect(404);
      contract.expect('get', path, gone);
    });
  });

  // Last: moving the clock forward affects every later test in this file.
  describe('expired join links', () => {
    it('answers 410 after 7 days, in JSON and HTML, and creates nothing', async () => {
      const owner = await register();
      const { id } = await createWorkspace(owner, 'Slow Coalition');
      const email = unique('late');
      const { token } = await invite(owner, id, email, 'viewer');
      t.clock.advance(8 * DAY);
      const res = await api(null, 'get', `/api/join/${token}`).expect(410);
      expect(res.body.message).toMatch(/^token: /);
      await join(token, 'Late').expect(410);
      expect((await t.http().get(`/join/${token}`).expect(410)).text).toContain('no longer');
      await joinForm(token, 'Late', PASSWORD).expect(410);
      expect(await repo(UserEntity).countBy({ email })).toBe(0);
      expect((await listMembers(owner, id)).invitations).toEqual([]);
    });
  });
});
