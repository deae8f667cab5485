import { REQUEST_STATUSES, type ReportGroup, type TrendInterval } from '@portal/shared';
import type { OrganizationCells } from './organization-cells';
import { organizationRows } from './organization-cells.repository';
import type { SqlQuery, Statement } from './report-connection.repository';
import { QUALITY_FIELDS } from './quality/quality-fields';
import { cutSegments, trendPeriods } from './report-periods';
import { completeBucketedMedians, KINDS, MEDIAN_COLUMNS, type MedianPlan, planBucketMedians } from './report-buckets';

// The scripts (scripts/volume) take the runner from here with the statements.
export { clientConnection, runReportQuery } from './report-connection.repository';
export type { ReportConnection, SqlQuery, Statement } from './report-connection.repository';

/**
 * The SQL of the directors' reports, as plain functions of the report's scope, so the API
 * (reports.service.ts) and the benchmark (scripts/volume/bench-reports.mjs, from api/dist)
 * run the very same statements. They run through report-connection.repository.ts.
 *
 * Two forms of each report:
 * - `plain…`: the definition. A count over `requests`, with percentile_cont for the medians.
 * - the rollup form: whole UTC months (days, for the trend) from the rollup tables of
 *   migrations ReportIndexes, ReportSpans, ReportOrganizations and ReportHistograms
 *   (report_counts, report_values, report_hists, report_org_values, report_days),
 *   read as the fewest year, quarter and month cells that tile them, plus the pending
 *   changes in report_deltas, plus or minus the requests between the range's ends and the
 *   nearest month boundaries, read directly; aging from the open requests. Medians, in a
 *   second statement over the same snapshot (SqlQuery.followUp): the statement sends each
 *   key's cell histograms and the facts' hours, the API finds the one or two buckets holding
 *   the middle ranks and fetches those buckets' values, then reads the ranks with
 *   percentile_cont's own interpolation (report-buckets.ts, report-medians.ts). By
 *   organization (thousands of small groups, whose medians need every value) the API holds
 *   the cells in memory under stamps read in the report's snapshot, and the statement
 *   gives only what the cells do not hold (organization-cells.ts). It gives the same
 *   figures as the plain form, to the last digit (by organization the satisfaction is
 *   averaged in the API, a float8 that equals the plain form's numeric once rounded as the
 *   API rounds it).
 * The area filter has no rollup (the cells are not split by area) and uses the plain form.
 */

export interface ReportScope {
  from: Date;
  to: Date;
  region: string | null;
  area: string | null;
  /** The viewer's IANA time zone, whose weeks and months the trend counts; default UTC. */
  timeZone?: string;
}

export interface LoadQueries {
  /** One row per group: `key` and the figures (see toFigures in reports.service.ts). */
  rows: SqlQuery;
  /** One row: the figures of the whole scope. */
  totals: SqlQuery;
}

const OPEN = `('new', 'assigned', 'in_progress', 'waiting_on_member')`;

/** A request `r`'s first response and resolution by their due time (the rollup's fr_met, res_met). */
const FR_MET = (r: string) => `COALESCE(${r}.first_responded_at <= ${r}.first_response_due_at, false)`;
const RES_MET = (r: string) => `COALESCE(${r}.resolved_at <= ${r}.resolution_due_at, false)`;

/**
 * Run before each report statement, in its transaction: enough memory for the sorts and
 * hashes to stay off disk, no JIT compilation (it costs more than these queries take), and
 * a limit past which a report gives up rather than hold its connection (the plain form over
 * three years takes ~3 s on this machine).
 */
export const REPORT_SETTINGS = `SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true), set_config('statement_timeout', '60s', true)`;

/**
 * How each grouping finds its key; `product` counts a request once per product of its
 * organization. A key made from a uuid column also says how (`fromId`): grouping on the
 * uuid and making the text once per group halves the cost of grouping on the text.
 */
const GROUP_KEYS: Record<ReportGroup, { key: string; join: string; id?: string; fromId?: (id: string) => string }> = {
  region: { key: 'r.region_code', join: '' },
  country: { key: 'r.country_code', join: '' },
  area: { key: 'r.area_code', join: '' },
  assignee: {
    key: `COALESCE(r.assignee_id::text, 'none')`,
    join: '',
    id: 'r.assignee_id',
    fromId: (id) => `COALESCE(${id}::text, 'none')`,
  },
  status: { key: 'r.status', join: '' },
  organization: { key: 'r.organization_id::text', join: '', id: 'r.organization_id', fromId: (id) => `${id}::text` },
  product: {
    key: 'p.product',
    join: 'JOIN organizations o ON o.id = r.organization_id CROSS JOIN LATERAL unnest(o.products) AS p(product)',
  },
};

