import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's choice of emails about requests (issue 18): each one, a daily digest, or none.
 * An email the choice withholds is kept in the in-app list with email_status 'skipped', so
 * the outbox never picks it up and switching back later does not send old ones.
 */
export class ProfileNotifications1764415000000 implements MigrationInterface {
  name = 'ProfileNotifications1764415000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users ADD COLUMN email_notifications text NOT NULL DEFAULT 'each'
        CONSTRAINT users_email_notifications_check CHECK (email_notifications IN ('each', 'digest', 'none'))`);
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_email_status_check`);
    await db.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_email_status_check
        CHECK (email_status IN ('pending', 'sending', 'sent', 'logged', 'failed', 'skipped'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE notifications SET email_status = 'logged' WHERE email_status = 'skipped'`);
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_email_status_check`);
    await db.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_email_status_check
        CHECK (email_status IN ('pending', 'sending', 'sent', 'logged', 'failed'))`);
    await db.query(`ALTER TABLE users DROP COLUMN email_notifications`);
  }
}
