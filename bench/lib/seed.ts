import { signToken } from '@app/domain';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { BENCH_APP_SECRET } from './app-process';

const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures');

export const fixtureLetter = JSON.parse(
  readFileSync(join(FIXTURES, 'letter-press-freedom.json'), 'utf8'),
) as { content: Record<string, unknown> & { title: string }; settings: Record<string, unknown> };

interface FixtureOrganization {
  name: string;
  email: string;
  country: string;
}

/**
 * `count` organizations with the fixture's names (every script), made unique with a
 * number after the first round, each with its own address.
 */
export function organizations(count: number): FixtureOrganization[] {
  const rows = parse<{ name: string; country: string }>(
    readFileSync(join(FIXTURES, 'organizations.csv')),
    { columns: true, bom: true },
  );
  return Array.from({ length: count }, (_, i) => {
    const base = rows[i % rows.length];
    const round = Math.floor(i / rows.length);
    return {
      name: round ? `${base.name} ${round + 1}` : base.name,
      email: `org${i}@bench.example`,
      country: base.country,
    };
  });
}

/** The coordinator every scenario registers (Api.register), e.g. to sign in a browser. */
export const BENCH_ACCOUNT = {
  email: 'bench@coalition.example',
  password: 'correct horse battery staple',
  name: 'Bench Coordinator',
};

/** A small HTTP client for one user of a running app. */
export class Api {
  private token = '';
  constructor(readonly url: string) {}

  async call<T>(method: string, path: string, body?: unknown, type = 'application/json') {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
        ...(body !== undefined ? { 'Content-Type': type } : {}),
      },
      body:
        body === undefined
          ? undefined
          : type === 'application/json'
            ? JSON.stringify(body)
            : (body as string),
    });
    const text = await response.text();
    if (response.status >= 400)
      throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as T,
      headers: response.headers,
      text,
    };
  }

  async register(): Promise<void> {
    const answer = await this.call<{ token: string }>('POST', '/api/auth/register', BENCH_ACCOUNT);
    this.token = answer.body.token;
  }
}

export interface SeededLetter {
  api: Api;
  workspaceId: string;
  letterId: string;
}

/**
 * A coordinator, a workspace with `count` organizations, and a letter published for sign-on.
 * With `api`, that coordinator (already registered) instead of a new one.
 */
export async function seedLetter(
  url: string,
  count: number,
  existing?: Api,
): Promise<SeededLetter> {
  const api = existing ?? new Api(url);
  if (!existing) await api.register();
  const workspaceId = (
    await api.call<{ id: string }>('POST', '/api/workspaces', { name: 'Bench Coalition' })
  ).body.id;
  const csv = stringify(
    organizations(count).map((o) => [o.name, o.email, o.country]),
    { header: true, columns: ['name', 'email', 'country'] },
  );
  await api.call('POST', `/api/workspaces/${workspaceId}/organizations/import`, csv, 'text/csv');
  const campaignId = (
    await api.call<{ id: string }>('POST', `/api/workspaces/${workspaceId}/campaigns`, {
      name: 'Bench',
    })
  ).body.id;
  const letterId = (
    await api.call<{ id: string }>('POST', `/api/campaigns/${campaignId}/letters`, {
      // With the subject line and list heading every letter printed before they became the
      // author's own, so that results stay comparable with earlier runs.
      content: {
        ...fixtureLetter.content,
        subject: `Re: ${fixtureLetter.content.title}`,
        listHeading: 'Signatories',
      },
      settings: { visibilities: ['public', 'delivered', 'anonymous'] },
    })
  ).body.id;
  const deadline = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
  await api.call('POST', `/api/letters/${letterId}/publish`, { deadline });
  return { api, workspaceId, letterId };
}

/** Runs one read query against the app's database. */
export async function query<T>(
  databaseUrl: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  if (databaseUrl.startsWith('sqlite:')) {
    const db = new Database(databaseUrl.slice('sqlite:'.length), { readonly: true });
    try {
      return db.prepare(sql.replace(/\$\d+/g, '?')).all(...params) as T[];
    } finally {
      db.close();
    }
  }
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The sign-on link token of every invitation of a letter (derived as the app does). */
export async function signTokens(databaseUrl: string, letterId: string): Promise<string[]> {
  const rows = await query<{ token_seed: string }>(
    databaseUrl,
    'SELECT token_seed FROM invitations WHERE letter_id = $1',
    [letterId],
  );
  return rows.map((r) => signToken(BENCH_APP_SECRET, r.token_seed));
}
