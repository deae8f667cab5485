#!/usr/bin/env node
// npm run bench [-- --duration 32 --slices 4 --warmup 3 --connections 50 --sign-in-connections 8 --rate 100
//                  --pool 10 --only open,inbox,inbox-heavy,sign-in,submission --kinds "open work,search"
//                  --cpu-prof DIR --api-dist DIR --api-only --keep --embedded --embedded-requests 20000]
//
// --embedded: the same scenarios on the embedded default instead (the API started with no
// DATABASE_URL, PGlite in its process behind the session layer), on a data folder the bench
// keeps (.data/bench-embedded: the demo data plus --embedded-requests requests, added once; see
// lib/embedded.mjs), to say how many people the embedded mode serves. The bare baseline then
// talks to the same embedded database through the port the API serves it on.
//
// The API under load, on the volume database (`npm run seed:volume`, 1,000,000 requests):
// sign-in, submission and the staff inbox, each measured with autocannon against the real API
// (api/dist as a child process, production settings) and, in the same run, against a bare
// node:http + pg server running the same SQL (bare-server.mjs explains how it stays the same).
// Printed: requests/s and p50/p95/p99 latency of each, and API throughput ÷ bare throughput;
// for the inbox also by kind of query. Each server is loaded --duration seconds per scenario,
// in --slices turns alternating with the other server, after --warmup seconds.
//
// Open loop (`open`, first): the whole inbox mix — the everyday queries and the heavy views
// (whole scope, archive search) evenly interleaved — sent at a fixed arrival rate, --rate
// lists/s, whatever the answers' pace (lib/open-loop.mjs), with p50/p95/p99 by query: how
// long people wait at that load, where the closed loop's 50 connections say how much the
// server can take (there, latency is mostly the queue: 50 ÷ throughput).
//
// Database: DATABASE_URL, else portal_volume on the local server. The bench adds its own
// accounts to it (see lib/fixtures.mjs) and deletes what its sign-ins and submissions wrote
// afterwards. Only 127.0.0.1 is ever loaded. --cpu-prof writes the API's CPU profile (node
// --cpu-prof) to DIR, the baseline's to DIR/bare; --api-dist measures another build of the API (its code runs in the
// baseline too); scripts/bench/explain-inbox.mjs shows the inbox's plans (EXPLAIN ANALYZE).
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_PASSWORD, cleanUp, connect, countRequests, prepareAccounts, visibleSample } from './lib/fixtures.mjs';
import { othersCpu } from './lib/cpu.mjs';
import { measureSlice, summarize, warmUp } from './lib/load.mjs';
import { measureOpenLoop } from './lib/open-loop.mjs';
import { startApi, startBare } from './lib/processes.mjs';
import {
  EMBEDDED_DATA_DIR,
  EMBEDDED_DATABASE_PORT,
  EMBEDDED_DATABASE_URL,
  seedEmbeddedRequests,
} from './lib/embedded.mjs';
import { heavyInboxQueries, inbox, inboxQueries, interleave, signIn, submission } from './lib/scenarios.mjs';