/** The aging buckets of open requests, relative to now(): the same conditions in both forms. */
const AGING_SQL = `
  count(*) FILTER (WHERE r.status IN ${OPEN} AND r.created_at > now() - interval '3 days')::int AS d0_2,
  count(*) FILTER (WHERE r.status IN ${OPEN} AND r.created_at <= now() - interval '3 days' AND r.created_at > now() - interval '8 days')::int AS d3_7,
  count(*) FILTER (WHERE r.status IN ${OPEN} AND r.created_at <= now() - interval '8 days' AND r.created_at > now() - interval '31 days')::int AS d8_30,
  count(*) FILTER (WHERE r.status IN ${OPEN} AND r.created_at <= now() - interval '31 days')::int AS d31_plus`;

const AGING_COLUMNS = ['d0_2', 'd3_7', 'd8_30', 'd31_plus'];

/**
 * A breach not (yet) settled: a request past a deadline that is neither resolved nor closed
 * (open, or withdrawn). With the resolved and closed requests these are the ones whose
 * deadlines came due (reports.service.ts slaCompliance); few, read through the partial index
 * of migration ReportDueBreaches in the rollup form.
 */
const UNSETTLED_BREACH = `r.breached AND r.status NOT IN ('resolved', 'closed')`;

/** The figures of the load report (GET /reports/load), for whatever rows the FROM clause gives. */
const FIGURES_SQL = `
  count(*)::int AS total,
  ${REQUEST_STATUSES.map((s) => `count(*) FILTER (WHERE r.status = '${s}')::int AS "s_${s}"`).join(',\n  ')},
  count(*) FILTER (WHERE r.status IN ${OPEN})::int AS open,
  count(*) FILTER (WHERE r.breached)::int AS breached,
  count(*) FILTER (WHERE ${UNSETTLED_BREACH})::int AS breached_unsettled,
  ${AGING_SQL},
  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.first_responded_at - r.created_at) / 3600) FILTER (WHERE r.first_responded_at IS NOT NULL) AS median_first_response,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.resolved_at - r.created_at) / 3600) FILTER (WHERE r.resolved_at IS NOT NULL) AS median_resolution,
  avg(r.satisfaction_score) AS satisfaction_avg,
  count(r.satisfaction_score)::int AS score_n,
  ${[1, 2, 3, 4, 5].map((n) => `count(*) FILTER (WHERE r.satisfaction_score = ${n})::int AS score_${n}`).join(',\n  ')},
  count(r.first_responded_at)::int AS fr_n,
  count(*) FILTER (WHERE ${FR_MET('r')})::int AS fr_met,
  count(*) FILTER (WHERE ${RES_MET('r')})::int AS res_met`;

function scopeWhere(scope: ReportScope, params: unknown[], column = 'r.created_at'): string {
  params.push(scope.from, scope.to);
  const conditions = [`${column} >= $${params.length - 1}`, `${column} < $${params.length}`];
  if (scope.region) {
    params.push(scope.region);
    conditions.push(`r.region_code = $${params.length}`);
  }
  if (scope.area) {
    params.push(scope.area);
    conditions.push(`r.area_code = $${params.length}`);
  }
  return conditions.join(' AND ');
}

/** The load report as a plain count over requests (the definition, and the benchmark's baseline). */
export function plainLoadQueries(groupBy: ReportGroup, scope: ReportScope): LoadQueries {
  const group = GROUP_KEYS[groupBy];
  const values: unknown[] = [];
  const where = scopeWhere(scope, values);
  return {
    rows: {
      text: `SELECT ${group.key} AS key, ${FIGURES_SQL} FROM requests r ${group.join} WHERE ${where} GROUP BY 1`,
      values,
    },
    totals: { text: `SELECT ${FIGURES_SQL} FROM requests r WHERE ${where}`, values },
  };
}

