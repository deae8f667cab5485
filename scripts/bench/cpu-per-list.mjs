#!/usr/bin/env node
// node scripts/bench/cpu-per-list.mjs [--reps 20] [--only KIND] [--api-only] [--api-dist DIR] [--cpu-prof DIR]
//   (--cpu-prof: the API's profile in DIR, the bare baseline's in DIR/bare)
//
// What one inbox list costs in CPU, query by query: each query of the open loop's mix sent
// --reps times, one at a time, to the API and to the bare baseline, and the CPU time their
// processes and the PostgreSQL backends serving them spent meanwhile (from /proc: schedstat,
// nanoseconds, every thread), divided by the lists. Unlike latency under load, this barely
// moves when the machine is shared (another process's work is not counted), so a change can
// be judged on a busy machine: at 100 lists/s on 2 cores, the open loop's tail is set by the
// CPU a list costs. Linux only. Database and accounts as `npm run bench` (run it once first).
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_PASSWORD, connect, prepareAccounts, visibleSample } from './lib/fixtures.mjs';
import { startApi, startBare } from './lib/processes.mjs';
import { heavyInboxQueries, inboxQueries } from './lib/scenarios.mjs';

const { values: args } = parseArgs({
  options: {
    reps: { type: 'string', default: '20' },
    only: { type: 'string', default: '' },
    'api-only': { type: 'boolean', default: false },
    'api-dist': { type: 'string', default: '' },
    // The API's CPU profile (node --cpu-prof) to this folder, the baseline's to its bare/ folder.
    'cpu-prof': { type: 'string', default: '' },
  },
});
const REPS = Number(args.reps);
const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/portal_volume';
const APPLICATIONS = ['portal-cpu-api', 'portal-cpu-bare'];
const named = (name) => {
  const url = new URL(DATABASE_URL);
  url.searchParams.set('application_name', name);
  return url.toString();
};

/** CPU nanoseconds of a process, all its threads (0 when it is gone). */
function cpuNs(pid) {
  let total = 0;
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      try {
        total += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // a thread that ended meanwhile
      }
    }
  } catch {
    return 0;
  }
  return total;
}

const db = await connect(DATABASE_URL);
const { staff } = await prepareAccounts(db);
const samples = new Map();
for (const person of staff) {
  samples.set(
    person.id,
    await visibleSample(db, { role: person.role, region: person.region, country: person.coverage[0]?.country }),
  );
}
const jwtSecret = randomBytes(48).toString('base64url');
const apiDist = args['api-dist'] ? resolve(args['api-dist']) : undefined;
const servers = [
  [
    'API',
    APPLICATIONS[0],
    await startApi({
      databaseUrl: named(APPLICATIONS[0]),
      jwtSecret,
      poolSize: 10,
      cpuProfileDir: args['cpu-prof'] ? resolve(args['cpu-prof']) : '',
      apiDist,
    }),
  ],
];
if (!args['api-only'])
  servers.push([
    'bare',
    APPLICATIONS[1],
    await startBare({
      databaseUrl: named(APPLICATIONS[1]),
      jwtSecret,
      poolSize: 10,
      cpuProfileDir: args['cpu-prof'] ? resolve(args['cpu-prof'], 'bare') : '',
      apiDist,
    }),
  ]);
try {
  for (const person of staff) {
    const response = await fetch(`${servers[0][2].url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: person.email, password: BENCH_PASSWORD }),
    });
    if (response.status !== 200) throw new Error(`sign-in of ${person.email}: ${response.status}`);
    person.token = (await response.json()).accessToken;
  }
  const queries = [...inboxQueries(staff, (person) => samples.get(person.id)), ...heavyInboxQueries(staff)].filter(
    (query) => !args.only || query.kind.includes(args.only),
  );
  /** The server's process and its database backends. */
  const pidsOf = async (pid, application) => [
    pid,
    ...(await db.query(`SELECT pid FROM pg_stat_activity WHERE application_name = $1`, [application])).rows.map(
      (row) => row.pid,
    ),
  ];
  const results = new Map();
  for (const [name, application, server] of servers) {
    const send = async (query) => {
      const response = await fetch(`${server.url}${query.path}`, {
        // As the bench's load sends them: no compression asked for.
        headers: { authorization: `Bearer ${query.person.token}`, 'accept-encoding': 'identity' },
      });
      if (response.status !== 200) throw new Error(`${query.path}: ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
    };
    // Warm: every query a few times (plans, caches, the JIT of the server's code).
    for (let i = 0; i < 3; i++) for (const query of queries) await send(query);
    for (const query of queries) {
      const pids = await pidsOf(server.pid, application);
      const before = pids.map(cpuNs);
      const started = performance.now();
      for (let i = 0; i < REPS; i++) await send(query);
      const wall = (performance.now() - started) / REPS;
      const after = pids.map(cpuNs);
      const node = (after[0] - before[0]) / 1e6 / REPS;
      const database = after.slice(1).reduce((sum, ns, i) => sum + (ns > 0 ? ns - before[i + 1] : 0), 0) / 1e6 / REPS;
      const key = `${query.person.role === 'director' ? 'director' : 'representative'} ${query.person.email.split('@')[0]} · ${query.kind}`;
      results.set(key, { ...results.get(key), [name]: { node, database, wall } });
    }
  }
  const fmt = (n) => n.toFixed(2).padStart(7);
  process.stdout.write(
    `CPU ms per list (${REPS} each, one at a time): node + database = total; wall ms\n${'query'.padEnd(56)} ${servers
      .map(([name]) => `${name.padEnd(30)}`)
      .join(' ')}\n`,
  );
  const sums = {};
  for (const [key, byServer] of results) {
    const cells = servers.map(([name]) => {
      const r = byServer[name];
      sums[name] = sums[name] ?? { node: 0, database: 0, wall: 0 };
      for (const field of ['node', 'database', 'wall']) sums[name][field] += r[field];
      return `${fmt(r.node)} +${fmt(r.database)} =${fmt(r.node + r.database)}; ${fmt(r.wall)}`;
    });
    process.stdout.write(`${key.padEnd(56)} ${cells.join('   ')}\n`);
  }
  const n = results.size;
  process.stdout.write(
    `${'mean'.padEnd(56)} ${servers
      .map(([name]) => {
        const s = sums[name];
        return `${fmt(s.node / n)} +${fmt(s.database / n)} =${fmt((s.node + s.database) / n)}; ${fmt(s.wall / n)}`;
      })
      .join('   ')}\n`,
  );
} finally {
  for (const [, , server] of servers) await server.stop().catch(() => undefined);
  await db.end();
}
