import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { InboundMailOutcome, InboundMailRefusal } from '@portal/shared';

/** A mail the mailbox received (migrations/1764451000000-InboundMail.ts); read and written in SQL. */
@Entity('inbound_mails')
export class InboundMailEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** The Message-ID, or a digest of the mail for one without. */
  @Column({ name: 'message_key', type: 'text' }) messageKey: string;
  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' }) receivedAt: Date;
  @Column({ name: 'from_address', type: 'text' }) fromAddress: string;
  @Column({ type: 'text' }) subject: string;
  @Column({ type: 'text' }) outcome: InboundMailOutcome;
  @Column({ type: 'text', nullable: true }) refusal: InboundMailRefusal | null;
  @Column({ name: 'request_id', type: 'uuid', nullable: true }) requestId: string | null;
  @Column({ name: 'message_id', type: 'uuid', nullable: true }) messageId: string | null;
  @Column({ name: 'sender_id', type: 'uuid', nullable: true }) senderId: string | null;
  @Column({ name: 'refused_files', type: 'jsonb', default: () => "'[]'" }) refusedFiles: {
    name: string;
    reason: string;
  }[];
}

/** When an unknown address last got the portal's polite answer (at most one a day). */
@Entity('inbound_mail_answers')
export class InboundMailAnswerEntity {
  @PrimaryColumn({ type: 'text' }) address: string;
  @Column({ name: 'answered_at', type: 'timestamptz', default: () => 'now()' }) answeredAt: Date;
}
