/**
 * `npm run audit:verify -- <letterId>`
 *
 * Recomputes the audit hash chain of the workspace that owns the letter, without the API.
 * Exit 0: the chain verifies. Exit 1: it is broken (the first event that does not match is
 * named). Exit 2: nothing was verified (usage, unknown letter, configuration, database).
 */
import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { databasePreflight } from '@app/database';
import { DomainError, SignaturesService } from '@app/domain';
import { NestFactory } from '@nestjs/core';
import { CliModule } from './cli.module';

class UsageError extends Error {}

function letterIdFrom(argv: string[]): string {
  if (argv.length !== 1 || !argv[0].trim() || argv[0].startsWith('-')) {
    throw new UsageError('usage: npm run audit:verify -- <letterId>');
  }
  return argv[0].trim();
}

async function main(): Promise<number> {
  const letterId = letterIdFrom(process.argv.slice(2));
  const config = loadConfig();
  const problem = await databasePreflight(config.database);
  if (problem) throw new UsageError(problem);

  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), {
    logger: ['error'],
  });
  try {
    const result = await app.get(SignaturesService).verifyLetterChain(letterId);
    const counts = `${result.events} events, ${result.letterEvents} about letter ${letterId}`;
    if (result.valid) {
      process.stdout.write(`audit chain valid: ${counts}\n`);
      return 0;
    }
    process.stdout.write(
      `audit chain BROKEN at seq ${result.brokenAt}: that event or its link to the one before was changed (${counts})\n`,
    );
    return 1;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known =
      error instanceof UsageError || error instanceof ConfigError || error instanceof DomainError;
    const message = known ? error.message : String((error as Error)?.stack ?? error);
    process.stderr.write(`audit:verify: ${message}\n`);
    process.exit(2);
  },
);
