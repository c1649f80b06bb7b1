import { Controller, Get, INestApplication, Logger, Param } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pinoHttp } from 'pino-http';
import request from 'supertest';
import { loadConfig } from './app-config';
import { AppLogger, HTTP_LOGGER } from './app-logger';
import { httpLoggerOptions, LoggerModule } from './logger.module';

@Controller()
class ProbeController {
  private readonly logger = new Logger(ProbeController.name);

  @Get('sign/:token')
  sign(@Param('token') token: string): { ok: boolean } {
    this.logger.log(`signing ${token.length}`);
    this.logger.error({ err: new Error('boom'), errorId: 'e-1' }, 'unhandled error e-1');
    return { ok: true };
  }
}

describe('LoggerModule', () => {
  let app: INestApplication;
  let lines: Record<string, unknown>[];

  beforeEach(async () => {
    lines = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) {
          lines.push(JSON.parse(line) as Record<string, unknown>);
        }
        done();
      },
    });
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      VAR_DIR: join(mkdtempSync(join(tmpdir(), 'signatory-logger-')), 'var'),
    });
    const moduleRef = await Test.createTestingModule({
      imports: [LoggerModule.forRoot(config)],
      controllers: [ProbeController],
    })
      .overrideProvider(HTTP_LOGGER)
      .useValue(pinoHttp(httpLoggerOptions(config), sink))
      .compile();
    app = moduleRef.createNestApplication({ bufferLogs: true });
    app.useLogger(app.get(AppLogger));
    await app.init();
  });

  afterEach(async () => {
    await app.close();
  });

  it('logs each request with its id, the token redacted, and binds the id to its lines', async () => {
    const response = await request(app.getHttpServer())
      .get('/sign/secret-token-123')
      .set('X-Request-Id', 'abc-123')
      .set('Authorization', 'Bearer hidden')
      .expect(200);
    expect(response.headers['x-request-id']).toBe('abc-123');

    const req = { id: 'abc-123', method: 'GET', url: '/sign/[redacted]' };
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 30, context: 'ProbeController', msg: 'signing 16', req }),
    );
    const error = lines.find((line) => line.errorId === 'e-1');
    expect(error).toMatchObject({
      level: 50,
      context: 'ProbeController',
      msg: 'unhandled error e-1',
      req,
      err: { type: 'Error', message: 'boom' },
    });
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'request completed', req, res: { statusCode: 200 } }),
    );
    const all = JSON.stringify(lines);
    expect(all).not.toContain('secret-token-123');
    expect(all).not.toContain('hidden');
  });

  it('gives a request without a sane id a new UUID', async () => {
    const response = await request(app.getHttpServer())
      .get('/sign/x')
      .set('X-Request-Id', '<script>')
      .expect(200);
    const id = response.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toContainEqual(expect.objectContaining({ req: expect.objectContaining({ id }) }));
  });

  it('writes outside a request through the root logger, with the context', () => {
    app.get(AppLogger).warn('slow start', 'Database');
    expect(lines.at(-1)).toMatchObject({ level: 40, context: 'Database', msg: 'slow start' });
    expect(lines.at(-1)).not.toHaveProperty('req');
  });
});
