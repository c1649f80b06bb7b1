const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An instant from the API (ISO 8601) in the reader's own locale and time zone. */
export function when(iso: string): string {
  return format.format(new Date(iso));
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/**
 * How long ago an instant was, in the largest whole unit: "5 minutes ago", "yesterday",
 * "3 months ago". Under a minute (or a clock a little behind the server's) is "just now".
 */
export function ago(iso: string, now: Date): string {
  const past = now.getTime() - new Date(iso).getTime();
  if (past < MINUTE) return 'just now';
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 365 * DAY],
    ['month', 30 * DAY],
    ['week', 7 * DAY],
    ['day', DAY],
    ['hour', HOUR],
    ['minute', MINUTE],
  ];
  const [unit, size] = units.find(([, length]) => past >= length)!;
  return relative.format(-Math.floor(past / size), unit);
}
