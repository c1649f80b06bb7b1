import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { instantColumn } from './schema-helpers';

/**
 * The directory sorts by an organization's last activity (issue 17): the latest of its
 * invitations' invited (sent, else created) and responded instants and of its signatures'
 * signed and withdrawn instants, which is also its history's newest `lastActivityAt`.
 * Computing it on every read meant aggregating every invitation and signature of the
 * workspace for each page (a quarter of a second at 10,000 organizations and 75,000 rows),
 * so it is kept on the organization, with an index to sort by.
 *
 * It is kept by triggers, in this one place, because invitations and signatures are
 * written by many paths (a 10,000-row bulk insert, the mail worker's `sent_at`, sign-on,
 * decline, withdraw, a coordinator's manual sign-on, a merge moving rows): the database
 * sees them all. The value only ever moves forward here: nothing deletes an invitation or
 * signature short of deleting the organization's workspace, and a merge, which moves them
 * away from a duplicate, recomputes the duplicate's value itself (OrganizationsService).
 */
export class OrganizationLastActivity1765700000000 implements MigrationInterface {
  name = 'OrganizationLastActivity1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sqlite = queryRunner.connection.options.type === 'better-sqlite3';
    if (sqlite) {
      // In place: TypeORM adds a SQLite column by copying the table and dropping the old one,
      // and dropping `organizations` with foreign keys on cascades into its invitations.
      await queryRunner.query('ALTER TABLE "organizations" ADD COLUMN "last_activity_at" datetime');
    } else {
      await queryRunner.addColumn(
        'organizations',
        new TableColumn(instantColumn(queryRunner, 'last_activity_at', { isNullable: true })),
      );
    }
    await queryRunner.createIndex(
      'organizations',
      new TableIndex({
        name: 'organizations_workspace_activity',
        columnNames: ['workspace_id', 'last_activity_at'],
      }),
    );
    await queryRunner.createIndex(
      'organizations',
      new TableIndex({
        name: 'organizations_workspace_created',
        columnNames: ['workspace_id', 'created_at'],
      }),
    );
    await queryRunner.query(
      `UPDATE "organizations" SET "last_activity_at" = a."at" FROM (${LATEST_PER_ORGANIZATION}) a ` +
        'WHERE "organizations"."id" = a."organization_id"',
    );
    for (const statement of sqlite ? SQLITE_TRIGGERS : POSTGRES_TRIGGERS) {
      await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const sqlite = queryRunner.connection.options.type === 'better-sqlite3';
    for (const table of ['invitations', 'signatures']) {
      for (const event of ['inserted', 'updated']) {
        await queryRunner.query(
          `DROP TRIGGER IF EXISTS "organization_activity_${table}_${event}"` +
            (sqlite ? '' : ` ON "${table}"`),
        );
      }
      if (!sqlite)
        await queryRunner.query(`DROP FUNCTION IF EXISTS organization_activity_${table}()`);
    }
    await queryRunner.dropIndex('organizations', 'organizations_workspace_created');
    await queryRunner.dropIndex('organizations', 'organizations_workspace_activity');
    if (sqlite) {
      await queryRunner.query('ALTER TABLE "organizations" DROP COLUMN "last_activity_at"');
      return;
    }
    await queryRunner.dropColumn('organizations', 'last_activity_at');
  }
}

/** Every organization's latest instant, from what exists when the migration runs. */
const LATEST_PER_ORGANIZATION =
  'SELECT e."organization_id", MAX(e."at") AS "at" FROM (' +
  'SELECT "organization_id", COALESCE("sent_at", "created_at") AS "at" FROM "invitations" ' +
  'UNION ALL SELECT "organization_id", "responded_at" FROM "invitations" ' +
  'UNION ALL SELECT "organization_id", "signed_at" FROM "signatures" ' +
  'UNION ALL SELECT "organization_id", "withdrawn_at" FROM "signatures"' +
  ') e WHERE e."organization_id" IS NOT NULL GROUP BY e."organization_id"';

/**
 * SQLite: max() of several values is NULL if any is, so absent instants count as '' (every
 * stored instant is text that sorts after it, in one format, UTC).
 */
const sqliteTrigger = (table: string, event: string, instant: string) => `
  CREATE TRIGGER "organization_activity_${table}_${event}" AFTER ${event === 'inserted' ? 'INSERT' : `UPDATE OF ${table === 'invitations' ? '"sent_at", "responded_at"' : '"signed_at", "withdrawn_at"'}, "organization_id"`} ON "${table}"
  FOR EACH ROW WHEN NEW."organization_id" IS NOT NULL
  BEGIN
    UPDATE "organizations" SET "last_activity_at" = ${instant}
    WHERE "id" = NEW."organization_id" AND COALESCE("last_activity_at", '') < ${instant};
  END`;

const SQLITE_INVITATION_INSTANT = `max(COALESCE(NEW."sent_at", NEW."created_at"), COALESCE(NEW."responded_at", ''))`;
const SQLITE_SIGNATURE_INSTANT = `max(NEW."signed_at", COALESCE(NEW."withdrawn_at", ''))`;

const SQLITE_TRIGGERS = [
  sqliteTrigger('invitations', 'inserted', SQLITE_INVITATION_INSTANT),
  sqliteTrigger('invitations', 'updated', SQLITE_INVITATION_INSTANT),
  sqliteTrigger('signatures', 'inserted', SQLITE_SIGNATURE_INSTANT),
  sqliteTrigger('signatures', 'updated', SQLITE_SIGNATURE_INSTANT),
];

/**
 * PostgreSQL: statement-level triggers over the rows written (transition tables), so that
 * inviting 10,000 organizations runs one UPDATE rather than 10,000 function calls. GREATEST
 * leaves NULLs out. A trigger with a transition table has one event, hence two per table.
 */
const postgresFunction = (table: string, instant: string) => `
  CREATE FUNCTION organization_activity_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    UPDATE "organizations" o SET "last_activity_at" = w."at"
    FROM (
      SELECT "organization_id", MAX(${instant}) AS "at" FROM written
      WHERE "organization_id" IS NOT NULL GROUP BY "organization_id"
    ) w
    WHERE o."id" = w."organization_id"
      AND (o."last_activity_at" IS NULL OR o."last_activity_at" < w."at");
    RETURN NULL;
  END $$`;

const postgresTriggers = (table: string) =>
  (['INSERT', 'UPDATE'] as const).map(
    (event) =>
      `CREATE TRIGGER "organization_activity_${table}_${event === 'INSERT' ? 'inserted' : 'updated'}"
       AFTER ${event} ON "${table}" REFERENCING NEW TABLE AS written
       FOR EACH STATEMENT EXECUTE FUNCTION organization_activity_${table}()`,
  );

const POSTGRES_TRIGGERS = [
  postgresFunction('invitations', 'GREATEST(COALESCE("sent_at", "created_at"), "responded_at")'),
  ...postgresTriggers('invitations'),
  postgresFunction('signatures', 'GREATEST("signed_at", "withdrawn_at")'),
  ...postgresTriggers('signatures'),
];
