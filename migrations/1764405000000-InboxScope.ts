import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inbox views over a whole scope and archive searches (issue 25), found with
 * scripts/bench/explain-inbox.mjs on the volume database.
 *
 * - A person's own requests ever ("mine", every status) are counted up to
 *   LIST_EXACT_TOTAL_LIMIT and paged by cursor on (created_at, id): with the id in the key and
 *   the scope's columns carried (a representative's scope is checked on every row, even on
 *   their own requests), both read the index alone (an index-only scan) instead of visiting
 *   each of thousands of requests scattered over years of the table. It replaces
 *   requests_assignee_idx, whose columns it begins with.
 * - A search through years of closed requests gathers the requests with the words from the
 *   full-text index, and those in the caller's scope from these two indexes (a country or a
 *   region, with the status and area asked for; the representatives' and directors' scope is
 *   written so that each of its alternatives can be looked up so, see request-scope.ts). The
 *   table is then read only for requests that are both, instead of for every request of that
 *   status and area with the words, in anyone's scope.
 */
export class InboxScope1764405000000 implements MigrationInterface {
  name = 'InboxScope1764405000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX requests_assignee_created_idx ON requests (assignee_id, created_at DESC, id)
      INCLUDE (country_code, region_code, area_code)`);
    await db.query(`DROP INDEX requests_assignee_idx`);
    await db.query(`CREATE INDEX requests_country_scope_idx ON requests (country_code, status, area_code)`);
    await db.query(`CREATE INDEX requests_region_scope_idx ON requests (region_code, status, area_code)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX requests_region_scope_idx`);
    await db.query(`DROP INDEX requests_country_scope_idx`);
    await db.query(`CREATE INDEX requests_assignee_idx ON requests (assignee_id, created_at DESC)`);
    await db.query(`DROP INDEX requests_assignee_created_idx`);
  }
}
