-- The report rollup's SQL functions and triggers as they are after every migration: the one place
-- to read their current definitions (design and measurements: docs/performance.md). Several
-- migrations (ReportIndexes, ReportSpans, ReportOrganizations, ReportHistograms, ReportCellStamps)
-- built them up, some redefining what an earlier one made; migrations are never edited, so a
-- change is a new migration (CREATE OR REPLACE …) and then this file written again.
--
-- Written from a migrated database, by PostgreSQL itself (pg_get_functiondef, pg_get_triggerdef):
--   UPDATE_REPORT_SQL=1 sh scripts/node24.sh npx jest --ci --config tests/api/jest.config.cjs tests/api/schema.e2e-spec.ts
-- tests/api/schema.e2e-spec.ts fails when this file and the migrated database differ.

-- function report_bucket(double precision,integer)
CREATE OR REPLACE FUNCTION public.report_bucket(hours double precision, scale integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
        SELECT CASE WHEN hours <= 0 THEN 0 ELSE 1 + floor(ln(1 + hours) * scale)::int END $function$
;

-- function report_cells_truncated()
CREATE OR REPLACE FUNCTION public.report_cells_truncated()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        DELETE FROM report_cell_stamps;

  INSERT INTO report_cell_stamps (span, month, region_code, stamp)
    SELECT span, month, region_code, gen_random_uuid() FROM (
      SELECT span, month, region_code FROM report_counts WHERE dim = 'organization'
      UNION SELECT span, month, region_code FROM report_org_values
    ) c;
        RETURN NULL;
      END $function$
;

-- function report_counts_restamp()
CREATE OR REPLACE FUNCTION public.report_counts_restamp()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        INSERT INTO report_cell_stamps (span, month, region_code, stamp)
          SELECT c.span, c.month, c.region_code, gen_random_uuid()
          FROM (SELECT DISTINCT span, month, region_code FROM changed WHERE dim = 'organization') c
          ON CONFLICT (span, month, region_code) DO UPDATE SET stamp = EXCLUDED.stamp;
        RETURN NULL;
      END $function$
;

-- function report_hours(timestamp with time zone,timestamp with time zone)
CREATE OR REPLACE FUNCTION public.report_hours(since timestamp with time zone, until timestamp with time zone)
 RETURNS double precision
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$ SELECT (extract(epoch FROM until - since) / 3600)::double precision $function$
;

-- function report_org_values_restamp()
CREATE OR REPLACE FUNCTION public.report_org_values_restamp()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        INSERT INTO report_cell_stamps (span, month, region_code, stamp)
          SELECT c.span, c.month, c.region_code, gen_random_uuid()
          FROM (SELECT DISTINCT span, month, region_code FROM changed ) c
          ON CONFLICT (span, month, region_code) DO UPDATE SET stamp = EXCLUDED.stamp;
        RETURN NULL;
      END $function$
;

-- function report_organizations_delta()
CREATE OR REPLACE FUNCTION public.report_organizations_delta()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        INSERT INTO report_deltas (sign, created_at, resolved_at, region_code, country_code, area_code, status, assignee_id, organization_id, products,
                          breached, satisfaction_score, first_response_hours, resolution_hours, fr_met, res_met)
        SELECT s.sign, r.created_at, r.resolved_at, r.region_code, r.country_code, r.area_code, r.status, r.assignee_id, r.organization_id,
               CASE WHEN s.sign = -1 THEN OLD.products ELSE NEW.products END, r.breached, r.satisfaction_score,
               report_hours(r.created_at, r.first_responded_at), report_hours(r.created_at, r.resolved_at), COALESCE(r.first_responded_at <= r.first_response_due_at, false), COALESCE(r.resolved_at <= r.resolution_due_at, false)
        FROM requests r CROSS JOIN (VALUES (-1), (1)) s(sign)
        WHERE r.organization_id = NEW.id;
        RETURN NULL;
      END $function$
;

-- function report_requests_delta()
CREATE OR REPLACE FUNCTION public.report_requests_delta()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          INSERT INTO report_deltas (sign, created_at, resolved_at, region_code, country_code, area_code, status, assignee_id, organization_id, products,
                          breached, satisfaction_score, first_response_hours, resolution_hours, fr_met, res_met)
          VALUES (-1, OLD.created_at, OLD.resolved_at, OLD.region_code, OLD.country_code, OLD.area_code, OLD.status,
                  OLD.assignee_id, OLD.organization_id,
                  COALESCE((SELECT o.products FROM organizations o WHERE o.id = OLD.organization_id), '{}'),
                  OLD.breached, OLD.satisfaction_score,
                  report_hours(OLD.created_at, OLD.first_responded_at), report_hours(OLD.created_at, OLD.resolved_at),
                  COALESCE(OLD.first_responded_at <= OLD.first_response_due_at, false), COALESCE(OLD.resolved_at <= OLD.resolution_due_at, false));
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO report_deltas (sign, created_at, resolved_at, region_code, country_code, area_code, status, assignee_id, organization_id, products,
                          breached, satisfaction_score, first_response_hours, resolution_hours, fr_met, res_met)
          VALUES (1, NEW.created_at, NEW.resolved_at, NEW.region_code, NEW.country_code, NEW.area_code, NEW.status,
                  NEW.assignee_id, NEW.organization_id,
                  COALESCE((SELECT o.products FROM organizations o WHERE o.id = NEW.organization_id), '{}'),
                  NEW.breached, NEW.satisfaction_score,
                  report_hours(NEW.created_at, NEW.first_responded_at), report_hours(NEW.created_at, NEW.resolved_at),
                  COALESCE(NEW.first_responded_at <= NEW.first_response_due_at, false), COALESCE(NEW.resolved_at <= NEW.resolution_due_at, false));
        END IF;
        RETURN NULL;
      END $function$
;

-- function report_requests_truncated()
CREATE OR REPLACE FUNCTION public.report_requests_truncated()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        DELETE FROM report_deltas; DELETE FROM report_counts; DELETE FROM report_values; DELETE FROM report_days; DELETE FROM report_org_values; DELETE FROM report_hists;
        RETURN NULL;
      END $function$
;

-- function report_rollup_build_days(date[])
CREATE OR REPLACE FUNCTION public.report_rollup_build_days(p_days date[])
 RETURNS void
 LANGUAGE plpgsql
AS $function$
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
              SELECT d.day, r.region_code, r.area_code, 1 AS c, 0 AS s FROM unnest(p_days) d(day) JOIN requests r ON r.created_at >= d.day::timestamp AT TIME ZONE 'UTC' AND r.created_at < (d.day + 1)::timestamp AT TIME ZONE 'UTC'
              UNION ALL
              SELECT d.day, r.region_code, r.area_code, 0, 1 FROM unnest(p_days) d(day) JOIN requests r ON r.resolved_at IS NOT NULL AND r.resolved_at >= d.day::timestamp AT TIME ZONE 'UTC' AND r.resolved_at < (d.day + 1)::timestamp AT TIME ZONE 'UTC'
            ) x GROUP BY 1, 2, 3;
        END IF;
      END $function$
