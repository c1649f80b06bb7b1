import { countdown, inZone } from './deadline';

const now = new Date('2026-12-01T12:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('countdown', () => {
  it('names the largest whole unit left, rounded down', () => {
    expect(countdown(later(3 * DAY + 5 * HOUR), now)).toBe('closes in 3 days');
    expect(countdown(later(DAY), now)).toBe('closes in 1 day');
    expect(countdown(later(DAY - 1), now)).toBe('closes in 23 hours');
    expect(countdown(later(HOUR), now)).toBe('closes in 1 hour');
    expect(countdown(later(59 * MINUTE + 59_999), now)).toBe('closes in 59 minutes');
    expect(countdown(later(MINUTE), now)).toBe('closes in 1 minute');
    expect(countdown(later(59_999), now)).toBe('closes in less than a minute');
  });

  it('says when the deadline has passed', () => {
    expect(countdown(now, now)).toBe('deadline passed');
    expect(countdown(later(-DAY), now)).toBe('deadline passed');
  });
});

describe('inZone', () => {
  it('reads the instant in the given zone, naming it', () => {
    const deadline = new Date('2026-12-21T04:59:00Z');
    expect(inZone(deadline, 'America/New_York', 'en-GB')).toBe('20 Dec 2026, 23:59 GMT-5');
    expect(inZone(deadline, 'UTC', 'en-GB')).toBe('21 Dec 2026, 04:59 UTC');
  });
});
