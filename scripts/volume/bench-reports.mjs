#!/usr/bin/env node
// npm run bench:reports [-- --runs 50 --baseline-runs 50 --only country,week,quality]
//
// Times every report query the API runs, on the volume database (DATABASE_URL, or
// portal_volume: npm run seed:volume first), and the plain-SQL definition as a baseline.
//
// Same SQL as the API: the statements come from api/dist's report-sql.js, the module
// reports.service.ts builds its queries with (build the API first), and run as the service
// runs them: a load report's rows, totals and the previous period's totals (the comparison)
// at once on three connections (Promise.all), each in its own transaction after
// REPORT_SETTINGS. The trend also in a zone whose weeks do not start at UTC midnight (Lima). A run's time is the wall time of the report.
// By organization the organizations' cells stay held between runs, as the API holds them
// (organization-cells.ts); the same report with none held (a fresh start) is timed too.
//
// Baseline: the plain query (plainLoadQueries/plainTrendQuery: a count over `requests` with
// percentile_cont, as the API ran it before the rollup) with the session's default settings,
// inside a transaction that first drops the indexes migration ReportIndexes added, so it
// plans against the schema as it was; rolled back afterwards. Its rows and totals run one
// after the other on that connection (the dropped indexes are visible to it alone); a run's
// time is the slower of the two, i.e. what running them at once on two idle cores would take.
//
// The quality report (GET /reports/quality) runs the load report's statements (the rollup
// gives its counts too: migration ReportQuality) and, at the same time on a third
// connection, the newest low scores (quality-report.repository.js); timed as the API runs
// the three at once. `--only quality` times only it; a grouping's name times both reports.
import { createRequire } from 'node:module';
import { LOW_SCORE_COMMENTS_MAX, QUALITY_GROUPS } from '@portal/shared';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { connect, ROOT, volumeDatabaseUrl } from './lib/database.mjs';
import { canonicalRow } from './lib/report-canon.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '50' },
    'baseline-runs': { type: 'string', default: '50' },
    only: { type: 'string' },
  },
});
const RUNS = Number(args.runs);
const BASELINE_RUNS = Number(args['baseline-runs']);
const only = args.only ? new Set(args.only.split(',')) : null;

const require = createRequire(import.meta.url);
const sql = require(join(ROOT, 'api', 'dist', 'api', 'src', 'reports', 'report-sql.js'));
const { OrganizationCells } = require(join(ROOT, 'api', 'dist', 'api', 'src', 'reports', 'organization-cells.js'));
const { lowScoresStatement } = require(
  join(ROOT, 'api', 'dist', 'api', 'src', 'reports', 'quality', 'quality-report.repository.js'),
);
// The organizations' cells as the API holds them between reports (organization-cells.ts).
const organizationCells = new OrganizationCells();
const COLD_RUNS = 5;
const ADDED_INDEXES = ['requests_report_created_idx', 'requests_report_resolved_idx', 'requests_report_open_idx'];
const GROUPS = ['region', 'country', 'area', 'assignee', 'status', 'product', 'organization'];
const DAY = 86_400_000;

const url = volumeDatabaseUrl();
const [a, b, third, p] = [await connect(url), await connect(url), await connect(url), await connect(url)];
const {
  rows: [info],
} = await a.query(
  `SELECT now() AS now, (SELECT count(*) FROM requests) AS requests, (SELECT min(created_at) FROM requests) AS first, version() AS version,
          (SELECT count(*) FROM report_deltas) AS deltas`,
);
const now = info.now;
const directorRegion = 'AND';

const cases = [];
for (const [years, label] of [
  [1, '1y'],
  [3, '3y'],
]) {
  for (const [who, region] of [
    ['executive', null],
    [`director ${directorRegion}`, directorRegion],
  ]) {
    const scope = { from: new Date(now.getTime() - years * 365 * DAY), to: now, region, area: null };
    for (const group of GROUPS) cases.push({ name: `load ${group}`, kind: 'load', group, who, range: label, scope });
    for (const group of QUALITY_GROUPS)
      cases.push({ name: `quality ${group}`, kind: 'quality', group, who, range: label, scope });
    for (const interval of ['week', 'month'])
      cases.push({ name: `trend ${interval}`, kind: 'trend', interval, who, range: label, scope });
    cases.push({
      name: 'trend week (Lima)',
      kind: 'trend',
      interval: 'week',
      who,
      range: label,
      scope: { ...scope, timeZone: 'America/Lima' },
    });
  }
}
const selected = cases.filter((c) => !only || only.has(c.kind) || only.has(c.group ?? c.interval));

