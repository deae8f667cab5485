import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail and personal data rights (issue 23):
 *
 * - `audit_log` says from where: the client's address (as the API derives it behind the
 *   trusted proxies) and its user agent; a sign-in that failed has no actor.
 * - It is append-only: a row trigger refuses every UPDATE and DELETE, whoever runs it. A
 *   TRUNCATE is not a row change and is left to the table's owner: the move of an embedded
 *   database into PostgreSQL empties the fresh target's tables that way before copying
 *   (docs/architecture.md, "The audit trail").
 * - The admins' screen pages by id, newest first (keyset), filtered by actor, action or time.
 * - `users.erased_at`: when an admin erased the person (docs/domain.md, "Personal data").
 */
export class AuditTrail1764452000000 implements MigrationInterface {
  name = 'AuditTrail1764452000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_log ADD COLUMN ip text, ADD COLUMN user_agent text`);
    await db.query(`CREATE INDEX audit_log_created_idx ON audit_log (created_at)`);
    await db.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id)`);
    await db.query(`CREATE INDEX audit_log_action_idx ON audit_log (action, id)`);
    await db.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await db.query(`ALTER TABLE users ADD COLUMN erased_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP COLUMN erased_at`);
    await db.query(`DROP TRIGGER audit_log_append_only ON audit_log`);
    await db.query(`DROP FUNCTION audit_log_append_only()`);
    await db.query(`DROP INDEX audit_log_action_idx`);
    await db.query(`DROP INDEX audit_log_actor_idx`);
    await db.query(`DROP INDEX audit_log_created_idx`);
    await db.query(`ALTER TABLE audit_log DROP COLUMN user_agent, DROP COLUMN ip`);
  }
}
