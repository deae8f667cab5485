import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each member last opened each request (issue 18): a staff reply after that is unread
 * for them, shown as a marker in their list. One row per person and request, rewritten on
 * each visit; gone with the person or the request.
 */
export class RequestReads1764439000000 implements MigrationInterface {
  name = 'RequestReads1764439000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE request_reads (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        request_id uuid NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
        seen_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, request_id)
      )`);
    await db.query(`CREATE INDEX request_reads_request_idx ON request_reads (request_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE request_reads`);
  }
}
