import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { isDatabaseUnavailable } from '@app/database';
import { DomainError } from '@app/domain';
import { statusOf } from './domain-status';
import { errorBody, type ErrorBody } from './error-body';

/** Nest wraps body-parser errors in HttpExceptions; their `type` says what went wrong. */
const parserMessages: Record<string, string> = {
  'entity.parse.failed': 'body: malformed JSON',
  'entity.verify.failed': 'body: rejected',
  'entity.too.large': 'body: too large',
  'encoding.unsupported': 'body: unsupported content encoding',
  'charset.unsupported': 'body: unsupported charset',
  'request.aborted': 'body: request aborted',
};

/** Seconds a client is told to wait when the database is unreachable. */
export const DATABASE_RETRY_AFTER_S = 5;

/**
 * The one place errors become responses, in the contract's shape. Anything unexpected is
 * a 500 carrying an `errorId` that is also in the log, with no internals for the client.
 * The database being unreachable is not unexpected: 503 with Retry-After (issue 14.9).
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    if (isDatabaseUnavailable(exception)) {
      if (response.headersSent) return;
      response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_S));
      response.status(503).json(this.unavailable(exception, request));
      return;
    }
    const body = this.toBody(exception, request);
    if (response.headersSent) return;
    if (exception instanceof DomainError && exception.retryAfterS !== undefined) {
      response.setHeader('Retry-After', String(exception.retryAfterS));
    }
    response.status(body.statusCode).json(body);
  }

  /** An outage, not a bug: a 503 the client may retry, logged once as a warning. */
  private unavailable(exception: unknown, request: Request): ErrorBody {
    this.logger.warn(
      {
        reason: (exception as Error | undefined)?.message,
        method: request.method,
        route: (request.route as { path?: string } | undefined)?.path,
      },
      'database unavailable: answered 503',
    );
    return errorBody(503, `database: unavailable; try again in ${DATABASE_RETRY_AFTER_S} seconds`);
  }

  private toBody(exception: unknown, request: Request): ErrorBody {
    if (exception instanceof DomainError) {
      return { ...errorBody(statusOf(exception), exception.message), ...exception.extra };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const parserType = (exception.cause as { type?: string } | undefined)?.type;
      if (parserType && parserMessages[parserType]) {
        return errorBody(status, parserMessages[parserType]);
      }
      const payload = exception.getResponse();
      if (typeof payload === 'object' && payload !== null && 'message' in payload) {
        const { message, details } = payload as { message: unknown; details?: unknown[] };
        const text = Array.isArray(message) ? message.join('; ') : String(message);
        return errorBody(status, text, details);
      }
      return errorBody(status, typeof payload === 'string' ? payload : exception.message);
    }
    const errorId = randomUUID();
    this.logger.error(
      { err: exception, errorId, method: request.method, route: request.route as unknown },
      `unhandled error ${errorId}`,
    );
    return { ...errorBody(500, `internal error; quote ${errorId} when reporting it`), errorId };
  }
}
