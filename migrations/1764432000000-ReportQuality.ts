import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The quality report's figures in the report rollup (GET /reports/quality, report-sql.ts): per
 * cell and key, how many ratings of each score (score_1 … score_5), how many requests had a
 * first response (fr_n) and how many had it and their resolution by the due time (fr_met, res_met). With the
 * counts the rollup held already (statuses, breaches, the scores' sum and count, the hours'
 * histograms for the medians), the quality report reads the same cells as the load report,
 * so it is as fast on a million requests.
 *
 * The changes log carries the two "met" facts (report_deltas.fr_met, res_met); the update
 * trigger now also fires when a due time moves (an SLA pause shifts them). The build
 * functions are redefined with the new columns (current text: api/src/reports/sql/
 * current-definitions.sql), and the rollup is built again so existing cells have them.
 */

/** A request `r`'s facts the quality report counts: first response and resolution by their due time. */
const FR_MET = (r: string) => `COALESCE(${r}.first_responded_at <= ${r}.first_response_due_at, false)`;
const RES_MET = (r: string) => `COALESCE(${r}.resolved_at <= ${r}.resolution_due_at, false)`;

const SCORES = [1, 2, 3, 4, 5];
const QUALITY_LIST = [...SCORES.map((s) => `score_${s}`), 'fr_n', 'fr_met', 'res_met'];
const QUALITY_COLUMNS = QUALITY_LIST.join(', ');
/** The quality columns' counts over rows with satisfaction_score, and the conditions of fr_n, fr_met and res_met. */
const qualityCounts = (responded: string, frMet: string, resMet: string) =>
  `${SCORES.map((s) => `count(*) FILTER (WHERE satisfaction_score = ${s})`).join(', ')}, count(*) FILTER (WHERE ${responded}), count(*) FILTER (WHERE ${frMet}), count(*) FILTER (WHERE ${resMet})`;

const STATUS_COUNTS = (x: string) =>
  `count(*) FILTER (WHERE ${x}status = 'new'), count(*) FILTER (WHERE ${x}status = 'assigned'), count(*) FILTER (WHERE ${x}status = 'in_progress'),
                 count(*) FILTER (WHERE ${x}status = 'waiting_on_member'), count(*) FILTER (WHERE ${x}status = 'resolved'), count(*) FILTER (WHERE ${x}status = 'closed'),
                 count(*) FILTER (WHERE ${x}status = 'withdrawn'), count(*) FILTER (WHERE ${x}breached), COALESCE(sum(${x}satisfaction_score), 0), count(${x}satisfaction_score)`;

const countColumns = (q: boolean) =>
  `n_new, n_assigned, n_in_progress, n_waiting_on_member, n_resolved, n_closed, n_withdrawn, breached, score_sum, score_n${q ? `, ${QUALITY_COLUMNS}` : ''}`;

/** The requests of the months (all when `all`), one row per grouping ("dim") and key. */
function dimFacts(all: boolean): string {
  const source = all
    ? `SELECT date_trunc('month', r.created_at AT TIME ZONE 'UTC')::date AS month, r.region_code, d.dim, d.key, r.status, r.breached, r.satisfaction_score,
                 report_hours(r.created_at, r.first_responded_at) AS fr, report_hours(r.created_at, r.resolved_at) AS res, ${FR_MET('r')} AS fr_met, ${RES_MET('r')} AS res_met
          FROM requests r`
    : `SELECT m.month AS month, r.region_code, d.dim, d.key, r.status, r.breached, r.satisfaction_score,
                 report_hours(r.created_at, r.first_responded_at) AS fr, report_hours(r.created_at, r.resolved_at) AS res, ${FR_MET('r')} AS fr_met, ${RES_MET('r')} AS res_met
          FROM unnest(p_months) m(month) JOIN requests r
               ON r.created_at >= m.month::timestamp AT TIME ZONE 'UTC' AND r.created_at < (m.month + interval '1 month') AT TIME ZONE 'UTC'`;
  return `${source}
          JOIN organizations o ON o.id = r.organization_id
          CROSS JOIN LATERAL (
            VALUES ('region', r.region_code), ('country', r.country_code), ('area', r.area_code), ('status', r.status),
                   ('assignee', COALESCE(r.assignee_id::text, 'none'))
            UNION ALL SELECT 'product', p FROM unnest(o.products) p
          ) d(dim, key)`;
}

