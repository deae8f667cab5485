import type { MigrationInterface, QueryRunner } from 'typeorm';

const REASONS = ['slow', 'not-solved', 'hard-to-understand', 'not-my-language', 'other'];
const KINDS = ['request.low-score', 'request.rating-reminder'];

/**
 * Satisfaction in one tap (issue 20): the reasons a member gives with a low score (beside the
 * score and comment the requests already keep), the reminders sent (one per request: the
 * primary key makes a second insert a no-op), and the two new notification kinds.
 */
export class SatisfactionLinks1764430000000 implements MigrationInterface {
  name = 'SatisfactionLinks1764430000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE requests ADD COLUMN satisfaction_reasons text[] NOT NULL DEFAULT '{}'
        CONSTRAINT requests_satisfaction_reasons_check
        CHECK (satisfaction_reasons <@ ARRAY[${REASONS.map((r) => `'${r}'`).join(', ')}]::text[])`);
    await db.query(`
      CREATE TABLE satisfaction_reminders (
        request_id uuid PRIMARY KEY REFERENCES requests (id) ON DELETE CASCADE,
        sent_at timestamptz NOT NULL DEFAULT now()
      )`);
    await this.setKinds(db, (kinds) => [...new Set([...kinds, ...KINDS])]);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM notifications WHERE kind = ANY ($1::text[])`, [KINDS]);
    await this.setKinds(db, (kinds) => kinds.filter((kind) => !KINDS.includes(kind)));
    await db.query(`DROP TABLE satisfaction_reminders`);
    await db.query(`ALTER TABLE requests DROP COLUMN satisfaction_reasons`);
  }

  /**
   * Rewrites the notification kinds' check from the one in place rather than from a list
   * written here, so kinds other features add in migrations of their own are kept whatever
   * the order the migrations run in.
   */
  private async setKinds(db: QueryRunner, change: (kinds: string[]) => string[]): Promise<void> {
    const [row] = (await db.query(
      `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = 'notifications_kind_check'`,
    )) as { definition: string }[];
    const kinds = change([...row.definition.matchAll(/'([^']+)'/g)].map((match) => match[1]));
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await db.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (${kinds.map((k) => `'${k}'`).join(', ')}))`,
    );
  }
}
