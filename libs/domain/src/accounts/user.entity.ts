import { TimestampColumn } from '@app/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  /** Trimmed and lower-cased; unique. */
  @Column('varchar', { length: 320, unique: true })
  email: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('varchar', { name: 'password_hash', length: 200 })
  passwordHash: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt: Date;
}