const { values: args } = parseArgs({
  options: {
    // 8 s slices, four turns each: two turns left a ratio of throughputs 8 points apart from
    // one run to the next on this shared 2-core machine (87 % and 96 %), four turns fewer.
    duration: { type: 'string', default: '32' },
    slices: { type: 'string', default: '4' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    'sign-in-connections': { type: 'string', default: '8' },
    // The open loop's arrival rate, lists/s.
    rate: { type: 'string', default: '100' },
    pool: { type: 'string', default: '' },
    only: { type: 'string', default: 'open,inbox,inbox-heavy,sign-in,submission' },
    // Diagnosis: only the inbox queries whose kind contains one of these (comma-separated).
    kinds: { type: 'string', default: '' },
    'cpu-prof': { type: 'string', default: '' },
    // Another build of the API to measure (e.g. a checkout of an earlier commit, built): its
    // api/dist folder; the baseline then runs that build's code too.
    'api-dist': { type: 'string', default: '' },
    'api-only': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    embedded: { type: 'boolean', default: false },
    'embedded-requests': { type: 'string', default: '20000' },
  },
});
const DURATION = Number(args.duration);
const SLICES = Math.max(1, Number(args.slices));
const WARMUP = Number(args.warmup);
const CONNECTIONS = Number(args.connections);
const SIGN_IN_CONNECTIONS = Number(args['sign-in-connections']);
const RATE = Number(args.rate);
// The API's default pool unless told otherwise; the baseline gets the same.
const POOL = Number(args.pool || 0) || undefined;
const ONLY = new Set(args.only.split(','));
if (!(DURATION > 0 && DURATION <= 60 && WARMUP >= 0 && CONNECTIONS > 0))
  throw new Error('--duration must be 1–60 s, --connections positive');
if (!(RATE > 0 && RATE <= 2000)) throw new Error('--rate must be 1–2000 lists/s');

const EMBEDDED = args.embedded;
const DATABASE_URL = EMBEDDED
  ? EMBEDDED_DATABASE_URL
  : process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/portal_volume';
const host = new URL(DATABASE_URL).hostname;
if (!['127.0.0.1', 'localhost', '::1', ''].includes(host))
  throw new Error(`the bench runs against a local database only, not ${host}`);

const INBOX = 'staff inbox (open work: filters, search, reference)';
const INBOX_HEAVY = 'staff inbox, heavy views (whole scope, archive search)';
const OPEN_LOOP = `staff inbox, every query, open loop at ${RATE} lists/s`;
const log = (message) => process.stdout.write(`${message}\n`);
/** The database URL a server of the bench uses, named so its sessions can be told apart. */
const named = (applicationName) => {
  const url = new URL(DATABASE_URL);
  url.searchParams.set('application_name', applicationName);
  return url.toString();
};
const APPLICATIONS = ['portal-bench-api', 'portal-bench-bare'];
const servers = [];
let db;
let cleanUpOptions = {};

/** The bench's own processes: itself, the servers and the PostgreSQL backends serving them. */
async function ownProcesses() {
  const { rows } = await db.query(
    `SELECT pid FROM pg_stat_activity WHERE application_name = ANY($1) OR pid = pg_backend_pid()`,
    [APPLICATIONS],
  );
  return [process.pid, ...servers.map((server) => server.pid), ...rows.map((row) => row.pid)];
}

/**
 * Waits until the servers' database sessions are idle: when autocannon stops, the requests it
 * abandoned still run to the end in the server, and must not weigh on the next measurement.
 */
async function drain(timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  if (EMBEDDED) {
    // PGlite has one session and no pg_stat_activity of the API's connections: the bench's own
    // query waits its turn behind theirs, so three quick answers in a row mean they are done.
    for (let quick = 0; quick < 3 && Date.now() < until;) {
      const started = performance.now();
      await db.query('SELECT 1');
      quick = performance.now() - started < 20 ? quick + 1 : 0;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return;
  }
  for (;;) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS busy FROM pg_stat_activity WHERE application_name = ANY($1) AND state <> 'idle'`,
      [APPLICATIONS],
    );
    if (rows[0].busy === 0 || Date.now() > until) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
async function signInAll(url, accounts) {
  // A few at a time: argon2 is the cost, and the API runs four at once anyway.
  const queue = [...accounts];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let account = queue.shift(); account; account = queue.shift()) {
        const response = await fetch(`${url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: account.email, password: BENCH_PASSWORD }),
        });
        if (response.status !== 200)
          throw new Error(`sign-in of ${account.email} failed: ${response.status} ${await response.text()}`);
        account.token = (await response.json()).accessToken;
      }
    }),
  );
}

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

