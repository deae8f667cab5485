import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Canned answers (issue 19): texts per thematic area and language that staff insert into a
 * reply. A title is unique within its area and language (case ignored), so the reply box's
 * list never shows two of the same name.
 */
export class CannedAnswers1764436000000 implements MigrationInterface {
  name = 'CannedAnswers1764436000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE canned_answers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        area_code text NOT NULL REFERENCES thematic_areas (code),
        language text NOT NULL CHECK (language IN ('es', 'en', 'pt', 'fr')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE UNIQUE INDEX canned_answers_title_idx ON canned_answers (area_code, language, lower(title))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE canned_answers`);
  }
}