/**
 * The trend's periods in the viewer's time zone (report-periods.ts), as a CTE `periods`
 * (label, i) over the parameters it adds to `values`; `periodOf(instant)` gives an instant's
 * period number i, by a binary search in the periods' starts (width_bucket), not a join.
 */
function trendPeriodsSql(
  interval: TrendInterval,
  scope: ReportScope,
  values: unknown[],
): { cte: string; periodOf: (at: string) => string } {
  const periods = trendPeriods(interval, scope.from, scope.to, scope.timeZone ?? 'UTC');
  values.push(periods.labels, periods.starts);
  const [labels, starts] = [`$${values.length - 1}::text[]`, `$${values.length}::timestamptz[]`];
  return {
    cte: `periods AS (SELECT * FROM unnest(${labels}) WITH ORDINALITY AS p(label, i))`,
    periodOf: (at) => `width_bucket(${at}, ${starts})`,
  };
}

/** The trend's rows: each period's label (its first day) and counts, from `created` and `resolved` (i, n). */
const TREND_SELECT = `
       SELECT p.label AS period, COALESCE(c.n, 0)::int AS created, COALESCE(s.n, 0)::int AS resolved
       FROM periods p LEFT JOIN created c ON c.i = p.i LEFT JOIN resolved s ON s.i = p.i
       ORDER BY p.i`;

/** The trend as a plain count over requests, in the viewer's weeks or months. */
export function plainTrendQuery(interval: TrendInterval, scope: ReportScope): SqlQuery {
  const values: unknown[] = [];
  const createdWhere = scopeWhere(scope, values);
  const resolvedWhere = scopeWhere(scope, values, 'r.resolved_at');
  const { cte, periodOf } = trendPeriodsSql(interval, scope, values);
  const counted = (column: string, where: string) =>
    `SELECT ${periodOf(`r.${column}`)} AS i, count(*) AS n FROM requests r WHERE ${where} GROUP BY 1`;
  return {
    text: `WITH ${cte},
       created AS (${counted('created_at', createdWhere)}),
       resolved AS (${counted('resolved_at', resolvedWhere)})${TREND_SELECT}`,
    values,
  };
}

// ── The rollup form ──────────────────────────────────────────────────────────────────

/** The rollup's grouping ("dim") for each report grouping. */
const DIMS: Record<ReportGroup, string> = {
  region: 'region',
  country: 'country',
  area: 'area',
  assignee: 'assignee',
  status: 'status',
  product: 'product',
  organization: 'organization',
};

const DAY_MS = 86_400_000;

function startOfUtcMonth(date: Date, offset = 0): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1));
}

function startOfUtcDay(date: Date): Date {
  return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
}

/**
 * Splits [from, to) into whole periods [lo, hi) read from the rollup and the ends
 * [from, lo) and [hi, to) read from requests; lo = hi = to when no whole period fits.
 */
function split(from: Date, to: Date, ceil: (d: Date) => Date, floor: (d: Date) => Date): { lo: Date; hi: Date } {
  const lo = ceil(from);
  const hi = floor(to);
  return lo < hi ? { lo, hi } : { lo: to, hi: to };
}

const ceilMonth = (d: Date) => (startOfUtcMonth(d).getTime() === d.getTime() ? d : startOfUtcMonth(d, 1));

/**
 * The whole months [lo, hi) a load report reads from the rollup, chosen so that the fewest
 * requests are left to read directly: each end rounds to the nearer month boundary, the
 * requests between it and the range's end then added (inside the range) or taken away
 * (outside it). A range ending now rounds up: the rest of the month holds no requests yet.
 * lo = hi = to when no whole month is worth it: all read directly.
 */
function monthsAround(from: Date, to: Date): { lo: Date; hi: Date } {
  const nearer = (d: Date, upward: boolean) => {
    const down = startOfUtcMonth(d);
    const up = ceilMonth(d);
    return upward || up.getTime() - d.getTime() < d.getTime() - down.getTime() ? up : down;
  };
  const lo = nearer(from, false);
  // No request is filed after now: the cells stop at the end of this month, however far the range goes.
  const hi = new Date(
    Math.min(nearer(to, to.getTime() >= Date.now() - 60_000).getTime(), startOfUtcMonth(new Date(), 1).getTime()),
  );
  return lo < hi ? { lo, hi } : { lo: to, hi: to };
}
const ceilDay = (d: Date) =>
  startOfUtcDay(d).getTime() === d.getTime() ? d : new Date(startOfUtcDay(d).getTime() + DAY_MS);
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The fewest rollup cells that tile the whole months [lo, hi): a year where a calendar year
 * fits, else a quarter where a calendar quarter fits, else a month (migration ReportSpans).
 * Parallel arrays, handed to the query as `unnest($5::smallint[], $6::date[])`.
 */
