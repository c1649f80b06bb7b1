import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AuditEventEntity } from './audit-event.entity';

/** The link before a workspace's first event. */
export const GENESIS = '0'.repeat(64);

/** An event as the caller describes it, before the chain gives it a place. */
export type AuditRow = Pick<
  AuditEventEntity,
  | 'id'
  | 'workspaceId'
  | 'actorType'
  | 'actorId'
  | 'action'
  | 'subjectType'
  | 'subjectId'
  | 'letterId'
  | 'data'
  | 'createdAt'
>;

export type Chained = Omit<AuditRow, 'id'> & { seq: number; prevHash: string };

export function hashOf(event: Chained): string {
  // The letter id joined the chain later: events without one hash exactly as before.
  const letter = event.letterId ? [event.letterId] : [];
  const canonical = JSON.stringify([
    event.workspaceId,
    event.seq,
    event.actorType,
    event.actorId,
    event.action,
    event.subjectType,
    event.subjectId,
    event.data,
    event.createdAt.toISOString(),
    ...letter,
  ]);
  return createHash('sha256').update(`${event.prevHash}\n${canonical}`).digest('hex');
}

/**
 * How events join their workspace's chain: in the transaction that records them
 * (InlineChain, SQLite) or after it commits (DeferredSealing, PostgreSQL). AuditService
 * picks one by database type; readers call the seal methods first, so that either way they
 * see every event committed before they asked, chained.
 */
export interface AuditChainStrategy {
  /** Writes the events in the caller's transaction; they commit or roll back with it. */
  write(manager: EntityManager, rows: AuditRow[]): Promise<AuditEventEntity[]>;
  /** Chains every event of the workspace committed before this call. */
  seal(workspaceId: string): Promise<void>;
  /** seal() for every workspace with an unchained event of the letter. */
  sealLetter(letterId: string): Promise<void>;
  /** At start: chains what a stopped process left unchained. */
  start(): Promise<void>;
  /** Before the database closes: finishes the chaining under way. */
  stop(): Promise<void>;
}
