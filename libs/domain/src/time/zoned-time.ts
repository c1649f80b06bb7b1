/**
 * Instants read and written in an IANA time zone, with Node's own Intl (full ICU): no
 * date library. Pure functions; formatters are built once per zone and reused, because
 * building an Intl.DateTimeFormat costs more than formatting with one.
 *
 * Local times that do not exist (the hour skipped when clocks go forward) move forward by
 * the length of the gap (02:30 on a spring-forward night in New York is 03:30 EDT); local
 * times that happen twice (the hour repeated when clocks go back) take the earlier instant.
 * That is what Temporal calls the "compatible" disambiguation, and what most calendars do.
 */

import { MONTH_NAMES } from '@app/pdf';

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

const partsFormats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormats.set(zone, format);
  }
  return format;
}

/**
 * The zone's IANA name as it is stored (`america/new_york` → `America/New_York`; a current
 * name such as `Asia/Kolkata` stays itself, though ICU's own list still says
 * `Asia/Calcutta`), or null when Intl does not know it. Fixed offsets (`+05:00`) are not
 * zones.
 */
export function canonicalTimeZone(name: string): string | null {
  if (typeof name !== 'string' || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return null;
  try {
    const resolved = resolvedZone(name);
    if (resolved.toLowerCase() === name.toLowerCase()) return resolved;
    const lower = name.toLowerCase();
    const listed = Intl.supportedValuesOf('timeZone').find((z) => z.toLowerCase() === lower);
    if (listed) return listed;
    // A current name ICU lists under an older one (asia/kolkata): its usual capitals.
    const capitalized = name.replace(
      /(^|[/_])([a-z])/g,
      (_, sep: string, c: string) => sep + c.toUpperCase(),
    );
    return capitalized !== name && resolvedZone(capitalized) === resolved ? capitalized : name;
  } catch {
    return null;
  }
}

const resolvedZone = (name: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;

export function isTimeZone(name: unknown): name is string {
  return typeof name === 'string' && canonicalTimeZone(name) !== null;
}

/** The wall-clock reading of `instant` in `zone`. */
export function localDateTime(instant: Date, zone: string): LocalDateTime {
  const value: Record<string, number> = {};
  for (const part of partsFormat(zone).formatToParts(instant)) {
    if (part.type !== 'literal') value[part.type] = Number(part.value);
  }
  return {
    year: value.year,
    month: value.month,
    day: value.day,
    hour: value.hour,
    minute: value.minute,
    second: value.second,
  };
}

const asUtcMs = (local: LocalDateTime) =>
  Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);

/** The zone's offset from UTC at `instant`, in minutes (New York in winter: -300). */
export function offsetMinutes(instant: Date, zone: string): number {
  const wholeSecond = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round(
    (asUtcMs(localDateTime(new Date(wholeSecond), zone)) - wholeSecond) / MINUTE_MS,
  );
}

/**
 * The instant at which clocks in `zone` read `local`. A reading skipped by a change of
 * offset moves forward by the gap; a reading that happens twice takes the earlier instant.
 */
export function zonedInstant(local: LocalDateTime, zone: string): Date {
  const wall = asUtcMs(local);
  // The offsets in force a day either side cover any one change of offset around `wall`.
  const before = offsetMinutes(new Date(wall - DAY_MS), zone);
  const after = offsetMinutes(new Date(wall + DAY_MS), zone);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((ms) => asUtcMs(localDateTime(new Date(ms), zone)) === wall)
    .sort((a, b) => a - b);
  // No candidate reads `wall`: it lies in a gap; the offset before the gap carries it
  // forward by the gap's length.
  return new Date(candidates[0] ?? wall - before * MINUTE_MS);
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

function realLocal(fields: (string | undefined)[]): LocalDateTime | null {
  const [year, month, day, hour = 0, minute = 0, second = 0] = fields.map((f) =>
    f === undefined ? undefined : Number(f),
  );
  const local = { year: year!, month: month!, day: day!, hour, minute, second };
  if (month! < 1 || month! > 12 || hour > 23 || minute > 59 || second > 59) return null;
  // Date.UTC rolls 31 April over into May: a real date reads back the same.
  const check = new Date(Date.UTC(local.year, local.month - 1, local.day));
  if (check.getUTCDate() !== local.day || check.getUTCMonth() !== local.month - 1) return null;
  return local;
}

/**
 * A deadline as people write it, read in `zone`:
 * - `2026-12-20`: that day at 23:59 in the zone;
 * - `2026-12-20T17:00` (or `T17:00:30`): that local time in the zone;
 * - `2026-12-20T22:00:00Z` or `2026-12-20T17:00:00-05:00`: that instant, whatever the zone.
 * Null when it is none of these, or not a real date and time.
 */
export function parseZonedDateTime(input: string, zone: string): Date | null {
  if (typeof input !== 'string') return null;
  const text = input.trim();
  const date = LOCAL_DATE.exec(text);
  if (date) {
    const local = realLocal([...date.slice(1), '23', '59']);
    return local && zonedInstant(local, zone);
  }
  const dateTime = LOCAL_DATE_TIME.exec(text);
  if (dateTime) {
    const local = realLocal(dateTime.slice(1));
    return local && zonedInstant(local, zone);
  }
  const instant = WITH_OFFSET.exec(text);
  if (instant && realLocal(instant.slice(1, 7))) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? null : new Date(ms);
  }
  return null;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** `2026-12-20` for the day `instant` falls on in `zone`. */
export function localDateString(instant: Date, zone: string): string {
  const { year, month, day } = localDateTime(instant, zone);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** ISO 8601 with the zone's offset at that instant: `2026-12-20T23:59:00-05:00`. */
export function isoInZone(instant: Date, zone: string): string {
  const local = localDateTime(instant, zone);
  const offset = offsetMinutes(instant, zone);
  const sign = offset < 0 ? '-' : '+';
  return (
    `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}` +
    `T${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}` +
    `${sign}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  );
}

const nameFormats = new Map<string, Intl.DateTimeFormat>();
function zoneName(instant: Date, zone: string, locale: 'en-US' | 'en-GB'): string {
  const key = `${locale}|${zone}`;
  let format = nameFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' });
    nameFormats.set(key, format);
  }
  return format.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/**
 * The zone's short name at `instant` as readers know it: `EST`/`EDT`, `PST`, `GMT`/`BST`,
 * `CET`/`CEST`, `UTC`; where English has no common abbreviation, the offset
 * (`UTC+5:30`, `UTC+10:30`, `UTC-3`).
 */
export function zoneAbbreviation(instant: Date, zone: string): string {
  const isOffset = (name: string) => /^GMT[+-]/.test(name);
  for (const locale of ['en-US', 'en-GB'] as const) {
    const name = zoneName(instant, zone, locale);
    if (name && !isOffset(name)) return name;
  }
  return zoneName(instant, zone, 'en-US').replace(/^GMT/, 'UTC');
}

/** `20 December 2026, 11:59 pm EST`: how every page, mail and file says an instant. */
export function formatInZone(instant: Date, zone: string): string {
  const { year, month, day, hour, minute } = localDateTime(instant, zone);
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  const period = hour < 12 ? 'am' : 'pm';
  return `${day} ${MONTH_NAMES[month - 1]} ${year}, ${hour12}:${pad(minute)} ${period} ${zoneAbbreviation(instant, zone)}`;
}

/**
 * The same wall-clock time `days` calendar days earlier in `zone` (a reminder "7 days
 * before" a 23:59 deadline goes at 23:59 a week before, local time, across a change of
 * offset too).
 */
export function calendarDaysBefore(instant: Date, days: number, zone: string): Date {
  const local = localDateTime(instant, zone);
  const earlier = new Date(Date.UTC(local.year, local.month - 1, local.day - days));
  return zonedInstant(
    {
      ...local,
      year: earlier.getUTCFullYear(),
      month: earlier.getUTCMonth() + 1,
      day: earlier.getUTCDate(),
    },
    zone,
  );
}
