import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quarter and year cells in the reports' rollup, beside the month cells (see ReportIndexes).
 *
 * A report's whole months were read month by month: over three years, 36 cells per group,
 * and for its medians 36 bucket histograms to add up and 36 arrays of values to open per
 * median bucket (npm run bench:reports: that was most of a three-year report's time). Cells
 * now have a `span` of 1, 3 or 12 months starting at `month`; a range's whole months are
 * read as the fewest cells that tile them (report-sql.ts cellsOf): three years ending now
 * are ~8 cells instead of 36, one year ~6 instead of 12.
 *
 * Quarter and year cells are sums of their month cells (their value arrays concatenated),
 * rebuilt after the month cells: by report_rollup_rebuild() for all, and by
 * report_rollup_compact() for the quarters and years of the months it folds.
 * report_rollup_build_months() is unchanged: it deletes the cells that start at a month it
 * rebuilds, whatever their span, which are rebuilt right after.
 *
 * With fewer cells to add up, the assignee grouping can afford buckets twice as fine (scale
 * 4 → 8): a median bucket then holds half the values to sort. That changes every assignee
 * cell, so the rollup is rebuilt (a minute and a half on a million requests).
 */
export class ReportSpans1764360000000 implements MigrationInterface {
  name = 'ReportSpans1764360000000';

  async up(db: QueryRunner): Promise<void> {
    for (const table of ['report_counts', 'report_values']) {
      await db.query(`ALTER TABLE ${table} ADD COLUMN span smallint NOT NULL DEFAULT 1 CHECK (span IN (1, 3, 12))`);
      await db.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey`);
    }
    await db.query(`ALTER TABLE report_counts ADD PRIMARY KEY (dim, span, month, region_code, key)`);
    await db.query(
      `ALTER TABLE report_values ADD PRIMARY KEY (dim, span, month, region_code, key, kind, bucket) INCLUDE (n)`,
    );
    await db.query(`DROP INDEX report_values_bucket_idx`);
    await db.query(`CREATE INDEX report_values_bucket_idx ON report_values (dim, kind, bucket, key, span, month)`);
    await db.query(
      `CREATE AGGREGATE report_concat(double precision[]) (SFUNC = array_cat, STYPE = double precision[])`,
    );

    const counts = [
      'n_new',
      'n_assigned',
      'n_in_progress',
      'n_waiting_on_member',
      'n_resolved',
      'n_closed',
      'n_withdrawn',
      'breached',
      'score_sum',
      'score_n',
    ];
    // The month cells of the spans being built: all of them, or those of the spans starting at `starts`.
    const monthCells = (table: string) => `
          FROM ${table} c
          WHERE c.span = 1 AND (starts IS NULL OR c.month IN (
            SELECT (s.start + i * interval '1 month')::date FROM unnest(starts) s(start), generate_series(0, p_span - 1) i))`;
    await db.query(`
      CREATE FUNCTION report_rollup_build_spans(p_months date[], p_span int) RETURNS void LANGUAGE plpgsql AS $fn$
      DECLARE
        unit text := CASE p_span WHEN 3 THEN 'quarter' WHEN 12 THEN 'year' END;
        starts date[];
      BEGIN
        IF unit IS NULL THEN RAISE EXCEPTION 'span must be 3 or 12, not %', p_span; END IF;
        IF p_months IS NOT NULL THEN
          SELECT array_agg(DISTINCT date_trunc(unit, m)::date) INTO starts FROM unnest(p_months) m;
          IF starts IS NULL THEN RETURN; END IF;
        END IF;
        DELETE FROM report_counts WHERE span = p_span AND (starts IS NULL OR month = ANY (starts));
        DELETE FROM report_values WHERE span = p_span AND (starts IS NULL OR month = ANY (starts));
        INSERT INTO report_counts (dim, span, month, region_code, key, ${counts.join(', ')})
          SELECT c.dim, p_span, date_trunc(unit, c.month)::date, c.region_code, c.key,
                 ${counts.map((column) => `sum(c.${column})${column === 'score_sum' ? '' : '::int'}`).join(', ')}
          ${monthCells('report_counts')}
          GROUP BY 1, 3, 4, 5;
        INSERT INTO report_values (dim, span, month, region_code, key, kind, bucket, n, vals)
          SELECT c.dim, p_span, date_trunc(unit, c.month)::date, c.region_code, c.key, c.kind, c.bucket, sum(c.n)::int, report_concat(c.vals)
          ${monthCells('report_values')}
          GROUP BY 1, 3, 4, 5, 6, 7;
      END $fn$`);

    await this.replaceRebuild(
      db,
      `
        PERFORM report_rollup_build_months(NULL);
        PERFORM report_rollup_build_spans(NULL, 3);
        PERFORM report_rollup_build_spans(NULL, 12);`,
    );
    await this.replaceCompact(
      db,
      `
        PERFORM report_rollup_build_months(months);
        PERFORM report_rollup_build_spans(months, 3);
        PERFORM report_rollup_build_spans(months, 12);`,
    );
    await this.replaceScale(db, 8);
    await db.query(`SELECT report_rollup_rebuild()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await this.replaceCompact(
      db,
      `
        PERFORM report_rollup_build_months(months);`,
    );
    await this.replaceRebuild(
      db,
      `
        PERFORM report_rollup_build_months(NULL);`,
    );
    await db.query(`DROP FUNCTION report_rollup_build_spans(date[], int)`);
    await this.replaceScale(db, 4);
    await db.query(`DROP AGGREGATE report_concat(double precision[])`);
    for (const table of ['report_counts', 'report_values']) {
      await db.query(`DELETE FROM ${table} WHERE span <> 1`);
      await db.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey`);
      await db.query(`ALTER TABLE ${table} DROP COLUMN span`);
    }
    await db.query(`ALTER TABLE report_counts ADD PRIMARY KEY (dim, month, region_code, key)`);
    await db.query(
      `ALTER TABLE report_values ADD PRIMARY KEY (dim, month, region_code, key, kind, bucket) INCLUDE (n)`,
    );
    await db.query(`CREATE INDEX report_values_bucket_idx ON report_values (dim, kind, bucket, key, month)`);
    await db.query(`SELECT report_rollup_rebuild()`);
  }

  /** report_scale() of ReportIndexes with the given scale for the assignee grouping. */
  private async replaceScale(db: QueryRunner, assignee: number): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION report_scale(dim text) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE dim WHEN 'region' THEN 32 WHEN 'status' THEN 24 WHEN 'area' THEN 16 WHEN 'country' THEN 12
                        WHEN 'product' THEN 12 WHEN 'assignee' THEN ${assignee} ELSE 0 END $$`);
  }

  /** report_rollup_rebuild() of ReportIndexes, with `buildCells` building every cell from the requests. */
  private async replaceRebuild(db: QueryRunner, buildCells: string): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION report_rollup_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM pg_advisory_xact_lock(727002);
        DELETE FROM report_deltas;
        ${buildCells}
        PERFORM report_rollup_build_days(NULL);
      END $fn$`);
  }

  /** report_rollup_compact() of ReportIndexes, with `rebuildMonths` rebuilding the folded months' cells. */
  private async replaceCompact(db: QueryRunner, rebuildMonths: string): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION report_rollup_compact() RETURNS int LANGUAGE plpgsql AS $fn$
      DECLARE
        last_id bigint;
        months date[];
        days date[];
        folded int;
      BEGIN
        IF NOT pg_try_advisory_xact_lock(727002) THEN RETURN -1; END IF;
        SELECT max(id) INTO last_id FROM report_deltas;
        IF last_id IS NULL THEN RETURN 0; END IF;
        SELECT array_agg(DISTINCT date_trunc('month', created_at AT TIME ZONE 'UTC')::date) INTO months FROM report_deltas WHERE id <= last_id;
        SELECT array_agg(DISTINCT day) INTO days FROM (
          SELECT (created_at AT TIME ZONE 'UTC')::date AS day FROM report_deltas WHERE id <= last_id
          UNION SELECT (resolved_at AT TIME ZONE 'UTC')::date FROM report_deltas WHERE id <= last_id AND resolved_at IS NOT NULL) x;
        ${rebuildMonths}
        PERFORM report_rollup_build_days(days);
        DELETE FROM report_deltas WHERE id <= last_id;
        GET DIAGNOSTICS folded = ROW_COUNT;
        RETURN folded;
      END $fn$`);
  }
}
