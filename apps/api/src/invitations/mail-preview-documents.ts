import { AppConfig } from '@app/config';
import { DomainError, DomainErrorCode } from '@app/domain';
import { redisOptionsFromUrl } from '@app/jobs';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';

/** How long a preview's document can be loaded: ample for reading it before sending. */
export const MAIL_PREVIEW_TTL_S = 30 * 60;

/** Seconds a client is told to wait while Redis is away. */
const RETRY_AFTER_S = 5;

interface Kept {
  id: string;
  html: string;
}

/**
 * The HTML of an invitation preview's mail, kept for a frame to load with a GET (see
 * invitation-mail-document.ts for why a frame needs a document of its own). Chosen over
 * rendering it again from query parameters: a selection can name 10,000 organizations and a
 * note 2,000 characters (about 18 KB once URL-encoded), far past what a URL carries safely.
 *
 * Kept in Redis, so that any API replica answers the GET, under
 * `<QUEUE_PREFIX>:invitation-preview:<user>:<letter>`: one per person and letter, a new
 * preview replacing the last, so Redis holds a bounded amount however often anyone clicks.
 * The id (a random UUID, 122 bits) is checked too, so an old frame never shows a newer mail.
 * Another person's key is a different key: their GET is a 404, like an expired one.
 */
@Injectable()
export class MailPreviewDocuments implements OnModuleDestroy {
  private readonly logger = new Logger('MailPreviewDocuments');
  private redis: Redis | undefined;
  private connected: Promise<void> | undefined;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  /** Keeps `html` for `userId`'s frame; null while Redis is away (the preview still answers). */
  async keep(userId: string, letterId: string, html: string): Promise<string | null> {
    const id = randomUUID();
    try {
      const redis = await this.client();
      const kept: Kept = { id, html };
      await redis.set(this.key(userId, letterId), JSON.stringify(kept), 'EX', MAIL_PREVIEW_TTL_S);
      return id;
    } catch (error) {
      this.logger.warn(
        `Redis unreachable (${(error as Error).message}): the preview goes without its document`,
      );
      return null;
    }
  }

  /** The HTML kept under `id` for this person and letter; 404 when expired, replaced or theirs. */
  async find(userId: string, letterId: string, id: string): Promise<string> {
    let text: string | null;
    try {
      text = await (await this.client()).get(this.key(userId, letterId));
    } catch (error) {
      throw new DomainError(
        DomainErrorCode.Unavailable,
        `redis: unavailable (${(error as Error).message}); try again in ${RETRY_AFTER_S} seconds`,
        undefined,
        RETRY_AFTER_S,
      );
    }
    const kept = text === null ? undefined : (JSON.parse(text) as Kept);
    if (kept?.id !== id) {
      throw new DomainError(
        DomainErrorCode.NotFound,
        `preview not found: it is kept ${MAIL_PREVIEW_TTL_S / 60} minutes, for whoever asked for it, until their next preview of the letter`,
      );
    }
    return kept.html;
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }

  private key(userId: string, letterId: string): string {
    return `${this.config.queuePrefix}:invitation-preview:${userId}:${letterId}`;
  }

  /** Connected on first use: a process that never previews holds no connection for it. */
  private async client(): Promise<Redis> {
    if (!this.redis) {
      this.redis = new Redis({
        ...redisOptionsFromUrl(this.config.redisUrl),
        lazyConnect: true,
        // Fail at once while Redis is away rather than queue: a preview answers without its
        // document, a frame's GET with a 503.
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
      });
      // Failures surface as rejected calls; without a listener ioredis would also throw them.
      this.redis.on('error', () => undefined);
      this.connected = this.redis.connect().catch(() => undefined);
    }
    await this.connected;
    return this.redis;
  }
}
