import { AppConfig, redactUrl } from '@app/config';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { StartupError } from './preflight';
import { redisPreflight } from './redis-preflight';

/** What `npm start` uses for Redis: the configuration to run with, and how it got it. */
export interface RedisChoice {
  config: AppConfig;
  /** Set when a private redis-server was started for this process. */
  note?: string;
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Outside production, with REDIS_URL unset and nothing answering at the default URL, starts
 * a private `redis-server` on a free loopback port (working directory `var/redis`, no
 * persistence: the outbox lives in the database) and returns a configuration that uses it.
 *
 * The server runs under a small `sh` guard that stops it when this process has ended. The
 * guard is in its own process group, so a Ctrl-C in the terminal reaches only the app,
 * which drains its jobs while Redis is still there.
 *
 * Without a `redis-server` binary, throws the one line that names both fixes.
 */
export async function startPrivateRedis(config: AppConfig): Promise<RedisChoice> {
  if (config.redisUrlExplicit || config.production) return { config };
  if ((await redisPreflight(config.redisUrl, 1000)) === undefined) return { config };

  const dir = join(config.varDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const port = await freeLoopbackPort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir];
  args.push('--logfile', join(dir, 'redis.log'));
  args.push('--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction');
  // The guard stops the server once this process is gone, however it ended (after Nest's
  // shutdown hooks, or killed): it checks every half second.
  const guard =
    'command -v redis-server >/dev/null || exit 127; p=$1; shift; ' +
    "redis-server \"$@\" & r=$!; trap 'kill $r 2>/dev/null' EXIT; trap 'exit 0' TERM INT HUP; " +
    'while kill -0 "$p" 2>/dev/null && kill -0 "$r" 2>/dev/null; do sleep 0.5; done';
  const child = spawn('sh', ['-c', guard, 'signatory-redis', String(process.pid), ...args], {
    stdio: 'ignore',
    detached: true,
  });
  child.unref();

  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 10000;
  for (;;) {
    if (child.exitCode === 127) {
      throw new StartupError(
        `REDIS_URL: nothing answers at ${redactUrl(config.redisUrl)} and there is no redis-server ` +
          'to start a private one. Install it (apt install redis-server, or brew install redis) ' +
          'or run: docker compose up -d redis (or set REDIS_URL).',
      );
    }
    if (child.exitCode !== null) {
      throw new StartupError(`REDIS_URL: the private redis-server exited (${child.exitCode})`);
    }
    if ((await redisPreflight(url, 500)) === undefined) break;
    if (Date.now() > deadline) {
      child.kill();
      throw new StartupError(`REDIS_URL: the private redis-server did not answer at ${url}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    config: new AppConfig({ ...config, redisUrl: url }),
    note: `a private redis-server under ${dir}, stopped with the app; nothing answered at ${config.redisUrl}`,
  };
}
