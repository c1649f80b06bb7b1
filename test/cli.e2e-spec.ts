import { createTestApp, type TestApp } from './support';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { builtEntry } from './support/built-app';

const CREATE_USER = builtEntry('apps/api/src/cli/create-user.ts');

/** `npm run user:create`: the operator's way to the first owner, without the API. */
function createUser(args: string[], env: Record<string, string>, stdin?: string) {
  const child = spawn(process.execPath, [CREATE_USER, ...args], {
    cwd: join(__dirname, '..'),
    env: { PATH: process.env.PATH, NODE_ENV: 'test', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin ?? '');
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
}

describe('user:create', () => {
  let t: TestApp;
  let env: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    env = {
      DATABASE_URL: t.database.url,
      VAR_DIR: t.config.varDir,
      APP_SECRET: t.config.appSecret,
      REDIS_URL: t.config.redisUrl,
      QUEUE_PREFIX: t.config.queuePrefix,
    };
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates an owner who can log in and sees the workspace', async () => {
    const result = await createUser(
      [
        '--email',
        ' First.Owner@Coalition.example ',
        '--name',
        'Amina Diallo',
        '--workspace',
        'Coalition «Liberté»',
        '--password-stdin',
      ],
      env,
      'a long enough password\n',
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(
      /^workspace "Coalition «Liberté»" \([0-9a-f-]{36}\) created, owned by first.owner@coalition.example\n/,
    );

    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'first.owner@coalition.example', password: 'a long enough password' })
      .expect(200);
    const list = await t
      .http()
      .get('/api/workspaces')
      .set('Authorization', `Bearer ${login.body.token}`)
      .expect(200);
    expect(list.body).toEqual([
      expect.objectContaining({ name: 'Coalition «Liberté»', role: 'owner' }),
    ]);
  });

  it('generates and prints a password when none is given', async () => {
    const result = await createUser(
      ['--email', 'second@coalition.example', '--name', 'B', '--workspace', 'Second'],
      env,
    );
    expect(result.code).toBe(0);
    const password = /password \(shown once\): (\S+)/.exec(result.stdout)?.[1];
    expect(password).toHaveLength(24);
    await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'second@coalition.example', password })
      .expect(200);
  });

  it.each([
    [['--email', 'nope', '--name', 'A', '--workspace', 'W'], '--email: expected an email address'],
    [
      ['--email', 'a@b.example', '--name', ' ', '--workspace', 'W'],
      '--name: expected 1 to 200 characters',
    ],
    [['--email', 'a@b.example', '--name', 'A'], '--workspace: expected 1 to 200 characters'],
    [
      ['--email', 'a@b.example', '--name', 'A', '--workspace', 'W', '--password-stdin'],
      'password: must be 10 to 256 characters',
    ],
  ])('refuses %j with one line and exit code 2', async (args, message) => {
    const result = await createUser(args, env, 'short');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`user:create: ${message}\n`);
  });
});