;

-- function report_rollup_build_dim_months(date[])
CREATE OR REPLACE FUNCTION public.report_rollup_build_dim_months(p_months date[])
 RETURNS void
 LANGUAGE plpgsql
AS $function$
      BEGIN
        IF p_months IS NULL THEN
          DELETE FROM report_counts;
          DELETE FROM report_values;

        INSERT INTO report_counts (dim, month, region_code, key, n_new, n_assigned, n_in_progress, n_waiting_on_member, n_resolved, n_closed, n_withdrawn, breached, score_sum, score_n, score_1, score_2, score_3, score_4, score_5, fr_n, fr_met, res_met)
          SELECT dim, month, region_code, key,
                 count(*) FILTER (WHERE status = 'new'), count(*) FILTER (WHERE status = 'assigned'), count(*) FILTER (WHERE status = 'in_progress'),
                 count(*) FILTER (WHERE status = 'waiting_on_member'), count(*) FILTER (WHERE status = 'resolved'), count(*) FILTER (WHERE status = 'closed'),
                 count(*) FILTER (WHERE status = 'withdrawn'), count(*) FILTER (WHERE breached), COALESCE(sum(satisfaction_score), 0), count(satisfaction_score),
                 count(*) FILTER (WHERE satisfaction_score = 1), count(*) FILTER (WHERE satisfaction_score = 2), count(*) FILTER (WHERE satisfaction_score = 3), count(*) FILTER (WHERE satisfaction_score = 4), count(*) FILTER (WHERE satisfaction_score = 5), count(*) FILTER (WHERE fr IS NOT NULL), count(*) FILTER (WHERE fr_met), count(*) FILTER (WHERE res_met)
          FROM (
          SELECT date_trunc('month', r.created_at AT TIME ZONE 'UTC')::date AS month, r.region_code, d.dim, d.key, r.status, r.breached, r.satisfaction_score,
                 report_hours(r.created_at, r.first_responded_at) AS fr, report_hours(r.created_at, r.resolved_at) AS res, COALESCE(r.first_responded_at <= r.first_response_due_at, false) AS fr_met, COALESCE(r.resolved_at <= r.resolution_due_at, false) AS res_met
          FROM requests r
          JOIN organizations o ON o.id = r.organization_id
          CROSS JOIN LATERAL (
            VALUES ('region', r.region_code), ('country', r.country_code), ('area', r.area_code), ('status', r.status),
                   ('assignee', COALESCE(r.assignee_id::text, 'none'))
            UNION ALL SELECT 'product', p FROM unnest(o.products) p
          ) d(dim, key)) f GROUP BY dim, month, region_code, key;
        INSERT INTO report_values (dim, month, region_code, key, kind, bucket, n, vals)
          SELECT f.dim, f.month, f.region_code, f.key, v.kind, report_bucket(v.hours, report_scale(f.dim)), count(*), array_agg(v.hours)
          FROM (
          SELECT date_trunc('month', r.created_at AT TIME ZONE 'UTC')::date AS month, r.region_code, d.dim, d.key, r.status, r.breached, r.satisfaction_score,
                 report_hours(r.created_at, r.first_responded_at) AS fr, report_hours(r.created_at, r.resolved_at) AS res, COALESCE(r.first_responded_at <= r.first_response_due_at, false) AS fr_met, COALESCE(r.resolved_at <= r.resolution_due_at, false) AS res_met
          FROM requests r
          JOIN organizations o ON o.id = r.organization_id
          CROSS JOIN LATERAL (
            VALUES ('region', r.region_code), ('country', r.country_code), ('area', r.area_code), ('status', r.status),
                   ('assignee', COALESCE(r.assignee_id::text, 'none'))
            UNION ALL SELECT 'product', p FROM unnest(o.products) p
          ) d(dim, key)) f CROSS JOIN LATERAL (VALUES ('fr', f.fr), ('res', f.res)) v(kind, hours)
          WHERE v.hours IS NOT NULL
          GROUP BY 1, 2, 3, 4, 5, 6;
        ELSE
          DELETE FROM report_counts WHERE month = ANY (p_months);
          DELETE FROM report_values WHERE month = ANY (p_months);

        INSERT INTO report_counts (dim, month, region_code, key, n_new, n_assigned, n_in_progress, n_waiting_on_member, n_resolved, n_closed, n_withdrawn, breached, score_sum, score_n, score_1, score_2, score_3, score_4, score_5, fr_n, fr_met, res_met)
          SELECT dim, month, region_code, key,
                 count(*) FILTER (WHERE status = 'new'), count(*) FILTER (WHERE status = 'assigned'), count(*) FILTER (WHERE status = 'in_progress'),
                 count(*) FILTER (WHERE status = 'waiting_on_member'), count(*) FILTER (WHERE status = 'resolved'), count(*) FILTER (WHERE status = 'closed'),
                 count(*) FILTER (WHERE status = 'withdrawn'), count(*) FILTER (WHERE breached), COALESCE(sum(satisfaction_score), 0), count(satisfaction_score),
                 count(*) FILTER (WHERE satisfaction_score = 1), count(*) FILTER (WHERE satisfaction_score = 2), count(*) FILTER (WHERE satisfaction_score = 3), count(*) FILTER (WHERE satisfaction_score = 4), count(*) FILTER (WHERE satisfaction_score = 5), count(*) FILTER (WHERE fr IS NOT NULL), count(*) FILTER (WHERE fr_met), count(*) FILTER (WHERE res_met)
          FROM (
          SELECT m.month AS month, r.region_code, d.dim, d.key, r.status, r.breached, r.satisfaction_score,
                 report_hours(r.created_at, r.first_responded_at) AS fr, report_hours(r.created_at, r.resolved_at) AS res, COALESCE(r.first_responded_at <= r.first_response_due_at, false) AS fr_met, COALESCE(r.resolved_at <= r.resolution_due_at, false) AS res_met
          FROM unnest(p_months) m(month) JOIN requests r
               ON r.created_at >= m.month::timestamp AT TIME ZONE 'UTC' AND r.created_at < (m.month + interval '1 month') AT TIME ZONE 'UTC'
          JOIN organizations o ON o.id = r.organization_id
          CROSS JOIN LATERAL (
            VALUES ('region', r.region_code), ('country', r.country_code), ('area', r.area_code), ('status', r.status),
                   ('assignee', COALESCE(r.assignee_id::text, 'none'))
            UNION ALL SELECT 'product', p FROM unnest(o.products) p
          ) d(dim, key)) f GROUP BY dim, month, region_code, key;
        INSERT INTO report_values (dim, month, region_code, key, kind, bucket, n, vals)
          SELECT f.dim, f.month, f.region_code, f.key, v.kind, report_bucket(v.hours, report_scale(f.dim)), count(*), array_agg(v.hours)
          FROM (
          SELECT m.month AS month, r.region_code, d.dim, d.key, r.status, r.breached, r.satisfaction_score,
                 report_hours(r.created_at, r.first_responded_at) AS fr, report_hours(r.created_at, r.resolved_at) AS res, COALESCE(r.first_responded_at <= r.first_response_due_at, false) AS fr_met, COALESCE(r.resolved_at <= r.resolution_due_at, false) AS res_met
          FROM unnest(p_months) m(month) JOIN requests r
               ON r.created_at >= m.month::timestamp AT TIME ZONE 'UTC' AND r.created_at < (m.month + interval '1 month') AT TIME ZONE 'UTC'
          JOIN organizations o ON o.id = r.organization_id
          CROSS JOIN LATERAL (
            VALUES ('region', r.region_code), ('country', r.country_code), ('area', r.area_code), ('status', r.status),
                   ('assignee', COALESCE(r.assignee_id::text, 'none'))
            UNION ALL SELECT 'product', p FROM unnest(o.products) p
          ) d(dim, key)) f CROSS JOIN LATERAL (VALUES ('fr', f.fr), ('res', f.res)) v(kind, hours)
          WHERE v.hours IS NOT NULL
          GROUP BY 1, 2, 3, 4, 5, 6;
        END IF;
      END $function$
