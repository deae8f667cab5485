import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single-use account links (invitations, password resets). Only a hash of the token is
 * stored; the token itself is derived from a server secret and the row's id when the email
 * is written (see account-tokens.ts), so neither this table nor the outbox holds it in clear.
 */
export class Accounts1764330000000 implements MigrationInterface {
  name = 'Accounts1764330000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE account_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        purpose text NOT NULL CHECK (purpose IN ('invitation', 'password-reset')),
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CONSTRAINT account_tokens_expiry CHECK (expires_at > created_at)
      )`);
    await db.query(`CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose) WHERE used_at IS NULL`);
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await db.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (
        'request.assigned', 'request.reply', 'request.status_changed', 'request.resolved', 'request.breached', 'request.escalated',
        'account.invitation', 'account.password-reset'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM notifications WHERE kind LIKE 'account.%'`);
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await db.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (
        'request.assigned', 'request.reply', 'request.status_changed', 'request.resolved', 'request.breached', 'request.escalated'))`);
    await db.query(`DROP TABLE account_tokens`);
  }
}
