import { loadConfig } from '@app/config';
import type { Request } from 'express';
import { formError } from '../views/form-error';
import { letterDateInWords } from '../views/letter-text.partial';
import { formToJson } from './form-fields';
import { checkOrigin, checkSignForm, signFormToken } from './sign-form-check';

const config = loadConfig({
  APP_SECRET: 'unit-test-secret-0123456789abcdef0123456789',
  PUBLIC_URL: 'https://sign.example.org',
});
const TOKEN = 'A'.repeat(43);

/** Just what checkOrigin reads from a request. */
const request = (origin: string | undefined, host = '10.0.0.5:3000') =>
  ({
    protocol: 'http',
    get: (name: string) => (name === 'origin' ? origin : name === 'host' ? host : undefined),
  }) as unknown as Request;

describe('sign page forms', () => {
  it('turns ticked boxes into true, drops empty fields and the form check, keeps the rest', () => {
    expect(
      formToJson(
        {
          form: 'x',
          displayName: 'Org',
          signerTitle: '',
          consent: 'on',
          authorized: 'yes',
          x: ['a'],
        },
        ['consent', 'authorized'],
      ),
    ).toEqual({ displayName: 'Org', consent: true, authorized: 'yes', x: ['a'] });
  });

  it('accepts only the form check of the same link', () => {
    const good = signFormToken(config, TOKEN);
    expect(() => checkSignForm(config, TOKEN, { form: good })).not.toThrow();
    expect(() => checkSignForm(config, 'B'.repeat(43), { form: good })).toThrow(/^form: /);
    expect(() => checkSignForm(config, TOKEN, {})).toThrow(/^form: /);
    expect(() => checkSignForm(config, TOKEN, { form: [good] })).toThrow(/^form: /);
  });

  it('refuses another site, accepts PUBLIC_URL, the Host, no Origin and "null"', () => {
    expect(() => checkOrigin(request('https://evil.example'), config)).toThrow(/^origin: /);
    expect(() => checkOrigin(request('https://sign.example.org.evil.example'), config)).toThrow();
    for (const origin of ['https://sign.example.org', 'http://10.0.0.5:3000', undefined, 'null']) {
      expect(() => checkOrigin(request(origin), config)).not.toThrow();
    }
  });

  it('shows a refusal with the label people see, keeping the field it names', () => {
    expect(formError('displayName: required')).toEqual({
      field: 'displayName',
      message: 'Organization name: required',
    });
    expect(formError('isAdmin: is not an accepted field')).toEqual({
      field: null,
      message: 'isAdmin: is not an accepted field',
    });
  });

  it('dates the letter in words from its digits', () => {
    expect(letterDateInWords('2026-03-02')).toBe('March 2, 2026');
    expect(letterDateInWords('2024-12-31')).toBe('December 31, 2024');
  });
});
