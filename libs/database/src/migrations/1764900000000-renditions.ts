import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { cascadeForeignKey, idColumn, instantColumn } from './schema-helpers';

/** Final PDF renditions, and a workspace's letterhead logo. */
export class Renditions1764900000000 implements MigrationInterface {
  name = 'Renditions1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'renditions',
        columns: [
          idColumn(),
          { name: 'letter_id', type: 'varchar', length: '36' },
          { name: 'revision', type: 'integer' },
          { name: 'variant', type: 'varchar', length: '16' },
          { name: 'edition', type: 'varchar', length: '16' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'progress', type: 'integer' },
          { name: 'signatories', type: 'text' },
          { name: 'signatory_count', type: 'integer' },
          { name: 'unnamed_count', type: 'integer' },
          { name: 'files', type: 'text' },
          { name: 'warnings', type: 'text' },
          { name: 'error', type: 'varchar', length: '1000', isNullable: true },
          { name: 'attempts', type: 'integer' },
          { name: 'requested_by', type: 'varchar', length: '36' },
          instantColumn(queryRunner, 'created_at'),
          instantColumn(queryRunner, 'started_at', { isNullable: true }),
          instantColumn(queryRunner, 'finished_at', { isNullable: true }),
        ],
        foreignKeys: [cascadeForeignKey('letter_id', 'letters')],
        indices: [
          new TableIndex({ name: 'renditions_letter', columnNames: ['letter_id', 'created_at'] }),
          new TableIndex({ name: 'renditions_status', columnNames: ['status', 'started_at'] }),
        ],
      }),
    );
    await queryRunner.addColumn(
      'workspaces',
      new TableColumn({ name: 'letterhead_key', type: 'varchar', length: '200', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('workspaces', 'letterhead_key');
    await queryRunner.dropTable('renditions', true, true, true);
  }
}
