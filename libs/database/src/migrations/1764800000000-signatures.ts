import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
} from 'typeorm';
import { cascadeForeignKey, idColumn, instantColumn } from './schema-helpers';

const setNullForeignKey = (column: string, table: string) =>
  new TableForeignKey({
    columnNames: [column],
    referencedTableName: table,
    referencedColumnNames: ['id'],
    onDelete: 'SET NULL',
  });

/** Sign-ons, and the letter each audit event concerns (for a letter's activity feed). */
export class Signatures1764800000000 implements MigrationInterface {
  name = 'Signatures1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'signatures',
        columns: [
          idColumn(),
          { name: 'letter_id', type: 'varchar', length: '36' },
          { name: 'organization_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'invitation_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'live_key', type: 'varchar', length: '320', isNullable: true },
          { name: 'status', type: 'varchar', length: '24' },
          { name: 'source', type: 'varchar', length: '16' },
          { name: 'visibility', type: 'varchar', length: '16' },
          { name: 'revision', type: 'integer' },
          { name: 'display_name', type: 'varchar', length: '300' },
          { name: 'signer_name', type: 'varchar', length: '200' },
          { name: 'signer_title', type: 'varchar', length: '200', isNullable: true },
          { name: 'signer_email', type: 'varchar', length: '320', isNullable: true },
          { name: 'country', type: 'varchar', length: '2', isNullable: true },
          { name: 'website', type: 'varchar', length: '500', isNullable: true },
          { name: 'consent_text', type: 'text' },
          { name: 'authorized', type: 'boolean' },
          { name: 'domain_verified', type: 'boolean' },
          { name: 'ip', type: 'varchar', length: '64', isNullable: true },
          { name: 'user_agent', type: 'varchar', length: '500', isNullable: true },
          { name: 'position', type: 'integer', isNullable: true },
          { name: 'token_seed', type: 'varchar', length: '64', isNullable: true },
          { name: 'token_hash', type: 'varchar', length: '64', isNullable: true, isUnique: true },
          instantColumn(queryRunner, 'signed_at'),
          instantColumn(queryRunner, 'updated_at'),
          instantColumn(queryRunner, 'withdrawn_at', { isNullable: true }),
        ],
        foreignKeys: [
          cascadeForeignKey('letter_id', 'letters'),
          setNullForeignKey('organization_id', 'organizations'),
          setNullForeignKey('invitation_id', 'invitations'),
        ],
        indices: [
          new TableIndex({
            name: 'signatures_letter_live',
            columnNames: ['letter_id', 'live_key'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'signatures_letter_status',
            columnNames: ['letter_id', 'status'],
          }),
          new TableIndex({ name: 'signatures_invitation', columnNames: ['invitation_id'] }),
        ],
      }),
    );
    await queryRunner.addColumn(
      'audit_events',
      new TableColumn({ name: 'letter_id', type: 'varchar', length: '36', isNullable: true }),
    );
    await queryRunner.createIndex(
      'audit_events',
      new TableIndex({ name: 'audit_events_letter', columnNames: ['letter_id', 'seq'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('audit_events', 'audit_events_letter');
    await queryRunner.dropColumn('audit_events', 'letter_id');
    await queryRunner.dropTable('signatures', true, true, true);
  }
}
