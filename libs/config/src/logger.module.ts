import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  MiddlewareConsumer,
  Module,
  NestMiddleware,
  NestModule,
  RequestMethod,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp, type HttpLogger, type Options } from 'pino-http';
import type { AppConfig } from './app-config';
import { AppLogger, HTTP_LOGGER, requestLogger } from './app-logger';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Sign-on links carry secrets in the path: logs keep the route, not the token. */
export function redactPath(url: string | undefined): string | undefined {
  return url?.replace(/\/(sign|s|join)\/[^/?#]+/g, '/$1/[redacted]');
}

/** pino-http's options: the level, the output format, request ids, what a request logs. */
export function httpLoggerOptions(config: AppConfig): Options {
  return {
    level: config.logLevel,
    transport:
      config.production || config.env === 'test'
        ? undefined
        : { target: 'pino-pretty', options: { singleLine: true, ignore: 'pid,hostname' } },
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    serializers: {
      req: (req: { id: unknown; method: string; url?: string }) => ({
        id: req.id,
        method: req.method,
        url: redactPath(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

/** Logs each request when it completes, and runs its handler with the request's logger. */
@Injectable()
export class RequestLoggerMiddleware implements NestMiddleware {
  constructor(@Inject(HTTP_LOGGER) private readonly http: HttpLogger) {}

  use(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    this.http(req, res, () => requestLogger.run(req.log, next));
  }
}

/**
 * Pino logs for both apps: JSON in production, pretty on a terminal otherwise; every HTTP
 * request gets an id (the caller's X-Request-Id when it is sane, else a new UUID) that
 * is echoed in the response and attached to each log line of the request.
 *
 * Written over pino and pino-http directly rather than with nestjs-pino: nestjs-pino 5
 * declares Node >= 22.12 (we support Node 20, which CI runs), and 4.x declares peers that
 * stop at Nest 11, so it would need forced peer ranges. What we used of it is this module,
 * AppLogger and a two-line middleware (docs/operations.md, "Node versions").
 */
@Global()
@Module({})
export class LoggerModule implements NestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggerModule,
      providers: [
        { provide: HTTP_LOGGER, useFactory: () => pinoHttp(httpLoggerOptions(config)) },
        AppLogger,
      ],
      exports: [HTTP_LOGGER, AppLogger],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // Every route. path-to-regexp 8 (Express 5) has no bare `*`; `{/*splat}` also matches `/`.
    consumer
      .apply(RequestLoggerMiddleware)
      .forRoutes({ path: '{/*splat}', method: RequestMethod.ALL });
  }
}
