/**
 * `npm run user:create -- --email <email> --name <name> --workspace <workspace name>`
 *
 * Creates the first owner without the API: the account (unless the address already has
 * one) and a new workspace that it owns. The password is read from standard input with
 * --password-stdin, otherwise generated and printed once.
 */
import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { databasePreflight } from '@app/database';
import {
  AccountsService,
  normalizeEmail,
  PASSWORD_MAX,
  PASSWORD_MIN,
  PasswordHasher,
  UserEntity,
  WorkspacesService,
} from '@app/domain';
import { NestFactory } from '@nestjs/core';
import { CliModule } from './cli.module';
import { isEmail } from 'class-validator';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';

class UsageError extends Error {}

interface Options {
  email: string;
  name: string;
  workspace: string;
  passwordFromStdin: boolean;
}

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      workspace: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const email = normalizeEmail(values.email ?? '');
  const name = (values.name ?? '').trim();
  const workspace = (values.workspace ?? '').trim();
  if (!isEmail(email)) throw new UsageError('--email: expected an email address');
  if (!name || name.length > 200) throw new UsageError('--name: expected 1 to 200 characters');
  if (!workspace || workspace.length > 200) {
    throw new UsageError('--workspace: expected 1 to 200 characters');
  }
  return { email, name, workspace, passwordFromStdin: values['password-stdin'] ?? false };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const password = options.passwordFromStdin
    ? await readStdin()
    : randomBytes(18).toString('base64url');
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
    throw new UsageError(`password: must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`);
  }
  const config = loadConfig();
  const problem = await databasePreflight(config.database);
  if (problem) throw new UsageError(problem);

  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), {
    logger: ['error'],
  });
  try {
    const dataSource = app.get(DataSource);
    let user = await dataSource.getRepository(UserEntity).findOneBy({ email: options.email });
    const created = !user;
    if (!user) {
      const passwordHash = await app.get(PasswordHasher).hash(password);
      user = await dataSource.transaction((manager) =>
        app.get(AccountsService).createUser(manager, { ...options, passwordHash }),
      );
    }
    const workspace = await app.get(WorkspacesService).create(user.id, options.workspace);
    const lines = [
      `workspace "${workspace.name}" (${workspace.id}) created, owned by ${user.email}`,
      created
        ? options.passwordFromStdin
          ? 'account created with the password given on standard input'
          : `account created; its password (shown once): ${password}`
        : 'the account already existed; its password is unchanged',
    ];
    process.stdout.write(lines.join('\n') + '\n');
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof UsageError || error instanceof ConfigError;
  const message = known ? error.message : String((error as Error)?.stack ?? error);
  process.stderr.write(`user:create: ${message}\n`);
  process.exit(known ? 2 : 1);
});
