import { TimestampColumn } from '@app/database';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { LetterEntity } from '../letters/letter.entity';
import { OrganizationEntity } from '../organizations/organization.entity';

export type InvitationStatus =
  'queued' | 'sent' | 'failed' | 'opened' | 'signed' | 'declined' | 'withdrawn';

/**
 * One organization invited to sign one letter, with its own sign-on link. The link's token
 * is derived from `tokenSeed` with APP_SECRET (so reminders can repeat the link) and found
 * by its hash; neither the seed nor the hash alone opens anything.
 */
@Entity('invitations')
@Index('invitations_letter_organization', ['letterId', 'organizationId'], { unique: true })
@Index('invitations_letter_status', ['letterId', 'status'])
export class InvitationEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'letter_id', length: 36 })
  letterId: string;

  @ManyToOne(() => LetterEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'letter_id' })
  letter?: LetterEntity;

  @Column('varchar', { name: 'organization_id', length: 36 })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Column('varchar', { length: 320 })
  email: string;

  @Column('varchar', { length: 16 })
  status: InvitationStatus;

  @Column('varchar', { name: 'token_seed', length: 64 })
  tokenSeed: string;

  @Column('varchar', { name: 'token_hash', length: 64, unique: true })
  tokenHash: string;

  @Column('varchar', { name: 'invited_by', length: 36 })
  invitedBy: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt: Date;

  @TimestampColumn({ name: 'sent_at', nullable: true })
  sentAt: Date | null;

  /** When the last message for it (invitation, reminder, resend) was queued. */
  @TimestampColumn({ name: 'last_mailed_at', nullable: true })
  lastMailedAt: Date | null;

  @TimestampColumn({ name: 'opened_at', nullable: true })
  openedAt: Date | null;

  @TimestampColumn({ name: 'responded_at', nullable: true })
  respondedAt: Date | null;

  @TimestampColumn({ name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  /** The SMTP server's reason when delivery failed for good. */
  @Column('varchar', { name: 'failure_reason', length: 1000, nullable: true })
  failureReason: string | null;

  /** The sender's personal note (Markdown), repeated in reminders and resends; null: none. */
  @Column('text', { nullable: true })
  note: string | null;

  @Column('varchar', { name: 'message_id', length: 500, nullable: true })
  messageId: string | null;

  @Column('integer', { name: 'reminders_sent', default: 0 })
  remindersSent: number;
}
