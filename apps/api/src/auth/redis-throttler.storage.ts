import { AppConfig } from '@app/config';
import { redisOptionsFromUrl } from '@app/jobs';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import Redis from 'ioredis';

// One round trip: count the hit, start the window on the first, block once over the limit.
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked < 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return { hits, ttl, blocked }
`;

/**
 * Throttler counters in Redis, so every API replica counts the same attempts. Keys live
 * under QUEUE_PREFIX and expire with their window. While Redis is unreachable the API
 * keeps working: this process counts in memory until Redis is back.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage, OnModuleInit, OnModuleDestroy {
  private readonly redis: Redis;
  private readonly fallback = new ThrottlerStorageService();
  private readonly logger = new Logger('Throttler');
  private degraded = false;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {
    this.redis = new Redis({
      ...redisOptionsFromUrl(config.redisUrl),
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: true,
    });
    this.redis.on('error', () => undefined);
    // Sent once, then called by its SHA (EVALSHA): every request counts through it.
    this.redis.defineCommand('throttleIncrement', { numberOfKeys: 2, lua: INCREMENT });
  }

  /** Connected before the first request, so no early attempt escapes the shared count. */
  async onModuleInit(): Promise<void> {
    await this.redis.connect().catch(() => undefined);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, name: string) {
    try {
      const record = await this.incrementInRedis(key, ttl, limit, blockDuration, name);
      this.degraded = false;
      return record;
    } catch (error) {
      if (!this.degraded) {
        this.logger.warn(`Redis unreachable (${(error as Error).message}); counting in memory`);
        this.degraded = true;
      }
      return this.fallback.increment(key, ttl, limit, blockDuration, name);
    }
  }

  private async incrementInRedis(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    name: string,
  ) {
    const base = `${this.config.queuePrefix}:throttle:${name}:${key}`;
    const redis = this.redis as Redis & {
      throttleIncrement(...args: string[]): Promise<[number, number, number]>;
    };
    const [hits, ttlMs, blockedMs] = await redis.throttleIncrement(
      `${base}:hits`,
      `${base}:blocked`,
      String(ttl),
      String(limit),
      String(blockDuration || ttl),
    );
    return {
      totalHits: hits,
      timeToExpire: Math.ceil(Math.max(ttlMs, 0) / 1000),
      isBlocked: blockedMs > 0,
      timeToBlockExpire: Math.ceil(Math.max(blockedMs, 0) / 1000),
    };
  }

  onModuleDestroy(): void {
    this.fallback.onApplicationShutdown();
    this.redis.disconnect();
  }
}
