import type { AppConfig } from '@app/config';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import {
  createTestDatabase,
  obliterateQueues,
  TestClock,
  testConfig,
  type TestDatabase,
} from '@app/testing';
// The harness boots the real apps, so it lives beside the tests, not in a lib.
import { createApi } from '../../apps/api/src/bootstrap';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { ProbeModule } from './probe.module';

export interface TestApp {
  app: NestExpressApplication;
  /** The app's time; `clock.advance(ms)` moves it forward. */
  clock: TestClock;
  config: AppConfig;
  database: TestDatabase;
  http(): TestAgent;
  close(): Promise<void>;
}

/**
 * The API as production runs it (same modules, pipes, filters), on a fresh database and
 * a unique queue prefix, with the inline worker unless `WORKER_INLINE: 'false'`.
 * Pass `SMTP_URL: sink.url` to deliver mail to an SmtpSink.
 */
export async function createTestApp(
  env: Record<string, string | undefined> = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig({ DATABASE_URL: database.url, ...env });
  const clock = new TestClock();
  const app = await createApi(config, { extra: [ProbeModule], clock });
  await app.init();
  return {
    app,
    clock,
    config,
    database,
    http: () => request(app.getHttpServer()),
    close: async () => {
      await obliterateQueues(app).catch(() => undefined);
      await app.close();
      await database.drop();
    },
  };
}

/** A worker process's context (no HTTP) on the same configuration. */
export async function startWorker(config: AppConfig): Promise<INestApplicationContext> {
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: false,
  });
  await worker.init();
  return worker;
}
