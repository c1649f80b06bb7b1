import { TimestampColumn } from '@app/database';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

/** A member of a coalition's directory, reused across letters. */
@Entity('organizations')
@Index('organizations_workspace_key', ['workspaceId', 'nameKey'])
@Index('organizations_workspace_search', ['workspaceId', 'searchName'])
@Index('organizations_workspace_activity', ['workspaceId', 'lastActivityAt'])
@Index('organizations_workspace_created', ['workspaceId', 'createdAt'])
export class OrganizationEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'workspace_id', length: 36 })
  workspaceId: string;

  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: WorkspaceEntity;

  /** As the organization wants it printed. */
  @Column('varchar', { length: 300 })
  name: string;

  /** nameKey(name): equal keys flag likely duplicates. */
  @Column('varchar', { name: 'name_key', length: 300 })
  nameKey: string;

  /** foldForSearch(name): what search matches against. */
  @Column('varchar', { name: 'search_name', length: 300 })
  searchName: string;

  @Column('varchar', { name: 'contact_name', length: 200, nullable: true })
  contactName: string | null;

  /** JSON array of lower-cased addresses, the first one primary; never empty. */
  @Column('text')
  emails: string;

  /** ISO 3166-1 alpha-2, upper case. */
  @Column('varchar', { length: 2, nullable: true })
  country: string | null;

  @Column('varchar', { length: 500, nullable: true })
  website: string | null;

  /** JSON array of tags. */
  @Column('text')
  tags: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt: Date;

  @TimestampColumn({ name: 'archived_at', nullable: true })
  archivedAt: Date | null;

  /**
   * The latest of its invitations' invited and responded instants and its signatures' signed
   * and withdrawn ones; null: never invited nor signed. Written by the database's triggers
   * (migration 1765700000000) on every invitation and signature write, never by TypeORM: a
   * save() of an organization loaded earlier would otherwise put back a value a sign-on had
   * moved on since.
   */
  @TimestampColumn({ name: 'last_activity_at', nullable: true, insert: false, update: false })
  lastActivityAt: Date | null;
}
