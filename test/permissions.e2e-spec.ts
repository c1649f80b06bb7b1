import { Action, minimumRole, Role, roles, atLeast } from '@app/domain';
import { tinyPng, waitForQueuesIdle } from '@app/testing';
import { createTestApp, type TestApp } from './support';
import type { Response, Test } from 'supertest';

/**
 * The permission matrix, route by route: every role of the workspace, a member of
 * another workspace, and no token at all. Each later issue adds its routes to `routes`.
 * The action named here is the one docs/permissions.md promises for the route; the
 * expected status comes from that, so a route guarded by the wrong action fails.
 */
type Caller = Role | 'outsider' | 'anonymous';
const callers: Caller[] = [...roles, 'outsider', 'anonymous'];

interface Context {
  t: TestApp;
  wid: string;
  /** A campaign, and a letter in it with one revision (created by the owner). */
  cid: string;
  lid: string;
  /** A fresh letter (draft; `open` when published) for routes that change its state. */
  freshLetter(published?: boolean): Promise<string>;
  /** A fresh member of the workspace (a viewer), for routes that change or remove one. */
  freshMember(): Promise<string>;
  /** A fresh invitation of a fresh organization to a fresh open letter. */
  freshInvitation(): Promise<string>;
  /** A fresh open letter with one confirmed sign-on, recorded by the owner. */
  freshSignature(): Promise<string>;
  /** A finished rendition of a fresh open letter, in the given edition. */
  freshRendition(edition?: 'delivery' | 'public'): Promise<string>;
  /** A fresh organization in the directory, added by the owner. */
  freshOrganization(): Promise<string>;
  /** A fresh comment on `lid`, by the owner. */
  comment(): Promise<string>;
  unique(): string;
}

interface RouteCase {
  route: string;
  action: Action;
  /** The status of an allowed call. */
  ok: number;
  call(ctx: Context, as: (test: Test) => Test): PromiseLike<Response>;
}

const routes: RouteCase[] = [
  {
    route: 'GET /api/workspaces/:wid',
    action: Action.Read,
    ok: 200,
    call: ({ t, wid }, as) => as(t.http().get(`/api/workspaces/${wid}`)),
  },
  {
    route: 'PATCH /api/workspaces/:wid',
    action: Action.RenameWorkspace,
    ok: 200,
    call: ({ t, wid }, as) =>
      as(t.http().patch(`/api/workspaces/${wid}`)).send({ name: 'Renamed coalition' }),
  },
  {
    route: 'GET /api/workspaces/:wid/audit',
    action: Action.ViewAudit,
    ok: 200,
    call: ({ t, wid }, as) => as(t.http().get(`/api/workspaces/${wid}/audit`)),
  },
  {
    route: 'GET /api/workspaces/:wid/members',
    action: Action.Read,
    ok: 200,
    call: ({ t, wid }, as) => as(t.http().get(`/api/workspaces/${wid}/members`)),
  },
  {
    route: 'POST /api/workspaces/:wid/members',
    action: Action.ManageMembers,
    ok: 201,
    call: ({ t, wid, unique }, as) =>
      as(t.http().post(`/api/workspaces/${wid}/members`)).send({
        email: `new-${unique()}@org.example`,
        role: 'viewer',
      }),
  },
  {
    route: 'PATCH /api/workspaces/:wid/members/:uid',
    action: Action.ManageMembers,
    ok: 200,
    call: async ({ t, wid, freshMember }, as) => {
      const uid = await freshMember();
      return as(t.http().patch(`/api/workspaces/${wid}/members/${uid}`)).send({ role: 'editor' });
    },
  },
  {
    route: 'DELETE /api/workspaces/:wid/members/:uid (someone else)',
    action: Action.ManageMembers,
    ok: 204,
    call: async ({ t, wid, freshMember }, as) => {
      const uid = await freshMember();
      return as(t.http().delete(`/api/workspaces/${wid}/members/${uid}`));
    },
  },
];

const content = {
  title: 'Letter',
  date: '2026-12-01',
  addressees: [{ name: 'Official', addressLines: [] }],
  salutation: 'Dear Official,',
  body: 'We ask you to act.',
  closing: 'Sincerely,',
};
const deadline = () => new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();