;

-- function report_rollup_build_dim_spans(date[],integer)
CREATE OR REPLACE FUNCTION public.report_rollup_build_dim_spans(p_months date[], p_span integer)
 RETURNS void
 LANGUAGE plpgsql
AS $function$
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
        INSERT INTO report_counts (dim, span, month, region_code, key, n_new, n_assigned, n_in_progress, n_waiting_on_member, n_resolved, n_closed, n_withdrawn, breached, score_sum, score_n, score_1, score_2, score_3, score_4, score_5, fr_n, fr_met, res_met)
          SELECT c.dim, p_span, date_trunc(unit, c.month)::date, c.region_code, c.key,
                 sum(c.n_new)::int, sum(c.n_assigned)::int, sum(c.n_in_progress)::int, sum(c.n_waiting_on_member)::int, sum(c.n_resolved)::int, sum(c.n_closed)::int, sum(c.n_withdrawn)::int, sum(c.breached)::int, sum(c.score_sum), sum(c.score_n)::int,
                 sum(c.score_1)::int, sum(c.score_2)::int, sum(c.score_3)::int, sum(c.score_4)::int, sum(c.score_5)::int, sum(c.fr_n)::int, sum(c.fr_met)::int, sum(c.res_met)::int
          FROM report_counts c
          WHERE c.span = 1 AND (starts IS NULL OR c.month IN (
            SELECT (s.start + i * interval '1 month')::date FROM unnest(starts) s(start), generate_series(0, p_span - 1) i))
          GROUP BY 1, 3, 4, 5;
        INSERT INTO report_values (dim, span, month, region_code, key, kind, bucket, n, vals)
          SELECT c.dim, p_span, date_trunc(unit, c.month)::date, c.region_code, c.key, c.kind, c.bucket, sum(c.n)::int, report_concat(c.vals)
          FROM report_values c
          WHERE c.span = 1 AND (starts IS NULL OR c.month IN (
            SELECT (s.start + i * interval '1 month')::date FROM unnest(starts) s(start), generate_series(0, p_span - 1) i))
          GROUP BY 1, 3, 4, 5, 6, 7;
      END $function$