function dimInserts(all: boolean, q: boolean): string {
  return `
        INSERT INTO report_counts (dim, month, region_code, key, ${countColumns(q)})
          SELECT dim, month, region_code, key,
                 ${STATUS_COUNTS('')}${
                   q
                     ? `,
                 ${qualityCounts('fr IS NOT NULL', 'fr_met', 'res_met')}`
                     : ''
                 }
          FROM (
          ${dimFacts(all)}) f GROUP BY dim, month, region_code, key;
        INSERT INTO report_values (dim, month, region_code, key, kind, bucket, n, vals)
          SELECT f.dim, f.month, f.region_code, f.key, v.kind, report_bucket(v.hours, report_scale(f.dim)), count(*), array_agg(v.hours)
          FROM (
          ${dimFacts(all)}) f CROSS JOIN LATERAL (VALUES ('fr', f.fr), ('res', f.res)) v(kind, hours)
          WHERE v.hours IS NOT NULL
          GROUP BY 1, 2, 3, 4, 5, 6;`;
}

const buildDimMonths = (q: boolean) => `
      CREATE OR REPLACE FUNCTION report_rollup_build_dim_months(p_months date[]) RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        IF p_months IS NULL THEN
          DELETE FROM report_counts;
          DELETE FROM report_values;
${dimInserts(true, q)}
        ELSE
          DELETE FROM report_counts WHERE month = ANY (p_months);
          DELETE FROM report_values WHERE month = ANY (p_months);
${dimInserts(false, q)}
        END IF;
      END $fn$`;

/** The organizations' counts of the months (all when `all`); their hours are unchanged (report_org_values). */
function organizationCounts(all: boolean, q: boolean): string {
  return `
          INSERT INTO report_counts (dim, month, region_code, key, ${countColumns(q)})
            SELECT 'organization', m.month, r.region_code, r.organization_id::text,
                   ${STATUS_COUNTS('r.')}${
                     q
                       ? `,
                   ${qualityCounts('r.first_responded_at IS NOT NULL', FR_MET('r'), RES_MET('r'))}`
                       : ''
                   }
            ${
              all
                ? `FROM requests r CROSS JOIN LATERAL (SELECT date_trunc('month', r.created_at AT TIME ZONE 'UTC')::date AS month) m`
                : `FROM unnest(p_months) m(month) JOIN requests r
                     ON r.created_at >= m.month::timestamp AT TIME ZONE 'UTC' AND r.created_at < (m.month + interval '1 month') AT TIME ZONE 'UTC'`
            }
            GROUP BY 2, 3, 4;`;
}

function organizationHours(all: boolean): string {
  return `
          INSERT INTO report_org_values (span, month, region_code, key, fr, res)
            SELECT 1, m.month, r.region_code, r.organization_id::text,
                   COALESCE(string_agg(float8send(report_hours(r.created_at, r.first_responded_at)), ''::bytea), ''::bytea),
                   COALESCE(string_agg(float8send(report_hours(r.created_at, r.resolved_at)), ''::bytea), ''::bytea)
            ${
              all
                ? `FROM requests r CROSS JOIN LATERAL (SELECT date_trunc('month', r.created_at AT TIME ZONE 'UTC')::date AS month) m`
                : `FROM unnest(p_months) m(month) JOIN requests r
                     ON r.created_at >= m.month::timestamp AT TIME ZONE 'UTC' AND r.created_at < (m.month + interval '1 month') AT TIME ZONE 'UTC'`
            }
            GROUP BY 2, 3, 4;`;
}

const buildOrganizationMonths = (q: boolean) => `
      CREATE OR REPLACE FUNCTION report_rollup_build_organization_months(p_months date[]) RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        IF p_months IS NULL THEN
          DELETE FROM report_counts WHERE dim = 'organization';
          DELETE FROM report_org_values;
${organizationCounts(true, q)}${organizationHours(true)}
        ELSE
          DELETE FROM report_counts WHERE dim = 'organization' AND month = ANY (p_months);
          DELETE FROM report_org_values WHERE month = ANY (p_months);
${organizationCounts(false, q)}${organizationHours(false)}
        END IF;
      END $fn$`;

const buildDimSpans = (q: boolean) => `
      CREATE OR REPLACE FUNCTION report_rollup_build_dim_spans(p_months date[], p_span integer) RETURNS void LANGUAGE plpgsql AS $fn$
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
        INSERT INTO report_counts (dim, span, month, region_code, key, ${countColumns(q)})
          SELECT c.dim, p_span, date_trunc(unit, c.month)::date, c.region_code, c.key,
                 sum(c.n_new)::int, sum(c.n_assigned)::int, sum(c.n_in_progress)::int, sum(c.n_waiting_on_member)::int, sum(c.n_resolved)::int, sum(c.n_closed)::int, sum(c.n_withdrawn)::int, sum(c.breached)::int, sum(c.score_sum), sum(c.score_n)::int${
                   q
                     ? `,
                 ${QUALITY_LIST.map((column) => `sum(c.${column})::int`).join(', ')}`
                     : ''
                 }
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
      END $fn$`;

