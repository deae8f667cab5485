import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `('new', 'assigned', 'in_progress', 'waiting_on_member')`;

/**
 * What the directors' reports need to stay fast over years of requests, while giving the
 * very figures a plain count over `requests` gives (api/src/reports/report-sql.ts reads it):
 *
 * - `report_counts`: per UTC month of filing, grouping (dim: region, country, area, status,
 *   assignee, product), key and region: requests per status, breached, satisfaction
 *   sum and count. Additive, so any run of whole months is a sum.
 * - `report_values`: the same cells, split by a logarithmic bucket of the first-response and
 *   resolution hours (kind fr/res), with the count and the exact hours of the cell's requests.
 *   A median is found from the bucket counts, then read exactly among the values of the one
 *   or two buckets that hold the middle ranks: percentile_cont's own arithmetic on the same
 *   float8 values, without sorting the whole range.
 * - `report_days`: per UTC day, region and area: filed and resolved requests (trend).
 * - `report_deltas`: every change of a request (or of an organization's products) as a −1
 *   row of what it was and a +1 row of what it is, written by triggers in the changing
 *   transaction. Triggers only append, so concurrent requests never wait on a shared rollup
 *   row; a report adds the pending deltas to the cells, so it is exact at every moment.
 *   The scheduled job `report-rollup-compact` folds them in: it rebuilds the months and days
 *   they touch from `requests`, in one snapshot, and deletes exactly the deltas it saw.
 *
 * Partial months (days) at the ends of a report's range are read from `requests` through
 * covering indexes; the aging buckets, relative to now(), from the open requests' index.
 */
export class ReportIndexes1764340000000 implements MigrationInterface {
  name = 'ReportIndexes1764340000000';

