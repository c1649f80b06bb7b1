// The benchmarks' SMTP sink, run as a separate process (see smtp-sink-process.ts) so that
// accepting mail costs the measured processes nothing. It accepts everything, keeps counts
// per recipient, and answers the parent's questions over IPC.
import { SMTPServer } from 'smtp-server';

const perRecipient = new Map<string, number>();
let accepted = 0;
let bytes = 0;
let firstAt = 0;
let lastAt = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  size: 10 * 1024 * 1024,
  onData(stream, session, callback) {
    stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
    stream.on('end', () => {
      const now = Date.now();
      firstAt ||= now;
      lastAt = now;
      accepted += 1;
      for (const { address } of session.envelope.rcptTo) {
        const key = address.toLowerCase();
        perRecipient.set(key, (perRecipient.get(key) ?? 0) + 1);
      }
      callback();
    });
  },
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.server.address() as { port: number };
  process.send!({ type: 'ready', port });
});

process.on('message', (message: { type: string }) => {
  if (message.type === 'stats') {
    const counts = [...perRecipient.values()];
    process.send!({
      type: 'stats',
      accepted,
      bytes,
      firstAt,
      lastAt,
      recipients: perRecipient.size,
      duplicated: counts.filter((n) => n > 1).length,
    });
  } else if (message.type === 'reset') {
    perRecipient.clear();
    accepted = bytes = firstAt = lastAt = 0;
    process.send!({ type: 'reset' });
  }
});
