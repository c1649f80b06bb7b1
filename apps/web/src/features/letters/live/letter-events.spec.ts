import {
  backoff,
  keysForEvent,
  LetterEvents,
  pollInterval,
  POLL_MS,
  type EventStream,
  type LiveMode,
} from './letter-events';

const LID = 'l1';

/** An EventSource stand-in the test drives by hand. */
class FakeStream implements EventStream {
  onopen: ((event: Event) => unknown) | null = null;
  onerror: ((event: Event) => unknown) | null = null;
  closed = false;
  private listeners = new Map<string, ((event: MessageEvent) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  open() {
    this.onopen?.({} as Event);
  }
  fail() {
    this.onerror?.({} as Event);
  }
  emit(type: string, data: unknown) {
    this.emitRaw(type, JSON.stringify(data));
  }
  emitRaw(type: string, data: string) {
    for (const l of this.listeners.get(type) ?? []) l({ data } as MessageEvent);
  }
}

function harness() {
  const streams: FakeStream[] = [];
  const invalidated: string[] = [];
  const modes: LiveMode[] = [];
  const renditions: unknown[] = [];
  const timers: { run: () => void; ms: number; cancelled: boolean }[] = [];
  const events = new LetterEvents({
    lid: LID,
    open: (url) => {
      const s = new FakeStream(url);
      streams.push(s);
      return s;
    },
    invalidate: (key) => invalidated.push(key.join('/')),
    onMode: (mode) => modes.push(mode),
    onRendition: (update) => renditions.push(update),
    schedule: (run, ms) => {
      const timer = { run, ms, cancelled: false };
      timers.push(timer);
      return timer;
    },
    cancel: (handle) => ((handle as { cancelled: boolean }).cancelled = true),
    random: () => 0,
  });
  return { events, streams, invalidated, modes, renditions, timers };
}

describe('which queries an event makes stale', () => {
  it('an activity (a sign-on, a decline, a withdrawal…) refreshes the stats, the signatures and the feed', () => {
    expect(keysForEvent('activity', LID)).toEqual([
      ['letters', LID, 'stats'],
      ['letters', LID, 'signatures'],
      ['letters', LID, 'activity'],
    ]);
  });

  it('a change (what a role below the feed hears) refreshes the stats and the signatures', () => {
    expect(keysForEvent('change', LID)).toEqual([
      ['letters', LID, 'stats'],
      ['letters', LID, 'signatures'],
    ]);
  });

  it('a reset refreshes everything about the letter; a rendition or an unknown event nothing', () => {
    expect(keysForEvent('reset', LID)).toEqual([['letters', LID]]);
    expect(keysForEvent('rendition', LID)).toEqual([]);
    expect(keysForEvent('heartbeat', LID)).toEqual([]);
  });
});

describe('backoff before reopening the stream', () => {
  it('doubles from 2 s and stops growing at 2 min', () => {
    const top = () => 0;
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoff(n, top))).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 120_000, 120_000, 120_000,
    ]);
  });

  it('takes off up to a fifth at random, never more', () => {
    expect(backoff(0, () => 0.999999)).toBe(1_600);
    expect(backoff(3, () => 0.5)).toBe(14_400);
  });
});

describe('the poll interval knob', () => {
  it('is 10 s unless set to a sane number of milliseconds', () => {
    expect(pollInterval(null)).toBe(POLL_MS);
    expect(pollInterval('')).toBe(POLL_MS);
    expect(pollInterval('soon')).toBe(POLL_MS);
    expect(pollInterval('50')).toBe(POLL_MS);
    expect(pollInterval('500')).toBe(500);
  });
});

describe('a letter’s stream', () => {
  it('polls until the stream opens, then is live and reads everything once', () => {
    const h = harness();
    h.events.start();
    expect(h.modes).toEqual(['polling']);
    expect(h.streams[0].url).toBe(`/api/letters/${LID}/events`);
    h.streams[0].open();
    expect(h.modes).toEqual(['polling', 'live']);
    expect(h.invalidated).toEqual([
      `letters/${LID}/stats`,
      `letters/${LID}/signatures`,
      `letters/${LID}/activity`,
      `letters/${LID}/renditions`,
      'renditions',
    ]);
  });

  it('invalidates on each event as it comes', () => {
    const h = harness();
    h.events.start();
    h.streams[0].open();
    h.invalidated.length = 0;
    h.streams[0].emit('activity', { seq: 7, action: 'signature.signed' });
    expect(h.invalidated).toHaveLength(3);
    h.streams[0].emit('change', { seq: 8 });
    expect(h.invalidated).toHaveLength(5);
    h.streams[0].emit('rendition', { id: 'r', status: 'done' });
    expect(h.invalidated).toHaveLength(5);
    h.streams[0].emit('reset', {});
    expect(h.invalidated.at(-1)).toBe(`letters/${LID}`);
  });

  it('on an error closes the stream, polls, and reopens after a growing wait, reset once open', () => {
    const h = harness();
    h.events.start();
    h.streams[0].fail();
    expect(h.streams[0].closed).toBe(true);
    expect(h.modes.at(-1)).toBe('polling');
    expect(h.timers.map((t) => t.ms)).toEqual([2_000]);

    h.timers[0].run();
    expect(h.streams).toHaveLength(2);
    h.streams[1].fail();
    expect(h.timers.map((t) => t.ms)).toEqual([2_000, 4_000]);

    h.timers[1].run();
    h.streams[2].open();
    expect(h.modes.at(-1)).toBe('live');
    h.streams[2].fail();
    // Open again: the next wait starts over from 2 s.
    expect(h.timers.at(-1)!.ms).toBe(2_000);
  });

  it('stops: closes the stream, cancels the retry, and ignores a late event from the old stream', () => {
    const h = harness();
    h.events.start();
    h.streams[0].fail();
    h.events.stop();
    expect(h.timers[0].cancelled).toBe(true);

    const again = harness();
    again.events.start();
    const first = again.streams[0];
    again.events.stop();
    expect(first.closed).toBe(true);
    first.emit('activity', {});
    first.fail();
    expect(again.invalidated).toEqual([]);
    expect(again.timers).toEqual([]);
  });
});

describe('rendition progress', () => {
  it('hands each rendition event’s data to onRendition, and ignores data without an id', () => {
    const { events, streams, renditions, invalidated } = harness();
    events.start();
    streams[0].open();
    invalidated.length = 0;
    const update = { id: 'r1', status: 'rendering', progress: 40, files: [] };
    streams[0].emit('rendition', update);
    streams[0].emit('rendition', { status: 'done' });
    streams[0].emitRaw('rendition', 'not json'); // nothing, and no throw
    expect(renditions).toEqual([update]);
    expect(invalidated).toEqual([]);
  });

  it('stops handing updates from a stream once it is closed', () => {
    const { events, streams, renditions } = harness();
    events.start();
    streams[0].open();
    events.stop();
    streams[0].emit('rendition', { id: 'r1', status: 'done', progress: 100, files: [] });
    expect(renditions).toEqual([]);
  });
});
