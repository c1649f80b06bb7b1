import { signToken } from '@app/domain';
import { BENCH_APP_SECRET, type AppProcess } from '../../lib/app-process';
import { query, seedLetter, type Api, type SeededLetter } from '../../lib/seed';

/** One organization's sign-on link, and the name it signs as. */
export interface SignLink {
  token: string;
  organizationId: string;
  name: string;
}

export interface InvitedLetter extends SeededLetter {
  links: SignLink[];
  /** The coordinator's bearer token, for requests the Api helper does not parse (CSV). */
  bearer: string;
}

/** Environment for a benchmark app: one client IP, and mail that never holds anything up. */
export const benchEnv = {
  RATE_LIMIT_PER_MINUTE: '10000000',
  MAIL_PER_MINUTE: '100000',
};

/**
 * A published letter with every one of `count` organizations invited (through the API:
 * POST /api/letters/:lid/invitations {allOrganizations: true}), and every link derived as
 * the app derives it. Waits until the outbox drained the invitations' mail jobs to Redis,
 * so that the drainer is idle when measuring starts. With `api`, that coordinator's.
 */
export async function invitedLetter(
  app: AppProcess,
  count: number,
  api?: Api,
): Promise<InvitedLetter> {
  const seeded = await seedLetter(app.url, count, api);
  const invited = await seeded.api.call<{ queued: number }>(
    'POST',
    `/api/letters/${seeded.letterId}/invitations`,
    { allOrganizations: true },
  );
  if (invited.body.queued !== count) {
    throw new Error(`invited ${invited.body.queued} organizations, expected ${count}`);
  }
  const rows = await query<{ token_seed: string; organization_id: string; name: string }>(
    app.env.DATABASE_URL,
    `SELECT i.token_seed, i.organization_id, o.name
       FROM invitations i JOIN organizations o ON o.id = i.organization_id
      WHERE i.letter_id = $1 ORDER BY o.name`,
    [seeded.letterId],
  );
  await outboxDrained(app.env.DATABASE_URL, 120_000);
  const login = await seeded.api.call<{ token: string }>('POST', '/api/auth/login', {
    email: 'bench@coalition.example',
    password: 'correct horse battery staple',
  });
  return {
    ...seeded,
    bearer: login.body.token,
    links: rows.map((r) => ({
      token: signToken(BENCH_APP_SECRET, r.token_seed),
      organizationId: r.organization_id,
      name: r.name,
    })),
  };
}

/** Waits until every outbox row was handed to BullMQ. */
export async function outboxDrained(databaseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ n }] = await query<{ n: number | string }>(
      databaseUrl,
      'SELECT COUNT(*) AS n FROM outbox WHERE dispatched_at IS NULL',
    );
    if (Number(n) === 0) return;
    if (Date.now() > deadline) throw new Error(`outbox: ${n} rows still undispatched`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The sign-on form as a person fills it in. */
export function signBody(link: SignLink): string {
  return JSON.stringify({
    displayName: link.name,
    signerName: 'Bench Signer',
    consent: true,
    authorized: true,
  });
}
