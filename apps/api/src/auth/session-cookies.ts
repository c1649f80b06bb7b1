import type { AppConfig } from '@app/config';
import type { Response } from 'express';

export const SESSION_COOKIE = 'signatory_session';
export const CSRF_COOKIE = 'signatory_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The web UI's way to hold the same token: an httpOnly, SameSite=Lax cookie, plus a
 * readable CSRF cookie whose value must come back in the X-CSRF-Token header on changes.
 */
export function setSessionCookies(
  res: Response,
  config: AppConfig,
  token: string,
  csrf: string,
): void {
  const common = {
    sameSite: 'lax' as const,
    secure: config.publicUrl.startsWith('https:'),
    path: '/',
    maxAge: config.sessionTtlDays * 24 * 3600 * 1000,
  };
  res.cookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
  res.cookie(CSRF_COOKIE, csrf, { ...common, httpOnly: false });
}

export function clearSessionCookies(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { path: '/' });
  res.clearCookie(CSRF_COOKIE, { path: '/' });
}
