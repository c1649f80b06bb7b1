import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

const CHAIN_COLUMNS = ['seq', 'prev_hash', 'hash'];

/**
 * For many sign-ons at once, and the coordinators' view of them:
 *
 * - audit events may be written pending and chained right after their transaction commits
 *   (PostgreSQL): `seq`, `prev_hash` and `hash` become nullable, and `journal` records the
 *   order pending events were written in, from a sequence. SQLite keeps chaining in the
 *   writing transaction; its table changes alike so that one entity describes both;
 * - a letter's signatures by time of signing (the list's order, and the CSV's) come from
 *   an index instead of a sort of all of them.
 */
export class SignOnThroughput1765100000000 implements MigrationInterface {
  name = 'SignOnThroughput1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.chainColumnsNullable(queryRunner, true);
    await queryRunner.query(`ALTER TABLE "audit_events" ADD COLUMN "journal" bigint`);
    if (this.postgres(queryRunner)) {
      await queryRunner.query(`CREATE SEQUENCE "audit_events_journal"`);
    }
    // Written as both databases give it back, so that the entity's index compares equal.
    await queryRunner.query(
      `CREATE INDEX "audit_events_pending" ON "audit_events" ("workspace_id", "journal") WHERE (seq IS NULL)`,
    );
    await queryRunner.createIndex(
      'signatures',
      new TableIndex({
        name: 'signatures_letter_signed',
        columnNames: ['letter_id', 'signed_at', 'id'],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('signatures', 'signatures_letter_signed');
    await queryRunner.query(`DROP INDEX "audit_events_pending"`);
    if (this.postgres(queryRunner)) {
      await queryRunner.query(`DROP SEQUENCE "audit_events_journal"`);
    }
    await queryRunner.query(`ALTER TABLE "audit_events" DROP COLUMN "journal"`);
    // Fails while events are still pending: start the app once to chain them first.
    await this.chainColumnsNullable(queryRunner, false);
  }

  private postgres(queryRunner: QueryRunner): boolean {
    return queryRunner.connection.driver.options.type === 'postgres';
  }

  private async chainColumnsNullable(queryRunner: QueryRunner, nullable: boolean) {
    if (this.postgres(queryRunner)) {
      const change = nullable ? 'DROP NOT NULL' : 'SET NOT NULL';
      await queryRunner.query(
        `ALTER TABLE "audit_events" ${CHAIN_COLUMNS.map((c) => `ALTER COLUMN "${c}" ${change}`).join(', ')}`,
      );
      return;
    }
    // SQLite cannot alter a column: TypeORM rebuilds the table once, indexes included.
    const table = (await queryRunner.getTable('audit_events'))!;
    await queryRunner.changeColumns(
      table,
      CHAIN_COLUMNS.map((name) => {
        const oldColumn = table.findColumnByName(name)!;
        const newColumn = oldColumn.clone();
        newColumn.isNullable = nullable;
        return { oldColumn, newColumn };
      }),
    );
  }
}
