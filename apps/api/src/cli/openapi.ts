/**
 * `npm run openapi` writes docs/openapi.json and docs/api.md from the API's code;
 * `npm run openapi -- --check` only compares, and exits 1 when either committed file differs.
 *
 * The document is the one the app serves at /api/docs-json, built by the same function from
 * the same module, but in Nest's preview mode: controllers and their metadata are scanned,
 * no provider is created, so neither a database nor Redis is needed.
 */
import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { NestFactory } from '@nestjs/core';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiModule } from '../api.module';
import { buildOpenApiDocument } from '../http/openapi/document';
import { REGENERATE, renderOpenApiFiles } from './openapi-files';

const ROOT = resolve(__dirname, '../../../..');

async function buildDocument() {
  // Fixed settings, not this shell's environment: the document must not depend on where it
  // is generated. Nothing here is connected to; the secret only satisfies validation.
  const config = loadConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    DATABASE_URL: 'sqlite::memory:',
    APP_SECRET: 'openapi-generation-only-not-a-secret',
    WORKER_INLINE: 'false',
  });
  const app = await NestFactory.create(ApiModule.forRoot(config), {
    preview: true,
    logger: false,
  });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

async function committed(path: string): Promise<string | undefined> {
  try {
    return await readFile(join(ROOT, path), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  const files = await renderOpenApiFiles(await buildDocument(), ROOT);
  const stale: string[] = [];
  for (const [path, text] of Object.entries(files)) {
    if ((await committed(path)) === text) continue;
    stale.push(path);
    if (!values.check) await writeFile(join(ROOT, path), text);
  }
  if (values.check) {
    if (stale.length) {
      process.stderr.write(
        `openapi: ${stale.join(' and ')} ${stale.length > 1 ? 'differ' : 'differs'} from the code; run \`${REGENERATE}\` and commit the result\n`,
      );
      return 1;
    }
    process.stdout.write(`openapi: ${Object.keys(files).join(' and ')} are up to date\n`);
    return 0;
  }
  process.stdout.write(
    stale.length ? `openapi: wrote ${stale.join(' and ')}\n` : 'openapi: already up to date\n',
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`openapi: ${String((error as Error)?.stack ?? error)}\n`);
    process.exit(1);
  },
);
