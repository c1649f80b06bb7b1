import { loadConfig } from '@app/config';
import type { Request } from 'express';
import { formError } from '../views/form-error';
import { letterDateInWords } from '../views/letter-text.partial';
import { declineForm, delegateForm, openSignOnForm, signOnForm } from './form-fields';
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
  it('turns a form into the command: ticked boxes true, empty fields absent, no form check', () => {
    expect(
      signOnForm({
        form: 'x',
        displayName: 'Org',
        signerName: 'Ann',
        signerTitle: '',
        consent: 'on',
        authorized: 'yes',
      }),
    ).toEqual({
      displayName: 'Org',
      signerName: 'Ann',
      signerTitle: undefined,
      country: undefined,
      visibility: undefined,
      consent: true,
      authorized: false,
    });
    expect(delegateForm({ form: 'x' })).toEqual({ email: '', fromName: undefined });
  });

  it('refuses an unknown field and a repeated one, naming them, as the JSON twins do', () => {
    expect(() => signOnForm({ displayName: 'Org', isAdmin: 'on' })).toThrow(
      /^isAdmin: is not an accepted field/,
    );
    expect(() => declineForm({ reason: ['a', 'b'] })).toThrow(/^reason: must be text/);
    expect(() => openSignOnForm({ signerEmail: 'a@b.example', homepage: 'x' })).not.toThrow();
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
