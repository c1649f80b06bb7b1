import { request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';

/** One Server-Sent Event as a browser's EventSource would dispatch it. */
export interface SseEvent {
  event: string;
  data: string;
  /** The `id:` sent with this event, if any. */
  id?: string;
}

/**
 * A plain-HTTP text/event-stream reader for tests: parses the wire format by hand (fields,
 * multi-line data, comments, `retry:`), keeps every event, and lets a test wait for one.
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  retry?: number;
  /** Resolves when the server ends the stream (or the connection drops). */
  readonly ended: Promise<void>;
  private buffer = '';
  private pending: Partial<SseEvent> & { data?: string } = {};
  private readonly waiters = new Set<() => void>();
  private endedNow = false;

  private constructor(
    readonly status: number,
    readonly headers: IncomingHttpHeaders,
    private readonly response: IncomingMessage,
  ) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.feed(chunk));
    this.ended = new Promise((resolve) => {
      const end = () => {
        this.endedNow = true;
        this.notify();
        resolve();
      };
      response.on('end', end);
      response.on('close', end);
      response.on('error', end);
    });
  }

  /** Opens `url`; resolves once the response headers have arrived. */
  static open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      const req = request(url, { headers: { Accept: 'text/event-stream', ...headers } }, (res) =>
        resolve(new SseClient(res.statusCode ?? 0, res.headers, res)),
      );
      req.on('error', reject);
      req.end();
    });
  }

  /** The data of the `event` events, parsed as JSON. */
  dataOf<T>(event: string): T[] {
    return this.events.filter((e) => e.event === event).map((e) => JSON.parse(e.data) as T);
  }

  /**
   * The first event (from the start of the stream) that matches; waits for it up to
   * `timeoutMs`, which is only a safety net: a test never asserts on timing.
   */
  async waitFor(
    match: (event: SseEvent) => boolean,
    what = 'the event',
    timeoutMs = 30_000,
  ): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(match);
      if (found) return found;
      if (this.endedNow) throw new Error(`stream ended without ${what}: ${this.describe()}`);
      if (Date.now() > deadline) throw new Error(`no ${what} in: ${this.describe()}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(deadline - Date.now(), 0) + 1);
        this.waiters.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** An `event` whose JSON data matches. */
  waitForData<T>(event: string, match: (data: T) => boolean, what?: string): Promise<T> {
    return this.waitFor(
      (e) => e.event === event && match(JSON.parse(e.data) as T),
      what ?? `a matching ${event} event`,
    ).then((e) => JSON.parse(e.data) as T);
  }

  close(): void {
    this.response.destroy();
  }

  private describe(): string {
    const last = this.events.slice(-10).map((e) => `${e.event}#${e.id ?? ''} ${e.data}`);
    return `${this.events.length} events, the last ones: ${JSON.stringify(last)}`;
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
    this.waiters.clear();
  }

  private feed(chunk: string): void {
    this.buffer += chunk;
    const lines = this.buffer.split(/\r\n|\r|\n/);
    this.buffer = lines.pop()!;
    for (const line of lines) this.line(line);
    this.notify();
  }

  private line(line: string): void {
    if (line === '') {
      if (this.pending.data !== undefined) {
        this.events.push({
          event: this.pending.event ?? 'message',
          data: this.pending.data,
          ...(this.pending.id !== undefined ? { id: this.pending.id } : {}),
        });
      }
      this.pending = {};
      return;
    }
    if (line.startsWith(':')) {
      this.comments.push(line.slice(1).trim());
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') this.pending.event = value;
    else if (field === 'id') this.pending.id = value;
    else if (field === 'retry') this.retry = Number(value);
    else if (field === 'data') {
      this.pending.data =
        this.pending.data === undefined ? value : `${this.pending.data}\n${value}`;
    }
  }
}
