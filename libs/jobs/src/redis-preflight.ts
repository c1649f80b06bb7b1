import { redactUrl } from '@app/config';
import Redis from 'ioredis';
import { redisOptionsFromUrl } from './redis-options';

/**
 * Connects once, without retrying, and answers the one line to print when Redis is not
 * there (or undefined when it is).
 */
export async function redisPreflight(url: string, timeoutMs = 3000): Promise<string | undefined> {
  const client = new Redis({
    ...redisOptionsFromUrl(url),
    lazyConnect: true,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
  });
  // connect() rejects with a generic "Connection is closed"; the cause comes as an event.
  let cause: NodeJS.ErrnoException | undefined;
  client.on('error', (error: NodeJS.ErrnoException) => (cause ??= error));
  try {
    await client.connect();
    await client.ping();
    return undefined;
  } catch (error) {
    const failure = cause ?? (error as NodeJS.ErrnoException);
    const reason = failure.code ?? failure.message;
    return (
      `REDIS_URL: cannot reach Redis at ${redactUrl(url)} (${reason}). ` +
      'Start one with: redis-server --daemonize yes --port 6379 --save "" --appendonly no ' +
      '(or docker compose up -d redis), or set REDIS_URL.'
    );
  } finally {
    client.disconnect();
  }
}
