import {
  DomainError,
  DomainErrorCode,
  LETTER_EVENTS_RETRY_AFTER_S,
  LetterEvents,
  SignaturesService,
  type LetterEventListener,
  type LetterEventMessage,
} from '@app/domain';
import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { EventStream } from '../http/event-stream';

/** Events a resuming stream replays at most; past that it sends `reset`. */
export const REPLAY_MAX = 500;
export const HEARTBEAT_MS = 15_000;
/** EventSource's reconnection delay, sent as `retry:` first. */
export const RETRY_MS = 3_000;
/** Event ids remembered per stream to skip duplicates (replayed, then heard live). */
const SENT_MEMORY = 2_000;

/**
 * The open event streams of this process (GET /api/letters/:lid/events). A stream:
 * subscribes to the letter's channel first and buffers what arrives, then reads what the
 * client missed since Last-Event-ID from the database, sends it, then the buffer, then live
 * events: no gap at the switch, and an event both replayed and heard live is sent once.
 */
@Injectable()
export class LetterEventStreams {
  constructor(
    private readonly letterEvents: LetterEvents,
    private readonly signatures: SignaturesService,
  ) {}

  /** Answers 503 (a DomainError, before any header) while Redis is away. */
  async open(letterId: string, lastEventId: number | undefined, res: Response): Promise<void> {
    const stream = new EventStream(res);
    let live = false;
    let ended = false;
    const buffered: LetterEventMessage[] = [];
    /** Activity seqs at or below it are the client's already. */
    let floor = lastEventId ?? 0;
    const sent = new Set<number>();

    const send = (message: LetterEventMessage) => {
      if (message.type === 'rendition') {
        stream.event('rendition', message.rendition);
        return;
      }
      const { seq } = message.event;
      if (seq <= floor || sent.has(seq)) return;
      sent.add(seq);
      if (sent.size > SENT_MEMORY) sent.delete(sent.values().next().value!);
      stream.event('activity', message.event, seq);
    };
    const listener: LetterEventListener = {
      message: (message) => (live ? send(message) : buffered.push(message)),
      end: () => {
        ended = true;
        stream.close();
      },
    };

    const unsubscribe = await this.letterEvents.subscribe(letterId, listener);
    let clientGone = false;
    res.on('close', () => {
      clientGone = true;
      ended = true;
      unsubscribe();
    });

    let replay: Awaited<ReturnType<SignaturesService['activitySince']>> | undefined;
    try {
      if (lastEventId !== undefined) {
        replay = await this.signatures.activitySince(letterId, lastEventId, REPLAY_MAX);
      }
    } catch (error) {
      unsubscribe();
      throw error;
    }
    if (ended) {
      unsubscribe();
      if (clientGone) return;
      // Redis went away between the SUBSCRIBE and now: the client comes back later.
      throw new DomainError(
        DomainErrorCode.Unavailable,
        `redis: unavailable; try again in ${LETTER_EVENTS_RETRY_AFTER_S} seconds`,
        undefined,
        LETTER_EVENTS_RETRY_AFTER_S,
      );
    }

    // A stream never keeps the process alive: app.close() ends it (LetterEvents).
    stream.open(RETRY_MS, HEARTBEAT_MS);
    if (replay?.missed === null) {
      // Too much to replay: the client refetches; this id is where a later resume starts.
      floor = replay.lastSeq;
      stream.event('reset', { reason: 'missed', lastEventId: replay.lastSeq }, replay.lastSeq);
    } else {
      for (const event of replay?.missed ?? []) send({ type: 'activity', event });
    }
    live = true;
    for (const message of buffered.splice(0)) send(message);
  }
}
