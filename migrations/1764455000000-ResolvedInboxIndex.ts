import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A search of the resolved requests ("waiting to be confirmed") counts its words on the
 * scope's resolved requests to SEARCH_EXACT_TOTAL_LIMIT; beyond it the page is found by
 * walking the resolved requests newest first (api/src/requests/request-views.repository.ts).
 * requests_resolved_idx is in resolved_at order (for the 7-day auto-close), so that walk
 * sorted every resolved request; this one gives the page's order. Small: only the requests
 * resolved and not yet closed (a few thousand of a million).
 */
export class ResolvedInboxIndex1764455000000 implements MigrationInterface {
  name = 'ResolvedInboxIndex1764455000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX requests_resolved_created_idx ON requests (created_at DESC, id) WHERE status = 'resolved'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX requests_resolved_created_idx`);
  }
}
