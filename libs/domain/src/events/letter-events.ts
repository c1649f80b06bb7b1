import { AppConfig } from '@app/config';
import { redisOptionsFromUrl } from '@app/jobs';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationShutdown,
} from '@nestjs/common';
import Redis from 'ioredis';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import type { RenditionView } from '../renditions/rendition-view';
import type { ActivityEvent } from '../signatures/letter-activity';

/** A rendition's state as its progress bar needs it (a subset of RenditionView). */
export type RenditionProgress = Pick<RenditionView, 'id' | 'status' | 'progress' | 'files'> &
  Partial<Pick<RenditionView, 'error'>>;

/** What goes through a letter's channel; JSON, so dates arrive as ISO strings. */
export type LetterEventMessage =
  { type: 'activity'; event: ActivityEvent } | { type: 'rendition'; rendition: RenditionProgress };

/** One open stream of this process, on one letter, watched by one user. */
export interface LetterEventListener {
  message(message: LetterEventMessage): void;
  /**
   * The watching user's memberships or sessions changed (on any process): whether the
   * stream is still allowed, and with which view, is to be checked again.
   */
  accessChanged(): void;
  /**
   * The subscription is gone: Redis was lost (events may have been missed; the client
   * resumes with Last-Event-ID and catches up from the database) or the app is stopping.
   */
  end(): void;
}

/** Seconds a client is told to wait before opening a stream again while Redis is away. */
export const LETTER_EVENTS_RETRY_AFTER_S = 5;

interface Channel {
  /** A letter's events go to `message`; a user's channel only says their access changed. */
  kind: 'letter' | 'user';
  listeners: Set<LetterEventListener>;
  /** The SUBSCRIBE, acknowledged: only then may a stream read the database and go live. */
  subscribed: Promise<unknown>;
}

/**
 * Live events of a letter, across processes: any process (API or worker) PUBLISHes JSON to
 * the letter's Redis channel `<QUEUE_PREFIX>:letter:<letterId>`; an API process holds one
 * subscriber connection, SUBSCRIBEd to the letters it has open streams on (counted per
 * letter), and hands each message to those streams. Every replica receives every event of
 * the letters its clients watch, so no sticky sessions are needed.
 *
 * A stream also listens on its user's channel `<QUEUE_PREFIX>:user:<userId>`, where the
 * services that take access away (a membership removed or its role changed, a session
 * ended) publish, so that streams on every replica check their authorisation again at
 * once instead of outliving it.
 *
 * Publishing never fails its caller: with Redis away the event is dropped and logged, and
 * the client catches up from the database when it resumes (audit events are stored; a
 * rendition's state is in its row). A dropped access change is caught by the stream's own
 * check at each heartbeat.
 */
