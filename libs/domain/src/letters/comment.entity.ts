import { TimestampColumn } from '@app/database';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { LetterEntity } from './letter.entity';

/** A comment on one revision, optionally anchored to a quoted passage; resolvable. */
@Entity('comments')
@Index('comments_letter', ['letterId'])
export class CommentEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'letter_id', length: 36 })
  letterId: string;

  @ManyToOne(() => LetterEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'letter_id' })
  letter?: LetterEntity;

  @Column('integer')
  revision: number;

  @Column('varchar', { name: 'author_id', length: 36 })
  authorId: string;

  @Column('text')
  body: string;

  @Column('varchar', { length: 1000, nullable: true })
  quote: string | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt: Date;

  @TimestampColumn({ name: 'resolved_at', nullable: true })
  resolvedAt: Date | null;

  @Column('varchar', { name: 'resolved_by', length: 36, nullable: true })
  resolvedBy: string | null;
}
