import { TimestampColumn } from '@app/database';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

/** An advocacy effort in a workspace; it holds letters. */
@Entity('campaigns')
@Index('campaigns_workspace', ['workspaceId'])
export class CampaignEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'workspace_id', length: 36 })
  workspaceId: string;

  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: WorkspaceEntity;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('varchar', { length: 2000, nullable: true })
  description: string | null;

  @Column('varchar', { name: 'created_by', length: 36 })
  createdBy: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt: Date;

  @TimestampColumn({ name: 'archived_at', nullable: true })
  archivedAt: Date | null;
}
