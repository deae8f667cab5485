import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Saved inbox views (issue 19): a person's named filters and sort, the inbox's URL parameters
 * as a JSON object. Names are unique per person whatever their case; the API keeps at most 20
 * per person (checked under a lock of the person's row).
 */
export class SavedViews1764435000000 implements MigrationInterface {
  name = 'SavedViews1764435000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE saved_views (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 60),
        params jsonb NOT NULL CHECK (jsonb_typeof(params) = 'object'),
        created_at timestamptz NOT NULL DEFAULT now())`);
    await db.query(`CREATE UNIQUE INDEX saved_views_user_name_idx ON saved_views (user_id, lower(name))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE saved_views`);
  }
}
