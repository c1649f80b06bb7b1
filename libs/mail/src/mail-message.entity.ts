import { TimestampColumn } from '@app/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type MailStatus = 'queued' | 'sent' | 'failed';

/** One outgoing message, stored before it is sent so a lost job can be re-created. */
@Entity('mail_messages')
export class MailMessageEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { name: 'to_address', length: 320 })
  to: string;

  @Column('varchar', { name: 'from_address', length: 400 })
  from: string;

  @Column('varchar', { name: 'reply_to', length: 400, nullable: true })
  replyTo: string | null;

  @Column('varchar', { length: 500 })
  subject: string;

  @Column('text', { name: 'text_body' })
  text: string;

  @Column('text', { name: 'html_body' })
  html: string;

  @Column('varchar', { length: 16 })
  status: MailStatus;

  /** The Message-ID header the transport sent, to match replies and bounces. */
  @Column('varchar', { name: 'message_id', length: 500, nullable: true })
  messageId: string | null;

  @Column('integer', { default: 0 })
  attempts: number;

  /** Why the last attempt failed (the SMTP reply, or the connection error). */
  @Column('varchar', { length: 1000, nullable: true })
  error: string | null;

  /** What the message is about, e.g. `invitation:<id>`, so its outcome can be recorded there. */
  @Column('varchar', { length: 100, nullable: true })
  context: string | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt: Date;

  @TimestampColumn({ name: 'sent_at', nullable: true })
  sentAt: Date | null;
}
