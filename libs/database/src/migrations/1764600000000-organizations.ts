import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { cascadeForeignKey, idColumn, instantColumn } from './schema-helpers';

/** The coalition directory: member organizations per workspace. */
export class Organizations1764600000000 implements MigrationInterface {
  name = 'Organizations1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'organizations',
        columns: [
          idColumn(),
          { name: 'workspace_id', type: 'varchar', length: '36' },
          { name: 'name', type: 'varchar', length: '300' },
          { name: 'name_key', type: 'varchar', length: '300' },
          { name: 'search_name', type: 'varchar', length: '300' },
          { name: 'contact_name', type: 'varchar', length: '200', isNullable: true },
          { name: 'emails', type: 'text' },
          { name: 'country', type: 'varchar', length: '2', isNullable: true },
          { name: 'website', type: 'varchar', length: '500', isNullable: true },
          { name: 'tags', type: 'text' },
          instantColumn(queryRunner, 'created_at'),
          instantColumn(queryRunner, 'updated_at'),
          instantColumn(queryRunner, 'archived_at', { isNullable: true }),
        ],
        foreignKeys: [cascadeForeignKey('workspace_id', 'workspaces')],
        indices: [
          new TableIndex({
            name: 'organizations_workspace_key',
            columnNames: ['workspace_id', 'name_key'],
          }),
          new TableIndex({
            name: 'organizations_workspace_search',
            columnNames: ['workspace_id', 'search_name'],
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('organizations', true, true, true);
  }
}
