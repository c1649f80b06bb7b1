import {
  calendarDaysBefore,
  canonicalTimeZone,
  formatInZone,
  isoInZone,
  localDateString,
  offsetMinutes,
  parseZonedDateTime,
  zoneAbbreviation,
  zonedInstant,
} from './zoned-time';

const iso = (date: Date | null) => date?.toISOString() ?? null;
const NY = 'America/New_York';

describe('zoned time', () => {
  describe('canonicalTimeZone', () => {
    it('knows IANA names, in any case and by their aliases', () => {
      expect(canonicalTimeZone('America/New_York')).toBe(NY);
      expect(canonicalTimeZone('america/new_york')).toBe(NY);
      expect(canonicalTimeZone('UTC')).toBe('UTC');
      expect(canonicalTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
      expect(canonicalTimeZone('asia/kolkata')).toBe('Asia/Kolkata');
      expect(canonicalTimeZone('europe/london')).toBe('Europe/London');
      expect(canonicalTimeZone('US/Eastern')).toBe('US/Eastern');
    });

    it('refuses what is not a zone', () => {
      for (const name of ['Mars/Base', '', '+05:00', 'EST5EDT ', 'New York', '../etc']) {
        expect(canonicalTimeZone(name)).toBeNull();
      }
    });
  });

  describe('parseZonedDateTime', () => {
    it('reads a date as 23:59 that day in the zone', () => {
      expect(iso(parseZonedDateTime('2026-12-20', NY))).toBe('2026-12-21T04:59:00.000Z');
      expect(iso(parseZonedDateTime('2026-12-20', 'UTC'))).toBe('2026-12-20T23:59:00.000Z');
      expect(iso(parseZonedDateTime('2026-07-20', NY))).toBe('2026-07-21T03:59:00.000Z');
    });

    it('reads a local date and time in the zone', () => {
      expect(iso(parseZonedDateTime('2026-12-20T17:00', NY))).toBe('2026-12-20T22:00:00.000Z');
      expect(iso(parseZonedDateTime('2026-12-20T17:00:30', NY))).toBe('2026-12-20T22:00:30.000Z');
    });

    it('reads zones with half-hour offsets', () => {
      expect(iso(parseZonedDateTime('2026-12-20T17:00', 'Asia/Kolkata'))).toBe(
        '2026-12-20T11:30:00.000Z',
      );
      // Adelaide is on daylight time (+10:30) in December.
      expect(iso(parseZonedDateTime('2026-12-20', 'Australia/Adelaide'))).toBe(
        '2026-12-20T13:29:00.000Z',
      );
      expect(iso(parseZonedDateTime('2026-12-20T12:00', 'America/St_Johns'))).toBe(
        '2026-12-20T15:30:00.000Z',
      );
    });

    it('takes an instant with Z or an offset as that instant, whatever the zone', () => {
      expect(iso(parseZonedDateTime('2026-12-20T22:00:00Z', 'Asia/Tokyo'))).toBe(
        '2026-12-20T22:00:00.000Z',
      );
      expect(iso(parseZonedDateTime('2026-12-20T17:00:00-05:00', 'UTC'))).toBe(
        '2026-12-20T22:00:00.000Z',
      );
      expect(iso(parseZonedDateTime('2026-12-20T17:00:00.250+05:30', 'UTC'))).toBe(
        '2026-12-20T11:30:00.250Z',
      );
    });

    it('refuses what is not a real date and time', () => {
      for (const input of [
        '2026-02-30',
        '2026-13-01',
        '2026-12-20T24:00',
        '2026-12-20T17:60',
        '20 December 2026',
        '2026-12-20 17:00',
        '2026-12-20T17',
        '2026-02-30T10:00:00Z',
        '',
      ]) {
        expect(parseZonedDateTime(input, NY)).toBeNull();
      }
    });

    it('moves a local time skipped by the spring change forward by the gap', () => {
      // New York, 14 March 2027: 02:00 EST jumps to 03:00 EDT.
      expect(iso(parseZonedDateTime('2027-03-14T02:30', NY))).toBe('2027-03-14T07:30:00.000Z');
      expect(isoInZone(parseZonedDateTime('2027-03-14T02:30', NY)!, NY)).toBe(
        '2027-03-14T03:30:00-04:00',
      );
      expect(iso(parseZonedDateTime('2027-03-14T01:59', NY))).toBe('2027-03-14T06:59:00.000Z');
      expect(iso(parseZonedDateTime('2027-03-14T03:00', NY))).toBe('2027-03-14T07:00:00.000Z');
    });

    it('takes the earlier instant of a local time repeated by the autumn change', () => {
      // New York, 7 November 2027: 02:00 EDT goes back to 01:00 EST; 01:30 happens twice.
      expect(iso(parseZonedDateTime('2027-11-07T01:30', NY))).toBe('2027-11-07T05:30:00.000Z');
      expect(iso(parseZonedDateTime('2027-11-07T02:30', NY))).toBe('2027-11-07T07:30:00.000Z');
      // London, 31 October 2027: 01:30 BST comes before 01:30 GMT.
      expect(iso(parseZonedDateTime('2027-10-31T01:30', 'Europe/London'))).toBe(
        '2027-10-31T00:30:00.000Z',
      );
    });
  });

  describe('formatting', () => {
    const deadline = new Date('2026-12-21T04:59:00Z');

    it('says an instant in the zone, with its name', () => {
      expect(formatInZone(deadline, NY)).toBe('20 December 2026, 11:59 pm EST');
      expect(formatInZone(new Date('2026-07-21T03:59:00Z'), NY)).toBe('20 July 2026, 11:59 pm EDT');
      expect(formatInZone(deadline, 'UTC')).toBe('21 December 2026, 4:59 am UTC');
      expect(formatInZone(new Date('2026-12-20T12:00:00Z'), 'UTC')).toBe(
        '20 December 2026, 12:00 pm UTC',
      );
      expect(formatInZone(new Date('2026-12-20T00:05:00Z'), 'UTC')).toBe(
        '20 December 2026, 12:05 am UTC',
      );
    });

    it('names zones by their common abbreviation, else by their offset', () => {
      const summer = new Date('2026-07-01T12:00:00Z');
      expect(zoneAbbreviation(summer, 'Europe/London')).toBe('BST');
      expect(zoneAbbreviation(deadline, 'Europe/London')).toBe('GMT');
      expect(zoneAbbreviation(deadline, 'Europe/Paris')).toBe('CET');
      expect(zoneAbbreviation(summer, 'America/Los_Angeles')).toBe('PDT');
      expect(zoneAbbreviation(deadline, 'Asia/Kolkata')).toBe('UTC+5:30');
      expect(formatInZone(deadline, 'Asia/Kolkata')).toBe('21 December 2026, 10:29 am UTC+5:30');
      expect(formatInZone(deadline, 'Asia/Tokyo')).toBe('21 December 2026, 1:59 pm UTC+9');
    });

    it('writes ISO 8601 with the offset in force, half hours included', () => {
      expect(isoInZone(deadline, NY)).toBe('2026-12-20T23:59:00-05:00');
      expect(isoInZone(deadline, 'UTC')).toBe('2026-12-21T04:59:00+00:00');
      expect(isoInZone(deadline, 'Asia/Kolkata')).toBe('2026-12-21T10:29:00+05:30');
      expect(isoInZone(deadline, 'America/St_Johns')).toBe('2026-12-21T01:29:00-03:30');
      expect(new Date(isoInZone(deadline, 'America/St_Johns')).getTime()).toBe(deadline.getTime());
      expect(localDateString(deadline, NY)).toBe('2026-12-20');
      expect(localDateString(deadline, 'UTC')).toBe('2026-12-21');
    });

    it('knows the offset on either side of a change', () => {
      expect(offsetMinutes(new Date('2027-03-14T06:59:00Z'), NY)).toBe(-300);
      expect(offsetMinutes(new Date('2027-03-14T07:00:00Z'), NY)).toBe(-240);
      expect(offsetMinutes(deadline, 'Australia/Adelaide')).toBe(630);
    });
  });

  describe('calendarDaysBefore', () => {
    it('keeps the local time across a change of offset', () => {
      // A deadline of 16 March 2027, 23:59 EDT; a week before is 9 March, 23:59 EST.
      const deadline = parseZonedDateTime('2027-03-16', NY)!;
      expect(iso(deadline)).toBe('2027-03-17T03:59:00.000Z');
      const weekBefore = calendarDaysBefore(deadline, 7, NY);
      expect(iso(weekBefore)).toBe('2027-03-10T04:59:00.000Z');
      expect(formatInZone(weekBefore, NY)).toBe('9 March 2027, 11:59 pm EST');
      // Across a month's end, and in a zone without changes.
      expect(iso(calendarDaysBefore(new Date('2026-03-02T10:00:00Z'), 2, 'UTC'))).toBe(
        '2026-02-28T10:00:00.000Z',
      );
    });

    it('moves forward when the same local time falls in a gap', () => {
      const deadline = zonedInstant(
        { year: 2027, month: 3, day: 16, hour: 2, minute: 30, second: 0 },
        NY,
      );
      expect(iso(calendarDaysBefore(deadline, 2, NY))).toBe('2027-03-14T07:30:00.000Z');
    });
  });
});