;

-- function report_rollup_build_hists(integer,date[])
CREATE OR REPLACE FUNCTION public.report_rollup_build_hists(p_span integer, p_months date[])
 RETURNS void
 LANGUAGE plpgsql
AS $function$
      BEGIN
        IF p_months IS NULL THEN
          DELETE FROM report_hists WHERE span = p_span;

          INSERT INTO report_hists (dim, span, month, region_code, key, kind, hist)
            SELECT dim, span, month, region_code, key, kind, string_agg(int4send(bucket) || int4send(n), ''::bytea ORDER BY bucket)
            FROM report_values WHERE span = p_span
            GROUP BY dim, span, month, region_code, key, kind;
        ELSE
          DELETE FROM report_hists WHERE span = p_span AND month = ANY (p_months);

          INSERT INTO report_hists (dim, span, month, region_code, key, kind, hist)
            SELECT dim, span, month, region_code, key, kind, string_agg(int4send(bucket) || int4send(n), ''::bytea ORDER BY bucket)
            FROM report_values WHERE dim = ANY ('{region,country,area,status,assignee,product}') AND span = p_span AND month = ANY (p_months)
            GROUP BY dim, span, month, region_code, key, kind;
        END IF;
      END $function$
;

-- function report_rollup_build_months(date[])
CREATE OR REPLACE FUNCTION public.report_rollup_build_months(p_months date[])
 RETURNS void
 LANGUAGE plpgsql
