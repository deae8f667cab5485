#!/usr/bin/env node
// node scripts/bench/explain-inbox.mjs [--plans] [--sql] [--runs 3] [--only KIND] [--try FILE.sql] [--api-dist DIR]
//
// EXPLAIN ANALYZE of the staff inbox's SQL, as the API sends it, for every query of the
// bench's inbox mix and every bench staff account (npm run bench creates them): the SQL is
// taken from the API's own RequestViewsRepository (api/dist) with a capturing DataSource,
// then explained with its parameters on the volume database (DATABASE_URL, else
// portal_volume). Prints the time (planning + execution, ms) of each statement — a
// representative's coverage (scope), the search's tsquery, the list (count and page in one),
// and the separate page of long lists —
// best of --runs,
// and with --plans the plans themselves, with --sql the statements and their parameters.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { connect, REPRESENTATIVE_COUNTRIES, SEEDED_REPRESENTATIVES, visibleSample } from './lib/fixtures.mjs';
import { ROOT } from './lib/processes.mjs';
import { heavyInboxQueries, inboxQueries } from './lib/scenarios.mjs';

const { values: args } = parseArgs({
  options: {
    // Another build of the API whose SQL to explain (its api/dist folder).
    'api-dist': { type: 'string', default: join(ROOT, 'api', 'dist') },
    plans: { type: 'boolean', default: false },
    // The statements themselves, with their parameters (to try variants by hand).
    sql: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    only: { type: 'string', default: '' },
    // Trying an index: SQL run first in a transaction that is rolled back at the end.
    try: { type: 'string', default: '' },
  },
});
const require = createRequire(import.meta.url);
const { RequestViewsRepository } = require(
  join(args['api-dist'], 'api', 'src', 'requests', 'request-views.repository.js'),
);
const { RequestsService } = require(join(args['api-dist'], 'api', 'src', 'requests', 'requests.service.js'));
const { AppConfig } = require(join(args['api-dist'], 'api', 'src', 'config', 'app-config.js'));
// The API's defaults (LIST_EXACT_TOTAL_LIMIT), with a secret of its own for the cursors.
// LIST_EXACT_TOTAL_LIMIT from the environment, as the API reads it, to try another limit.
const config = Object.assign(new AppConfig(), { JWT_SECRET: 'explain-inbox-only-secret-0123456789abcdef' });
if (process.env.LIST_EXACT_TOTAL_LIMIT) config.LIST_EXACT_TOTAL_LIMIT = Number(process.env.LIST_EXACT_TOTAL_LIMIT);
const db = await connect(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/portal_volume');
// As the API's sessions (SESSION_OPTIONS, api/src/database/data-source.ts): no JIT.
await db.query('SET jit = off');
if (args.try) {
  await db.query('BEGIN');
  await db.query(readFileSync(args.try, 'utf8'));
}

const staff = [];
for (const row of (await db.query(SEEDED_REPRESENTATIVES, [REPRESENTATIVE_COUNTRIES])).rows)
  staff.push({ id: row.id, email: row.email });
for (const row of (
  await db.query(`SELECT id, email FROM users WHERE email LIKE '%@bench.example' AND role <> 'member' ORDER BY email`)
).rows)
  staff.push(row);
for (const person of staff) {
  const { rows } = await db.query(
    `SELECT u.role, u.language, u.organization_id AS "organizationId", u.region_code AS "regionCode", u.contact,
            (SELECT c.country_code FROM coverage_entries c WHERE c.user_id = u.id ORDER BY c.country_code LIMIT 1) AS country
     FROM users u WHERE u.id = $1`,
    [person.id],
  );
  Object.assign(person, rows[0]);
}
if (staff.length === 0) throw new Error('no bench staff accounts: run npm run bench once first');

/** The statements RequestsService.list sends for a query string, with their parameters (run for real). */
async function statementsOf(caller, path) {
  const captured = [];
  const capture = {
    async query(sql, params) {
      captured.push({ sql, params });
      return (await db.query(sql, params)).rows;
    },
  };
  const service = new RequestsService(
    capture,
    new RequestViewsRepository(capture),
    undefined,
    undefined,
    undefined,
    undefined,
    config,
  );
  const query = Object.fromEntries(new URL(path, 'http://x').searchParams);
  if (query.pageSize) query.pageSize = Number(query.pageSize);
  await service.list(caller, query);
  return captured.map((statement) => ({
    ...statement,
    label: /^SELECT count\(\*\)/.test(statement.sql)
      ? 'count'
      : /FROM coverage_entries WHERE user_id = \$1$/.test(statement.sql)
        ? 'scope'
        : /^WITH (candidates|matching)/.test(statement.sql.trim())
          ? 'list'
          : /to_tsquery/.test(statement.sql) && !/FROM requests/.test(statement.sql)
            ? 'search'
            : 'page',
  }));
}

const samples = new Map();
for (const person of staff) {
  samples.set(
    person.id,
    await visibleSample(db, { role: person.role, region: person.regionCode, country: person.country }),
  );
}

const runs = Number(args.runs);
for (const query of [...inboxQueries(staff, (person) => samples.get(person.id)), ...heavyInboxQueries(staff)]) {
  if (args.only && !query.kind.includes(args.only)) continue;
  const statements = await statementsOf(query.person, query.path);
  const times = {};
  const plans = [];
  for (const statement of statements) {
    let best = Infinity;
    let plan = '';
    for (let run = 0; run < runs; run++) {
      const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.params);
      const text = rows.map((row) => row['QUERY PLAN']).join('\n');
      const ms = Number(/Planning Time: ([\d.]+)/.exec(text)[1]) + Number(/Execution Time: ([\d.]+)/.exec(text)[1]);
      if (ms < best) {
        best = ms;
        plan = text;
      }
    }
    // Statements of the same kind (an archive search checked on its candidates, then through
    // the full-text index) add up.
    times[statement.label] = (times[statement.label] ?? 0) + best;
    plans.push(`-- ${statement.label}\n${plan}`);
  }
  const who = `${query.person.role} ${query.person.email.split('@')[0].replace('bench.', '')}`;
  const ms = (label) => (times[label] === undefined ? '–' : times[label].toFixed(2)).padStart(8);
  process.stdout.write(
    `${who.padEnd(28)} ${query.kind.padEnd(28)} scope ${ms('scope')}  search ${ms('search')}  list ${ms('list')}  count ${ms('count')}  page ${ms('page')}\n`,
  );
  if (args.plans) process.stdout.write(`${query.path}\n${plans.join('\n')}\n\n`);
  if (args.sql) {
    for (const statement of statements)
      process.stdout.write(`-- ${statement.label}\n${statement.sql};\n-- ${JSON.stringify(statement.params)}\n\n`);
  }
}
if (args.try) await db.query('ROLLBACK');
await db.end();