export function cellsOf(lo: Date, hi: Date): { spans: number[]; months: string[] } {
  const spans: number[] = [];
  const months: string[] = [];
  for (let month = lo; month < hi;) {
    const span = [12, 3].find((n) => month.getUTCMonth() % n === 0 && startOfUtcMonth(month, n) <= hi) ?? 1;
    spans.push(span);
    months.push(isoDate(month));
    month = startOfUtcMonth(month, span);
  }
  return { spans, months };
}

/** Figures from one source of facts: signed (deltas: −1/+1) or plain rows (+1). */
const FACT_SUMS = `
  ${REQUEST_STATUSES.map((s) => `sum(f.w) FILTER (WHERE f.status = '${s}') AS "s_${s}"`).join(',\n  ')},
  sum(f.w) FILTER (WHERE f.breached) AS breached,
  sum(f.w * f.satisfaction_score) AS score_sum,
  sum(f.w) FILTER (WHERE f.satisfaction_score IS NOT NULL) AS score_n,
  ${[1, 2, 3, 4, 5].map((n) => `sum(f.w) FILTER (WHERE f.satisfaction_score = ${n}) AS score_${n}`).join(',\n  ')},
  sum(f.w) FILTER (WHERE f.fr IS NOT NULL) AS fr_n,
  sum(f.w) FILTER (WHERE f.fr_met) AS fr_met,
  sum(f.w) FILTER (WHERE f.res_met) AS res_met`;

const CELL_SUMS = `
  ${REQUEST_STATUSES.map((s) => `sum(c.n_${s}) AS "s_${s}"`).join(',\n  ')},
  sum(c.breached) AS breached,
  sum(c.score_sum) AS score_sum,
  sum(c.score_n) AS score_n,
  ${QUALITY_FIELDS.map((field) => `sum(c.${field}) AS ${field}`).join(',\n  ')}`;

/**
 * The load figures of one grouping (or of the whole scope: `totals`) from the rollup. `$1`
 * from, `$2` to, `$3`/`$4` the whole months [lo, hi) as instants, `$5`/`$6` the cells that tile them (cellsOf),
 * `$7` the rollup dim, then the region when the scope has one. By organization the
 * statement reads no cell (`organizationCells` holds them): `$1`–`$4`, then the region.
 */
