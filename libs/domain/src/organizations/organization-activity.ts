import type { EntityManager } from 'typeorm';

/**
 * Sets an organization's `last_activity_at` again from the invitations and signatures it
 * has now. The database's triggers only move it forward, which is right for every write
 * but one: a merge moving rows away from a duplicate. Its instants are those of its
 * history's `lastActivityAt`: invited (sent, else created), responded, signed, withdrawn.
 * One row per instant, then MAX: GREATEST and SQLite's max(a, b) disagree about NULLs.
 */
export async function recomputeLastActivity(
  manager: EntityManager,
  organizationId: string,
): Promise<void> {
  const id = ':organizationId';
  const instants = [
    `SELECT COALESCE("sent_at", "created_at") AS "at" FROM "invitations" WHERE "organization_id" = ${id}`,
    `SELECT "responded_at" FROM "invitations" WHERE "organization_id" = ${id}`,
    `SELECT "signed_at" FROM "signatures" WHERE "organization_id" = ${id}`,
    `SELECT "withdrawn_at" FROM "signatures" WHERE "organization_id" = ${id}`,
  ].join(' UNION ALL ');
  // Named, so that each dialect gets its own placeholders (SQLite's ? once per use).
  const [sql, parameters] = manager.connection.driver.escapeQueryWithParameters(
    `UPDATE "organizations" SET "last_activity_at" = (SELECT MAX(e."at") FROM (${instants}) e) ` +
      `WHERE "id" = ${id}`,
    { organizationId },
  );
  await manager.query(sql, parameters);
}
