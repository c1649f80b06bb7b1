import { TimestampColumn } from '@app/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A coalition: everything else lives inside one. */
@Entity('workspaces')
export class WorkspaceEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('varchar', { length: 80, unique: true })
  slug: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt: Date;
}
