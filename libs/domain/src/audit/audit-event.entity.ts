import { TimestampColumn } from '@app/database';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

export type ActorType = 'user' | 'signer' | 'system';

/**
 * Append-only record of who did what. Events form one hash chain per workspace: each
 * carries the hash of the one before, so editing or deleting a row breaks verification.
 */
@Entity('audit_events')
@Index('audit_events_workspace_seq', ['workspaceId', 'seq'], { unique: true })
@Index('audit_events_subject', ['subjectType', 'subjectId'])
@Index('audit_events_letter', ['letterId', 'seq'])
export class AuditEventEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'workspace_id', length: 36 })
  workspaceId: string;

  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: WorkspaceEntity;

  /** 1, 2, 3... within the workspace; unique, so two writers cannot fork the chain. */
  @Column('integer')
  seq: number;

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

  @Column('varchar', { name: 'prev_hash', length: 64 })
  prevHash: string;

  @Column('varchar', { length: 64 })
  hash: string;
}