  async up(db: QueryRunner): Promise<void> {
    // The ends of a range, and the plain query's scan, without touching the wide rows.
    await db.query(`
      CREATE INDEX requests_report_created_idx ON requests (created_at)
      INCLUDE (region_code, country_code, area_code, status, assignee_id, organization_id, breached, satisfaction_score, first_responded_at, resolved_at)`);
    await db.query(
      `CREATE INDEX requests_report_resolved_idx ON requests (resolved_at) INCLUDE (region_code, area_code) WHERE resolved_at IS NOT NULL`,
    );
    await db.query(`
      CREATE INDEX requests_report_open_idx ON requests (created_at)
      INCLUDE (region_code, country_code, area_code, status, assignee_id, organization_id) WHERE status IN ${OPEN}`);

    // Hours from filing, as the reports' percentile_cont sees them (numeric, then float8).
    await db.query(`
      CREATE FUNCTION report_hours(since timestamptz, until timestamptz) RETURNS double precision
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (extract(epoch FROM until - since) / 3600)::double precision $$`);
    // How finely each grouping's values are bucketed: finer where groups are few and large
    // (fewer values to read in the median's bucket). No cells by organization: thousands of
    // small groups whose medians need every value; that report reads requests directly.
    await db.query(`
      CREATE FUNCTION report_scale(dim text) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE dim WHEN 'region' THEN 32 WHEN 'status' THEN 24 WHEN 'area' THEN 16 WHEN 'country' THEN 12
                        WHEN 'product' THEN 12 WHEN 'assignee' THEN 4 ELSE 0 END $$`);
    // Monotonic in the value, so the buckets keep the values' order.
    await db.query(`
      CREATE FUNCTION report_bucket(hours double precision, scale int) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN hours <= 0 THEN 0 ELSE 1 + floor(ln(1 + hours) * scale)::int END $$`);

    await db.query(`
      CREATE TABLE report_counts (
        dim text NOT NULL,
        month date NOT NULL,
        region_code text NOT NULL,
        key text NOT NULL,
        n_new int NOT NULL,
        n_assigned int NOT NULL,
        n_in_progress int NOT NULL,
        n_waiting_on_member int NOT NULL,
        n_resolved int NOT NULL,
        n_closed int NOT NULL,
        n_withdrawn int NOT NULL,
        breached int NOT NULL,
        score_sum bigint NOT NULL,
        score_n int NOT NULL,
        PRIMARY KEY (dim, month, region_code, key)
      )`);
    await db.query(`
      CREATE TABLE report_values (
        dim text NOT NULL,
        month date NOT NULL,
        region_code text NOT NULL,
        key text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('fr', 'res')),
        bucket int NOT NULL,
        n int NOT NULL,
        vals double precision[] NOT NULL,
        PRIMARY KEY (dim, month, region_code, key, kind, bucket) INCLUDE (n)
      )`);
    await db.query(`CREATE INDEX report_values_bucket_idx ON report_values (dim, kind, bucket, key, month)`);
    await db.query(`
      CREATE TABLE report_days (
        day date NOT NULL,
        region_code text NOT NULL,
        area_code text NOT NULL,
        created_n int NOT NULL,
        resolved_n int NOT NULL,
        PRIMARY KEY (day, region_code, area_code)
      )`);
    await db.query(`
      CREATE TABLE report_deltas (
        id bigserial PRIMARY KEY,
        sign smallint NOT NULL CHECK (sign IN (-1, 1)),
        created_at timestamptz NOT NULL,
        resolved_at timestamptz,
        region_code text NOT NULL,
        country_code text NOT NULL,
        area_code text NOT NULL,
        status text NOT NULL,
        assignee_id uuid,
        organization_id uuid NOT NULL,
        products text[] NOT NULL,
        breached boolean NOT NULL,
        satisfaction_score smallint,
        first_response_hours double precision,
        resolution_hours double precision,
        logged_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX report_deltas_created_idx ON report_deltas (created_at)`);
    await db.query(
      `CREATE INDEX report_deltas_resolved_idx ON report_deltas (resolved_at) WHERE resolved_at IS NOT NULL`,
    );

    // Rebuilds the cells of the given months (all when null) from requests.
    const facts = (source: string, month: string) => `
          SELECT ${month} AS month, r.region_code, d.dim, d.key, r.status, r.breached, r.satisfaction_score,
                 report_hours(r.created_at, r.first_responded_at) AS fr, report_hours(r.created_at, r.resolved_at) AS res
          FROM ${source}
          JOIN organizations o ON o.id = r.organization_id
          CROSS JOIN LATERAL (
            VALUES ('region', r.region_code), ('country', r.country_code), ('area', r.area_code), ('status', r.status),
                   ('assignee', COALESCE(r.assignee_id::text, 'none'))
            UNION ALL SELECT 'product', p FROM unnest(o.products) p
          ) d(dim, key)`;
    const build = (source: string, month: string) => `
        INSERT INTO report_counts (dim, month, region_code, key, n_new, n_assigned, n_in_progress, n_waiting_on_member, n_resolved, n_closed, n_withdrawn, breached, score_sum, score_n)
          SELECT dim, month, region_code, key,
                 count(*) FILTER (WHERE status = 'new'), count(*) FILTER (WHERE status = 'assigned'), count(*) FILTER (WHERE status = 'in_progress'),
                 count(*) FILTER (WHERE status = 'waiting_on_member'), count(*) FILTER (WHERE status = 'resolved'), count(*) FILTER (WHERE status = 'closed'),
                 count(*) FILTER (WHERE status = 'withdrawn'), count(*) FILTER (WHERE breached), COALESCE(sum(satisfaction_score), 0), count(satisfaction_score)
          FROM (${facts(source, month)}) f GROUP BY dim, month, region_code, key;
        INSERT INTO report_values (dim, month, region_code, key, kind, bucket, n, vals)
          SELECT f.dim, f.month, f.region_code, f.key, v.kind, report_bucket(v.hours, report_scale(f.dim)), count(*), array_agg(v.hours)
          FROM (${facts(source, month)}) f CROSS JOIN LATERAL (VALUES ('fr', f.fr), ('res', f.res)) v(kind, hours)
          WHERE v.hours IS NOT NULL
          GROUP BY 1, 2, 3, 4, 5, 6;`;
    await db.query(`
      CREATE FUNCTION report_rollup_build_months(p_months date[]) RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        IF p_months IS NULL THEN
          DELETE FROM report_counts;
          DELETE FROM report_values;
          ${build('requests r', `date_trunc('month', r.created_at AT TIME ZONE 'UTC')::date`)}
        ELSE
          DELETE FROM report_counts WHERE month = ANY (p_months);
          DELETE FROM report_values WHERE month = ANY (p_months);
          ${build(
            `unnest(p_months) m(month) JOIN requests r
               ON r.created_at >= m.month::timestamp AT TIME ZONE 'UTC' AND r.created_at < (m.month + interval '1 month') AT TIME ZONE 'UTC'`,
            'm.month',
          )}
        END IF;
      END $fn$`);

    // Rebuilds the trend's days (all when null): filed on the day, resolved on the day.
    const inDay = (column: string) =>
      `r.${column} >= d.day::timestamp AT TIME ZONE 'UTC' AND r.${column} < (d.day + 1)::timestamp AT TIME ZONE 'UTC'`;
    await db.query(`
      CREATE FUNCTION report_rollup_build_days(p_days date[]) RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        IF p_days IS NULL THEN
          DELETE FROM report_days;
          INSERT INTO report_days (day, region_code, area_code, created_n, resolved_n)
            SELECT day, region_code, area_code, sum(c)::int, sum(s)::int FROM (
              SELECT (r.created_at AT TIME ZONE 'UTC')::date AS day, r.region_code, r.area_code, 1 AS c, 0 AS s FROM requests r
              UNION ALL
              SELECT (r.resolved_at AT TIME ZONE 'UTC')::date, r.region_code, r.area_code, 0, 1 FROM requests r WHERE r.resolved_at IS NOT NULL
            ) x GROUP BY 1, 2, 3;
        ELSE
          DELETE FROM report_days WHERE day = ANY (p_days);
          INSERT INTO report_days (day, region_code, area_code, created_n, resolved_n)
            SELECT day, region_code, area_code, sum(c)::int, sum(s)::int FROM (
              SELECT d.day, r.region_code, r.area_code, 1 AS c, 0 AS s FROM unnest(p_days) d(day) JOIN requests r ON ${inDay('created_at')}
              UNION ALL
              SELECT d.day, r.region_code, r.area_code, 0, 1 FROM unnest(p_days) d(day) JOIN requests r ON r.resolved_at IS NOT NULL AND ${inDay('resolved_at')}
            ) x GROUP BY 1, 2, 3;
        END IF;
      END $fn$`);

    await db.query(`
      CREATE FUNCTION report_rollup_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM pg_advisory_xact_lock(727002);
        DELETE FROM report_deltas;
        PERFORM report_rollup_build_months(NULL);
        PERFORM report_rollup_build_days(NULL);
      END $fn$`);

    // Folds the pending deltas into the cells. Run it in one snapshot (REPEATABLE READ): the
    // months and days rebuilt and the deltas deleted are then those of the same moment.
    await db.query(`
      CREATE FUNCTION report_rollup_compact() RETURNS int LANGUAGE plpgsql AS $fn$
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
        PERFORM report_rollup_build_months(months);
        PERFORM report_rollup_build_days(days);
        DELETE FROM report_deltas WHERE id <= last_id;
        GET DIAGNOSTICS folded = ROW_COUNT;
        RETURN folded;
      END $fn$`);

    const deltaColumns = `sign, created_at, resolved_at, region_code, country_code, area_code, status, assignee_id, organization_id, products,
                          breached, satisfaction_score, first_response_hours, resolution_hours`;
    const deltaOf = (row: 'OLD' | 'NEW', sign: number) => `
          INSERT INTO report_deltas (${deltaColumns})
          VALUES (${sign}, ${row}.created_at, ${row}.resolved_at, ${row}.region_code, ${row}.country_code, ${row}.area_code, ${row}.status,
                  ${row}.assignee_id, ${row}.organization_id,
                  COALESCE((SELECT o.products FROM organizations o WHERE o.id = ${row}.organization_id), '{}'),
                  ${row}.breached, ${row}.satisfaction_score,
                  report_hours(${row}.created_at, ${row}.first_responded_at), report_hours(${row}.created_at, ${row}.resolved_at));`;
    await db.query(`
      CREATE FUNCTION report_requests_delta() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN ${deltaOf('OLD', -1)}
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN ${deltaOf('NEW', 1)}
        END IF;
        RETURN NULL;
      END $fn$`);
    await db.query(
      `CREATE TRIGGER requests_report_delta AFTER INSERT OR DELETE ON requests FOR EACH ROW EXECUTE FUNCTION report_requests_delta()`,
    );
    const watched = [
      'created_at',
      'resolved_at',
      'region_code',
      'country_code',
      'area_code',
      'status',
      'assignee_id',
      'organization_id',
      'breached',
      'satisfaction_score',
      'first_responded_at',
    ];
    await db.query(`
      CREATE TRIGGER requests_report_delta_update AFTER UPDATE ON requests FOR EACH ROW
      WHEN (${watched.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ')})
      EXECUTE FUNCTION report_requests_delta()`);
    await db.query(`
      CREATE FUNCTION report_requests_truncated() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        DELETE FROM report_deltas; DELETE FROM report_counts; DELETE FROM report_values; DELETE FROM report_days;
        RETURN NULL;
      END $fn$`);
    await db.query(
      `CREATE TRIGGER requests_report_truncate AFTER TRUNCATE ON requests FOR EACH STATEMENT EXECUTE FUNCTION report_requests_truncated()`,
    );

    // An organization's products decide the product grouping of all its requests.
    await db.query(`
      CREATE FUNCTION report_organizations_delta() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        INSERT INTO report_deltas (${deltaColumns})
        SELECT s.sign, r.created_at, r.resolved_at, r.region_code, r.country_code, r.area_code, r.status, r.assignee_id, r.organization_id,
               CASE WHEN s.sign = -1 THEN OLD.products ELSE NEW.products END, r.breached, r.satisfaction_score,
               report_hours(r.created_at, r.first_responded_at), report_hours(r.created_at, r.resolved_at)
        FROM requests r CROSS JOIN (VALUES (-1), (1)) s(sign)
        WHERE r.organization_id = NEW.id;
        RETURN NULL;
      END $fn$`);
    await db.query(`
      CREATE TRIGGER organizations_report_delta AFTER UPDATE OF products ON organizations FOR EACH ROW
      WHEN (OLD.products IS DISTINCT FROM NEW.products) EXECUTE FUNCTION report_organizations_delta()`);

    await db.query(`SELECT report_rollup_rebuild()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER organizations_report_delta ON organizations`);
    await db.query(`DROP TRIGGER requests_report_truncate ON requests`);
    await db.query(`DROP TRIGGER requests_report_delta_update ON requests`);
    await db.query(`DROP TRIGGER requests_report_delta ON requests`);
    for (const fn of [
      'report_organizations_delta()',
      'report_requests_truncated()',
      'report_requests_delta()',
      'report_rollup_compact()',
      'report_rollup_rebuild()',
      'report_rollup_build_days(date[])',
      'report_rollup_build_months(date[])',
    ]) {
      await db.query(`DROP FUNCTION ${fn}`);
    }
    for (const table of ['report_deltas', 'report_days', 'report_values', 'report_counts'])
      await db.query(`DROP TABLE ${table}`);
    await db.query(`DROP FUNCTION report_bucket(double precision, int)`);
    await db.query(`DROP FUNCTION report_scale(text)`);
    await db.query(`DROP FUNCTION report_hours(timestamptz, timestamptz)`);
    await db.query(`DROP INDEX requests_report_open_idx`);
    await db.query(`DROP INDEX requests_report_resolved_idx`);
    await db.query(`DROP INDEX requests_report_created_idx`);
  }
}
