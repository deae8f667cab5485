import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The notification kinds before this migration (a migration keeps its own copy: the code's list moves on). */
const KINDS = [
  'request.assigned',
  'request.reply',
  'request.status_changed',
  'request.resolved',
  'request.breached',
  'request.escalated',
  'request.received',
  'account.invitation',
  'account.password-reset',
  'request.low-score',
  'request.rating-reminder',
  'request.sla_warning',
];

async function checkKinds(db: QueryRunner, kinds: readonly string[]): Promise<void> {
  await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
  await db.query(
    `ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (${kinds.map((k) => `'${k}'`).join(', ')}))`,
  );
}

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
    await checkKinds(db, [...KINDS, 'email.digest']);
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
    await checkKinds(db, KINDS);
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_email_status_check`);
    await db.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_email_status_check
        CHECK (email_status IN ('pending', 'sending', 'sent', 'logged', 'failed', 'skipped'))`);
    await db.query(`ALTER TABLE notifications DROP COLUMN digest_id`);
    await db.query(`ALTER TABLE users DROP COLUMN last_digest_at`);
  }
}