AS $function$
      BEGIN
        PERFORM report_rollup_build_dim_months(p_months);
        PERFORM report_rollup_build_organization_months(p_months);
        DELETE FROM report_hists WHERE p_months IS NULL OR month = ANY (p_months); PERFORM report_rollup_build_hists(1, p_months);
      END $function$
;

-- function report_rollup_build_organization_months(date[])
CREATE OR REPLACE FUNCTION public.report_rollup_build_organization_months(p_months date[])
 RETURNS void
 LANGUAGE plpgsql
AS $function$
      BEGIN
        IF p_months IS NULL THEN
          DELETE FROM report_counts WHERE dim = 'organization';
          DELETE FROM report_org_values;

          INSERT INTO report_counts (dim, month, region_code, key, n_new, n_assigned, n_in_progress, n_waiting_on_member, n_resolved, n_closed, n_withdrawn, breached, score_sum, score_n, score_1, score_2, score_3, score_4, score_5, fr_n, fr_met, res_met)
            SELECT 'organization', m.month, r.region_code, r.organization_id::text,
                   count(*) FILTER (WHERE r.status = 'new'), count(*) FILTER (WHERE r.status = 'assigned'), count(*) FILTER (WHERE r.status = 'in_progress'),
                 count(*) FILTER (WHERE r.status = 'waiting_on_member'), count(*) FILTER (WHERE r.status = 'resolved'), count(*) FILTER (WHERE r.status = 'closed'),
                 count(*) FILTER (WHERE r.status = 'withdrawn'), count(*) FILTER (WHERE r.breached), COALESCE(sum(r.satisfaction_score), 0), count(r.satisfaction_score),
                   count(*) FILTER (WHERE satisfaction_score = 1), count(*) FILTER (WHERE satisfaction_score = 2), count(*) FILTER (WHERE satisfaction_score = 3), count(*) FILTER (WHERE satisfaction_score = 4), count(*) FILTER (WHERE satisfaction_score = 5), count(*) FILTER (WHERE r.first_responded_at IS NOT NULL), count(*) FILTER (WHERE COALESCE(r.first_responded_at <= r.first_response_due_at, false)), count(*) FILTER (WHERE COALESCE(r.resolved_at <= r.resolution_due_at, false))
            FROM requests r CROSS JOIN LATERAL (SELECT date_trunc('month', r.created_at AT TIME ZONE 'UTC')::date AS month) m
            GROUP BY 2, 3, 4;
          INSERT INTO report_org_values (span, month, region_code, key, fr, res)
            SELECT 1, m.month, r.region_code, r.organization_id::text,
                   COALESCE(string_agg(float8send(report_hours(r.created_at, r.first_responded_at)), ''::bytea), ''::bytea),
                   COALESCE(string_agg(float8send(report_hours(r.created_at, r.resolved_at)), ''::bytea), ''::bytea)
            FROM requests r CROSS JOIN LATERAL (SELECT date_trunc('month', r.created_at AT TIME ZONE 'UTC')::date AS month) m
            GROUP BY 2, 3, 4;
        ELSE
          DELETE FROM report_counts WHERE dim = 'organization' AND month = ANY (p_months);
          DELETE FROM report_org_values WHERE month = ANY (p_months);

          INSERT INTO report_counts (dim, month, region_code, key, n_new, n_assigned, n_in_progress, n_waiting_on_member, n_resolved, n_closed, n_withdrawn, breached, score_sum, score_n, score_1, score_2, score_3, score_4, score_5, fr_n, fr_met, res_met)
            SELECT 'organization', m.month, r.region_code, r.organization_id::text,
                   count(*) FILTER (WHERE r.status = 'new'), count(*) FILTER (WHERE r.status = 'assigned'), count(*) FILTER (WHERE r.status = 'in_progress'),
                 count(*) FILTER (WHERE r.status = 'waiting_on_member'), count(*) FILTER (WHERE r.status = 'resolved'), count(*) FILTER (WHERE r.status = 'closed'),
                 count(*) FILTER (WHERE r.status = 'withdrawn'), count(*) FILTER (WHERE r.breached), COALESCE(sum(r.satisfaction_score), 0), count(r.satisfaction_score),
                   count(*) FILTER (WHERE satisfaction_score = 1), count(*) FILTER (WHERE satisfaction_score = 2), count(*) FILTER (WHERE satisfaction_score = 3), count(*) FILTER (WHERE satisfaction_score = 4), count(*) FILTER (WHERE satisfaction_score = 5), count(*) FILTER (WHERE r.first_responded_at IS NOT NULL), count(*) FILTER (WHERE COALESCE(r.first_responded_at <= r.first_response_due_at, false)), count(*) FILTER (WHERE COALESCE(r.resolved_at <= r.resolution_due_at, false))
            FROM unnest(p_months) m(month) JOIN requests r
                     ON r.created_at >= m.month::timestamp AT TIME ZONE 'UTC' AND r.created_at < (m.month + interval '1 month') AT TIME ZONE 'UTC'
            GROUP BY 2, 3, 4;
          INSERT INTO report_org_values (span, month, region_code, key, fr, res)
            SELECT 1, m.month, r.region_code, r.organization_id::text,
                   COALESCE(string_agg(float8send(report_hours(r.created_at, r.first_responded_at)), ''::bytea), ''::bytea),
                   COALESCE(string_agg(float8send(report_hours(r.created_at, r.resolved_at)), ''::bytea), ''::bytea)
            FROM unnest(p_months) m(month) JOIN requests r
                     ON r.created_at >= m.month::timestamp AT TIME ZONE 'UTC' AND r.created_at < (m.month + interval '1 month') AT TIME ZONE 'UTC'
            GROUP BY 2, 3, 4;
        END IF;
      END $function$
