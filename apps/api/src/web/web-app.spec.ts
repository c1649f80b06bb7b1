import { isAppPath, newNonce, WEB_APP_CSP, webAppCsp, withNonce } from './web-app';

describe('isAppPath: which GETs the web app answers', () => {
  it('answers its own screens, /sign-in included', () => {
    for (const path of [
      '/',
      '/sign-in',
      '/register',
      '/w/abc/settings',
      '/account',
      '/signatures',
    ]) {
      expect(isAppPath(path)).toBe(true);
    }
  });

  it('leaves the API, health, the signer pages and the assets alone', () => {
    for (const path of [
      '/api',
      '/api/nope',
      '/health',
      '/sign/x',
      '/s/x',
      '/l/x',
      '/join/t',
      '/assets/x.js',
    ]) {
      expect(isAppPath(path)).toBe(false);
    }
  });
});

describe('the HTML nonce', () => {
  it('is fresh for each response, 128 bits in base64', () => {
    const a = newNonce();
    expect(Buffer.from(a, 'base64')).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });

  it('allows <style> with the nonce, never an inline script', () => {
    const csp = webAppCsp('abc=');
    expect(csp).toContain("style-src 'self' 'nonce-abc='");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
    expect(WEB_APP_CSP).toContain("style-src 'self';");
  });

  it('is written first in <head>, where the app reads it', () => {
    expect(withNonce('<html><head><title>x</title></head></html>', 'abc=')).toBe(
      '<html><head>\n    <meta name="csp-nonce" content="abc=" /><title>x</title></head></html>',
    );
  });
});
