import type { AppConfig } from '@app/config';
import { DomainError, DomainErrorCode, sameHash, tokenHash } from '@app/domain';
import type { Request } from 'express';

/** The hidden field every sign page form carries. */
export const FORM_CHECK_FIELD = 'form';

/**
 * The value of that field: HMAC(APP_SECRET, 'sign-form:' + token). No cookie is involved;
 * another site cannot compute it, so it cannot make a visitor's browser post a form here.
 */
export function signFormToken(config: AppConfig, token: string): string {
  return tokenHash(config.appSecret, 'sign-form', token);
}

/**
 * Refuses a form posted from another site (403), when the browser says where it came from.
 * `Origin: null` says nothing: browsers send it for our own forms because the pages carry
 * `Referrer-Policy: no-referrer`.
 */
export function checkOrigin(req: Request, config: AppConfig): void {
  const origin = req.get('origin');
  if (origin === undefined || origin === 'null') return;
  const own = [new URL(config.publicUrl).origin, `${req.protocol}://${req.get('host')}`];
  if (!own.includes(origin)) {
    throw new DomainError(
      DomainErrorCode.Forbidden,
      'origin: this form was sent from another site; nothing was recorded',
    );
  }
}

/** Refuses a sign page form without this link's check value (400). */
export function checkSignForm(config: AppConfig, token: string, body: Record<string, unknown>) {
  const sent = body[FORM_CHECK_FIELD];
  const expected = signFormToken(config, token);
  if (typeof sent !== 'string' || !/^[0-9a-f]{64}$/.test(sent) || !sameHash(sent, expected)) {
    throw DomainError.invalid(
      FORM_CHECK_FIELD,
      'this form did not come from the sign-on page of this link; nothing was recorded',
    );
  }
}
