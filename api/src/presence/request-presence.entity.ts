import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PresenceState } from '@portal/shared';

/** Someone has a request open (viewing or writing) until expires_at; renewed by each report. */
@Entity('request_presence')
export class RequestPresenceEntity {
  @PrimaryColumn({ name: 'request_id', type: 'uuid' }) requestId: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'text' }) state: PresenceState;
  @Column({ name: 'seen_at', type: 'timestamptz', default: () => 'now()' }) seenAt: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
}
