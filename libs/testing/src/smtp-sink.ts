import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

interface ScriptedFailure {
  code: number;
  message: string;
}

/**
 * A real SMTP server in the test process. It records every accepted message (parsed),
 * can refuse the next messages with a given reply (4xx temporary, 5xx permanent), and can
 * hold a message for a while before accepting it (to catch a job in flight).
 */
export class SmtpSink {
  readonly messages: ParsedMail[] = [];
  /** Every DATA attempt, accepted or refused. */
  attempts = 0;
  private readonly failures: ScriptedFailure[] = [];
  private readonly failuresFor = new Map<string, ScriptedFailure[]>();
  private holdMs = 0;
  private waiters: (() => void)[] = [];
  private server: SMTPServer | undefined;
  private port = 0;

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    await sink.listen();
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The next `times` messages are refused with `code message`. */
  failNext(code: number, message: string, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push({ code, message });
  }

  /** The next `times` messages to `address` are refused with `code message`. */
  failFor(address: string, code: number, message: string, times = 1): void {
    const list = this.failuresFor.get(address.toLowerCase()) ?? [];
    for (let i = 0; i < times; i++) list.push({ code, message });
    this.failuresFor.set(address.toLowerCase(), list);
  }

  /** Messages are accepted only after `ms` (0 to stop holding). */
  hold(ms: number): void {
    this.holdMs = ms;
  }

  /** Waits for a message to `address` and returns it. */
  async waitForMail(address: string, timeoutMs = 15000): Promise<ParsedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.to(address)[0];
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no mail to ${address} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  to(address: string): ParsedMail[] {
    const wanted = address.toLowerCase();
    return this.messages.filter((mail) =>
      [mail.to ?? []]
        .flat()
        .some((to) => to.value.some((v) => v.address?.toLowerCase() === wanted)),
    );
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(resolve) : resolve()));
  }

  private listen(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        this.attempts++;
        const recipient = session.envelope.rcptTo[0]?.address.toLowerCase() ?? '';
        simpleParser(stream)
          .then(async (mail) => {
            if (this.holdMs) await new Promise((resolve) => setTimeout(resolve, this.holdMs));
            const failure = this.failuresFor.get(recipient)?.shift() ?? this.failures.shift();
            if (failure) {
              const error = Object.assign(new Error(failure.message), {
                responseCode: failure.code,
              });
              return callback(error);
            }
            this.messages.push(mail);
            this.waiters.splice(0).forEach((wake) => wake());
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    return new Promise((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(0, '127.0.0.1', () => {
        this.port = (this.server!.server.address() as AddressInfo).port;
        // A client that dies mid-session (a worker killed with kill -9) resets its
        // connection; without a listener that 'error' event would end the test process.
        this.server!.removeListener('error', reject);
        this.server!.on('error', () => undefined);
        resolve();
      });
    });
  }
}
