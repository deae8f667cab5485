import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A staff member's own absence (issue 19): from when until when routing skips the person, and
 * who takes their new cases meanwhile. Both ends or neither; the replacement is someone else.
 */
export class StaffAbsence1764427190000 implements MigrationInterface {
  name = 'StaffAbsence1764427190000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users
        ADD COLUMN away_from timestamptz,
        ADD COLUMN away_until timestamptz,
        ADD COLUMN away_replacement_id uuid REFERENCES users (id) ON DELETE SET NULL,
        ADD CONSTRAINT users_away_window_check CHECK (
          (away_from IS NULL AND away_until IS NULL AND away_replacement_id IS NULL)
          OR (away_from IS NOT NULL AND away_until IS NOT NULL AND away_from < away_until)),
        ADD CONSTRAINT users_away_replacement_check CHECK (away_replacement_id <> id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users
        DROP CONSTRAINT users_away_replacement_check,
        DROP CONSTRAINT users_away_window_check,
        DROP COLUMN away_replacement_id,
        DROP COLUMN away_until,
        DROP COLUMN away_from`);
  }
}