async function main() {
  const date = new Date().toISOString();
  const jwtSecret = randomBytes(48).toString('base64url');
  log(
    `npm run bench · ${date} · ${cpus().length} × ${cpus()[0]?.model.trim()} · load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  let api = null;
  if (EMBEDDED) {
    // The database lives inside the API: start it first (it migrates and loads the demo data).
    log(`starting the API on the embedded database (${EMBEDDED_DATA_DIR})…`);
    api = await startApi({
      databaseUrl: '',
      jwtSecret,
      poolSize: POOL ?? 10,
      cpuProfileDir: args['cpu-prof'] ? resolve(args['cpu-prof']) : '',
      // The bench's own 20,000 requests, not the demo history on top.
      extraEnv: {
        DATA_DIR: EMBEDDED_DATA_DIR,
        EMBEDDED_DATABASE_PORT: String(EMBEDDED_DATABASE_PORT),
        DEMO_HISTORY: 'false',
      },
    });
    servers.push(api);
  }
  db = await connect(DATABASE_URL);
  db.on('error', (error) => log(`bench's database connection: ${error.message}`));
  if (EMBEDDED) {
    await seedEmbeddedRequests(db, Number(args['embedded-requests']), log);
    // As the portal's own maintenance does ~30 s after start-up: measured with statistics.
    await db.query('VACUUM (ANALYZE)');
  }
  const requests = await countRequests(db);
  log(
    `database ${EMBEDDED ? 'embedded (PGlite), ' : ''}${DATABASE_URL.replace(/\/\/[^@]*@/, '//')}: ${requests.toLocaleString('en')} requests`,
  );
  if (!EMBEDDED && requests < 1_000_000)
    log(`  (fewer than 1,000,000 requests: fill it with npm run seed:volume -- --requests 1000000)`);

  const since = (await db.query('SELECT now() AS now')).rows[0].now;
  const { members, staff } = await prepareAccounts(db);
  cleanUpOptions = {
    since,
    representatives: staff.filter((person) => !person.email.endsWith('@bench.example')).map((person) => person.id),
  };
  const samples = new Map();
  for (const person of staff) {
    samples.set(
      person.id,
      await visibleSample(db, { role: person.role, region: person.region, country: person.coverage[0]?.country }),
    );
  }

  const cpuProfileDir = args['cpu-prof'] ? resolve(args['cpu-prof']) : '';
  if (cpuProfileDir) mkdirSync(cpuProfileDir, { recursive: true });
  log('starting the API (applies pending migrations) and the bare baseline…');
  const apiDist = args['api-dist'] ? resolve(args['api-dist']) : undefined;
  if (!api) {
    api = await startApi({
      databaseUrl: named(APPLICATIONS[0]),
      jwtSecret,
      poolSize: POOL ?? 10,
      cpuProfileDir,
      apiDist,
    });
    servers.push(api);
  }
  const bare = args['api-only']
    ? null
    : await startBare({
        databaseUrl: named(APPLICATIONS[1]),
        jwtSecret,
        poolSize: POOL ?? 10,
        cpuProfileDir: cpuProfileDir && resolve(cpuProfileDir, 'bare'),
        apiDist,
      });
  if (bare) servers.push(bare);
  log(
    `  API ${api.url} (pid ${api.pid}): ${apiDist ?? 'api/dist'}, NODE_ENV=production, LOG_LEVEL=warn, DATABASE_POOL_SIZE=${POOL ?? 10}, sign-in and`,
  );
  log(
    `    submission rate limits raised to 1,000,000/min, WORKERS_ENABLED=false (the outbox and scheduled jobs are not the`,
  );
  log(
    `    request path; the baseline has neither)${bare ? ` · bare ${bare.url} (pid ${bare.pid}): node:http + pg.Pool of ${POOL ?? 10}` : ''}`,
  );

  const rows = [];
  // Each scenario: a warm-up of each server, then measurement slices taking turns (API, bare,
  // API, bare…), so that a change in what else runs on the machine weighs on both alike.
  // `rate`: an open loop at that many requests/s instead of `connections` closed-loop clients.
  const run = async (name, connections, makeNext, kindOf, rate = 0) => {
    const row = { name, connections, rate };
    const measured = [
      ['api', api],
      ['bare', bare],
    ].filter(([, server]) => server);
    const measureSlice_ = rate
      ? (options) => measureOpenLoop({ ...options, rate, seconds: options.duration })
      : measureSlice;
    log(
      `  ${name}: ${rate ? `${rate} requests/s, open loop` : `${connections} connections`}, ${WARMUP} s warm-up each, then ${SLICES} × ${DURATION / SLICES} s each, taking turns…`,
    );
    for (const [, server] of measured) {
      await drain();
      if (rate) await measureOpenLoop({ url: server.url, rate, seconds: WARMUP, next: makeNext(), record: false });
      else await warmUp({ url: server.url, connections, seconds: WARMUP, next: makeNext() });
    }
    const slices = { api: [], bare: [] };
    const others = { api: [], bare: [] };
    for (let i = 0; i < SLICES; i++) {
      for (const [key, server] of measured) {
        await drain();
        // The machine is shared: the CPU the rest of it used meanwhile says how far to trust the figure.
        const counting = await othersCpu(ownProcesses);
        slices[key].push(
          await measureSlice_({ url: server.url, connections, duration: DURATION / SLICES, next: makeNext(), kindOf }),
        );
        others[key].push(await counting.stop());
      }
    }
    for (const [key, server] of measured) {
      const r = (row[key] = summarize(slices[key]));
      r.others = others[key].includes(null) ? null : others[key].reduce((a, b) => a + b, 0) / others[key].length;
      log(
        `    ${server.name}: ${fmt(r.rps)} req/s · p50 ${fmt(r.p50)} · p95 ${fmt(r.p95)} · p99 ${fmt(r.p99)} ms · other processes: ${fmt(r.others, 2)} CPUs${r.failed || r.errors ? ` · ${r.failed} failed ${JSON.stringify(r.statuses)}, ${r.errors} errors` : ''}`,
      );
    }
    rows.push(row);
    return row;
  };

  const inboxRun = async (name, all, rate = 0) => {
    const kinds = args.kinds ? args.kinds.split(',') : null;
    const queries = all.filter((q) => !kinds || kinds.some((k) => q.kind.includes(k)));
    if (queries.length === 0) return;
    const kindOf = new Map(
      queries.map((q) => [
        `${q.path} ${q.person.token}`,
        `${q.person.role === 'director' ? 'director' : 'representative'} · ${q.kind}`,
      ]),
    );
    const row = await run(name, CONNECTIONS, () => inbox(queries), kindOf, rate);
    row.queries = queries;
  };
  if (ONLY.has('open') || ONLY.has('inbox') || ONLY.has('inbox-heavy')) await signInAll(api.url, staff);
  if (ONLY.has('open')) {
    await inboxRun(
      OPEN_LOOP,
      interleave(
        inboxQueries(staff, (person) => samples.get(person.id)),
        heavyInboxQueries(staff),
      ),
      RATE,
    );
  }
  if (ONLY.has('inbox'))
    await inboxRun(
      INBOX,
      inboxQueries(staff, (person) => samples.get(person.id)),
    );
  if (ONLY.has('inbox-heavy')) await inboxRun(INBOX_HEAVY, heavyInboxQueries(staff));
  if (ONLY.has('sign-in'))
    await run('sign-in (argon2id)', SIGN_IN_CONNECTIONS, () =>
      signIn([...members, ...staff.filter((person) => person.email.endsWith('@bench.example'))]),
    );
  if (ONLY.has('submission')) await signInAll(api.url, members);
  if (ONLY.has('submission'))
    await run('submission (routing, outbox, idempotency)', CONNECTIONS, () => submission(members));

  await drain();
  // The embedded database stops with the API: clean up before stopping it.
  if (!EMBEDDED) await stopAll();
  if (!args.keep) {
    const removed = await cleanUp(db, cleanUpOptions);
    log(
      `removed what the bench wrote (${removed.requests.toLocaleString('en')} requests, their events and notifications, sessions)`,
    );
  }
  if (EMBEDDED) {
    await db.end();
    db = null;
    await stopAll();
  }
  report(date, requests, rows);
}

function report(date, requests, rows) {
  const lines = [];
  lines.push('');
  lines.push(
    `API under load — ${date.slice(0, 10)}, ${cpus().length} CPUs, ${requests.toLocaleString('en')} requests in the database; each figure ${DURATION} s of load after ${WARMUP} s of warm-up, in ${SLICES} slices taking turns with the other server; "other processes": CPUs' worth of work the rest of the machine did meanwhile (of ${cpus().length})`,
  );
  lines.push('');
  lines.push(
    '| scenario | conns | API req/s | API p50 / p95 / p99 ms | bare req/s | bare p50 / p95 / p99 ms | API ÷ bare | other processes, CPUs (API / bare) |',
  );
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    const cell = (r) => (r ? [fmt(r.rps), `${fmt(r.p50)} / ${fmt(r.p95)} / ${fmt(r.p99)}`] : ['–', '–']);
    const others = [row.api, row.bare].map((r) => fmt(r?.others ?? NaN, 2)).join(' / ');
    const ratio = row.api && row.bare ? `${Math.round((row.api.rps / row.bare.rps) * 100)} %` : '–';
    lines.push(
      `| ${row.name} | ${row.rate ? `${row.rate}/s open` : row.connections} | ${cell(row.api).join(' | ')} | ${cell(row.bare).join(' | ')} | ${ratio} | ${others} |`,
    );
  }
  for (const inboxRow of rows.filter((row) => row.queries)) {
    lines.push('');
    lines.push(`${inboxRow.name}, by query (p50 / p95 / p99 ms):`);
    lines.push('');
    lines.push('| query | API | bare |');
    lines.push('| --- | ---: | ---: |');
    const kinds = new Map();
    for (const [key, r] of [
      ['api', inboxRow.api],
      ['bare', inboxRow.bare],
    ]) {
      for (const k of r?.kinds ?? []) kinds.set(k.kind, { ...kinds.get(k.kind), [key]: k });
    }
    for (const [kind, k] of [...kinds].sort((a, b) => a[0].localeCompare(b[0]))) {
      const cell = (r) => (r ? `${fmt(r.p50)} / ${fmt(r.p95)} / ${fmt(r.p99)}` : '–');
      lines.push(`| ${kind} | ${cell(k.api)} | ${cell(k.bare)} |`);
    }
  }
  const openRow = rows.find((row) => row.name === OPEN_LOOP);
  const closedInboxRows = rows.filter((row) => row.name === INBOX || row.name === INBOX_HEAVY);
  const failures = rows.flatMap((row) =>
    ['api', 'bare']
      .filter((key) => row[key] && (row[key].failed || row[key].errors))
      .map(
        (key) =>
          `${row.name} (${key}): ${JSON.stringify(row[key].statuses)}, ${row[key].errors} errors, ${row[key].timeouts} timeouts`,
      ),
  );
  lines.push('');
  lines.push('Targets:');
  const target = (label, ok, value) => lines.push(`- ${ok ? 'met' : 'NOT met'}: ${label} (${value})`);
  if (openRow?.api) {
    const worst = [...openRow.api.kinds].sort((a, b) => b.p95 - a.p95)[0];
    const failed = openRow.api.failed + openRow.api.errors;
    target(
      `every inbox query p95 ≤ 50 ms at ${openRow.rate} lists/s, open loop (whole scope and archive search included), none failed`,
      worst && worst.p95 <= 50 && failed === 0,
      `worst: ${worst?.kind} ${fmt(worst?.p95)} ms; all ${fmt(openRow.api.p95)} ms${failed ? `; ${failed} failed` : ''}`,
    );
  }
  for (const row of closedInboxRows.filter((row) => row.api && row.bare)) {
    target(
      `${row.name}: API throughput ≥ 90 % of the bare baseline at ${row.connections} connections`,
      row.api.rps >= row.bare.rps * 0.9,
      `${Math.round((row.api.rps / row.bare.rps) * 100)} %`,
    );
  }
  const submit = rows.find((row) => row.name.startsWith('submission'));
  if (submit?.api) target('submission ≥ 250 requests/s', submit.api.rps >= 250, `${fmt(submit.api.rps)} req/s`);
  if (failures.length) {
    lines.push('');
    lines.push('Failed requests (not counted in req/s or latency):');
    for (const failure of failures) lines.push(`- ${failure}`);
  }
  log(lines.join('\n'));
}

async function stopAll() {
  for (const server of servers.splice(0)) await server.stop().catch(() => undefined);
}

main()
  .catch(async (error) => {
    process.stderr.write(`bench failed: ${error.stack ?? error}\n`);
    process.exitCode = 1;
    // (The embedded database lives in the API: clean up first.)
    if (db && !args.keep) await cleanUp(db, cleanUpOptions).catch(() => undefined);
    await stopAll();
  })
  .finally(() => db?.end());

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAll().finally(() => process.exit(130));
  });
}