async function inTransaction(client, settings, query) {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
  try {
    if (settings) await client.query(settings);
    return await sql.runReportQuery(query, sql.clientConnection(client));
  } finally {
    await client.query('COMMIT');
  }
}

/** The report as the API runs it: rows and totals at once on two connections. */
async function runOptimized(c, cells = organizationCells) {
  if (c.interval) return { rows: await inTransaction(a, sql.REPORT_SETTINGS, sql.trendQuery(c.interval, c.scope)) };
  const q = sql.loadQueries(c.group, c.scope, cells);
  // The load report's period of equal length before, whose totals the API compares with
  // (reports.service.ts previousScope); the quality report's newest low scores.
  const length = c.scope.to.getTime() - c.scope.from.getTime();
  const previous = sql.loadQueries(
    c.group,
    { ...c.scope, from: new Date(c.scope.from.getTime() - length), to: c.scope.from },
    cells,
  );
  const [rows, totals, lowScores] = await Promise.all([
    inTransaction(a, sql.REPORT_SETTINGS, q.rows),
    inTransaction(b, sql.REPORT_SETTINGS, q.totals),
    c.kind === 'quality' ? lowScoresOf(third, c.scope) : null,
    c.kind === 'load' ? inTransaction(p, sql.REPORT_SETTINGS, previous.totals) : null,
  ]);
  return lowScores ? { rows, totals, lowScores } : { rows, totals };
}

/** The quality report's newest low scores, as the API reads them (outside a report transaction). */
async function lowScoresOf(client, scope) {
  const q = lowScoresStatement(scope, LOW_SCORE_COMMENTS_MAX);
  return (await client.query(q.text, q.values)).rows;
}

/** The plain query, in the caller's transaction (the one without the added indexes). */
async function runBaseline(c) {
  if (c.interval) {
    const q = sql.plainTrendQuery(c.interval, c.scope);
    const t = performance.now();
    const rows = (await a.query(q.text, q.values)).rows;
    return { ms: performance.now() - t, result: { rows } };
  }
  const q = sql.plainLoadQueries(c.group, c.scope);
  let t = performance.now();
  const rows = (await a.query(q.rows.text, q.rows.values)).rows;
  const rowsMs = performance.now() - t;
  t = performance.now();
  const totals = (await a.query(q.totals.text, q.totals.values)).rows;
  const totalsMs = performance.now() - t;
  if (c.kind !== 'quality') return { ms: Math.max(rowsMs, totalsMs), result: { rows, totals } };
  t = performance.now();
  const lowScores = await lowScoresOf(a, c.scope);
  return { ms: Math.max(rowsMs, totalsMs, performance.now() - t), result: { rows, totals, lowScores } };
}

const percentile = (times, p) => {
  const sorted = [...times].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const canon = (result) =>
  JSON.stringify(
    Object.fromEntries(
      Object.entries(result).map(([part, rows]) => [part, rows.map((r) => JSON.stringify(canonicalRow(r))).sort()]),
    ),
  );

process.stdout.write(
  `bench:reports — ${new Date().toISOString()}\n` +
    `database: ${url.replace(/\/\/[^@]*@/, '//')} · ${Number(info.requests).toLocaleString('en')} requests since ${info.first.toISOString().slice(0, 10)} · ${info.deltas} pending deltas\n` +
    `${info.version.split(',')[0]} · runs: ${RUNS} (optimized), ${BASELINE_RUNS} (baseline) · director region ${directorRegion}\n` +
    `optimized: report-sql.js loadQueries/trendQuery as the API runs them (rollup + pending deltas ± the requests between the ends and the nearest month boundaries; rows ∥ totals ∥ previous period's totals)\n` +
    `baseline:  report-sql.js plainLoadQueries/plainTrendQuery, default settings, in a transaction without the indexes of ReportIndexes (rolled back);\n` +
    `           rows then totals on one connection, a run counts the slower of the two\n\n`,
);

// Optimized first (warm-up run each, not counted).
const results = new Map();
for (const c of selected) {
  await runOptimized(c);
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await runOptimized(c);
    times.push(performance.now() - t);
  }
  results.set(c, { times });
  process.stdout.write(`  measured ${c.name} · ${c.who} · ${c.range}: p95 ${percentile(times, 95).toFixed(1)} ms\n`);
  if (c.group === 'organization') {
    // The first report after the API starts (or after a compaction rewrote every cell of its range) fetches its cells.
    const cold = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      const t = performance.now();
      await runOptimized(c, new OrganizationCells());
      cold.push(performance.now() - t);
    }
    results.get(c).cold = cold;
    process.stdout.write(
      `  measured ${c.name} · ${c.who} · ${c.range}, its cells fetched (none held): p50 ${percentile(cold, 50).toFixed(1)} ms over ${COLD_RUNS} runs\n`,
    );
  }
}

