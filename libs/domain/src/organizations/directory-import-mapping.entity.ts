import { TimestampColumn } from '@app/database';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

/** The column mapping of the workspace's last successful directory import. */
@Entity('directory_import_mappings')
export class DirectoryImportMappingEntity {
  @PrimaryColumn('varchar', { name: 'workspace_id', length: 36 })
  workspaceId: string;

  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: WorkspaceEntity;

  /** JSON, as a client sends it (MappingJson). */
  @Column('text')
  mapping: string;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt: Date;
}
