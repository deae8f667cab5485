import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the staff inbox (GET /requests) needs to stay fast over a million requests (found with
 * `npm run bench` and scripts/bench/explain-inbox.mjs on the volume database).
 *
 * Inbox lists filter by status (the requests in work are a few thousand, however long the
 * history), often by area, and always by the caller's scope (a region, countries, oneself as
 * assignee). Keyed by status and area and carrying the scope's columns, one index counts
 * them without reading the table (an index-only scan) and narrows a search to the requests
 * of that status and area before their text is checked. It replaces requests_status_idx,
 * whose first column it shares.
 *
 * The internal notes' full-text index takes its entries at once instead of through GIN's
 * pending list: nearly every request's internal text is empty, yet each insert (and each
 * update that is not HOT) appended to that list, which every search then read in full —
 * megabytes, 2 ms of a 3 ms search for a pasted reference.
 */
export class InboxIndexes1764350000000 implements MigrationInterface {
  name = 'InboxIndexes1764350000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX requests_inbox_idx ON requests (status, area_code, created_at DESC, id)
      INCLUDE (region_code, country_code, assignee_id)`);
    await db.query(`DROP INDEX requests_status_idx`);
    await db.query(`ALTER INDEX requests_search_internal_idx SET (fastupdate = off)`);
    await db.query(`SELECT gin_clean_pending_list('requests_search_internal_idx'::regclass)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER INDEX requests_search_internal_idx RESET (fastupdate)`);
    await db.query(`CREATE INDEX requests_status_idx ON requests (status, created_at DESC)`);
    await db.query(`DROP INDEX requests_inbox_idx`);
  }
}
