import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { idColumn, instantColumn } from './schema-helpers';

/** The transactional outbox and the stored mail messages it delivers. */
export class Foundation1764300000000 implements MigrationInterface {
  name = 'Foundation1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'outbox',
        columns: [
          idColumn(),
          { name: 'queue', type: 'varchar', length: '32' },
          { name: 'job_name', type: 'varchar', length: '64' },
          { name: 'job_id', type: 'varchar', length: '200' },
          { name: 'payload', type: 'text' },
          { name: 'delay_ms', type: 'integer', default: 0 },
          instantColumn(queryRunner, 'created_at'),
          instantColumn(queryRunner, 'dispatched_at', { isNullable: true }),
          { name: 'dispatch_attempts', type: 'integer', default: 0 },
          { name: 'last_error', type: 'varchar', length: '500', isNullable: true },
        ],
      }),
    );
    // The drainer's only query: undispatched rows, oldest first.
    await queryRunner.createIndex(
      'outbox',
      new TableIndex({ name: 'outbox_pending', columnNames: ['dispatched_at', 'created_at'] }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'mail_messages',
        columns: [
          idColumn(),
          { name: 'to_address', type: 'varchar', length: '320' },
          { name: 'from_address', type: 'varchar', length: '400' },
          { name: 'reply_to', type: 'varchar', length: '400', isNullable: true },
          { name: 'subject', type: 'varchar', length: '500' },
          { name: 'text_body', type: 'text' },
          { name: 'html_body', type: 'text' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'message_id', type: 'varchar', length: '500', isNullable: true },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'error', type: 'varchar', length: '1000', isNullable: true },
          instantColumn(queryRunner, 'created_at'),
          instantColumn(queryRunner, 'sent_at', { isNullable: true }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('mail_messages');
    await queryRunner.dropIndex('outbox', 'outbox_pending');
    await queryRunner.dropTable('outbox');
  }
}
