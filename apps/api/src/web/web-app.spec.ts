import { isAppPath } from './web-app';

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
