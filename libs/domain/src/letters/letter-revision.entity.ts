import { TimestampColumn } from '@app/database';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { LetterEntity } from './letter.entity';

/**
 * An immutable snapshot of a letter's content. Numbers are unique per letter: two saves
 * from the same base both try to insert base + 1, and the index lets exactly one win.
 * Nothing in the code updates or deletes a revision.
 */
@Entity('letter_revisions')
@Index('letter_revisions_letter_number', ['letterId', 'number'], { unique: true })
export class LetterRevisionEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'letter_id', length: 36 })
  letterId: string;

  @ManyToOne(() => LetterEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'letter_id' })
  letter?: LetterEntity;

  @Column('integer')
  number: number;

  /** JSON of LetterContent. */
  @Column('text')
  content: string;

  @Column('varchar', { length: 500, nullable: true })
  message: string | null;

  @Column('varchar', { name: 'author_id', length: 36 })
  authorId: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt: Date;
}
