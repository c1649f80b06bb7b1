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
    await queryRunner.dropColumn('workspaces', 'time_zone');
  }
}
