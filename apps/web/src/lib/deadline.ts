const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * How long until a deadline, as a letter's row says it: "closes in 3 days". The largest
 * whole unit, rounded down, so "in 1 day" never means less than a day.
 */
export function countdown(deadline: Date, now: Date): string {
  const left = deadline.getTime() - now.getTime();
  if (left <= 0) return 'deadline passed';
  if (left >= DAY) return `closes in ${plural(Math.floor(left / DAY), 'day')}`;
  if (left >= HOUR) return `closes in ${plural(Math.floor(left / HOUR), 'hour')}`;
  if (left >= MINUTE) return `closes in ${plural(Math.floor(left / MINUTE), 'minute')}`;
  return 'closes in less than a minute';
}

/** An instant as read in a zone, with the zone's abbreviation: "20 Dec 2026, 23:59 EST". */
export function inZone(instant: Date, timeZone: string, locale?: string): string {
  return (
    new Intl.DateTimeFormat(locale, {
      timeZone,
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(instant) + ` ${zoneAbbreviation(instant, timeZone, locale)}`
  );
}

function zoneAbbreviation(instant: Date, timeZone: string, locale?: string): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(
    instant,
  );
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}
