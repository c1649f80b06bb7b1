import { ago } from './when';

describe('ago', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  const before = (ms: number) => new Date(now.getTime() - ms).toISOString();
  const MINUTE = 60_000;
  const DAY = 24 * 60 * MINUTE;

  it('says how long ago in the largest whole unit, rounded down', () => {
    expect(ago(before(30_000), now)).toBe('just now');
    expect(ago(before(-5_000), now)).toBe('just now');
    expect(ago(before(MINUTE), now)).toBe('1 minute ago');
    expect(ago(before(59 * MINUTE), now)).toBe('59 minutes ago');
    expect(ago(before(3 * 60 * MINUTE + 59 * MINUTE), now)).toBe('3 hours ago');
    expect(ago(before(DAY), now)).toBe('yesterday');
    expect(ago(before(6 * DAY), now)).toBe('6 days ago');
    expect(ago(before(15 * DAY), now)).toBe('2 weeks ago');
    expect(ago(before(95 * DAY), now)).toBe('3 months ago');
    expect(ago(before(800 * DAY), now)).toBe('2 years ago');
  });
});
