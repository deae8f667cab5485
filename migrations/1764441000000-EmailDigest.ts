import type { MigrationInterface, QueryRunner } from 'typeorm';
import { adding, changeCheckValues, NOTIFICATION_KINDS, removing } from './support/check-values';

const DIGEST_KIND = ['email.digest'];

/**
 * The daily digest (issue 18). A notification for a person on `digest` is written 'held'
 * (the outbox never takes it); the digest job gathers a person's held ones into one
 * notification of kind 'email.digest' (event key `digest:<slot>`, unique per person and
 * slot) and marks them 'digested' with its id. users.last_digest_at is the slot (07:00 local)
 * of the person's last digest: the job's conditional UPDATE of it is what claims a person.
 */
export class EmailDigest1764441000000 implements MigrationInterface {
  name = 'EmailDigest1764441000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN last_digest_at timestamptz`);
    await db.query(`ALTER TABLE notifications ADD COLUMN digest_id uuid REFERENCES notifications (id)`);
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_email_status_check`);
    await db.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_email_status_check
        CHECK (email_status IN ('pending', 'sending', 'sent', 'logged', 'failed', 'skipped', 'held', 'digested'))`);
    await changeCheckValues(db, NOTIFICATION_KINDS, adding(DIGEST_KIND));
    await db.query(`CREATE INDEX notifications_held_idx ON notifications (recipient_id) WHERE email_status = 'held'`);
    await db.query(`CREATE INDEX notifications_digest_idx ON notifications (digest_id) WHERE digest_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX notifications_digest_idx`);
    await db.query(`DROP INDEX notifications_held_idx`);
    await db.query(`UPDATE notifications SET digest_id = NULL`);
    await db.query(`DELETE FROM notifications WHERE kind = 'email.digest'`);
    // Without digests, what went out in one counts as sent; what waited for one, as never sent.
    await db.query(`
      UPDATE notifications SET email_status = CASE email_status WHEN 'digested' THEN 'sent' ELSE 'skipped' END
      WHERE email_status IN ('held', 'digested')`);
    await changeCheckValues(db, NOTIFICATION_KINDS, removing(DIGEST_KIND));
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_email_status_check`);
    await db.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_email_status_check
        CHECK (email_status IN ('pending', 'sending', 'sent', 'logged', 'failed', 'skipped'))`);
    await db.query(`ALTER TABLE notifications DROP COLUMN digest_id`);
    await db.query(`ALTER TABLE users DROP COLUMN last_digest_at`);
  }
}