routes.push(
  {
    route: 'POST /api/workspaces/:wid/campaigns',
    action: Action.ManageCampaigns,
    ok: 201,
    call: ({ t, wid }, as) =>
      as(t.http().post(`/api/workspaces/${wid}/campaigns`)).send({ name: 'C' }),
  },
  {
    route: 'GET /api/workspaces/:wid/campaigns',
    action: Action.Read,
    ok: 200,
    call: ({ t, wid }, as) => as(t.http().get(`/api/workspaces/${wid}/campaigns`)),
  },
  {
    route: 'GET /api/campaigns/:cid',
    action: Action.Read,
    ok: 200,
    call: ({ t, cid }, as) => as(t.http().get(`/api/campaigns/${cid}`)),
  },
  {
    route: 'PATCH /api/campaigns/:cid',
    action: Action.ManageCampaigns,
    ok: 200,
    call: ({ t, cid }, as) =>
      as(t.http().patch(`/api/campaigns/${cid}`)).send({ description: 'd' }),
  },
  {
    route: 'POST /api/campaigns/:cid/letters',
    action: Action.Draft,
    ok: 201,
    call: ({ t, cid }, as) => as(t.http().post(`/api/campaigns/${cid}/letters`)).send({ content }),
  },
  {
    route: 'GET /api/campaigns/:cid/letters',
    action: Action.Read,
    ok: 200,
    call: ({ t, cid }, as) => as(t.http().get(`/api/campaigns/${cid}/letters`)),
  },
  {
    route: 'GET /api/letters/:lid',
    action: Action.Read,
    ok: 200,
    call: ({ t, lid }, as) => as(t.http().get(`/api/letters/${lid}`)),
  },
  {
    route: 'PUT /api/letters/:lid/draft',
    action: Action.Draft,
    ok: 200,
    call: async ({ t, freshLetter }, as) =>
      as(t.http().put(`/api/letters/${await freshLetter()}/draft`)).send({
        baseRevision: 1,
        content,
      }),
  },
  {
    route: 'PATCH /api/letters/:lid/settings',
    action: Action.Publish,
    ok: 200,
    call: ({ t, lid }, as) =>
      as(t.http().patch(`/api/letters/${lid}/settings`)).send({ pageSize: 'A4' }),
  },
  {
    route: 'GET /api/letters/:lid/revisions',
    action: Action.Read,
    ok: 200,
    call: ({ t, lid }, as) => as(t.http().get(`/api/letters/${lid}/revisions`)),
  },
  {
    route: 'GET /api/letters/:lid/revisions/:n',
    action: Action.Read,
    ok: 200,
    call: ({ t, lid }, as) => as(t.http().get(`/api/letters/${lid}/revisions/1`)),
  },
  {
    route: 'GET /api/letters/:lid/diff',
    action: Action.Read,
    ok: 200,
    call: ({ t, lid }, as) => as(t.http().get(`/api/letters/${lid}/diff?from=1&to=1`)),
  },
  {
    route: 'POST /api/letters/:lid/comments',
    action: Action.Comment,
    ok: 201,
    call: ({ t, lid }, as) =>
      as(t.http().post(`/api/letters/${lid}/comments`)).send({ revision: 1, body: 'Hm' }),
  },
  {
    route: 'GET /api/letters/:lid/comments',
    action: Action.Read,
    ok: 200,
    call: ({ t, lid }, as) => as(t.http().get(`/api/letters/${lid}/comments`)),
  },
  {
    route: 'POST /api/letters/:lid/comments/:id/resolve',
    action: Action.Comment,
    ok: 200,
    call: async ({ t, lid, comment }, as) =>
      as(t.http().post(`/api/letters/${lid}/comments/${await comment()}/resolve`)),
  },
  {
    route: 'POST /api/letters/:lid/comments/:id/reopen',
    action: Action.Comment,
    ok: 200,
    call: async ({ t, lid, comment }, as) =>
      as(t.http().post(`/api/letters/${lid}/comments/${await comment()}/reopen`)),
  },
  {
    route: 'POST /api/letters/:lid/publish',
    action: Action.Publish,
    ok: 200,
    call: async ({ t, freshLetter }, as) =>
      as(t.http().post(`/api/letters/${await freshLetter()}/publish`)).send({
        deadline: deadline(),
      }),
  },
  {
    route: 'POST /api/letters/:lid/close',
    action: Action.Publish,
    ok: 200,
    call: async ({ t, freshLetter }, as) =>
      as(t.http().post(`/api/letters/${await freshLetter(true)}/close`)),
  },
);

