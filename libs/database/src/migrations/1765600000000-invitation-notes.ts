import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * The sender's personal note on an invitation (issue 17): Markdown, shown in the invitation
 * mail above the letter's opening, and again in its reminders and resends. Null: no note
 * (every invitation that exists today).
 */
export class InvitationNotes1765600000000 implements MigrationInterface {
  name = 'InvitationNotes1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'better-sqlite3') {
      // In place: TypeORM adds a SQLite column by copying the table and dropping the old one,
      // and dropping `invitations` with foreign keys on cascades into its reminders.
      await queryRunner.query('ALTER TABLE "invitations" ADD COLUMN "note" text');
      return;
    }
    await queryRunner.addColumn(
      'invitations',
      new TableColumn({ name: 'note', type: 'text', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'better-sqlite3') {
      await queryRunner.query('ALTER TABLE "invitations" DROP COLUMN "note"');
      return;
    }
    await queryRunner.dropColumn('invitations', 'note');
  }
}
