import type { MigrationInterface, QueryRunner } from 'typeorm';
import { adding, changeCheckValues, NOTIFICATION_KINDS, removing } from './support/check-values';

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
    await changeCheckValues(db, NOTIFICATION_KINDS, adding(KINDS));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM notifications WHERE kind = ANY ($1::text[])`, [KINDS]);
    await changeCheckValues(db, NOTIFICATION_KINDS, removing(KINDS));
    await db.query(`DROP TABLE satisfaction_reminders`);
    await db.query(`ALTER TABLE requests DROP COLUMN satisfaction_reasons`);
  }
}
