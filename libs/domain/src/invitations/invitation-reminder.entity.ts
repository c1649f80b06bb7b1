import { TimestampColumn } from '@app/database';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { InvitationEntity } from './invitation.entity';

/**
 * A reminder step claimed for an invitation: the unique (invitation, step) index makes
 * each step go out once, however many reminder scans run at the same time.
 */
@Entity('invitation_reminders')
@Index('invitation_reminders_step', ['invitationId', 'step'], { unique: true })
export class InvitationReminderEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'invitation_id', length: 36 })
  invitationId: string;

  @ManyToOne(() => InvitationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invitation_id' })
  invitation?: InvitationEntity;

  /** Days before the deadline (from settings.reminderDays); 0 for a resend by hand. */
  @Column('integer')
  step: number;

  @TimestampColumn({ name: 'created_at' })
  createdAt: Date;
}
