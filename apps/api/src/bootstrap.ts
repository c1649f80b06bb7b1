import { AppConfig, AppLogger, QuietStartLogger } from '@app/config';
import { CSV_MAX_BYTES, XLSX_CONTENT_TYPE, type Clock } from '@app/domain';
import { MAX_LOGO_BYTES } from '@app/pdf';
import { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type {
  NestExpressApplication,
  NestExpressBodyParserOptionsFor,
} from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { ApiModule } from './api.module';
import { buildOpenApiDocument } from './http/openapi/document';
import { HttpExceptionFilter } from './http/http-exception.filter';
import { refuseDeepJson } from './http/json-depth';
import { TextInputPipe } from './http/text-input.pipe';
import { validationPipe } from './http/validation';
import { serveWebApp } from './web/web-app';

/**
 * Node closes an idle keep-alive connection after 5 s. A client or load balancer that
 * reuses it at that moment gets a reset (a 502 behind a proxy): the browser specs' API
 * calls did, between two steps. Stay open longer than the usual proxies' 60 s idle time,
 * so the proxy is always the side that closes; headers must be allowed longer still.
 */
const KEEP_ALIVE_MS = 65_000;
function keepConnectionsOpenForProxies(app: NestExpressApplication): void {
  const server = app.getHttpServer();
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
}

/** Builds the HTTP app, configured as in production; main.ts and the tests both use it. */
export async function createApi(
  config: AppConfig,
  options: { extra?: (Type | DynamicModule)[]; clock?: Clock } = {},
): Promise<NestExpressApplication> {
  const module = ApiModule.forRoot(config, options.extra, options.clock);
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(new QuietStartLogger(app.get(AppLogger)));
  app.enableShutdownHooks();
  app.set('trust proxy', 'loopback');
  keepConnectionsOpenForProxies(app);
  app.use(helmet());
  app.use(cookieParser());
  // An oversized body is refused (413) before it is parsed, an over-deep one (400) too.
  // (Nest's options type leaves `verify` out because its rawBody option uses it; we do not.)
  app.useBodyParser('json', {
    limit: config.bodyLimit,
    verify: refuseDeepJson(),
  } as NestExpressBodyParserOptionsFor<'json'>);
  app.useBodyParser('urlencoded', { limit: config.bodyLimit, extended: false });
  app.useBodyParser('text', { limit: config.bodyLimit, type: 'text/plain' });
  // Directory imports (CSV or XLSX) arrive as raw bytes, read and checked by the import
  // (which tells the format by the bytes), up to 5 MB.
  app.useBodyParser('raw', {
    limit: CSV_MAX_BYTES,
    type: ['text/csv', 'application/csv', XLSX_CONTENT_TYPE, 'application/octet-stream'],
  });
  // Letterhead logos arrive as image bytes; anything larger than the renderer accepts is a 413.
  app.useBodyParser('raw', { limit: MAX_LOGO_BYTES, type: ['image/png', 'image/jpeg'] });
  // Ill-formed Unicode and control characters are refused in every body and query first.
  app.useGlobalPipes(new TextInputPipe(), validationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());

  // The OpenAPI document is built on the first request for it, not at start: scanning every
  // controller and DTO takes a tenth of the start-up time.
  const document = () => buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  serveWebApp(app);
  return app;
}