routes.push(
  {
    route: 'POST /api/workspaces/:wid/organizations',
    action: Action.ManageDirectory,
    ok: 201,
    call: ({ t, wid, unique }, as) =>
      as(t.http().post(`/api/workspaces/${wid}/organizations`)).send({
        name: `Org ${unique()}`,
        email: `org-${unique()}@org.example`,
      }),
  },
  {
    route: 'GET /api/workspaces/:wid/organizations',
    action: Action.Read,
    ok: 200,
    call: ({ t, wid }, as) => as(t.http().get(`/api/workspaces/${wid}/organizations`)),
  },
  {
    route: 'GET /api/workspaces/:wid/organizations/duplicates',
    action: Action.Read,
    ok: 200,
    call: ({ t, wid }, as) => as(t.http().get(`/api/workspaces/${wid}/organizations/duplicates`)),
  },
  {
    route: 'POST /api/workspaces/:wid/organizations/import',
    action: Action.ManageDirectory,
    ok: 200,
    call: ({ t, wid, unique }, as) =>
      as(t.http().post(`/api/workspaces/${wid}/organizations/import`))
        .set('Content-Type', 'text/csv')
        .send(`name,email\nImported ${unique()},imp-${unique()}@org.example\n`),
  },
  {
    route: 'GET /api/workspaces/:wid/organizations.csv',
    action: Action.Export,
    ok: 200,
    call: ({ t, wid }, as) => as(t.http().get(`/api/workspaces/${wid}/organizations.csv`)),
  },
  {
    route: 'GET /api/organizations/:oid',
    action: Action.Read,
    ok: 200,
    call: async ({ t, freshOrganization }, as) =>
      as(t.http().get(`/api/organizations/${await freshOrganization()}`)),
  },
  {
    route: 'PATCH /api/organizations/:oid',
    action: Action.ManageDirectory,
    ok: 200,
    call: async ({ t, freshOrganization }, as) =>
      as(t.http().patch(`/api/organizations/${await freshOrganization()}`)).send({
        contactName: 'New contact',
      }),
  },
  {
    route: 'POST /api/organizations/:oid/merge',
    action: Action.ManageDirectory,
    ok: 200,
    call: async ({ t, freshOrganization }, as) => {
      const [from, into] = [await freshOrganization(), await freshOrganization()];
      return as(t.http().post(`/api/organizations/${from}/merge`)).send({ into });
    },
  },
  {
    route: 'DELETE /api/organizations/:oid',
    action: Action.ManageDirectory,
    ok: 204,
    call: async ({ t, freshOrganization }, as) =>
      as(t.http().delete(`/api/organizations/${await freshOrganization()}`)),
  },
);

routes.push(
  {
    route: 'POST /api/letters/:lid/invitations',
    action: Action.InviteOrganizations,
    ok: 202,
    call: async ({ t, freshLetter, freshOrganization }, as) => {
      const [lid, oid] = [await freshLetter(true), await freshOrganization()];
      return as(t.http().post(`/api/letters/${lid}/invitations`)).send({ organizationIds: [oid] });
    },
  },
  {
    route: 'POST /api/letters/:lid/invitations/preview',
    action: Action.InviteOrganizations,
    ok: 200,
    call: async ({ t, freshLetter, freshOrganization }, as) => {
      const [lid, oid] = [await freshLetter(true), await freshOrganization()];
      return as(t.http().post(`/api/letters/${lid}/invitations/preview`)).send({
        organizationIds: [oid],
        note: 'Please **sign**.',
      });
    },
  },
  {
    route: 'GET /api/letters/:lid/invitations',
    action: Action.Read,
    ok: 200,
    call: ({ t, lid }, as) => as(t.http().get(`/api/letters/${lid}/invitations`)),
  },
  {
    route: 'GET /api/letters/:lid/reminders',
    action: Action.Read,
    ok: 200,
    call: ({ t, lid }, as) => as(t.http().get(`/api/letters/${lid}/reminders`)),
  },
  {
    route: 'POST /api/invitations/:iid/resend',
    action: Action.InviteOrganizations,
    ok: 202,
    call: async ({ t, freshInvitation }, as) => {
      const iid = await freshInvitation();
      t.clock.advance(11 * 60 * 1000); // past the resend interval
      return as(t.http().post(`/api/invitations/${iid}/resend`));
    },
  },
  {
    route: 'POST /api/invitations/:iid/revoke',
    action: Action.InviteOrganizations,
    ok: 200,
    call: async ({ t, freshInvitation }, as) =>
      as(t.http().post(`/api/invitations/${await freshInvitation()}/revoke`)),
  },
);

