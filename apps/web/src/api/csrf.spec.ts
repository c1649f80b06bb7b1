import { CSRF_HEADER, csrfHeaders, readCookie } from './csrf';

describe('the CSRF double-submit', () => {
  const cookies = 'theme=dark; signatory_csrf=abc%2Bdef; other=1';

  it('echoes the signatory_csrf cookie in X-CSRF-Token on every change', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'post']) {
      expect(csrfHeaders(method, cookies)).toEqual({ [CSRF_HEADER]: 'abc+def' });
    }
    expect(CSRF_HEADER).toBe('X-CSRF-Token');
  });

  it('sends nothing on reads', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'get']) {
      expect(csrfHeaders(method, cookies)).toEqual({});
    }
  });

  it('sends nothing without the cookie (signed out: the public routes do not ask)', () => {
    expect(csrfHeaders('POST', '')).toEqual({});
    expect(csrfHeaders('POST', 'xsignatory_csrf=nope; signatory_csrfx=no')).toEqual({});
  });

  it('reads one cookie by its exact name, spaces and odd values included', () => {
    expect(readCookie(' a=1 ;b = 2', 'b')).toBe('2');
    expect(readCookie('a=x=y', 'a')).toBe('x=y');
    expect(readCookie('a=%E0%A4%A', 'a')).toBe('%E0%A4%A');
    expect(readCookie('novalue; a=1', 'novalue')).toBeUndefined();
  });
});