@Injectable()
export class LetterEvents implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('LetterEvents');
  private publisher: Redis | undefined;
  private subscriber: Redis | undefined;
  /** The first connection of each client (later ones are ioredis' own reconnections). */
  private readonly connecting = new WeakMap<Redis, Promise<void>>();
  private readonly channels = new Map<string, Channel>();
  private publishFailing = false;
  private closing = false;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  channelOf(letterId: string): string {
    return `${this.config.queuePrefix}:letter:${letterId}`;
  }

  userChannelOf(userId: string): string {
    return `${this.config.queuePrefix}:user:${userId}`;
  }

  /** Sends the message to every process watching the letter; never rejects. */
  publish(letterId: string, message: LetterEventMessage): Promise<void> {
    return this.publishOn(this.channelOf(letterId), JSON.stringify(message));
  }

  /**
   * Tells every process that the user's access changed (call it once the change is
   * committed): their open streams check it again. Never rejects.
   */
  accessChanged(userId: string): Promise<void> {
    return this.publishOn(this.userChannelOf(userId), '{"type":"access"}');
  }

  private async publishOn(channel: string, text: string): Promise<void> {
    try {
      // Connected on first use: processes that never publish (the CLI) never connect.
      this.publisher ??= this.client();
      await this.ready(this.publisher);
      await this.publisher.publish(channel, text);
      if (this.publishFailing) this.logger.log('Redis is back: live letter events flow again');
      this.publishFailing = false;
    } catch (error) {
      if (!this.publishFailing) {
        this.logger.warn(
          `Redis unreachable (${(error as Error).message}): live letter events are dropped ` +
            'until it is back; clients catch up from the database when they resume',
        );
      }
      this.publishFailing = true;
    }
  }

  /**
   * Delivers the letter's events, and the changes of `userId`'s access, to `listener` from
   * the moment this resolves (both SUBSCRIBEs are acknowledged). Rejects with a 503 domain
   * error while Redis is away. Returns the function that unsubscribes.
   */
  async subscribe(
    letterId: string,
    userId: string,
    listener: LetterEventListener,
  ): Promise<() => void> {
    if (this.closing) throw this.unavailable('the server is stopping');
    const subscriber = await this.subscriberReady();
    const names = [this.channelOf(letterId), this.userChannelOf(userId)];
    const joined = [
      this.join(subscriber, names[0], 'letter', listener),
      this.join(subscriber, names[1], 'user', listener),
    ];
    const unsubscribe = () => names.forEach((name) => this.unsubscribe(name, listener));
    try {
      await Promise.all(joined.map((channel) => channel.subscribed));
    } catch (error) {
      unsubscribe();
      throw this.unavailable((error as Error).message);
    }
    return unsubscribe;
  }

  /** Open streams on this process (tests, health). */
  get listenerCount(): number {
    let count = 0;
    for (const channel of this.channels.values()) {
      if (channel.kind === 'letter') count += channel.listeners.size;
    }
    return count;
  }

  /** Stopping: open streams end, so that the HTTP server can close. */
  beforeApplicationShutdown(): void {
    this.closing = true;
    this.endAll();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    this.subscriber?.disconnect();
    if (this.publisher) await this.publisher.quit().catch(() => this.publisher?.disconnect());
  }

  /** Adds the listener to the channel, SUBSCRIBEd once for all of its listeners. */
  private join(
    subscriber: Redis,
    name: string,
    kind: Channel['kind'],
    listener: LetterEventListener,
  ): Channel {
    let channel = this.channels.get(name);
    if (!channel) {
      channel = { kind, listeners: new Set(), subscribed: subscriber.subscribe(name) };
      this.channels.set(name, channel);
    }
    channel.listeners.add(listener);
    return channel;
  }

  private unsubscribe(name: string, listener: LetterEventListener): void {
    const channel = this.channels.get(name);
    if (!channel?.listeners.delete(listener) || channel.listeners.size) return;
    this.channels.delete(name);
    this.subscriber?.unsubscribe(name).catch(() => undefined);
  }

  private async subscriberReady(): Promise<Redis> {
    if (!this.subscriber) {
      const subscriber = this.client();
      subscriber.on('message', (channel: string, text: string) => this.dispatch(channel, text));
      // Messages sent while the connection was down are lost: the streams end, and their
      // clients resume from the database (Last-Event-ID).
      subscriber.on('close', () => this.endAll());
      this.subscriber = subscriber;
    }
    try {
      await this.ready(this.subscriber);
    } catch (error) {
      throw this.unavailable((error as Error).message);
    }
    return this.subscriber;
  }

  /** Resolves once the client is connected; rejects at once while it is reconnecting. */
  private async ready(client: Redis): Promise<void> {
    if (client.status === 'ready') return;
    if (client.status === 'wait') this.connecting.set(client, client.connect());
    const first = this.connecting.get(client);
    if (first && ['connecting', 'connect'].includes(client.status)) await first;
    // (Read again: the await above changes it, which TypeScript's narrowing cannot know.)
    const status = client.status as string;
    if (status !== 'ready') throw new Error(`connection ${status}`);
  }

  private dispatch(name: string, text: string): void {
    const channel = this.channels.get(name);
    if (!channel?.listeners.size) return;
    const listeners = [...channel.listeners];
    if (channel.kind === 'user') {
      // What changed does not matter: the stream reads its access again from the database.
      for (const listener of listeners) listener.accessChanged();
      return;
    }
    let message: LetterEventMessage;
    try {
      message = JSON.parse(text) as LetterEventMessage;
    } catch {
      this.logger.warn(`ignored a message that is not JSON on ${name}`);
      return;
    }
    for (const listener of listeners) listener.message(message);
  }

  private endAll(): void {
    // A stream is in two channels (its letter's and its user's): ended once.
    const listeners = new Set([...this.channels.values()].flatMap((c) => [...c.listeners]));
    this.channels.clear();
    for (const listener of listeners) listener.end();
  }

  private client(): Redis {
    const client = new Redis({
      ...redisOptionsFromUrl(this.config.redisUrl),
      lazyConnect: true,
      // Fail at once while Redis is away instead of queueing: a publish is dropped (the
      // database has the event), a new stream answers 503.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      // Channels are subscribed again by the streams that resume, not by ioredis.
      autoResubscribe: false,
    });
    // Failures surface as rejected calls; without a listener ioredis would also throw them.
    client.on('error', () => undefined);
    return client;
  }

  private unavailable(reason: string): DomainError {
    return new DomainError(
      DomainErrorCode.Unavailable,
      `redis: unavailable (${reason}); try again in ${LETTER_EVENTS_RETRY_AFTER_S} seconds`,
      undefined,
      LETTER_EVENTS_RETRY_AFTER_S,
    );
  }
}
