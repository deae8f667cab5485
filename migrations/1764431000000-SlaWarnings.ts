import type { MigrationInterface, QueryRunner } from 'typeorm';
import { adding, changeCheckValues, EVENT_TYPES, NOTIFICATION_KINDS, removing } from './support/check-values';

const SWEPT = `status IN ('new', 'assigned', 'in_progress')`;
const NEW_EVENT_TYPES = ['sla_warning', 'sla_breached'];
const NEW_KINDS = ['request.sla_warning'];

/**
 * Warnings before a breach (issue 20): each deadline (first response, resolution) gets the
 * instant at which 75 % of its business time is used (computed with the due times, by the
 * country's calendar) and the instants its warning and its breach were handled, so the
 * sweep acts once per deadline. One partial index per sweep step keeps each step's scan to
 * the open requests still waiting for it.
 */
export class SlaWarnings1764431000000 implements MigrationInterface {
  name = 'SlaWarnings1764431000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE requests
        ADD COLUMN first_response_warn_at timestamptz,
        ADD COLUMN resolution_warn_at timestamptz,
        ADD COLUMN first_response_warned_at timestamptz,
        ADD COLUMN resolution_warned_at timestamptz,
        ADD COLUMN first_response_breached_at timestamptz,
        ADD COLUMN resolution_breached_at timestamptz`);
    // The old sweep flagged a request once, for whichever deadline passed first: the deadlines
    // already past on a flagged request count as handled, so nobody is told of them again.
    await db.query(`
      UPDATE requests SET
        first_response_breached_at = CASE WHEN first_response_due_at <= now()
          AND (first_responded_at IS NULL OR first_responded_at > first_response_due_at) THEN first_response_due_at END,
        resolution_breached_at = CASE WHEN resolution_due_at <= now() THEN resolution_due_at END
      WHERE breached`);
    // Per deadline and step: the instant it is reached at, and its mark; a first response ends the first deadline.
    for (const [deadline, pending] of [
      ['first_response', 'AND first_responded_at IS NULL'],
      ['resolution', ''],
    ]) {
      for (const [step, at, mark] of [
        ['warn', 'warn_at', 'warned_at'],
        ['breach', 'due_at', 'breached_at'],
      ]) {
        await db.query(`
          CREATE INDEX requests_${deadline}_${step}_idx ON requests (${deadline}_${at})
          WHERE ${deadline}_${mark} IS NULL ${pending} AND ${SWEPT}`);
      }
    }

    // The once-per-request sweep's index: no query reads `NOT breached` any more.
    await db.query(`DROP INDEX requests_sla_watch_idx`);

    await changeCheckValues(db, EVENT_TYPES, adding(NEW_EVENT_TYPES));
    await changeCheckValues(db, NOTIFICATION_KINDS, adding(NEW_KINDS));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM notifications WHERE kind = ANY ($1::text[])`, [NEW_KINDS]);
    await changeCheckValues(db, NOTIFICATION_KINDS, removing(NEW_KINDS));
    await db.query(`DELETE FROM request_events WHERE type = ANY ($1::text[])`, [NEW_EVENT_TYPES]);
    await changeCheckValues(db, EVENT_TYPES, removing(NEW_EVENT_TYPES));
    for (const index of ['first_response_warn', 'resolution_warn', 'first_response_breach', 'resolution_breach'])
      await db.query(`DROP INDEX requests_${index}_idx`);
    await db.query(
      `CREATE INDEX requests_sla_watch_idx ON requests (resolution_due_at) WHERE NOT breached AND ${SWEPT}`,
    );
    await db.query(`
      ALTER TABLE requests
        DROP COLUMN resolution_breached_at,
        DROP COLUMN first_response_breached_at,
        DROP COLUMN resolution_warned_at,
        DROP COLUMN first_response_warned_at,
        DROP COLUMN resolution_warn_at,
        DROP COLUMN first_response_warn_at`);
  }
}
