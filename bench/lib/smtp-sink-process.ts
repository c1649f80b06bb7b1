import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface SinkStats {
  accepted: number;
  bytes: number;
  /** Epoch ms of the first and last accepted message. */
  firstAt: number;
  lastAt: number;
  /** Distinct recipients, and how many of them got more than one message. */
  recipients: number;
  duplicated: number;
}

export interface SinkProcess {
  url: string;
  stats(): Promise<SinkStats>;
  reset(): Promise<void>;
  /** Resolves once `count` messages were accepted (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs: number): Promise<SinkStats>;
  stop(): Promise<void>;
}

function ask<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve) => {
    const listener = (message: { type: string }) => {
      if (message.type !== type) return;
      child.off('message', listener);
      resolve(message as T);
    };
    child.on('message', listener);
    child.send({ type });
  });
}

/** An SMTP server that accepts everything, in a process of its own. */
export async function startSinkProcess(): Promise<SinkProcess> {
  const child = fork(join(__dirname, 'smtp-sink-main.ts'), [], {
    execArgv: ['-r', 'ts-node/register/transpile-only'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port } = await new Promise<{ port: number }>((resolve, reject) => {
    child.once('message', (message: { type: string; port: number }) => resolve(message));
    child.once('exit', (code) => reject(new Error(`SMTP sink exited with ${code}`)));
  });
  const stats = () => ask<SinkStats>(child, 'stats');
  return {
    url: `smtp://127.0.0.1:${port}`,
    stats,
    reset: () => ask<void>(child, 'reset'),
    waitFor: async (count, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const current = await stats();
        if (current.accepted >= count) return current;
        if (Date.now() > deadline) {
          throw new Error(
            `SMTP sink: ${current.accepted} of ${count} messages after ${timeoutMs} ms`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
