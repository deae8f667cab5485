import type { MigrationInterface, QueryRunner } from 'typeorm';
import { adding, changeCheckValues, NOTIFICATION_KINDS, removing } from './support/check-values';

const NEW_KINDS = ['account.two-factor-reset'];

/**
 * Two-factor sign-in (issue 23): a person's TOTP secret (encrypted with the portal's key;
 * active once a first code confirmed it), ten recovery codes kept as hashes, and the
 * devices a person chose to remember after a code (a token kept as a hash, for 30 days).
 * Wrong codes are counted in login_failures under the key `2fa:<user id>`.
 */
export class TwoFactor1764453000000 implements MigrationInterface {
  name = 'TwoFactor1764453000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE user_two_factor (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        secret_encrypted text NOT NULL,
        enabled_at timestamptz,
        -- The TOTP time step of the last code taken: a code is never taken twice.
        last_used_step bigint,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE two_factor_recovery_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        used_at timestamptz,
        UNIQUE (user_id, code_hash)
      )`);
    await db.query(`
      CREATE TABLE remembered_devices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        label text CHECK (char_length(label) <= 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX remembered_devices_user_idx ON remembered_devices (user_id)`);
    await changeCheckValues(db, NOTIFICATION_KINDS, adding(NEW_KINDS));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM notifications WHERE kind = ANY ($1)`, [NEW_KINDS]);
    await changeCheckValues(db, NOTIFICATION_KINDS, removing(NEW_KINDS));
    await db.query(`DROP TABLE remembered_devices`);
    await db.query(`DROP TABLE two_factor_recovery_codes`);
    await db.query(`DROP TABLE user_two_factor`);
  }
}
