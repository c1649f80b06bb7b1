import {
  AccountsService,
  Action,
  atLeast,
  DomainError,
  DomainErrorCode,
  LETTER_EVENTS_RETRY_AFTER_S,
  LetterEvents,
  minimumRole,
  SignaturesService,
  WorkspacesService,
  type LetterEventListener,
  type LetterEventMessage,
  type Role,
} from '@app/domain';
import { Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { EventStream } from '../http/event-stream';

/** Events a resuming stream replays at most; past that it sends `reset`. */
export const REPLAY_MAX = 500;
export const HEARTBEAT_MS = 15_000;
/** EventSource's reconnection delay, sent as `retry:` first. */
export const RETRY_MS = 3_000;
/** Event ids remembered per stream to skip duplicates (replayed, then heard live). */
const SENT_MEMORY = 2_000;

/** Who watches a stream, as the guards authorised them when it opened. */
export interface StreamViewer {
  userId: string;
  sessionId: string;
  workspaceId: string;
  role: Role;
}

/**
 * The open event streams of this process (GET /api/letters/:lid/events). A stream:
 * subscribes to the letter's channel first and buffers what arrives, then reads what the
 * client missed since Last-Event-ID from the database, sends it, then the buffer, then live
 * events: no gap at the switch, and an event both replayed and heard live is sent once.
 *
 * Each subscriber gets what their role may see: the activity feed's items to those who may
 * read the feed (view_activity), to the others only a `change` with the event's id (refetch
 * the counts), as GET …/activity is refused to them.
 *
 * A stream ends once its viewer may no longer watch it (membership removed, role changed,
 * session ended); the client's reconnection then meets the guards (401, 404, or the new
 * role's view). It checks again (1) as soon as a service publishes that the user's access
 * changed, on whichever process, which is what makes it prompt, and (2) at each heartbeat,
 * a backstop for what no message announces (a session expiring, a change published while
 * Redis was unreachable from the publisher, a row changed by hand): two indexed reads per
 * stream every 15 s, cheap beside holding the connection. And once right after it goes live,
 * for a change made between the guards' check and the SUBSCRIBE.
 */
@Injectable()
export class LetterEventStreams {
  private readonly logger = new Logger('LetterEventStreams');

  constructor(
    private readonly letterEvents: LetterEvents,
    private readonly signatures: SignaturesService,
    private readonly accounts: AccountsService,
    private readonly workspaces: WorkspacesService,
  ) {}

  /** Answers 503 (a DomainError, before any header) while Redis is away. */
  async open(
    letterId: string,
    viewer: StreamViewer,
    lastEventId: number | undefined,
    res: Response,
  ): Promise<void> {
    const stream = new EventStream(res);
    const seesActivity = atLeast(viewer.role, minimumRole[Action.ViewActivity]);
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
      if (seesActivity) stream.event('activity', message.event, seq);
      else stream.event('change', { seq }, seq);
    };
    const end = () => {
      ended = true;
      stream.close();
    };
    const recheck = coalesced(async () => {
      if (ended) return;
      const allowed = await this.stillAllowed(viewer).catch((error: Error) => {
        // Fail closed: the reconnection is checked by the guards.
        this.logger.warn(`could not check a stream's access, so it ends: ${error.message}`);
        return false;
      });
      if (!allowed) end();
    });
    const listener: LetterEventListener = {
      message: (message) => (live ? send(message) : buffered.push(message)),
      // Before it is live, the check it runs on going live covers the change.
      accessChanged: () => {
        if (live) recheck();
      },
      end,
    };

    const unsubscribe = await this.letterEvents.subscribe(letterId, viewer.userId, listener);
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
    stream.open(RETRY_MS, HEARTBEAT_MS, recheck);
    if (replay?.missed === null) {
      // Too much to replay: the client refetches; this id is where a later resume starts.
      floor = replay.lastSeq;
      stream.event('reset', { reason: 'missed', lastEventId: replay.lastSeq }, replay.lastSeq);
    } else {
      for (const event of replay?.missed ?? []) send({ type: 'activity', event });
    }
    live = true;
    for (const message of buffered.splice(0)) send(message);
    recheck();
  }

  /** The session still works and the membership still has the role the stream opened with. */
  private async stillAllowed(viewer: StreamViewer): Promise<boolean> {
    if (!(await this.accounts.sessionIsLive(viewer.sessionId))) return false;
    // A workspace deleted takes its memberships with it (ON DELETE CASCADE).
    const membership = await this.workspaces.membership(viewer.workspaceId, viewer.userId);
    // Another role (lower or higher) sees another view: the client reopens with its own.
    return membership?.role === viewer.role;
  }
}

/**
 * `run` at once, or, while a run is under way (which may have read before the change that
 * asks again), once more after it: never two at a time, never a request lost.
 */
function coalesced(run: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const start = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void run().finally(() => {
      running = false;
      if (again) {
        again = false;
        start();
      }
    });
  };
  return start;
}
