import { Inject, Injectable, type LoggerService } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as Pino } from 'pino';
import type { HttpLogger } from 'pino-http';

/** The app's one pino-http instance: its `logger` is the root logger of the process. */
export const HTTP_LOGGER = Symbol('HTTP_LOGGER');

/** The logger of the request being handled (pino-http's `req.log`, bound to its id). */
export const requestLogger = new AsyncLocalStorage<Pino>();

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/**
 * Nest's LoggerService over pino: what `app.useLogger` and every `new Logger(context)`
 * write through. Inside an HTTP request a line goes to that request's logger, so it
 * carries the request id; elsewhere (start-up, the worker, timers) to the root logger.
 *
 * Nest calls `log(message, ...params, context)`; a line is written as pino's
 * `(bindings, message, ...params)` with the context under `context`, an object message
 * merged into the bindings and an Error message under `err` (nestjs-pino's shape, which
 * this replaces: see LoggerModule).
 */
@Injectable()
export class AppLogger implements LoggerService {
  private readonly root: Pino;

  constructor(@Inject(HTTP_LOGGER) http: HttpLogger) {
    this.root = http.logger;
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const logger = requestLogger.getStore() ?? this.root;
    const bindings: Record<string, unknown> = {};
    let rest = params;
    if (params.length > 0) {
      bindings.context = params.at(-1);
      rest = params.slice(0, -1);
    }
    if (typeof message === 'object' && message !== null) {
      if (message instanceof Error) bindings.err = message;
      else Object.assign(bindings, message);
      logger[level](bindings, ...(rest as []));
    } else if (level === 'error' && isExceptionHandlerCall(message, rest)) {
      // Nest's own exception handlers call error(message, stack, context).
      const err = new Error(message as string);
      err.stack = rest[0];
      bindings.err = err;
      logger[level](bindings);
    } else {
      logger[level](bindings, message as string, ...(rest as []));
    }
  }
}

function isExceptionHandlerCall(message: unknown, rest: unknown[]): rest is [string] {
  return (
    typeof message === 'string' &&
    rest.length === 1 &&
    typeof rest[0] === 'string' &&
    /\n\s*at /.test(rest[0])
  );
}
