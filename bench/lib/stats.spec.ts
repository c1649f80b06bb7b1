import { median, ms, percentile } from './stats';

describe('bench stats', () => {
  it('takes the nearest rank, whatever the order of the values', () => {
    const values = [5, 1, 4, 2, 3];
    expect(median(values)).toBe(3);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 95)).toBe(5);
    expect(percentile(values, 100)).toBe(5);
    expect(values).toEqual([5, 1, 4, 2, 3]);
  });

  it('is NaN for no values', () => {
    expect(median([])).toBeNaN();
  });

  it('writes milliseconds with decimals only below 10', () => {
    expect(ms(8.204)).toBe('8.20 ms');
    expect(ms(38.6)).toBe('39 ms');
  });
});
