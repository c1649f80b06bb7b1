import { AppConfig } from '@app/config';
import { isDeadJoinLink, isDeadLink } from '@app/domain';
import {
  CallHandler,
  ExecutionContext,
  HttpException,
  Inject,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { catchError, from, type Observable } from 'rxjs';
import { RedisThrottlerStorage } from '../auth/redis-throttler.storage';

const MINUTE_MS = 60_000;

/** What a client guessing tokens would get: a sign or join link unknown, used or expired. */
/** One client tried too many unknown or expired links (429; Retry-After is set). */
export class TooManyLinkMisses extends HttpException {
  constructor(wait: number) {
    super(`too many unknown or expired links; retry in ${wait} s`, 429);
  }
}

export const isDeadToken = (error: unknown): boolean => isDeadLink(error) || isDeadJoinLink(error);

/**
 * Counts the unknown, revoked and expired links each client IP tries, on every route that
 * takes a token (sign-on links and join links, one count for both); past the limit, a miss
 * answers 429 instead of 404/410, so links cannot be guessed by trying. Working links are
 * never slowed down: only misses are counted.
 */
@Injectable()
export class LinkMissLimiter implements NestInterceptor {
  constructor(
    private readonly storage: RedisThrottlerStorage,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          from(this.count(error, http.getRequest(), http.getResponse())),
        ),
      );
  }

  private async count(error: unknown, req: Request, res: Response): Promise<never> {
    if (isDeadToken(error)) await this.countMiss(req, res);
    throw error;
  }

  /** Counts one miss of this client; throws the 429 once it is past the limit. */
  async countMiss(req: Request, res: Response): Promise<void> {
    const record = await this.storage.increment(
      req.ip ?? 'unknown',
      MINUTE_MS,
      this.config.signLinkMissesPerIp,
      MINUTE_MS,
      'sign-link-miss',
    );
    if (record.isBlocked) {
      const wait = Math.max(1, record.timeToBlockExpire);
      res.setHeader('Retry-After', String(wait));
      throw new TooManyLinkMisses(wait);
    }
  }
}
