import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = ['new', 'assigned', 'in_progress', 'waiting_on_member', 'resolved', 'closed', 'withdrawn'];

/**
 * Cells by organization in the reports' rollup (see ReportIndexes and ReportSpans).
 *
 * The load report by organization read every request of its range (three years: a million
 * rows, 2.7 s) because its ~3,000 small groups each need two exact medians, which bucketed
 * values do not shorten. Now:
 * - its counts are a seventh grouping of `report_counts` (dim 'organization', key the
 *   organization's id), months, quarters and years like the others;
 * - `report_org_values` keeps, per cell and organization, the hours to first response (fr)
 *   and to resolution (res) of the cell's requests, each as one packed string of big-endian
 *   float8 (float8send, in no particular order). A report concatenates the few cells of its
 *   range per organization and the API picks the medians from those bytes
 *   (report-medians.ts): moving 8 bytes a value costs far less than PostgreSQL's ~1 µs a
 *   value to sort them. STORAGE EXTERNAL: floats hardly compress, and not compressing
 *   spares a decompression on every read.
 *
 * The rollup's build functions keep their names (the jobs, the rebuild and the volume seed
 * call them): the former ones are renamed `report_rollup_build_dim_months/spans` and the new
 * ones call them, then build the organizations' cells.
 */
export class ReportOrganizations1764370000000 implements MigrationInterface {
  name = 'ReportOrganizations1764370000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE report_org_values (
        span smallint NOT NULL CHECK (span IN (1, 3, 12)),
        month date NOT NULL,
        region_code text NOT NULL,
        key text NOT NULL,
        fr bytea NOT NULL,
        res bytea NOT NULL,
        PRIMARY KEY (span, month, region_code, key)
      )`);
    await db.query(
      `ALTER TABLE report_org_values ALTER COLUMN fr SET STORAGE EXTERNAL, ALTER COLUMN res SET STORAGE EXTERNAL`,
    );

    // The organizations' month cells from `source`: requests r with the month m.month they count in.
    const build = (source: string) => `
          INSERT INTO report_counts (dim, month, region_code, key, ${STATUSES.map((s) => `n_${s}`).join(', ')}, breached, score_sum, score_n)
            SELECT 'organization', m.month, r.region_code, r.organization_id::text,
                   ${STATUSES.map((s) => `count(*) FILTER (WHERE r.status = '${s}')`).join(', ')},
                   count(*) FILTER (WHERE r.breached), COALESCE(sum(r.satisfaction_score), 0), count(r.satisfaction_score)
            FROM ${source}
            GROUP BY 2, 3, 4;
          INSERT INTO report_org_values (span, month, region_code, key, fr, res)
            SELECT 1, m.month, r.region_code, r.organization_id::text,
                   COALESCE(string_agg(float8send(report_hours(r.created_at, r.first_responded_at)), ''::bytea), ''::bytea),
                   COALESCE(string_agg(float8send(report_hours(r.created_at, r.resolved_at)), ''::bytea), ''::bytea)
            FROM ${source}
            GROUP BY 2, 3, 4;`;
    await db.query(`
      CREATE FUNCTION report_rollup_build_organization_months(p_months date[]) RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        IF p_months IS NULL THEN
          DELETE FROM report_counts WHERE dim = 'organization';
          DELETE FROM report_org_values;
          ${build(`requests r CROSS JOIN LATERAL (SELECT date_trunc('month', r.created_at AT TIME ZONE 'UTC')::date AS month) m`)}
        ELSE
          DELETE FROM report_counts WHERE dim = 'organization' AND month = ANY (p_months);
          DELETE FROM report_org_values WHERE month = ANY (p_months);
          ${build(`unnest(p_months) m(month) JOIN requests r
                     ON r.created_at >= m.month::timestamp AT TIME ZONE 'UTC' AND r.created_at < (m.month + interval '1 month') AT TIME ZONE 'UTC'`)}
        END IF;
      END $fn$`);
    // Their quarters and years (p_span 3 or 12, checked by the dims' function called first):
    // the month cells concatenated, for the spans holding the given months (all when null),
    // each found through the key by its start month or its months.
    const spanStart = (month: string) =>
      `date_trunc(CASE p_span WHEN 3 THEN 'quarter' ELSE 'year' END, ${month})::date`;
    await db.query(`
      CREATE FUNCTION report_rollup_build_organization_spans(p_months date[], p_span int) RETURNS void LANGUAGE sql AS $fn$
        DELETE FROM report_org_values c
        WHERE c.span = p_span AND (p_months IS NULL OR c.month IN (SELECT ${spanStart('m')} FROM unnest(p_months) m));
        INSERT INTO report_org_values (span, month, region_code, key, fr, res)
          SELECT p_span, ${spanStart('c.month')}, c.region_code, c.key, string_agg(c.fr, ''::bytea), string_agg(c.res, ''::bytea)
          FROM report_org_values c
          WHERE c.span = 1 AND (p_months IS NULL OR c.month IN (
            SELECT (${spanStart('m')} + i * interval '1 month')::date FROM unnest(p_months) m, generate_series(0, p_span - 1) i))
          GROUP BY 2, 3, 4;
      $fn$`);

    await db.query(`ALTER FUNCTION report_rollup_build_months(date[]) RENAME TO report_rollup_build_dim_months`);
    await db.query(`ALTER FUNCTION report_rollup_build_spans(date[], int) RENAME TO report_rollup_build_dim_spans`);
    // The dims' month cells first: they delete every cell starting at a month they rebuild.
    await db.query(`
      CREATE FUNCTION report_rollup_build_months(p_months date[]) RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM report_rollup_build_dim_months(p_months);
        PERFORM report_rollup_build_organization_months(p_months);
      END $fn$`);
    await db.query(`
      CREATE FUNCTION report_rollup_build_spans(p_months date[], p_span int) RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM report_rollup_build_dim_spans(p_months, p_span);
        PERFORM report_rollup_build_organization_spans(p_months, p_span);
      END $fn$`);
    await this.replaceTruncated(db, 'DELETE FROM report_org_values;');
    await db.query(`SELECT report_rollup_rebuild()`);
    // Every cell was rewritten: plan the reports on the new tables' statistics at once, not
    // when autovacuum comes by (until then the assignee report ran four times slower).
    await db.query(`ANALYZE report_counts, report_values, report_org_values, report_days`);
  }

  async down(db: QueryRunner): Promise<void> {
    await this.replaceTruncated(db, '');
    await db.query(`DROP FUNCTION report_rollup_build_spans(date[], int)`);
    await db.query(`DROP FUNCTION report_rollup_build_months(date[])`);
    await db.query(`ALTER FUNCTION report_rollup_build_dim_spans(date[], int) RENAME TO report_rollup_build_spans`);
    await db.query(`ALTER FUNCTION report_rollup_build_dim_months(date[]) RENAME TO report_rollup_build_months`);
    await db.query(`DROP FUNCTION report_rollup_build_organization_spans(date[], int)`);
    await db.query(`DROP FUNCTION report_rollup_build_organization_months(date[])`);
    await db.query(`DELETE FROM report_counts WHERE dim = 'organization'`);
    await db.query(`DROP TABLE report_org_values`);
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
