import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { cascadeForeignKey, instantColumn } from './schema-helpers';

/**
 * The column mapping of a workspace's last directory import (issue 17), offered again by
 * the next preview. One row per workspace, in its own table so that the workspaces table
 * (which SQLite can only rebuild, cascading) is left alone.
 */
export class DirectoryImportMappings1765500000000 implements MigrationInterface {
  name = 'DirectoryImportMappings1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'directory_import_mappings',
        columns: [
          { name: 'workspace_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'mapping', type: 'text' },
          instantColumn(queryRunner, 'updated_at'),
        ],
        foreignKeys: [cascadeForeignKey('workspace_id', 'workspaces')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('directory_import_mappings');
  }
}
