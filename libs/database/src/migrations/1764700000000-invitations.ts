import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { cascadeForeignKey, idColumn, instantColumn } from './schema-helpers';

/** Invitations to sign a letter, their reminder steps, and the mail → invitation link. */
export class Invitations1764700000000 implements MigrationInterface {
  name = 'Invitations1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'invitations',
        columns: [
          idColumn(),
          { name: 'letter_id', type: 'varchar', length: '36' },
          { name: 'organization_id', type: 'varchar', length: '36' },
          { name: 'email', type: 'varchar', length: '320' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'token_seed', type: 'varchar', length: '64' },
          { name: 'token_hash', type: 'varchar', length: '64', isUnique: true },
          { name: 'invited_by', type: 'varchar', length: '36' },
          instantColumn(queryRunner, 'created_at'),
          instantColumn(queryRunner, 'sent_at', { isNullable: true }),
          instantColumn(queryRunner, 'last_mailed_at', { isNullable: true }),
          instantColumn(queryRunner, 'opened_at', { isNullable: true }),
          instantColumn(queryRunner, 'responded_at', { isNullable: true }),
          instantColumn(queryRunner, 'revoked_at', { isNullable: true }),
          { name: 'failure_reason', type: 'varchar', length: '1000', isNullable: true },
          { name: 'message_id', type: 'varchar', length: '500', isNullable: true },
          { name: 'reminders_sent', type: 'integer', default: 0 },
        ],
        foreignKeys: [
          cascadeForeignKey('letter_id', 'letters'),
          cascadeForeignKey('organization_id', 'organizations'),
        ],
        indices: [
          new TableIndex({
            name: 'invitations_letter_organization',
            columnNames: ['letter_id', 'organization_id'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'invitations_letter_status',
            columnNames: ['letter_id', 'status'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'invitation_reminders',
        columns: [
          idColumn(),
          { name: 'invitation_id', type: 'varchar', length: '36' },
          { name: 'step', type: 'integer' },
          instantColumn(queryRunner, 'created_at'),
        ],
        foreignKeys: [cascadeForeignKey('invitation_id', 'invitations')],
        indices: [
          new TableIndex({
            name: 'invitation_reminders_step',
            columnNames: ['invitation_id', 'step'],
            isUnique: true,
          }),
        ],
      }),
    );
    await queryRunner.addColumn(
      'mail_messages',
      new TableColumn({ name: 'context', type: 'varchar', length: '100', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('mail_messages', 'context');
    await queryRunner.dropTable('invitation_reminders', true, true, true);
    await queryRunner.dropTable('invitations', true, true, true);
  }
}
