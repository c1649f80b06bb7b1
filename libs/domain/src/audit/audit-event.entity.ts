import { TimestampColumn } from '@app/database';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

export type ActorType = 'user' | 'signer' | 'system';

/**
 * Append-only record of who did what. Events form one hash chain per workspace: each
 * carries the hash of the one before, so editing or deleting a row breaks verification.
 * On PostgreSQL an event is written pending (`seq`, `prevHash` and `hash` null) and chained
 * right after its transaction commits (see AuditService).
 */
@Entity('audit_events')
@Index('audit_events_workspace_seq', ['workspaceId', 'seq'], { unique: true })
@Index('audit_events_subject', ['subjectType', 'subjectId'])
@Index('audit_events_letter', ['letterId', 'seq'])
@Index('audit_events_pending', ['workspaceId', 'journal'], { where: '(seq IS NULL)' })
export class AuditEventEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'workspace_id', length: 36 })
  workspaceId: string;

  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: WorkspaceEntity;

  /**
   * 1, 2, 3... within the workspace; unique, so two writers cannot fork the chain. Null
   * while the event is pending.
   */
  @Column('integer', { nullable: true })
  seq: number | null;

  @Column('varchar', { name: 'actor_type', length: 16 })
  actorType: ActorType;

  @Column('varchar', { name: 'actor_id', length: 64, nullable: true })
  actorId: string | null;

  @Column('varchar', { length: 64 })
  action: string;

  @Column('varchar', { name: 'subject_type', length: 32 })
  subjectType: string;

  @Column('varchar', { name: 'subject_id', length: 64 })
  subjectId: string;

  /** The letter the event concerns, if any: its activity feed. */
  @Column('varchar', { name: 'letter_id', length: 36, nullable: true })
  letterId: string | null;

  /** JSON object with the details (old and new role, ...). */
  @Column('text')
  data: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt: Date;

  @Column('varchar', { name: 'prev_hash', length: 64, nullable: true })
  prevHash: string | null;

  @Column('varchar', { length: 64, nullable: true })
  hash: string | null;

  /**
   * The order pending events were written in, which is the order they are chained in: a
   * number from the `audit_events_journal` sequence (PostgreSQL; unused on SQLite).
   */
  @Column({ type: 'bigint', nullable: true, select: false, update: false })
  journal?: string | null;
}
