import { TimestampColumn } from '@app/database';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A job that a committed state change needs. Written in the same transaction as the
 * change, then moved into BullMQ by the OutboxDrainer; the database stays the source of
 * truth when Redis is down or loses its data.
 */
@Entity('outbox')
// The drainer's only query: undispatched rows, oldest first.
@Index('outbox_pending', ['dispatchedAt', 'createdAt'])
export class OutboxEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 32 })
  queue: string;

  @Column('varchar', { name: 'job_name', length: 64 })
  jobName: string;

  /** BullMQ job id: deterministic, so a second drain of the same row adds nothing. */
  @Column('varchar', { name: 'job_id', length: 200 })
  jobId: string;

  @Column('text')
  payload: string;

  @Column('integer', { name: 'delay_ms', default: 0 })
  delayMs: number;

  @TimestampColumn({ name: 'created_at' })
  createdAt: Date;

  @TimestampColumn({ name: 'dispatched_at', nullable: true })
  dispatchedAt: Date | null;

  @Column('integer', { name: 'dispatch_attempts', default: 0 })
  dispatchAttempts: number;

  @Column('varchar', { name: 'last_error', length: 500, nullable: true })
  lastError: string | null;
}
