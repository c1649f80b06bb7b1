import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * A workspace's IANA time zone, in which its letters' deadlines are read and shown. Null
 * (every workspace that exists today) means the configured DEFAULT_TIME_ZONE. A letter's
 * own zone lives in its settings JSON (`timeZone`), so letters need no column.
 */
export class TimeZones1765300000000 implements MigrationInterface {
  name = 'TimeZones1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'workspaces',
      new TableColumn({ name: 'time_zone', type: 'varchar', length: '64', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'better-sqlite3') {
      // TypeORM drops a SQLite column by copying the table into a new one and dropping the
      // old, and dropping `workspaces` with foreign keys on cascades into every campaign,
      // letter and revision. SQLite (3.35+) drops a plain column in place.
      await queryRunner.query('ALTER TABLE "workspaces" DROP COLUMN "time_zone"');
      return;
    }
    await queryRunner.dropColumn('workspaces', 'time_zone');
  }
}