function rollupLoadQuery(
  groupBy: ReportGroup | null,
  scope: ReportScope,
  organizationCells: OrganizationCells,
): SqlQuery {
  const { lo, hi } = monthsAround(scope.from, scope.to);
  const dim = groupBy ? DIMS[groupBy] : 'region';
  const cells = cellsOf(lo, hi);
  // By organization the statement reads no cells (the API holds them: organization-cells.ts).
  const byOrganization = groupBy === 'organization';
  const values: unknown[] = byOrganization
    ? [scope.from, scope.to, lo, hi]
    : [scope.from, scope.to, lo, hi, cells.spans, cells.months, dim];
  let regionOf = (_alias: string) => '';
  if (scope.region) {
    values.push(scope.region);
    const region = `$${values.length}`;
    regionOf = (alias) => ` AND ${alias}.region_code = ${region}`;
  }
  // The key of a fact (f), of a cell (c), of a request (r).
  const factKey = !groupBy
    ? `'all'`
    : groupBy === 'product'
      ? 'p.product'
      : GROUP_KEYS[groupBy].key.replace(/\br\./g, 'f.');
  const productJoin = groupBy === 'product' ? 'CROSS JOIN LATERAL unnest(f.products) AS p(product)' : '';
  const cellKey = groupBy ? 'c.key' : `'all'`;
  const requestKey = groupBy ? GROUP_KEYS[groupBy].key : `'all'`;
  const requestJoin = groupBy ? GROUP_KEYS[groupBy].join : '';
  const products =
    groupBy === 'product' ? '(SELECT o.products FROM organizations o WHERE o.id = r.organization_id)' : 'NULL::text[]';
  const rawFacts = (sign: 1 | -1, range: string) => `
      SELECT ${sign} AS w, r.status, r.region_code, r.country_code, r.area_code, r.assignee_id, r.organization_id, ${products} AS products,
             r.breached, r.satisfaction_score, report_hours(r.created_at, r.first_responded_at) AS fr, report_hours(r.created_at, r.resolved_at) AS res,
             ${FR_MET('r')} AS fr_met, ${RES_MET('r')} AS res_met
      FROM requests r WHERE ${range}${regionOf('r')}`;
  const scale = `report_scale($7)`;
  // Per key and kind: the cells' histograms (report_hists, migration ReportHistograms;
  // each cell read through its key, OFFSET 0 keeping the subquery per cell) and the facts'
  // (bucket, ±1, hours), packed for the API to find the middle buckets (report-buckets.ts).
  const BUCKETED_MEDIANS = `    hists AS (
      SELECT ${cellKey} AS key, c.kind, string_agg(c.hist, ''::bytea) AS hist
      FROM cells cell CROSS JOIN LATERAL (
        SELECT c.key, c.kind, c.hist FROM report_hists c WHERE c.dim = $7 AND c.span = cell.span AND c.month = cell.month${regionOf('c')} OFFSET 0
      ) c
      GROUP BY 1, 2
    ),
    fact_values AS (
      SELECT key, kind, string_agg(int4send(bucket) || int4send(w) || float8send(v), ''::bytea) AS facts FROM keyed_values GROUP BY 1, 2
    ),
    medians AS (
      SELECT k.key, ${KINDS.map((kind) => `encode(${kind}_h.hist, 'base64') AS ${kind}_hist, encode(${kind}_f.facts, 'base64') AS ${kind}_facts`).join(', ')}
      FROM (SELECT key FROM hists UNION SELECT key FROM fact_values) k
      ${KINDS.map((kind) => `LEFT JOIN hists ${kind}_h ON ${kind}_h.key = k.key AND ${kind}_h.kind = '${kind}' LEFT JOIN fact_values ${kind}_f ON ${kind}_f.key = k.key AND ${kind}_f.kind = '${kind}'`).join('\n      ')}
    ),
`;
  // The cells that tile the whole months, and the facts: pending changes and the ends.
  const cellsAndFacts = `
    WITH ${byOrganization ? '' : 'cells AS (SELECT * FROM unnest($5::smallint[], $6::date[]) AS s(span, month)),'}
    facts AS (
      SELECT d.sign::int AS w, d.status, d.region_code, d.country_code, d.area_code, d.assignee_id, d.organization_id, d.products,
             d.breached, d.satisfaction_score, d.first_response_hours AS fr, d.resolution_hours AS res, d.fr_met, d.res_met
      FROM report_deltas d WHERE d.created_at >= $3 AND d.created_at < $4${regionOf('d')}
      -- The ends: what the range has beyond the whole months (+1), what the months have beyond the range (−1).
      ${lo > scope.from ? `UNION ALL ${rawFacts(1, 'r.created_at >= $1 AND r.created_at < $3')}` : ''}
      ${lo < scope.from ? `UNION ALL ${rawFacts(-1, 'r.created_at >= $3 AND r.created_at < $1')}` : ''}
      ${hi < scope.to ? `UNION ALL ${rawFacts(1, 'r.created_at >= $4 AND r.created_at < $2')}` : ''}
      ${hi > scope.to ? `UNION ALL ${rawFacts(-1, 'r.created_at >= $2 AND r.created_at < $4')}` : ''}
    ),
    keyed AS (SELECT ${factKey} AS key, f.* FROM facts f ${productJoin})`;
  // The open requests' ages, per key.
  const aging =
    groupBy === 'product'
      ? `
      -- Per organization first (an index-only scan), then per product of each: joining every
      -- open request to its organization's products cost five times as much.
      SELECT p.product AS key, ${AGING_COLUMNS.map((c) => `sum(a.${c})::int AS ${c}`).join(', ')} FROM (
        SELECT r.organization_id AS id, ${AGING_SQL}
        FROM requests r
        WHERE r.status IN ${OPEN} AND r.created_at >= $1 AND r.created_at < $2${regionOf('r')}
        GROUP BY 1
      ) a JOIN organizations o ON o.id = a.id CROSS JOIN LATERAL unnest(o.products) AS p(product)
      GROUP BY 1`
      : groupBy && GROUP_KEYS[groupBy].fromId
        ? `
      SELECT ${GROUP_KEYS[groupBy].fromId('a.id')} AS key, a.* FROM (
        SELECT ${GROUP_KEYS[groupBy].id} AS id, ${AGING_SQL}
        FROM requests r
        WHERE r.status IN ${OPEN} AND r.created_at >= $1 AND r.created_at < $2${regionOf('r')}
        GROUP BY 1
      ) a`
        : `
      SELECT ${requestKey} AS key, ${AGING_SQL}
      FROM requests r ${requestJoin}
      WHERE r.status IN ${OPEN} AND r.created_at >= $1 AND r.created_at < $2${regionOf('r')}
      GROUP BY 1`;
  // The breaches not settled, per key (few: the partial index of migration ReportDueBreaches).
  const unsettled = `unsettled AS (
      SELECT ${requestKey} AS key, count(*)::int AS breached_unsettled
      FROM requests r ${requestJoin}
      WHERE ${UNSETTLED_BREACH} AND r.created_at >= $1 AND r.created_at < $2${regionOf('r')}
      GROUP BY 1
    )`;
  if (byOrganization) {
    // What the cells do not hold, per organization: the facts' sums and hours (±), and the aging.
    const facts = `${cellsAndFacts},
    sums AS (
      SELECT key, ${FACT_SUMS},
        ${KINDS.map((kind) => `string_agg(float8send(${kind}), ''::bytea) FILTER (WHERE w > 0 AND ${kind} IS NOT NULL) AS ${kind}_plus, string_agg(float8send(${kind}), ''::bytea) FILTER (WHERE w < 0 AND ${kind} IS NOT NULL) AS ${kind}_minus`).join(',\n        ')}
      FROM keyed f GROUP BY key
    ),
    aging AS (${aging}
    ),
    ${unsettled}
    SELECT COALESCE(s.key, a.key, u.key) AS key, ${REQUEST_STATUSES.map((st) => `s."s_${st}"`).join(', ')}, s.breached, s.score_sum, s.score_n,
           ${QUALITY_FIELDS.map((field) => `s.${field}`).join(', ')},
           ${KINDS.map((kind) => `s.${kind}_plus, s.${kind}_minus`).join(', ')}, ${AGING_COLUMNS.map((c) => `a.${c}`).join(', ')}, u.breached_unsettled
    FROM sums s FULL JOIN aging a ON a.key = s.key FULL JOIN unsettled u ON u.key = COALESCE(s.key, a.key)`;
    return { run: (db) => organizationRows(db, organizationCells, cells, scope.region, { text: facts, values }) };
  }
  const text = `${cellsAndFacts},
    -- The facts' hours, one row per kind, with their bucket.
    keyed_values AS (
      SELECT key, 'fr' AS kind, report_bucket(fr, ${scale}) AS bucket, fr AS v, w FROM keyed WHERE fr IS NOT NULL
      UNION ALL SELECT key, 'res', report_bucket(res, ${scale}), res, w FROM keyed WHERE res IS NOT NULL
    ),
    sums AS (
      SELECT key, ${FACT_SUMS} FROM keyed f GROUP BY key
      UNION ALL
      SELECT ${cellKey} AS key, ${CELL_SUMS}
      FROM cells cell CROSS JOIN LATERAL (
        SELECT * FROM report_counts c WHERE c.dim = $7 AND c.span = cell.span AND c.month = cell.month${regionOf('c')} OFFSET 0
      ) c GROUP BY 1
    ),
    counts AS (
      SELECT key, ${REQUEST_STATUSES.map((s) => `COALESCE(sum("s_${s}"), 0)::int AS "s_${s}"`).join(', ')},
             COALESCE(sum(breached), 0)::int AS breached, COALESCE(sum(score_sum), 0) AS score_sum, COALESCE(sum(score_n), 0) AS score_n,
             ${QUALITY_FIELDS.map((field) => `COALESCE(sum(${field}), 0)::int AS ${field}`).join(', ')}
      FROM sums GROUP BY key
    ),
${BUCKETED_MEDIANS}    aging AS (${aging}
    ),
    ${unsettled}
    SELECT ${groupBy ? 'c.key, ' : ''}
           (${REQUEST_STATUSES.map((s) => `c."s_${s}"`).join(' + ')})::int AS total,
           ${REQUEST_STATUSES.map((s) => `c."s_${s}"`).join(', ')},
           (c.s_new + c.s_assigned + c.s_in_progress + c.s_waiting_on_member)::int AS open,
           c.breached, COALESCE(u.breached_unsettled, 0)::int AS breached_unsettled,
           COALESCE(a.d0_2, 0)::int AS d0_2, COALESCE(a.d3_7, 0)::int AS d3_7, COALESCE(a.d8_30, 0)::int AS d8_30, COALESCE(a.d31_plus, 0)::int AS d31_plus,
           NULL::double precision AS median_first_response, NULL::double precision AS median_resolution,
           CASE WHEN c.score_n > 0 THEN c.score_sum::numeric / c.score_n::numeric END AS satisfaction_avg,
           c.score_n::int AS score_n, ${QUALITY_FIELDS.map((field) => `c.${field}`).join(', ')}
           ${MEDIAN_COLUMNS.map((column) => `, m.${column}`).join('')}
    FROM ${groupBy ? 'counts c' : `(SELECT 'all' AS key) k LEFT JOIN counts c0 ON c0.key = k.key CROSS JOIN LATERAL (SELECT ${REQUEST_STATUSES.map((s) => `COALESCE(c0."s_${s}", 0) AS "s_${s}"`).join(', ')}, COALESCE(c0.breached, 0) AS breached, COALESCE(c0.score_sum, 0) AS score_sum, COALESCE(c0.score_n, 0) AS score_n, ${QUALITY_FIELDS.map((field) => `COALESCE(c0.${field}, 0) AS ${field}`).join(', ')}) c`}
    LEFT JOIN aging a ON a.key = ${groupBy ? 'c.key' : 'k.key'}
    LEFT JOIN unsettled u ON u.key = ${groupBy ? 'c.key' : 'k.key'}
    LEFT JOIN medians m ON m.key = ${groupBy ? 'c.key' : 'k.key'}
    ${groupBy ? `WHERE (${REQUEST_STATUSES.map((s) => `c."s_${s}"`).join(' + ')}) <> 0` : ''}`;
  // The target buckets' values, from the cells of the same range and scope.
  const targetValues = (plans: MedianPlan[]): Statement | null => {
    const targets = plans.flatMap((plan) => plan.buckets.map((bucket) => [plan.key, plan.kind, bucket] as const));
    if (targets.length === 0) return null;
    const followValues: unknown[] = [
      cells.spans,
      cells.months,
      dim,
      targets.map((t) => t[0]),
      targets.map((t) => t[1]),
      targets.map((t) => t[2]),
    ];
    let region = '';
    if (scope.region) {
      followValues.push(scope.region);
      region = ` AND c.region_code = $${followValues.length}`;
    }
    return {
      text: `
        WITH cells AS (SELECT * FROM unnest($1::smallint[], $2::date[]) AS s(span, month)),
        targets AS (SELECT * FROM unnest($4::text[], $5::text[], $6::int[]) AS t(key, kind, bucket))
        SELECT t.key, t.kind, encode(string_agg(array_send(c.vals), ''::bytea), 'base64') AS cells
        FROM targets t CROSS JOIN cells cell CROSS JOIN LATERAL (
          SELECT c.vals FROM report_values c
          WHERE c.dim = $3 AND c.kind = t.kind AND c.bucket = t.bucket ${groupBy ? 'AND c.key = t.key' : ''}
            AND c.span = cell.span AND c.month = cell.month${region} OFFSET 0
        ) c
        GROUP BY 1, 2`,
      values: followValues,
    };
  };
  // The plans made for the second statement, kept for reading its rows (made again if not).
  const plansOf = new WeakMap<Record<string, unknown>[], MedianPlan[]>();
  const plan = (rows: Record<string, unknown>[]) =>
    plansOf.get(rows) ?? plansOf.set(rows, planBucketMedians(rows)).get(rows)!;
  return {
    text,
    values,
    followUp: (rows) => targetValues(plan(rows)),
    complete: (rows, second) => completeBucketedMedians(rows, plan(rows), second ?? null),
  };
}

