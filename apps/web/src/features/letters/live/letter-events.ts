import type { components } from '../../../api/schema';

/**
 * A letter's live updates (`GET /api/letters/:lid/events`, text/event-stream), without React:
 * which queries each event makes stale, how long to wait before opening the stream again,
 * and how often to poll while it is down. `use-letter-events.ts` wires it to the app.
 */

/** The query keys of a letter's tracking screens; each is a prefix of that screen's queries. */
export const trackingKeys = {
  stats: (lid: string) => ['letters', lid, 'stats'] as const,
  signatures: (lid: string) => ['letters', lid, 'signatures'] as const,
  activity: (lid: string) => ['letters', lid, 'activity'] as const,
};

/** What the stream's events ask to be read again: query key prefixes. */
export function keysForEvent(type: string, lid: string): readonly (readonly string[])[] {
  switch (type) {
    // Someone signed, declined, withdrew, was approved…: every tracking number may move.
    case 'activity':
      return [trackingKeys.stats(lid), trackingKeys.signatures(lid), trackingKeys.activity(lid)];
    // The same news, for a role that does not see the activity feed (only the event's id).
    case 'change':
      return [trackingKeys.stats(lid), trackingKeys.signatures(lid)];
    // The server lost track of what it sent (a restart, a gap): read the whole letter again.
    case 'reset':
      return [['letters', lid]];
    // Renditions are another screen's; anything unknown changes nothing here.
    default:
      return [];
  }
}

/**
 * What an opening of the stream reads again: whatever may have changed while it was not yet
 * (or no longer) subscribed. Rendition progress is pushed without an id, so no resume
 * replays it: the letter's renditions and each rendition shown are read again too (a
 * rendition that failed while the stream connected would otherwise stay "rendering").
 */
export function keysOnOpen(lid: string): readonly (readonly string[])[] {
  return [...keysForEvent('activity', lid), ['letters', lid, 'renditions'], ['renditions']];
}

export const POLL_MS = 10_000;
/** localStorage key: the poll interval in milliseconds, read once (tests set it short). */
export const POLL_KNOB = 'signatory.pollMs';

/** The poll interval: the knob's value when it is a sane number of ms (≥ 200), else 10 s. */
export function pollInterval(knob: string | null | undefined): number {
  const ms = Number(knob);
  return knob && Number.isFinite(ms) && ms >= 200 ? Math.round(ms) : POLL_MS;
}

/**
 * How long to wait before the `attempt`-th reopening (0 first): 2 s doubling up to 2 min,
 * with up to a fifth less at random so that many tabs do not come back at the same instant.
 */
export function backoff(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(120_000, 2_000 * 2 ** Math.max(0, attempt));
  return Math.round(ceiling * (1 - 0.2 * random()));
}

/** Live: the stream is open. Polling: it is not (yet, or any more); the queries poll. */
export type LiveMode = 'live' | 'polling';

/** The part of EventSource this uses, so tests can hand in a fake. */
export interface EventStream {
  onopen: ((event: Event) => unknown) | null;
  onerror: ((event: Event) => unknown) | null;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface LetterEventsOptions {
  lid: string;
  open: (url: string) => EventStream;
  invalidate: (key: readonly string[]) => void;
  onMode: (mode: LiveMode) => void;
  /** A rendition's progress as pushed (`event: rendition`'s data), for the final PDF's bar. */
  onRendition?: (update: RenditionUpdate) => void;
  schedule?: (run: () => void, ms: number) => unknown;
  cancel?: (handle: unknown) => void;
  random?: () => number;
}

const EVENTS = ['activity', 'change', 'reset'] as const;

/** `event: rendition`'s data: a rendition's id, status, progress and files (once done). */
export type RenditionUpdate = components['schemas']['RenditionProgressEventView'];

/** The rendition update in an event's data, or null for anything that is not one. */
export function renditionUpdate(data: unknown): RenditionUpdate | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(data);
    return parsed &&
      typeof parsed === 'object' &&
      typeof (parsed as { id?: unknown }).id === 'string'
      ? (parsed as RenditionUpdate)
      : null;
  } catch {
    return null;
  }
}

/**
 * One letter's stream. Every event invalidates what it changes. On an error the stream is
 * closed (a 404 or 5xx would not be retried by the browser anyway, and a dropped connection
 * retried too eagerly), the screens poll, and the stream is opened again after `backoff`.
 * Each opening reads everything again, for what happened while it was down.
 */
export class LetterEvents {
  private stream: EventStream | null = null;
  private timer: unknown = null;
  private attempt = 0;
  private stopped = false;

  constructor(private readonly options: LetterEventsOptions) {}

  start(): void {
    this.stopped = false;
    this.options.onMode('polling');
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.stream?.close();
    this.stream = null;
    if (this.timer !== null) (this.options.cancel ?? clearTimeout)(this.timer as never);
    this.timer = null;
  }

  private connect(): void {
    const { lid, open, invalidate, onMode } = this.options;
    const stream = open(`/api/letters/${encodeURIComponent(lid)}/events`);
    this.stream = stream;
    stream.onopen = () => {
      if (this.stream !== stream) return;
      this.attempt = 0;
      onMode('live');
      for (const key of keysOnOpen(lid)) invalidate(key);
    };
    stream.onerror = () => {
      if (this.stream !== stream) return;
      stream.close();
      this.stream = null;
      onMode('polling');
      this.retry();
    };
    for (const type of EVENTS) {
      stream.addEventListener(type, () => {
        if (this.stream !== stream) return;
        for (const key of keysForEvent(type, lid)) invalidate(key);
      });
    }
    stream.addEventListener('rendition', (event) => {
      if (this.stream !== stream) return;
      const update = renditionUpdate(event.data);
      if (update) this.options.onRendition?.(update);
    });
  }

  private retry(): void {
    if (this.stopped) return;
    const wait = backoff(this.attempt++, this.options.random);
    this.timer = (this.options.schedule ?? setTimeout)(() => {
      this.timer = null;
      if (!this.stopped) this.connect();
    }, wait);
  }
}
