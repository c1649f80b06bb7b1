import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { cascadeForeignKey, idColumn, instantColumn } from './schema-helpers';

/** Mailed password-reset links (issue 16): a hash per token, its expiry and its use. */
export class PasswordResetTokens1765400000000 implements MigrationInterface {
  name = 'PasswordResetTokens1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'password_reset_tokens',
        columns: [
          idColumn(),
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'token_hash', type: 'varchar', length: '64', isUnique: true },
          instantColumn(queryRunner, 'created_at'),
          instantColumn(queryRunner, 'expires_at'),
          instantColumn(queryRunner, 'used_at', { isNullable: true }),
        ],
        foreignKeys: [cascadeForeignKey('user_id', 'users')],
        indices: [new TableIndex({ name: 'password_reset_tokens_user', columnNames: ['user_id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('password_reset_tokens');
  }
}