;

-- function report_rollup_build_organization_spans(date[],integer)
CREATE OR REPLACE FUNCTION public.report_rollup_build_organization_spans(p_months date[], p_span integer)
 RETURNS void
 LANGUAGE sql
AS $function$
        DELETE FROM report_org_values c
        WHERE c.span = p_span AND (p_months IS NULL OR c.month IN (SELECT date_trunc(CASE p_span WHEN 3 THEN 'quarter' ELSE 'year' END, m)::date FROM unnest(p_months) m));
        INSERT INTO report_org_values (span, month, region_code, key, fr, res)
          SELECT p_span, date_trunc(CASE p_span WHEN 3 THEN 'quarter' ELSE 'year' END, c.month)::date, c.region_code, c.key, string_agg(c.fr, ''::bytea), string_agg(c.res, ''::bytea)
          FROM report_org_values c
          WHERE c.span = 1 AND (p_months IS NULL OR c.month IN (
            SELECT (date_trunc(CASE p_span WHEN 3 THEN 'quarter' ELSE 'year' END, m)::date + i * interval '1 month')::date FROM unnest(p_months) m, generate_series(0, p_span - 1) i))
          GROUP BY 2, 3, 4;
      $function$
;

-- function report_rollup_build_spans(date[],integer)
CREATE OR REPLACE FUNCTION public.report_rollup_build_spans(p_months date[], p_span integer)
 RETURNS void
 LANGUAGE plpgsql
