import { TimestampColumn } from '@app/database';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { LetterEntity } from '../letters/letter.entity';

export type RenditionStatus = 'queued' | 'rendering' | 'done' | 'failed';
export const renditionVariants = ['combined', 'per-addressee'] as const;
export const renditionEditions = ['delivery', 'public'] as const;
export type RenditionVariant = (typeof renditionVariants)[number];
export type RenditionEdition = (typeof renditionEditions)[number];

/** One signatory as the rendition printed it: the list is frozen when it is requested. */
export interface FrozenSignatory {
  signatureId: string;
  displayName: string;
  country: string | null;
  revision: number;
  signedAt: string;
}

export interface RenditionFile {
  /** Index of the addressee in a per-addressee rendition; null for the combined letter. */
  addressee: number | null;
  /** FileStorage key. */
  key: string;
  pages: number;
  sha256: string;
  bytes: number;
}

/**
 * A request for the final PDF(s) of a letter, and the result. The signatories are frozen
 * at request time, in the letter's order, so a later sign-on never changes a finished
 * file; rendering again makes a new rendition.
 */
@Entity('renditions')
@Index('renditions_letter', ['letterId', 'createdAt'])
@Index('renditions_status', ['status', 'startedAt'])
export class RenditionEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'letter_id', length: 36 })
  letterId: string;

  @ManyToOne(() => LetterEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'letter_id' })
  letter?: LetterEntity;

  /** The published revision rendered. */
  @Column('integer')
  revision: number;

  @Column('varchar', { length: 16 })
  variant: RenditionVariant;

  @Column('varchar', { length: 16 })
  edition: RenditionEdition;

  @Column('varchar', { length: 16 })
  status: RenditionStatus;

  /** 0-100 while rendering. */
  @Column('integer')
  progress: number;

  /** JSON FrozenSignatory[]: the names printed, in order. */
  @Column('text')
  signatories: string;

  /** How many `signatories` holds, kept beside it so a status poll need not parse the list. */
  @Column('integer', { name: 'signatory_count' })
  signatoryCount: number;

  /** Confirmed sign-ons counted but not named in this edition. */
  @Column('integer', { name: 'unnamed_count' })
  unnamedCount: number;

  /** JSON RenditionFile[] once done. */
  @Column('text')
  files: string;

  /** JSON string[]: names no font covers, and the like. */
  @Column('text')
  warnings: string;

  @Column('varchar', { length: 1000, nullable: true })
  error: string | null;

  /** Times rendering started (a retry or a sweep after a crash adds one). */
  @Column('integer')
  attempts: number;

  @Column('varchar', { name: 'requested_by', length: 36 })
  requestedBy: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt: Date;

  @TimestampColumn({ name: 'started_at', nullable: true })
  startedAt: Date | null;

  @TimestampColumn({ name: 'finished_at', nullable: true })
  finishedAt: Date | null;
}
