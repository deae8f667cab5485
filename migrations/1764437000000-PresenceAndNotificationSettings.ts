import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19. Who has a case open (request_presence): one row per person and request, each
 * report pushing expires_at on; kept in the database, not in a process, so every API replica
 * sees the same people, and expired rows are deleted as new reports arrive. Per staff member,
 * how each event about cases reaches it (notification_settings): no row, the default (in
 * the app and by email).
 */
export class PresenceAndNotificationSettings1764437000000 implements MigrationInterface {
  name = 'PresenceAndNotificationSettings1764437000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE request_presence (
        request_id uuid NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        state text NOT NULL CONSTRAINT request_presence_state_check CHECK (state IN ('viewing', 'writing')),
        seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (request_id, user_id))`);
    await db.query(`CREATE INDEX request_presence_expires_idx ON request_presence (expires_at)`);
    await db.query(`
      CREATE TABLE notification_settings (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind text NOT NULL CONSTRAINT notification_settings_kind_check
          CHECK (kind IN ('request.assigned', 'request.reply', 'request.status_changed', 'request.escalated', 'request.breached')),
        channel text NOT NULL CONSTRAINT notification_settings_channel_check CHECK (channel IN ('email', 'in_app', 'off')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind))`);
    // The bell groups a person's notifications by request.
    await db.query(
      `CREATE INDEX notifications_recipient_request_idx ON notifications (recipient_id, request_id) WHERE request_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX notifications_recipient_request_idx`);
    await db.query(`DROP TABLE notification_settings`);
    await db.query(`DROP TABLE request_presence`);
  }
}
