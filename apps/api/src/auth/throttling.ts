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
const WINDOW_MS = 15 * 60 * 1000;

/** Marks the routes counted as log-in attempts (per IP and per email). */
export const LoginThrottled = () => SetMetadata(LOGIN_THROTTLED, true);

const isLogin = (context: ExecutionContext) =>
  Reflect.getMetadata(LOGIN_THROTTLED, context.getHandler()) === true;

/**
 * A general per-IP limit on every route, and on log-in routes two more: attempts per IP
 * and attempts per email address, whichever runs out first.
 */
export function throttlerOptions(
  config: AppConfig,
  storage: RedisThrottlerStorage,
): ThrottlerModuleOptions {
  return {
    storage,
    throttlers: [
      { name: 'default', ttl: 60_000, limit: 600 },
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
