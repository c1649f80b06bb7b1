/** The readable cookie the API sets beside its httpOnly session cookie (apps/api/src/auth). */
export const CSRF_COOKIE = 'signatory_csrf';
/** The header a cookie-authenticated change must echo that cookie's value in. */
export const CSRF_HEADER = 'X-CSRF-Token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** One cookie's value from a `document.cookie` string, or undefined. */
export function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    if (part.slice(0, at).trim() === name) {
      const value = part.slice(at + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return undefined;
}

/**
 * The double-submit: every request that may change something carries the CSRF cookie's
 * value in X-CSRF-Token. Reads send nothing; without the cookie (signed out) there is
 * nothing to send, and the API's public routes do not ask for it.
 */
export function csrfHeaders(method: string, cookies: string): Record<string, string> {
  if (SAFE_METHODS.has(method.toUpperCase())) return {};
  const token = readCookie(cookies, CSRF_COOKIE);
  return token ? { [CSRF_HEADER]: token } : {};
}
