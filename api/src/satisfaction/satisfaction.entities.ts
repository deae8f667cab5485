import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The satisfaction reminder sent for a request: one row per request, so it goes once. */
@Entity('satisfaction_reminders')
export class SatisfactionReminderEntity {
  @PrimaryColumn({ name: 'request_id', type: 'uuid' }) requestId: string;
  @Column({ name: 'sent_at', type: 'timestamptz', default: () => 'now()' }) sentAt: Date;
}
