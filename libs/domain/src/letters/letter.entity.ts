import { TimestampColumn } from '@app/database';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CampaignEntity } from '../campaigns/campaign.entity';

export type LetterStatus = 'draft' | 'open' | 'closed' | 'final';

/**
 * A letter: its latest draft revision, the revision organizations sign (once published),
 * the sign-on deadline and the settings. The content itself lives in revisions.
 */
@Entity('letters')
@Index('letters_campaign', ['campaignId'])
@Index('letters_status_deadline', ['status', 'deadline'])
export class LetterEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'campaign_id', length: 36 })
  campaignId: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: CampaignEntity;

  @Column('varchar', { length: 16 })
  status: LetterStatus;

  /** Number of the latest revision. */
  @Column('integer', { name: 'current_revision' })
  currentRevision: number;

  @Column('integer', { name: 'published_revision', nullable: true })
  publishedRevision: number | null;

  @TimestampColumn({ nullable: true })
  deadline: Date | null;

  /** JSON of LetterSettings. */
  @Column('text')
  settings: string;

  @Column('varchar', { name: 'created_by', length: 36 })
  createdBy: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt: Date;

  @TimestampColumn({ name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @TimestampColumn({ name: 'closed_at', nullable: true })
  closedAt: Date | null;
}