routes.push(
  {
    route: 'GET /api/letters/:lid/signatures',
    action: Action.Read,
    ok: 200,
    call: ({ t, lid }, as) => as(t.http().get(`/api/letters/${lid}/signatures`)),
  },
  {
    route: 'POST /api/letters/:lid/signatures',
    action: Action.ModerateSignatures,
    ok: 201,
    call: async ({ t, freshLetter, unique }, as) =>
      as(t.http().post(`/api/letters/${await freshLetter(true)}/signatures`)).send({
        displayName: `Offline ${unique()}`,
        signerName: 'Ana Ruiz',
        authorized: true,
      }),
  },
  {
    route: 'PATCH /api/signatures/:sid',
    action: Action.ModerateSignatures,
    ok: 200,
    call: async ({ t, freshSignature }, as) =>
      as(t.http().patch(`/api/signatures/${await freshSignature()}`)).send({
        displayName: 'Corrected name',
      }),
  },
  {
    route: 'GET /api/letters/:lid/stats',
    action: Action.Read,
    ok: 200,
    call: ({ t, lid }, as) => as(t.http().get(`/api/letters/${lid}/stats`)),
  },
  {
    route: 'GET /api/letters/:lid/sign-on-curve',
    action: Action.Read,
    ok: 200,
    call: ({ t, lid }, as) => as(t.http().get(`/api/letters/${lid}/sign-on-curve`)),
  },
  {
    route: 'GET /api/letters/:lid/signatures.csv?scope=public',
    action: Action.Read,
    ok: 200,
    call: ({ t, lid }, as) => as(t.http().get(`/api/letters/${lid}/signatures.csv?scope=public`)),
  },
  {
    // Names the organizations that asked to be named only to the officials (issue 14.11).
    route: 'GET /api/letters/:lid/signatures.csv?scope=delivered',
    action: Action.RenderPdf,
    ok: 200,
    call: ({ t, lid }, as) =>
      as(t.http().get(`/api/letters/${lid}/signatures.csv?scope=delivered`)),
  },
  {
    route: 'GET /api/letters/:lid/signatures.csv?scope=all',
    action: Action.Export,
    ok: 200,
    call: ({ t, lid }, as) => as(t.http().get(`/api/letters/${lid}/signatures.csv?scope=all`)),
  },
  {
    route: 'GET /api/letters/:lid/activity',
    action: Action.ViewActivity,
    ok: 200,
    call: ({ t, lid }, as) => as(t.http().get(`/api/letters/${lid}/activity`)),
  },
  {
    route: 'GET /api/letters/:lid/audit/verify',
    action: Action.ViewAudit,
    ok: 200,
    call: ({ t, lid }, as) => as(t.http().get(`/api/letters/${lid}/audit/verify`)),
  },
);

