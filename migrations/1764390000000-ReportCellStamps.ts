import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A stamp per rollup cell of the organizations (span, month, region): a new random uuid
 * whenever any of its rows in report_counts (dim 'organization') or report_org_values is
 * written, in the same transaction as the write.
 *
 * The report by organization needs every hour of its range (three years: 2 million, 16 MB)
 * and read them all on every report. The API now keeps those cells in memory
 * (organization-cells.ts): a report reads its cells' stamps in its snapshot and fetches only
 * the cells it does not hold with the same stamp, so what it uses is what the snapshot holds.
 * Old cells seldom change: a compaction rewrites the months it folds and their quarters and
 * years.
 *
 * Kept by statement triggers on both tables, so no writer can forget: the build functions,
 * the truncate trigger's deletes, anything later. A uuid, not a counter: a stamp is never
 * seen twice, even by an API that outlives a database dropped and migrated again. A cell
 * with no stamp has no rows.
 */
/** Every cell that has rows gets a stamp. */
const STAMP_ALL = `
  INSERT INTO report_cell_stamps (span, month, region_code, stamp)
    SELECT span, month, region_code, gen_random_uuid() FROM (
      SELECT span, month, region_code FROM report_counts WHERE dim = 'organization'
      UNION SELECT span, month, region_code FROM report_org_values
    ) c;`;

export class ReportCellStamps1764390000000 implements MigrationInterface {
  name = 'ReportCellStamps1764390000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE report_cell_stamps (
        span smallint NOT NULL CHECK (span IN (1, 3, 12)),
        month date NOT NULL,
        region_code text NOT NULL,
        stamp uuid NOT NULL,
        PRIMARY KEY (span, month, region_code)
      )`);
    // One function per table (the transition table is `changed` in each trigger): the cells
    // of the statement's rows get new stamps.
    const restamp = (name: string, filter: string) => `
      CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        INSERT INTO report_cell_stamps (span, month, region_code, stamp)
          SELECT c.span, c.month, c.region_code, gen_random_uuid()
          FROM (SELECT DISTINCT span, month, region_code FROM changed ${filter}) c
          ON CONFLICT (span, month, region_code) DO UPDATE SET stamp = EXCLUDED.stamp;
        RETURN NULL;
      END $fn$`;
    await db.query(restamp('report_counts_restamp', `WHERE dim = 'organization'`));
    await db.query(restamp('report_org_values_restamp', ''));
    for (const [table, fn] of [
      ['report_counts', 'report_counts_restamp'],
      ['report_org_values', 'report_org_values_restamp'],
    ]) {
      // An update restamps the cells of its rows before and after (two triggers: each names one transition table).
      for (const [event, rows, suffix] of [
        ['INSERT', 'NEW', 'insert'],
        ['DELETE', 'OLD', 'delete'],
        ['UPDATE', 'OLD', 'update_old'],
        ['UPDATE', 'NEW', 'update_new'],
      ]) {
        await db.query(
          `CREATE TRIGGER ${table}_stamp_${suffix} AFTER ${event} ON ${table} REFERENCING ${rows} TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
        );
      }
    }
    // A truncated table: every cell stamped again from the rows left in the other one.
    await db.query(`
      CREATE FUNCTION report_cells_truncated() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        DELETE FROM report_cell_stamps;
        ${STAMP_ALL}
        RETURN NULL;
      END $fn$`);
    for (const table of ['report_counts', 'report_org_values']) {
      await db.query(
        `CREATE TRIGGER ${table}_stamp_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION report_cells_truncated()`,
      );
    }
    await db.query(STAMP_ALL);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['report_counts', 'report_org_values']) {
      for (const suffix of ['insert', 'delete', 'update_old', 'update_new', 'truncate'])
        await db.query(`DROP TRIGGER ${table}_stamp_${suffix} ON ${table}`);
    }
    await db.query(`DROP FUNCTION report_cells_truncated()`);
    await db.query(`DROP FUNCTION report_org_values_restamp()`);
    await db.query(`DROP FUNCTION report_counts_restamp()`);
    await db.query(`DROP TABLE report_cell_stamps`);
  }
}
