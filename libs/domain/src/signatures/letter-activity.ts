import type { ActorType, AuditEventEntity } from '../audit/audit-event.entity';

/** One line of a letter's activity feed. */
export interface ActivityEvent {
  seq: number;
  at: Date;
  action: string;
  /** `name` for a user who still has an account. */
  actor: { type: ActorType; id: string | null; name?: string };
  subject: { type: string; id: string };
  data: Record<string, unknown>;
}

export const ACTIVITY_PAGE = 50;
export const ACTIVITY_PAGE_MAX = 200;

/** The ids of the users who acted, to look their names up at once. */
export function actingUserIds(events: AuditEventEntity[]): string[] {
  return [
    ...new Set(events.filter((e) => e.actorType === 'user' && e.actorId).map((e) => e.actorId!)),
  ];
}

export function activityEvent(
  event: AuditEventEntity,
  userNames: ReadonlyMap<string, string>,
): ActivityEvent {
  const name =
    event.actorType === 'user' && event.actorId ? userNames.get(event.actorId) : undefined;
  return {
    // The feed lists chained events only (AuditService.listForLetter).
    seq: event.seq!,
    at: event.createdAt,
    action: event.action,
    actor: { type: event.actorType, id: event.actorId, ...(name !== undefined ? { name } : {}) },
    subject: { type: event.subjectType, id: event.subjectId },
    data: JSON.parse(event.data) as Record<string, unknown>,
  };
}
