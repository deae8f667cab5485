import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A notification: an entry of the recipient's in-app list and a row of the email outbox. */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'recipient_id', type: 'uuid' }) recipientId: string;
  @Column({ type: 'text' }) kind: string;
  @Column({ name: 'request_id', type: 'uuid', nullable: true }) requestId: string | null;
  @Column({ name: 'event_key', type: 'text' }) eventKey: string;
  @Column({ type: 'jsonb', default: () => "'{}'" }) params: Record<string, unknown>;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt: Date | null;
  @Column({ name: 'email_status', type: 'text', default: 'pending' }) emailStatus: string;
  @Column({ name: 'email_attempts', type: 'int', default: 0 }) emailAttempts: number;
  @Column({ name: 'email_next_attempt_at', type: 'timestamptz', default: () => 'now()' }) emailNextAttemptAt: Date;
  @Column({ name: 'email_claimed_until', type: 'timestamptz', nullable: true }) emailClaimedUntil: Date | null;
  @Column({ name: 'email_sent_at', type: 'timestamptz', nullable: true }) emailSentAt: Date | null;
  @Column({ name: 'email_last_error', type: 'text', nullable: true }) emailLastError: string | null;
  /** The digest that carried this notification by email (its person chose a daily digest). */
  @Column({ name: 'digest_id', type: 'uuid', nullable: true }) digestId: string | null;
}
