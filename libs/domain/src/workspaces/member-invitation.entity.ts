import { TimestampColumn } from '@app/database';
import { WorkspaceEntity } from './workspace.entity';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Role } from './roles';

/** An emailed invitation for someone without an account to join a workspace. */
@Entity('member_invitations')
@Index('member_invitations_workspace', ['workspaceId'])
export class MemberInvitationEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'workspace_id', length: 36 })
  workspaceId: string;

  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: WorkspaceEntity;

  @Column('varchar', { length: 320 })
  email: string;

  @Column('varchar', { length: 16 })
  role: Role;

  @Column('varchar', { name: 'token_hash', length: 64, unique: true })
  tokenHash: string;

  @Column('varchar', { name: 'invited_by', length: 36 })
  invitedBy: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt: Date;

  @TimestampColumn({ name: 'expires_at' })
  expiresAt: Date;

  @TimestampColumn({ name: 'accepted_at', nullable: true })
  acceptedAt: Date | null;

  @TimestampColumn({ name: 'revoked_at', nullable: true })
  revokedAt: Date | null;
}
