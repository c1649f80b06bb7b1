import type { Response } from 'express';

/** A client this far behind (bytes not yet taken by the socket) is dropped; it resumes. */
const MAX_BACKLOG_BYTES = 1 << 20;

/**
 * A text/event-stream response written by hand (the SSE wire format: `event:`, `id:`,
 * `data:` lines, a blank line after each event, `:` comments). Not buffered anywhere on
 * the way: no compression middleware runs in this app, and `X-Accel-Buffering: no` asks
 * nginx-like proxies not to hold it back.
 */
export class EventStream {
  constructor(private readonly res: Response) {}

  /**
   * Sends the headers at once and the reconnection delay EventSource should use, then a
   * `: keep-alive` comment every `heartbeatMs`, which keeps proxies from closing an idle
   * stream, then calls `onHeartbeat`. The timer never keeps the process alive and stops
   * with the response.
   */
  open(retryMs: number, heartbeatMs: number, onHeartbeat?: () => void): void {
    this.res.status(200);
    this.res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    this.res.setHeader('Cache-Control', 'no-cache, no-transform');
    this.res.setHeader('X-Accel-Buffering', 'no');
    this.res.setHeader('Connection', 'keep-alive');
    this.res.flushHeaders();
    this.write(`retry: ${retryMs}\n\n`);
    const heartbeat = setInterval(() => {
      this.comment('keep-alive');
      onHeartbeat?.();
    }, heartbeatMs).unref();
    this.res.on('close', () => clearInterval(heartbeat));
  }

  /** One event; `data` as JSON on one line (JSON escapes every newline). */
  event(name: string, data: unknown, id?: number): void {
    const idLine = id === undefined ? '' : `id: ${id}\n`;
    this.write(`${idLine}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** A comment line, which clients ignore. */
  comment(text: string): void {
    this.write(`: ${text}\n\n`);
  }

  close(): void {
    if (!this.res.writableEnded) this.res.end();
  }

  private write(chunk: string): void {
    if (this.res.writableEnded || this.res.destroyed) return;
    this.res.write(chunk);
    // A client that does not read would make this process hold every event for it.
    if (this.res.writableLength > MAX_BACKLOG_BYTES) this.close();
  }
}
