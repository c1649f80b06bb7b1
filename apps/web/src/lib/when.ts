const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An instant from the API (ISO 8601) in the reader's own locale and time zone. */
export function when(iso: string): string {
  return format.format(new Date(iso));
}