AS $function$
      BEGIN
        PERFORM report_rollup_build_dim_spans(p_months, p_span);
        PERFORM report_rollup_build_organization_spans(p_months, p_span);
        PERFORM report_rollup_build_hists(p_span, CASE WHEN p_months IS NOT NULL THEN COALESCE(
                 (SELECT array_agg(DISTINCT date_trunc(CASE p_span WHEN 3 THEN 'quarter' ELSE 'year' END, m)::date) FROM unnest(p_months) m), '{}') END);
      END $function$
;

-- function report_rollup_compact()
CREATE OR REPLACE FUNCTION public.report_rollup_compact()
 RETURNS integer
 LANGUAGE plpgsql
AS $function$
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
        PERFORM report_rollup_build_spans(months, 3);
        PERFORM report_rollup_build_spans(months, 12);
        PERFORM report_rollup_build_days(days);
        DELETE FROM report_deltas WHERE id <= last_id;
        GET DIAGNOSTICS folded = ROW_COUNT;
        RETURN folded;
      END $function$
;

-- function report_rollup_rebuild()
CREATE OR REPLACE FUNCTION public.report_rollup_rebuild()
 RETURNS void
 LANGUAGE plpgsql
AS $function$
      BEGIN
        PERFORM pg_advisory_xact_lock(727002);
        DELETE FROM report_deltas;

        PERFORM report_rollup_build_months(NULL);
        PERFORM report_rollup_build_spans(NULL, 3);
        PERFORM report_rollup_build_spans(NULL, 12);
        PERFORM report_rollup_build_days(NULL);
      END $function$
;

-- function report_scale(text)
CREATE OR REPLACE FUNCTION public.report_scale(dim text)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
        SELECT CASE dim WHEN 'region' THEN 32 WHEN 'status' THEN 24 WHEN 'area' THEN 16 WHEN 'country' THEN 12
                        WHEN 'product' THEN 12 WHEN 'assignee' THEN 8 ELSE 0 END $function$