/** The load report's statements: from the rollup, or plain when filtered by area. */
export function loadQueries(
  groupBy: ReportGroup,
  scope: ReportScope,
  organizationCells: OrganizationCells,
): LoadQueries {
  if (scope.area) return plainLoadQueries(groupBy, scope);
  return {
    rows: rollupLoadQuery(groupBy, scope, organizationCells),
    totals: rollupLoadQuery(null, scope, organizationCells),
  };
}

/**
 * The trend: whole UTC days from report_days and the pending deltas, the partial days at the
 * range's ends from requests; each count in the viewer's week or month (width_bucket over the
 * periods' starts). A whole UTC day counts in the period of its noon; where a period boundary
 * cuts a day (a zone whose midnight is not UTC's), the requests on the far side of the
 * boundary are moved to their own period (cutSegments: Lima's 00:00–05:00 UTC each week).
 */
export function trendQuery(interval: TrendInterval, scope: ReportScope): SqlQuery {
  const { lo, hi } = split(scope.from, scope.to, ceilDay, startOfUtcDay);
  const values: unknown[] = [scope.from, scope.to, lo, hi, isoDate(lo), isoDate(hi)];
  const { cte, periodOf } = trendPeriodsSql(interval, scope, values);
  const cut = cutSegments(trendPeriods(interval, scope.from, scope.to, scope.timeZone ?? 'UTC'), lo, hi);
  values.push(cut.lo, cut.hi, cut.noon);
  const [cutLo, cutHi, cutNoon] = [3, 2, 1].map((back) => `$${values.length - back + 1}::timestamptz[]`);
  let filters = (_alias: string) => '';
  const conditions: string[] = [];
  if (scope.region) {
    values.push(scope.region);
    conditions.push(`region_code = $${values.length}`);
  }
  if (scope.area) {
    values.push(scope.area);
    conditions.push(`area_code = $${values.length}`);
  }
  if (conditions.length) filters = (alias) => conditions.map((c) => ` AND ${alias}.${c}`).join('');
  // A UTC day's cell, and its pending changes, count in the period of the day's noon (cutSegments).
  const noonOf = (at: string) =>
    `date_bin('24 hours', ${at}, timestamptz '1970-01-01 00:00:00+00') + interval '12 hours'`;
  const counted = (column: 'created_at' | 'resolved_at', cells: 'created_n' | 'resolved_n') => `
      SELECT ${periodOf(`(c.day::timestamp AT TIME ZONE 'UTC') + interval '12 hours'`)} AS i, sum(c.${cells}) AS n
      FROM report_days c WHERE c.day >= $5::date AND c.day < $6::date${filters('c')} GROUP BY 1
      UNION ALL
      SELECT ${periodOf(noonOf(`d.${column}`))}, sum(d.sign)
      FROM report_deltas d WHERE d.${column} >= $3 AND d.${column} < $4${filters('d')} GROUP BY 1
      UNION ALL
      -- The cut days' hours across their boundary: from the noon's period to their own.
      SELECT v.i, sum(v.w)
      -- Each segment through the index (OFFSET 0 keeps the subquery per segment: joined, the
      -- planner scanned a region's every resolved request against the 52 segments, 4 s).
      FROM unnest(${cutLo}, ${cutHi}, ${cutNoon}) AS s(lo, hi, noon)
      CROSS JOIN LATERAL (
        SELECT r.${column} FROM requests r WHERE r.${column} >= s.lo AND r.${column} < s.hi${filters('r')} OFFSET 0
      ) r
      CROSS JOIN LATERAL (VALUES (${periodOf(`r.${column}`)}, 1), (${periodOf('s.noon')}, -1)) AS v(i, w)
      GROUP BY 1
      UNION ALL
      SELECT ${periodOf(`r.${column}`)}, count(*)
      FROM requests r WHERE r.${column} >= $1 AND r.${column} < $3${filters('r')} GROUP BY 1
      UNION ALL
      SELECT ${periodOf(`r.${column}`)}, count(*)
      FROM requests r WHERE r.${column} >= $4 AND r.${column} < $2${filters('r')} GROUP BY 1`;
  return {
    text: `WITH ${cte},
       created AS (SELECT i, sum(n) AS n FROM (${counted('created_at', 'created_n')}) x GROUP BY 1),
       resolved AS (SELECT i, sum(n) AS n FROM (${counted('resolved_at', 'resolved_n')}) x GROUP BY 1)${TREND_SELECT}`,
    values,
  };
}
