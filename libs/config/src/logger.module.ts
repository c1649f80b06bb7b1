import { DynamicModule, Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import type { AppConfig } from './app-config';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Sign-on links carry secrets in the path: logs keep the route, not the token. */
export function redactPath(url: string | undefined): string | undefined {
  return url?.replace(/\/(sign|s|join)\/[^/?#]+/g, '/$1/[redacted]');
}

/**
 * Pino logs for both apps: JSON in production, pretty on a terminal otherwise; every HTTP
 * request gets an id (the caller's X-Request-Id when it is sane, else a new UUID) that
 * is echoed in the response and attached to each log line of the request.
 */
@Module({})
export class LoggerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggerModule,
      imports: [
        PinoLoggerModule.forRoot({
          pinoHttp: {
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
            redact: [
              'req.headers.authorization',
              'req.headers.cookie',
              'res.headers["set-cookie"]',
            ],
            serializers: {
              req: (req: { id: unknown; method: string; url?: string }) => ({
                id: req.id,
                method: req.method,
                url: redactPath(req.url),
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
      ],
      exports: [PinoLoggerModule],
    };
  }
}
