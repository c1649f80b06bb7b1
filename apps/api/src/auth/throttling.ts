import { AppConfig } from '@app/config';
import { normalizeEmail } from '@app/domain';
import { ExecutionContext, HttpException, Injectable, SetMetadata } from '@nestjs/common';
import {
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
} from '@nestjs/throttler';
import type { Response } from 'express';
import type { RedisThrottlerStorage } from './redis-throttler.storage';

const LOGIN_THROTTLED = 'signatory:login-throttled';
const OPEN_SIGN_ON_THROTTLED = 'signatory:open-sign-on-throttled';
const WINDOW_MS = 15 * 60 * 1000;
const HOUR_MS = 3600 * 1000;

/** Marks the routes counted as log-in attempts (per IP and per email). */
export const LoginThrottled = () => SetMetadata(LOGIN_THROTTLED, true);

/** Marks open sign-on requests (`:letterId` in the route), counted per IP and per letter. */
export const OpenSignOnThrottled = () => SetMetadata(OPEN_SIGN_ON_THROTTLED, true);

const marked = (key: string) => (context: ExecutionContext) =>
  Reflect.getMetadata(key, context.getHandler()) === true;
const isLogin = marked(LOGIN_THROTTLED);
const isOpenSignOn = marked(OPEN_SIGN_ON_THROTTLED);

// The throttler keys counts by controller and handler by default; the open sign-on page and
// its JSON twin must share one count, or a client could use both to double its allowance.
const sharedAcrossRoutes = (_context: ExecutionContext, tracker: string, name: string) =>
  `${name}:${tracker}`;

/**
 * A general per-IP limit on every route; on log-in routes two more (attempts per IP and
 * per email address, whichever runs out first); on open sign-on requests, per IP and per
 * letter.
 */
export function throttlerOptions(
  config: AppConfig,
  storage: RedisThrottlerStorage,
): ThrottlerModuleOptions {
  return {
    storage,
    throttlers: [
      { name: 'default', ttl: 60_000, limit: config.rateLimitPerMinute },
      {
        name: 'login-ip',
        ttl: WINDOW_MS,
        limit: config.loginLimitPerIp,
        skipIf: (context) => !isLogin(context),
      },
      {
        name: 'login-email',
        ttl: WINDOW_MS,
        limit: config.loginLimitPerEmail,
        skipIf: (context) => !isLogin(context),
        getTracker: (req: Record<string, unknown>) => {
          const email = (req.body as { email?: unknown } | undefined)?.email;
          return typeof email === 'string' ? normalizeEmail(email).slice(0, 320) : '(none)';
        },
      },
      {
        name: 'open-sign-on-ip',
        ttl: HOUR_MS,
        limit: config.openSignOnLimitPerIp,
        skipIf: (context) => !isOpenSignOn(context),
        generateKey: sharedAcrossRoutes,
      },
      {
        name: 'open-sign-on-letter',
        ttl: HOUR_MS,
        limit: config.openSignOnLimitPerLetter,
        skipIf: (context) => !isOpenSignOn(context),
        getTracker: (req: Record<string, unknown>) =>
          String((req.params as { letterId?: string }).letterId ?? '').slice(0, 64),
        generateKey: sharedAcrossRoutes,
      },
    ],
  };
}

/** Answers 429 in the API's error shape, with a plain Retry-After header. */
@Injectable()
export class SignatoryThrottlerGuard extends ThrottlerGuard {
  protected override throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const res = context.switchToHttp().getResponse<Response>();
    const wait = Math.max(1, detail.timeToBlockExpire || detail.timeToExpire);
    res.setHeader('Retry-After', String(wait));
    throw new HttpException(`too many attempts; retry in ${wait} s`, 429);
  }
}
