import { ApiError, firstInvalid, formErrors, type ErrorBody } from './errors';

const refusal = (body: ErrorBody) => new ApiError(body.statusCode, body);

describe('formErrors: an API refusal onto a form', () => {
  const fields = ['name', 'email', 'password'] as const;

  it('puts each field of a 400 next to that field, in sentences', () => {
    const error = refusal({
      statusCode: 400,
      error: 'Bad Request',
      message: 'email: must be an email address',
      details: [
        { field: 'email', problems: ['must be an email address'] },
        { field: 'password', problems: ['must be 10 to 256 characters', 'must be a string'] },
      ],
    });
    expect(formErrors(error, fields)).toEqual({
      fields: {
        email: 'Must be an email address.',
        password: 'Must be 10 to 256 characters.',
      },
    });
  });

  it('reads the field from the message when there are no details', () => {
    const error = refusal({
      statusCode: 400,
      error: 'Bad Request',
      message: 'name: must contain visible text',
    });
    expect(formErrors(error, fields)).toEqual({ fields: { name: 'Must contain visible text.' } });
  });

  it('gives the form a field it does not show, and keeps the ones it does', () => {
    const error = refusal({
      statusCode: 400,
      error: 'Bad Request',
      message: 'role: is not an accepted field',
      details: [
        { field: 'role', problems: ['is not an accepted field'] },
        { field: 'email', problems: ['must be an email address'] },
      ],
    });
    expect(formErrors(error, fields)).toEqual({
      fields: { email: 'Must be an email address.' },
      form: 'Role: is not an accepted field.',
    });
  });

  it('gives the form a refusal that names no field (401, 409, 429)', () => {
    const error = refusal({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'invalid email or password',
    });
    expect(formErrors(error, fields)).toEqual({ fields: {}, form: 'Invalid email or password.' });
  });

  it('says a 5xx is ours, with the errorId to quote', () => {
    const error = refusal({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'internal error',
      errorId: '2f1c7a9e',
    });
    expect(formErrors(error, fields).form).toBe(
      'Internal error. Something went wrong on our side (error id 2f1c7a9e).',
    );
  });

  it('says when the server could not be reached or sent no error body', () => {
    expect(formErrors(new TypeError('Failed to fetch'), fields).form).toMatch(
      /could not be reached/,
    );
    expect(formErrors(new ApiError(502, undefined), fields).form).toMatch(/answered 502/);
  });

  it('names the first invalid field in the form order, for the focus', () => {
    const errors = { fields: { password: 'x', email: 'y' } };
    expect(firstInvalid(errors, fields)).toBe('email');
    expect(firstInvalid({ fields: {} }, fields)).toBeUndefined();
  });
});
