#!/usr/bin/env node
// Checks that the rollup form of every report gives exactly the figures of the plain form
// on the volume database (DATABASE_URL or portal_volume): every column of every row.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { connect, ROOT, volumeDatabaseUrl } from './lib/database.mjs';
import { canonicalRow } from './lib/report-canon.mjs';

const require = createRequire(import.meta.url);
const sql = require(join(ROOT, 'api', 'dist', 'api', 'src', 'reports', 'report-sql.js'));
const { OrganizationCells } = require(join(ROOT, 'api', 'dist', 'api', 'src', 'reports', 'organization-cells.js'));
const GROUPS = ['region', 'country', 'area', 'assignee', 'status', 'product', 'organization'];

const db = await connect(volumeDatabaseUrl());
const {
  rows: [{ now }],
} = await db.query('SELECT now() AS now');
const scopes = [
  { name: '1y all', from: new Date(now - 365 * 86_400_000), to: now, region: null, area: null },
  { name: '3y AND', from: new Date(now - 3 * 365 * 86_400_000), to: now, region: 'AND', area: null },
  {
    name: 'days CAR',
    from: new Date('2025-02-03T00:00:00Z'),
    to: new Date('2025-02-20T00:00:00Z'),
    region: 'CAR',
    area: null,
  },
  {
    name: 'odd',
    from: new Date('2024-03-15T13:17:00Z'),
    to: new Date('2025-07-02T08:00:00Z'),
    region: null,
    area: null,
  },
  {
    name: 'up SUR',
    from: new Date('2024-01-20T00:00:00Z'),
    to: new Date('2025-06-25T12:00:00Z'),
    region: 'SUR',
    area: null,
  },
  { name: 'area', from: new Date(now - 200 * 86_400_000), to: now, region: null, area: 'market-access' },
];
const wanted = process.argv.slice(2);
if (wanted.length) scopes.splice(0, scopes.length, ...scopes.filter((s) => wanted.includes(s.name)));
const canon = (rows) =>
  JSON.stringify(
    rows.map((r) => Object.fromEntries(canonicalRow(r))).sort((a, b) => String(a.key).localeCompare(String(b.key))),
  );
// The organizations' cells held as the API holds them, across the scopes: each report by
// organization runs twice, the second time on the cells the first one fetched.
const organizationCells = new OrganizationCells();
let failures = 0;
for (const scope of scopes) {
  for (const group of GROUPS) {
    const fast = sql.loadQueries(group, scope, organizationCells);
    const plain = sql.plainLoadQueries(group, scope);
    for (const part of group === 'organization' ? ['rows', 'rows', 'totals'] : ['rows', 'totals']) {
      // One transaction: both forms at the same now(), which the aging buckets count from.
      await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      const a = await sql.runReportQuery(fast[part], sql.clientConnection(db));
      const b = (await db.query(plain[part].text, plain[part].values)).rows;
      await db.query('COMMIT');
      const ok = canon(a) === canon(b);
      if (!ok) {
        failures++;
        console.log(`MISMATCH ${scope.name} ${group} ${part}`);
        const ca = JSON.parse(canon(a)),
          cb = JSON.parse(canon(b));
        for (let i = 0; i < Math.max(ca.length, cb.length); i++)
          if (JSON.stringify(ca[i]) !== JSON.stringify(cb[i])) {
            console.log(' fast ', ca[i]);
            console.log(' plain', cb[i]);
            break;
          }
      } else console.log(`ok ${scope.name} ${group} ${part} (${a.length} rows)`);
    }
  }
  for (const interval of ['week', 'month']) {
    const f = sql.trendQuery(interval, scope),
      p = sql.plainTrendQuery(interval, scope);
    const a = (await db.query(f.text, f.values)).rows,
      b = (await db.query(p.text, p.values)).rows;
    const ok = JSON.stringify(a) === JSON.stringify(b);
    if (!ok) failures++;
    console.log(`${ok ? 'ok' : 'MISMATCH'} ${scope.name} trend ${interval} (${a.length} points)`);
  }
}
await db.end();
console.log(failures ? `${failures} mismatches` : 'all reports equal');
process.exit(failures ? 1 : 0);
