import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each rollup cell's histograms of hours, one row per grouping, key and kind (see
 * ReportIndexes for report_values' buckets).
 *
 * A report's medians first need, per key and kind, the bucket counts summed over the cells
 * of its range, to find the one or two buckets holding the middle ranks. Summing
 * report_values' rows for that in SQL (60,000 rows for three years by assignee: a hash
 * aggregate, a sort and two window passes) cost more than the rest of the report. Now
 * `report_hists` keeps per cell, key and kind its (bucket, n) pairs packed as big-endian
 * int4 pairs, in bucket order; a report reads a few hundred of them, the API sums them and
 * finds the middle buckets (report-buckets.ts), then a second statement in the same
 * snapshot fetches only those buckets' values.
 *
 * Derived from report_values: the build functions rebuild a cell's histograms whenever
 * they rebuild the cell (the names the jobs, the rebuild and the volume seed call stay).
 */
/** The groupings report_values has cells of (migration ReportIndexes; organizations have none). */
const DIMS = ['region', 'country', 'area', 'status', 'assignee', 'product'];

export class ReportHistograms1764380000000 implements MigrationInterface {
  name = 'ReportHistograms1764380000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE report_hists (
        dim text NOT NULL,
        span smallint NOT NULL CHECK (span IN (1, 3, 12)),
        month date NOT NULL,
        region_code text NOT NULL,
        key text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('fr', 'res')),
        hist bytea NOT NULL,
        PRIMARY KEY (dim, span, month, region_code, key, kind)
      )`);
    // The histograms of the cells of one span starting at `p_months` (all of that span when
    // null). Given months, the groupings are named so that those months are read through
    // report_values' key (dim, span, month, …), in a statement of their own: with one
    // statement for both cases, every compaction read the whole table (0.5 s).
    const build = (where: string) => `
          INSERT INTO report_hists (dim, span, month, region_code, key, kind, hist)
            SELECT dim, span, month, region_code, key, kind, string_agg(int4send(bucket) || int4send(n), ''::bytea ORDER BY bucket)
            FROM report_values WHERE ${where}
            GROUP BY dim, span, month, region_code, key, kind;`;
    await db.query(`
      CREATE FUNCTION report_rollup_build_hists(p_span int, p_months date[]) RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        IF p_months IS NULL THEN
          DELETE FROM report_hists WHERE span = p_span;
          ${build('span = p_span')}
        ELSE
          DELETE FROM report_hists WHERE span = p_span AND month = ANY (p_months);
          ${build(`dim = ANY ('{${DIMS.join(',')}}') AND span = p_span AND month = ANY (p_months)`)}
        END IF;
      END $fn$`);
    await this.replaceBuilders(db, true);
    await this.replaceTruncated(db, 'DELETE FROM report_org_values; DELETE FROM report_hists;');
    await db.query(`SELECT report_rollup_build_hists(span, NULL) FROM unnest(ARRAY[1, 3, 12]) span`);
    await db.query(`ANALYZE report_hists`);
  }

  async down(db: QueryRunner): Promise<void> {
    await this.replaceTruncated(db, 'DELETE FROM report_org_values;');
    await this.replaceBuilders(db, false);
    await db.query(`DROP FUNCTION report_rollup_build_hists(int, date[])`);
    await db.query(`DROP TABLE report_hists`);
  }

  /** The build functions of migration ReportOrganizations, with the histograms (`hists`) or without. */
  private async replaceBuilders(db: QueryRunner, hists: boolean): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION report_rollup_build_months(p_months date[]) RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM report_rollup_build_dim_months(p_months);
        PERFORM report_rollup_build_organization_months(p_months);
        ${
          // The dims' function deletes the value cells of every span starting at these months
          // (the spans' function builds them again): their histograms go with them.
          hists
            ? 'DELETE FROM report_hists WHERE p_months IS NULL OR month = ANY (p_months); PERFORM report_rollup_build_hists(1, p_months);'
            : ''
        }
      END $fn$`);
    // The spans holding the given months start at those months' quarter or year (an empty
    // list rebuilds none; null, all).
    await db.query(`
      CREATE OR REPLACE FUNCTION report_rollup_build_spans(p_months date[], p_span int) RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM report_rollup_build_dim_spans(p_months, p_span);
        PERFORM report_rollup_build_organization_spans(p_months, p_span);
        ${
          hists
            ? `PERFORM report_rollup_build_hists(p_span, CASE WHEN p_months IS NOT NULL THEN COALESCE(
                 (SELECT array_agg(DISTINCT date_trunc(CASE p_span WHEN 3 THEN 'quarter' ELSE 'year' END, m)::date) FROM unnest(p_months) m), '{}') END);`
            : ''
        }
      END $fn$`);
  }

  /** report_requests_truncated() of ReportIndexes, emptying `also` too. */
  private async replaceTruncated(db: QueryRunner, also: string): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION report_requests_truncated() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        DELETE FROM report_deltas; DELETE FROM report_counts; DELETE FROM report_values; DELETE FROM report_days; ${also}
        RETURN NULL;
      END $fn$`);
  }
}
