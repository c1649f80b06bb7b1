import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './errors';

/** A statement's failure as TypeORM hands it over from the pg driver. */
const failed = (code: string) =>
  new QueryFailedError('UPDATE "organizations" …', [], Object.assign(new Error(code), { code }));

describe('isDatabaseUnavailable', () => {
  it('takes a deadlock or a serialization failure (undone whole) for "try again"', () => {
    expect(isDatabaseUnavailable(failed('40P01'))).toBe(true);
    expect(isDatabaseUnavailable(failed('40001'))).toBe(true);
  });

  it('takes a connection refused for an outage', () => {
    expect(isDatabaseUnavailable(failed('ECONNREFUSED'))).toBe(true);
  });

  it('does not excuse a statement that is wrong or a row that breaks a rule', () => {
    expect(isDatabaseUnavailable(failed('42601'))).toBe(false);
    expect(isDatabaseUnavailable(failed('23505'))).toBe(false);
  });
});