routes.push(
  {
    route: 'POST /api/letters/:lid/renditions',
    action: Action.RenderPdf,
    ok: 202,
    call: async ({ t, freshLetter }, as) =>
      as(t.http().post(`/api/letters/${await freshLetter(true)}/renditions`)).send({}),
  },
  {
    route: 'GET /api/letters/:lid/renditions',
    action: Action.Read,
    ok: 200,
    call: ({ t, lid }, as) => as(t.http().get(`/api/letters/${lid}/renditions`)),
  },
  {
    route: 'GET /api/renditions/:rid',
    action: Action.Read,
    ok: 200,
    call: async ({ t, freshRendition }, as) =>
      as(t.http().get(`/api/renditions/${await freshRendition()}`)),
  },
  {
    // Allowed callers reach the state check: a finished rendition cannot be retried.
    route: 'POST /api/renditions/:rid/retry',
    action: Action.RenderPdf,
    ok: 422,
    call: async ({ t, freshRendition }, as) =>
      as(t.http().post(`/api/renditions/${await freshRendition()}/retry`)),
  },
  {
    route: 'GET /api/renditions/:rid/file (delivery edition)',
    action: Action.RenderPdf,
    ok: 200,
    call: async ({ t, freshRendition }, as) =>
      as(t.http().get(`/api/renditions/${await freshRendition('delivery')}/file`)),
  },
  {
    route: 'GET /api/renditions/:rid/file (public edition)',
    action: Action.Read,
    ok: 200,
    call: async ({ t, freshRendition }, as) =>
      as(t.http().get(`/api/renditions/${await freshRendition('public')}/file`)),
  },
  {
    route: 'GET /api/renditions/:rid/changes (delivery edition)',
    action: Action.RenderPdf,
    ok: 200,
    call: async ({ t, freshRendition }, as) =>
      as(t.http().get(`/api/renditions/${await freshRendition('delivery')}/changes`)),
  },
  {
    route: 'GET /api/renditions/:rid/changes (public edition)',
    action: Action.Read,
    ok: 200,
    call: async ({ t, freshRendition }, as) =>
      as(t.http().get(`/api/renditions/${await freshRendition('public')}/changes`)),
  },
  {
    route: 'PUT /api/workspaces/:wid/letterhead',
    action: Action.RenderPdf,
    ok: 200,
    call: ({ t, wid }, as) =>
      as(t.http().put(`/api/workspaces/${wid}/letterhead`))
        .set('Content-Type', 'image/png')
        .send(tinyPng()),
  },
  {
    route: 'GET /api/workspaces/:wid/letterhead',
    action: Action.Read,
    ok: 200,
    call: ({ t, wid }, as) => as(t.http().get(`/api/workspaces/${wid}/letterhead`)),
  },
  {
    route: 'DELETE /api/workspaces/:wid/letterhead',
    action: Action.RenderPdf,
    ok: 204,
    call: ({ t, wid }, as) => as(t.http().delete(`/api/workspaces/${wid}/letterhead`)),
  },
);

routes.push(
  {
    route: 'GET /api/letters/:lid/preview.pdf',
    action: Action.Read,
    ok: 200,
    call: ({ t, lid }, as) => as(t.http().get(`/api/letters/${lid}/preview.pdf`)),
  },
  {
    route: 'GET /api/letters/:lid/preview',
    action: Action.Read,
    ok: 200,
    call: ({ t, lid }, as) => as(t.http().get(`/api/letters/${lid}/preview`)),
  },
);

function expected(route: RouteCase, caller: Caller): number {
  if (caller === 'anonymous') return 401;
  if (caller === 'outsider') return 404;
  return atLeast(caller, minimumRole[route.action]) ? route.ok : 403;
}

