import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { cascadeForeignKey, idColumn, instantColumn } from './schema-helpers';

/** Campaigns, letters, their immutable revisions, and comments. */
export class Letters1764500000000 implements MigrationInterface {
  name = 'Letters1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'campaigns',
        columns: [
          idColumn(),
          { name: 'workspace_id', type: 'varchar', length: '36' },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'description', type: 'varchar', length: '2000', isNullable: true },
          { name: 'created_by', type: 'varchar', length: '36' },
          instantColumn(queryRunner, 'created_at'),
          instantColumn(queryRunner, 'archived_at', { isNullable: true }),
        ],
        foreignKeys: [cascadeForeignKey('workspace_id', 'workspaces')],
        indices: [new TableIndex({ name: 'campaigns_workspace', columnNames: ['workspace_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'letters',
        columns: [
          idColumn(),
          { name: 'campaign_id', type: 'varchar', length: '36' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'current_revision', type: 'integer' },
          { name: 'published_revision', type: 'integer', isNullable: true },
          instantColumn(queryRunner, 'deadline', { isNullable: true }),
          { name: 'settings', type: 'text' },
          { name: 'created_by', type: 'varchar', length: '36' },
          instantColumn(queryRunner, 'created_at'),
          instantColumn(queryRunner, 'published_at', { isNullable: true }),
          instantColumn(queryRunner, 'closed_at', { isNullable: true }),
        ],
        foreignKeys: [cascadeForeignKey('campaign_id', 'campaigns')],
        indices: [
          new TableIndex({ name: 'letters_campaign', columnNames: ['campaign_id'] }),
          new TableIndex({ name: 'letters_status_deadline', columnNames: ['status', 'deadline'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'letter_revisions',
        columns: [
          idColumn(),
          { name: 'letter_id', type: 'varchar', length: '36' },
          { name: 'number', type: 'integer' },
          { name: 'content', type: 'text' },
          { name: 'message', type: 'varchar', length: '500', isNullable: true },
          { name: 'author_id', type: 'varchar', length: '36' },
          instantColumn(queryRunner, 'created_at'),
        ],
        foreignKeys: [cascadeForeignKey('letter_id', 'letters')],
        indices: [
          new TableIndex({
            name: 'letter_revisions_letter_number',
            columnNames: ['letter_id', 'number'],
            isUnique: true,
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'comments',
        columns: [
          idColumn(),
          { name: 'letter_id', type: 'varchar', length: '36' },
          { name: 'revision', type: 'integer' },
          { name: 'author_id', type: 'varchar', length: '36' },
          { name: 'body', type: 'text' },
          { name: 'quote', type: 'varchar', length: '1000', isNullable: true },
          instantColumn(queryRunner, 'created_at'),
          instantColumn(queryRunner, 'resolved_at', { isNullable: true }),
          { name: 'resolved_by', type: 'varchar', length: '36', isNullable: true },
        ],
        foreignKeys: [cascadeForeignKey('letter_id', 'letters')],
        indices: [new TableIndex({ name: 'comments_letter', columnNames: ['letter_id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['comments', 'letter_revisions', 'letters', 'campaigns']) {
      await queryRunner.dropTable(table, true, true, true);
    }
  }
}
