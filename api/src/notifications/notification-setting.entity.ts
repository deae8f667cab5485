import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NotificationChannel, NotificationEvent } from '@portal/shared';

/** A person's choice for one event about cases; no row: the default (in the app and by email). */
@Entity('notification_settings')
export class NotificationSettingEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @PrimaryColumn({ type: 'text' }) kind: NotificationEvent;
  @Column({ type: 'text' }) channel: NotificationChannel;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