describe('permission matrix', () => {
  let t: TestApp;
  let ctx: Context;
  const tokens = new Map<Caller, string>();
  let counter = 0;

  const register = async (label: string) => {
    const res = await t
      .http()
      .post('/api/auth/register')
      .send({
        email: `${label}-${++counter}@org.example`,
        password: 'correct horse battery',
        name: label,
      })
      .expect(201);
    return res.body as { user: { id: string; email: string }; token: string };
  };

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_LIMIT_PER_IP: '10000' });
    const owner = await register('owner');
    tokens.set(Role.Owner, owner.token);
    const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
    const wid = (
      await t
        .http()
        .post('/api/workspaces')
        .set(auth(owner.token))
        .send({ name: 'Coalition' })
        .expect(201)
    ).body.id as string;

    const addMember = async (label: string, role: Role) => {
      const person = await register(label);
      await t
        .http()
        .post(`/api/workspaces/${wid}/members`)
        .set(auth(owner.token))
        .send({ email: person.user.email, role })
        .expect(201);
      return person;
    };
    for (const role of roles.filter((r) => r !== Role.Owner)) {
      tokens.set(role, (await addMember(role, role)).token);
    }
    const outsider = await register('outsider');
    await t
      .http()
      .post('/api/workspaces')
      .set(auth(outsider.token))
      .send({ name: 'Elsewhere' })
      .expect(201);
    tokens.set('outsider', outsider.token);

    const owned = (test: Test) => test.set(auth(owner.token));
    const cid = (
      await owned(t.http().post(`/api/workspaces/${wid}/campaigns`))
        .send({ name: 'Campaign' })
        .expect(201)
    ).body.id as string;
    const freshLetter = async (published = false) => {
      const lid = (
        await owned(t.http().post(`/api/campaigns/${cid}/letters`))
          .send({ content })
          .expect(201)
      ).body.id as string;
      if (published)
        await owned(t.http().post(`/api/letters/${lid}/publish`))
          .send({ deadline: deadline() })
          .expect(200);
      return lid;
    };
    const lid = await freshLetter();
    ctx = {
      t,
      wid,
      cid,
      lid,
      freshLetter,
      comment: async () =>
        (
          await owned(t.http().post(`/api/letters/${lid}/comments`))
            .send({ revision: 1, body: 'c' })
            .expect(201)
        ).body.id as string,
      freshOrganization: async () =>
        (
          await owned(t.http().post(`/api/workspaces/${wid}/organizations`))
            .send({ name: `Fresh ${++counter}`, email: `fresh-${counter}@org.example` })
            .expect(201)
        ).body.id as string,
      freshInvitation: async () => {
        const open = await freshLetter(true);
        const oid = await ctx.freshOrganization();
        await owned(t.http().post(`/api/letters/${open}/invitations`))
          .send({ organizationIds: [oid] })
          .expect(202);
        const list = (await owned(t.http().get(`/api/letters/${open}/invitations`)).expect(200))
          .body;
        return list[0].id as string;
      },
      freshSignature: async () => {
        const open = await freshLetter(true);
        return (
          await owned(t.http().post(`/api/letters/${open}/signatures`))
            .send({ displayName: `Signed ${++counter}`, signerName: 'Ana Ruiz', authorized: true })
            .expect(201)
        ).body.id as string;
      },
      freshRendition: async (edition = 'delivery') => {
        const open = await freshLetter(true);
        const id = (
          await owned(t.http().post(`/api/letters/${open}/renditions`))
            .send({ edition })
            .expect(202)
        ).body.id as string;
        await waitForQueuesIdle(t.app);
        return id;
      },
      unique: () => String(++counter),
      freshMember: async () => (await addMember('target', Role.Viewer)).user.id,
    };
  });
  afterAll(async () => {
    await t.close();
  });

  const cells = routes.flatMap((route) =>
    callers.map((caller) => [route.route, caller, route] as const),
  );

  it.each(cells)('%s as %s', async (_name, caller, route) => {
    const as = (test: Test) => {
      const token = tokens.get(caller);
      return token ? test.set('Authorization', `Bearer ${token}`) : test;
    };
    const res = await route.call(ctx, as);
    expect({ caller, status: res.status }).toEqual({ caller, status: expected(route, caller) });
    if (res.status === 404) expect(res.body.message).toBe('not found');
  });

  it.each([
    ['GET', '/api/workspaces'],
    ['POST', '/api/workspaces'],
    ['GET', '/api/auth/me'],
    ['POST', '/api/auth/logout'],
  ])('%s %s needs a token', async (method, path) => {
    const res = await t.http()[method.toLowerCase() as 'get' | 'post'](path).send({ name: 'x' });
    expect(res.status).toBe(401);
  });

  it('answers a nonexistent workspace exactly as another workspace', async () => {
    const token = tokens.get(Role.Owner)!;
    const missing = await t
      .http()
      .get('/api/workspaces/00000000-0000-4000-8000-000000000000/members')
      .set('Authorization', `Bearer ${token}`);
    const junk = await t
      .http()
      .get(`/api/workspaces/${encodeURIComponent("x' OR 1=1 --")}/members`)
      .set('Authorization', `Bearer ${token}`);
    expect([missing.status, missing.body]).toEqual([
      404,
      expect.objectContaining({ message: 'not found' }),
    ]);
    expect([junk.status, junk.body]).toEqual([
      404,
      expect.objectContaining({ message: 'not found' }),
    ]);
  });
});
