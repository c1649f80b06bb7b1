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
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return undefined;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return (
      `REDIS_URL: cannot reach Redis at ${redactUrl(url)} (${reason}). ` +
      'Start one with: redis-server --daemonize yes --port 6379 --save "" --appendonly no ' +
      '(or docker compose up -d redis), or set REDIS_URL.'
    );
  } finally {
    client.disconnect();
  }
}
