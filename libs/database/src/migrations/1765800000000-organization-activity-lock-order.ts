import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PostgreSQL only: the statement triggers of 1765700000000 (organizations' last activity)
 * update every organization a statement's invitations or signatures name, in whatever order
 * the join yields. Two statements naming overlapping organizations (two letters of one
 * workspace invited at once, two sign-on batches of different letters) could then each hold
 * a row the other wants, and PostgreSQL would abort one of them as a deadlock. The functions
 * now lock those organizations in id order first, so the second statement waits for the
 * first instead (the sign-on batches already lock their links in id order for the same
 * reason). SQLite has one writer at a time: nothing to do there.
 */
export class OrganizationActivityLockOrder1765800000000 implements MigrationInterface {
  name = 'OrganizationActivityLockOrder1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    await queryRunner.query(activityFunction('invitations', INVITATION_INSTANT, true));
    await queryRunner.query(activityFunction('signatures', SIGNATURE_INSTANT, true));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    await queryRunner.query(activityFunction('invitations', INVITATION_INSTANT, false));
    await queryRunner.query(activityFunction('signatures', SIGNATURE_INSTANT, false));
  }
}

const INVITATION_INSTANT = 'GREATEST(COALESCE("sent_at", "created_at"), "responded_at")';
const SIGNATURE_INSTANT = 'GREATEST("signed_at", "withdrawn_at")';

/** The trigger function of 1765700000000, with (or, for down, without) the ordered lock. */
const activityFunction = (table: string, instant: string, lockInOrder: boolean) => `
  CREATE OR REPLACE FUNCTION organization_activity_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    ${
      lockInOrder
        ? `PERFORM 1 FROM "organizations"
    WHERE "id" IN (SELECT "organization_id" FROM written WHERE "organization_id" IS NOT NULL)
    ORDER BY "id" FOR UPDATE;`
        : ''
    }
    UPDATE "organizations" o SET "last_activity_at" = w."at"
    FROM (
      SELECT "organization_id", MAX(${instant}) AS "at" FROM written
      WHERE "organization_id" IS NOT NULL GROUP BY "organization_id"
    ) w
    WHERE o."id" = w."organization_id"
      AND (o."last_activity_at" IS NULL OR o."last_activity_at" < w."at");
    RETURN NULL;
  END $$`;
