import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { cascadeForeignKey, idColumn, instantColumn } from './schema-helpers';

/** Users and their sessions, workspaces, memberships, member invitations, the audit chain. */
export class AccountsWorkspaces1764400000000 implements MigrationInterface {
  name = 'AccountsWorkspaces1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          idColumn(),
          { name: 'email', type: 'varchar', length: '320', isUnique: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'password_hash', type: 'varchar', length: '200' },
          instantColumn(queryRunner, 'created_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'sessions',
        columns: [
          idColumn(),
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'token_hash', type: 'varchar', length: '64', isUnique: true },
          instantColumn(queryRunner, 'created_at'),
          instantColumn(queryRunner, 'last_used_at'),
          instantColumn(queryRunner, 'expires_at'),
          instantColumn(queryRunner, 'revoked_at', { isNullable: true }),
        ],
        foreignKeys: [cascadeForeignKey('user_id', 'users')],
        indices: [new TableIndex({ name: 'sessions_user', columnNames: ['user_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'workspaces',
        columns: [
          idColumn(),
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'slug', type: 'varchar', length: '80', isUnique: true },
          instantColumn(queryRunner, 'created_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'memberships',
        columns: [
          idColumn(),
          { name: 'workspace_id', type: 'varchar', length: '36' },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'role', type: 'varchar', length: '16' },
          instantColumn(queryRunner, 'created_at'),
        ],
        foreignKeys: [
          cascadeForeignKey('workspace_id', 'workspaces'),
          cascadeForeignKey('user_id', 'users'),
        ],
        indices: [
          new TableIndex({
            name: 'memberships_workspace_user',
            columnNames: ['workspace_id', 'user_id'],
            isUnique: true,
          }),
          new TableIndex({ name: 'memberships_user', columnNames: ['user_id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'member_invitations',
        columns: [
          idColumn(),
          { name: 'workspace_id', type: 'varchar', length: '36' },
          { name: 'email', type: 'varchar', length: '320' },
          { name: 'role', type: 'varchar', length: '16' },
          { name: 'token_hash', type: 'varchar', length: '64', isUnique: true },
          { name: 'invited_by', type: 'varchar', length: '36' },
          instantColumn(queryRunner, 'created_at'),
          instantColumn(queryRunner, 'expires_at'),
          instantColumn(queryRunner, 'accepted_at', { isNullable: true }),
          instantColumn(queryRunner, 'revoked_at', { isNullable: true }),
        ],
        foreignKeys: [cascadeForeignKey('workspace_id', 'workspaces')],
        indices: [
          new TableIndex({ name: 'member_invitations_workspace', columnNames: ['workspace_id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_events',
        columns: [
          idColumn(),
          { name: 'workspace_id', type: 'varchar', length: '36' },
          { name: 'seq', type: 'integer' },
          { name: 'actor_type', type: 'varchar', length: '16' },
          { name: 'actor_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'action', type: 'varchar', length: '64' },
          { name: 'subject_type', type: 'varchar', length: '32' },
          { name: 'subject_id', type: 'varchar', length: '64' },
          { name: 'data', type: 'text' },
          instantColumn(queryRunner, 'created_at'),
          { name: 'prev_hash', type: 'varchar', length: '64' },
          { name: 'hash', type: 'varchar', length: '64' },
        ],
        foreignKeys: [cascadeForeignKey('workspace_id', 'workspaces')],
        indices: [
          new TableIndex({
            name: 'audit_events_workspace_seq',
            columnNames: ['workspace_id', 'seq'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'audit_events_subject',
            columnNames: ['subject_type', 'subject_id'],
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'audit_events',
      'member_invitations',
      'memberships',
      'workspaces',
      'sessions',
      'users',
    ]) {
      await queryRunner.dropTable(table, true, true, true);
    }
  }
}
