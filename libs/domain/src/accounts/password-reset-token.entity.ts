import { TimestampColumn } from '@app/database';
import { UserEntity } from './user.entity';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * A mailed "choose a new password" link: only the token's keyed SHA-256 hash is stored, it
 * expires an hour after it is asked for, and `usedAt` makes it single-use (a newer request
 * also sets it on the older ones, so only the latest mail works).
 */
@Entity('password_reset_tokens')
@Index('password_reset_tokens_user', ['userId'])
export class PasswordResetTokenEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'user_id', length: 36 })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column('varchar', { name: 'token_hash', length: 64, unique: true })
  tokenHash: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt: Date;

  @TimestampColumn({ name: 'expires_at' })
  expiresAt: Date;

  @TimestampColumn({ name: 'used_at', nullable: true })
  usedAt: Date | null;
}