const deltaColumns = (
  q: boolean,
) => `sign, created_at, resolved_at, region_code, country_code, area_code, status, assignee_id, organization_id, products,
                          breached, satisfaction_score, first_response_hours, resolution_hours${q ? ', fr_met, res_met' : ''}`;

const deltaValues = (sign: number, row: 'OLD' | 'NEW', q: boolean) => `
          INSERT INTO report_deltas (${deltaColumns(q)})
          VALUES (${sign}, ${row}.created_at, ${row}.resolved_at, ${row}.region_code, ${row}.country_code, ${row}.area_code, ${row}.status,
                  ${row}.assignee_id, ${row}.organization_id,
                  COALESCE((SELECT o.products FROM organizations o WHERE o.id = ${row}.organization_id), '{}'),
                  ${row}.breached, ${row}.satisfaction_score,
                  report_hours(${row}.created_at, ${row}.first_responded_at), report_hours(${row}.created_at, ${row}.resolved_at)${
                    q
                      ? `,
                  ${FR_MET(row)}, ${RES_MET(row)}`
                      : ''
                  });`;

const requestsDelta = (q: boolean) => `
      CREATE OR REPLACE FUNCTION report_requests_delta() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN${deltaValues(-1, 'OLD', q)}
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN${deltaValues(1, 'NEW', q)}
        END IF;
        RETURN NULL;
      END $fn$`;

const organizationsDelta = (q: boolean) => `
      CREATE OR REPLACE FUNCTION report_organizations_delta() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        INSERT INTO report_deltas (${deltaColumns(q)})
        SELECT s.sign, r.created_at, r.resolved_at, r.region_code, r.country_code, r.area_code, r.status, r.assignee_id, r.organization_id,
               CASE WHEN s.sign = -1 THEN OLD.products ELSE NEW.products END, r.breached, r.satisfaction_score,
               report_hours(r.created_at, r.first_responded_at), report_hours(r.created_at, r.resolved_at)${q ? `, ${FR_MET('r')}, ${RES_MET('r')}` : ''}
        FROM requests r CROSS JOIN (VALUES (-1), (1)) s(sign)
        WHERE r.organization_id = NEW.id;
        RETURN NULL;
      END $fn$`;

const WATCHED = [
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

const updateTrigger = (columns: string[]) => `
      CREATE TRIGGER requests_report_delta_update AFTER UPDATE ON requests FOR EACH ROW
      WHEN (${columns.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ')})
      EXECUTE FUNCTION report_requests_delta()`;

export class ReportQuality1764432000000 implements MigrationInterface {
  name = 'ReportQuality1764432000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE report_counts ${QUALITY_LIST.map((column) => `ADD COLUMN ${column} int NOT NULL DEFAULT 0`).join(
        ', ',
      )}`,
    );
    await db.query(
      `ALTER TABLE report_deltas ADD COLUMN fr_met boolean NOT NULL DEFAULT false, ADD COLUMN res_met boolean NOT NULL DEFAULT false`,
    );
    await db.query(requestsDelta(true));
    await db.query(organizationsDelta(true));
    await db.query(`DROP TRIGGER requests_report_delta_update ON requests`);
    // A moved due time changes what was met.
    await db.query(updateTrigger([...WATCHED, 'first_response_due_at', 'resolution_due_at']));
    await db.query(buildDimMonths(true));
    await db.query(buildOrganizationMonths(true));
    await db.query(buildDimSpans(true));
    // The cells built again, the new columns filled (the pending changes folded on the way).
    await db.query(`SELECT report_rollup_rebuild()`);
    // Fresh statistics: until autovacuum comes by, plans over rebuilt cells can be several times slower.
    await db.query(`ANALYZE report_counts, report_values, report_org_values, report_days, report_hists`);
    // The low-score comments listed for the directors (reports.repository.ts): the few rated 1–2, newest first.
    await db.query(`CREATE INDEX requests_low_score_idx ON requests (created_at DESC) WHERE satisfaction_score <= 2`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX requests_low_score_idx`);
    await db.query(`DROP TRIGGER requests_report_delta_update ON requests`);
    await db.query(updateTrigger(WATCHED));
    // The functions as they were before (the same text without the quality columns).
    await db.query(requestsDelta(false));
    await db.query(organizationsDelta(false));
    await db.query(buildDimMonths(false));
    await db.query(buildOrganizationMonths(false));
    await db.query(buildDimSpans(false));
    await db.query(`ALTER TABLE report_deltas DROP COLUMN fr_met, DROP COLUMN res_met`);
    await db.query(`ALTER TABLE report_counts ${QUALITY_LIST.map((column) => `DROP COLUMN ${column}`).join(', ')}`);
  }
}
