import { TimestampColumn } from '@app/database';
import { WorkspaceEntity } from './workspace.entity';
import { UserEntity } from '../accounts/user.entity';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Role } from './roles';

@Entity('memberships')
@Index('memberships_workspace_user', ['workspaceId', 'userId'], { unique: true })
@Index('memberships_user', ['userId'])
export class MembershipEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'workspace_id', length: 36 })
  workspaceId: string;

  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: WorkspaceEntity;

  @Column('varchar', { name: 'user_id', length: 36 })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column('varchar', { length: 16 })
  role: Role;

  @TimestampColumn({ name: 'created_at' })
  createdAt: Date;
}
