import { chooseEncoding, isAppPath, newNonce, WEB_APP_CSP, webAppCsp, withNonce } from './web-app';

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

describe('chooseEncoding: which precompressed copy of an asset to send', () => {
  const offered = ['br', 'gzip'];

  it('prefers brotli when the browser takes both, whatever order it names them in', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd', offered)).toBe('br');
    expect(chooseEncoding('br, gzip', offered)).toBe('br');
  });

  it('sends gzip to a client that takes only gzip, or refuses brotli', () => {
    expect(chooseEncoding('gzip, deflate', offered)).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip', offered)).toBe('gzip');
    expect(chooseEncoding('gzip;q=1.0, br;q=0.5', offered)).toBe('gzip');
  });

  it('sends the plain file without the header, for identity, or when all are refused', () => {
    expect(chooseEncoding(undefined, offered)).toBeUndefined();
    expect(chooseEncoding('', offered)).toBeUndefined();
    expect(chooseEncoding('identity', offered)).toBeUndefined();
    expect(chooseEncoding('deflate', offered)).toBeUndefined();
    expect(chooseEncoding('*;q=0, identity', offered)).toBeUndefined();
    expect(chooseEncoding('gzip;q=0.5, identity', offered)).toBeUndefined();
    expect(chooseEncoding('gzip', [])).toBeUndefined();
  });

  it('takes * for any coding not named', () => {
    expect(chooseEncoding('*', offered)).toBe('br');
    expect(chooseEncoding('*, br;q=0', offered)).toBe('gzip');
  });
});