;

-- aggregate report_concat(double precision[])
CREATE AGGREGATE public.report_concat(double precision[]) (SFUNC = array_cat, STYPE = double precision[]);

-- trigger organizations.organizations_report_delta
CREATE TRIGGER organizations_report_delta AFTER UPDATE OF products ON organizations FOR EACH ROW WHEN (old.products IS DISTINCT FROM new.products) EXECUTE FUNCTION report_organizations_delta();

-- trigger report_counts.report_counts_stamp_delete
CREATE TRIGGER report_counts_stamp_delete AFTER DELETE ON report_counts REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_counts_restamp();

-- trigger report_counts.report_counts_stamp_insert
CREATE TRIGGER report_counts_stamp_insert AFTER INSERT ON report_counts REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_counts_restamp();

-- trigger report_counts.report_counts_stamp_truncate
CREATE TRIGGER report_counts_stamp_truncate AFTER TRUNCATE ON report_counts FOR EACH STATEMENT EXECUTE FUNCTION report_cells_truncated();

-- trigger report_counts.report_counts_stamp_update_new
CREATE TRIGGER report_counts_stamp_update_new AFTER UPDATE ON report_counts REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_counts_restamp();

-- trigger report_counts.report_counts_stamp_update_old
CREATE TRIGGER report_counts_stamp_update_old AFTER UPDATE ON report_counts REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_counts_restamp();

-- trigger report_org_values.report_org_values_stamp_delete
CREATE TRIGGER report_org_values_stamp_delete AFTER DELETE ON report_org_values REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_org_values_restamp();

-- trigger report_org_values.report_org_values_stamp_insert
CREATE TRIGGER report_org_values_stamp_insert AFTER INSERT ON report_org_values REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_org_values_restamp();

-- trigger report_org_values.report_org_values_stamp_truncate
CREATE TRIGGER report_org_values_stamp_truncate AFTER TRUNCATE ON report_org_values FOR EACH STATEMENT EXECUTE FUNCTION report_cells_truncated();

-- trigger report_org_values.report_org_values_stamp_update_new
CREATE TRIGGER report_org_values_stamp_update_new AFTER UPDATE ON report_org_values REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_org_values_restamp();

-- trigger report_org_values.report_org_values_stamp_update_old
CREATE TRIGGER report_org_values_stamp_update_old AFTER UPDATE ON report_org_values REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_org_values_restamp();

-- trigger requests.requests_report_delta
CREATE TRIGGER requests_report_delta AFTER INSERT OR DELETE ON requests FOR EACH ROW EXECUTE FUNCTION report_requests_delta();

-- trigger requests.requests_report_delta_update
CREATE TRIGGER requests_report_delta_update AFTER UPDATE ON requests FOR EACH ROW WHEN (old.created_at IS DISTINCT FROM new.created_at OR old.resolved_at IS DISTINCT FROM new.resolved_at OR old.region_code IS DISTINCT FROM new.region_code OR old.country_code IS DISTINCT FROM new.country_code OR old.area_code IS DISTINCT FROM new.area_code OR old.status IS DISTINCT FROM new.status OR old.assignee_id IS DISTINCT FROM new.assignee_id OR old.organization_id IS DISTINCT FROM new.organization_id OR old.breached IS DISTINCT FROM new.breached OR old.satisfaction_score IS DISTINCT FROM new.satisfaction_score OR old.first_responded_at IS DISTINCT FROM new.first_responded_at OR old.first_response_due_at IS DISTINCT FROM new.first_response_due_at OR old.resolution_due_at IS DISTINCT FROM new.resolution_due_at) EXECUTE FUNCTION report_requests_delta();

-- trigger requests.requests_report_truncate
CREATE TRIGGER requests_report_truncate AFTER TRUNCATE ON requests FOR EACH STATEMENT EXECUTE FUNCTION report_requests_truncated();
