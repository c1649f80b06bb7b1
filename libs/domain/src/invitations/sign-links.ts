import { createHmac, randomBytes } from 'node:crypto';
import { tokenHash } from '../accounts/secret-tokens';

/**
 * An invitation's sign-on token is HMAC(APP_SECRET, seed): reminders can repeat the same
 * link, yet the database holds only the seed and the token's hash, useless without the
 * secret. Revoking or re-issuing a link is a new seed.
 */
export function newTokenSeed(): string {
  return randomBytes(32).toString('base64url');
}

export function signToken(secret: string, seed: string): string {
  return createHmac('sha256', secret).update(`sign-link:${seed}`).digest('base64url');
}

export function signTokenHash(secret: string, token: string): string {
  return tokenHash(secret, 'sign', token);
}
