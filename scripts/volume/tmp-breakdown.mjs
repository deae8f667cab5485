import { createRequire } from 'node:module';
import { join } from 'node:path';
import { connect, ROOT, volumeDatabaseUrl } from './lib/database.mjs';
const require = createRequire(import.meta.url);
const sql = require(join(ROOT, 'api', 'dist', 'api', 'src', 'reports', 'report-sql.js'));
const db = await connect(volumeDatabaseUrl());
const { OrganizationCells } = require(join(ROOT, 'api', 'dist', 'api', 'src', 'reports', 'organization-cells.js'));
const cells = new OrganizationCells();
const { rows: [{ now }] } = await db.query('SELECT now() AS now');
const years = Number(process.argv[2] ?? 3), region = process.argv[3] ?? null, group = process.argv[4] ?? 'organization';
const scope = { from: new Date(now - years * 365 * 86_400_000), to: now, region, area: null };
for (let rep = 0; rep < 12; rep++) {
  const q = sql.loadQueries(group, scope, cells).rows;
  const conn = sql.clientConnection(db);
  const times = [];
  const wrapped = { query: async (t, v) => { const s = performance.now(); const r = await conn.query(t, v); times.push(['q', performance.now() - s]); return r; },
    copy: async (t) => { const s = performance.now(); const r = await conn.copy(t); times.push(['copy', performance.now() - s, r.length]); return r; } };
  await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ'); await db.query(sql.REPORT_SETTINGS);
  const s = performance.now();
  const rows = await sql.runReportQuery(q, wrapped);
  const total = performance.now() - s;
  await db.query('COMMIT');
  console.log(total.toFixed(1), rows.length, JSON.stringify(times.map(t => t.map(x => typeof x === 'number' ? Math.round(x*10)/10 : x))));
}
await db.end();