// Baseline, against the schema as it was before the report indexes. REPEATABLE READ: the
// optimized form's statements compared in it must read one snapshot (organization-cells.ts).
// The optimized form is read with its indexes (a trend in Lima reads its cut hours through
// them: without, each would be a full scan), then they are dropped for the baseline and
// restored (ROLLBACK TO SAVEPOINT) before the next report.
await a.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
for (const c of selected) {
  // The figures of both forms at the same now() (the transaction's): the aging buckets move with it.
  await a.query('SAVEPOINT compare');
  await a.query(sql.REPORT_SETTINGS);
  const optimized = c.interval
    ? {
        rows: (await a.query(sql.trendQuery(c.interval, c.scope).text, sql.trendQuery(c.interval, c.scope).values))
          .rows,
      }
    : await (async () => {
        const q = sql.loadQueries(c.group, c.scope, new OrganizationCells());
        const figures = {
          rows: await sql.runReportQuery(q.rows, sql.clientConnection(a)),
          totals: await sql.runReportQuery(q.totals, sql.clientConnection(a)),
        };
        return c.kind === 'quality' ? { ...figures, lowScores: await lowScoresOf(a, c.scope) } : figures;
      })();
  await a.query('ROLLBACK TO SAVEPOINT compare');
  await a.query('SAVEPOINT baseline');
  for (const index of ADDED_INDEXES) await a.query(`DROP INDEX IF EXISTS ${index}`);
  const first = await runBaseline(c);
  const times = [];
  for (let i = 0; i < BASELINE_RUNS; i++) times.push((await runBaseline(c)).ms);
  await a.query('ROLLBACK TO SAVEPOINT baseline');
  const entry = results.get(c);
  entry.baseline = times;
  entry.same = canon(first.result) === canon(optimized);
  process.stdout.write(
    `  baseline ${c.name} · ${c.who} · ${c.range}: p95 ${percentile(times, 95).toFixed(0)} ms · same figures: ${entry.same ? 'yes' : 'NO'}\n`,
  );
}
await a.query('ROLLBACK');

const header = `| report | scope | range | p50 ms | p95 ms | baseline p50 ms | baseline p95 ms | same figures |`;
const lines = [header, '| --- | --- | --- | ---: | ---: | ---: | ---: | --- |'];
let over = 0;
let different = 0;
for (const c of selected) {
  const r = results.get(c);
  const p95 = percentile(r.times, 95);
  if (p95 > 100) over++;
  if (!r.same) different++;
  lines.push(
    `| ${c.name} | ${c.who} | ${c.range} | ${percentile(r.times, 50).toFixed(1)} | ${p95.toFixed(1)}${p95 > 100 ? ' ⚠' : ''} | ${percentile(r.baseline, 50).toFixed(0)} | ${percentile(r.baseline, 95).toFixed(0)} | ${r.same ? 'yes' : 'NO'} |`,
  );
}
const colds = selected.filter((c) => results.get(c).cold);
if (colds.length) {
  lines.push(
    '',
    `By organization with none of its cells held (fetched in the report: the first after a start or a compaction), p50 over ${COLD_RUNS} runs:`,
  );
  for (const c of colds) lines.push(`- ${c.who} · ${c.range}: ${percentile(results.get(c).cold, 50).toFixed(1)} ms`);
}
process.stdout.write(
  `\n${lines.join('\n')}\n\n${selected.length} reports · ${over} over the 100 ms p95 target · ${different} with figures different from the plain query\n`,
);
await Promise.all([a.end(), b.end(), third.end(), p.end()]);
process.exit(different ? 1 : 0);
