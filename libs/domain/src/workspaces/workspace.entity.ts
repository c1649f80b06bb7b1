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

  /** FileStorage key of the letterhead logo printed on final PDFs, if any. */
  @Column('varchar', { name: 'letterhead_key', length: 200, nullable: true })
  letterheadKey: string | null;

  /** IANA zone for deadlines and times shown; null: the configured DEFAULT_TIME_ZONE. */
  @Column('varchar', { name: 'time_zone', length: 64, nullable: true })
  timeZone: string | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt: Date;
}
