#!/usr/bin/env node
// npm run seed:volume -- --requests 1000000 [--years 3] [--organizations 3000] [--seed 1]
//
// Fills a database with a realistic history of the network's service requests, for
// benchmarks and for trying the directors' dashboard at scale: organizations with their
// products in every country, members, staff with coverage, and requests over the last
// `--years` years (growing volume, weekdays busier than weekends) in every area and status,
// routed by coverage tiers, with first responses, resolutions, closures, withdrawals,
// reassignments, escalations, reopenings, waiting on the member, SLA due times and
// breaches, satisfaction scores, messages and timeline events. Everything goes in through
// COPY; keys, indexes and foreign keys are dropped for the load and recreated after it,
// which checks every row against them again.
//
// Database: DATABASE_URL (migrated first, must hold no requests yet), or by default a new
// database `portal_volume` on the local server (dropped and created again).
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  connect,
  CopyWriter,
  DEFAULT_DATABASE,
  dropStructure,
  ensureApiBuilt,
  loadStructure,
  migrate,
  recreateDefaultDatabase,
  restoreStructure,
  volumeDatabaseUrl,
} from './lib/database.mjs';
import { createRandom, weighted } from './lib/random.mjs';
import {
  AREA_WEIGHTS,
  COUNTRY_OFFSETS,
  COUNTRY_PRODUCTS,
  COUNTRY_WEIGHTS,
  MESSAGE_BODIES,
  organizationName,
  personName,
  SATISFACTION_COMMENTS,
  textCatalog,
} from './lib/vocabulary.mjs';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OPEN = new Set(['new', 'assigned', 'in_progress', 'waiting_on_member']);

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '1000000' },
    years: { type: 'string', default: '3' },
    organizations: { type: 'string', default: '3000' },
    seed: { type: 'string', default: '1' },
  },
});
const REQUESTS = Number(args.requests);
const YEARS = Number(args.years);
const ORGANIZATIONS = Number(args.organizations);
if (!(REQUESTS > 0 && YEARS > 0 && ORGANIZATIONS > 0))
  throw new Error('--requests, --years and --organizations must be positive numbers');

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)}s`;
const log = (message) => process.stdout.write(`[${elapsed().padStart(6)}] ${message}\n`);

const random = createRandom(Number(args.seed));

// Timestamps as COPY reads them, fast: the date part cached per day, the time by arithmetic
// (toISOString on ~15 instants per request would be a tenth of the whole run).
const datePart = new Map();
const pad2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const pad3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
function iso(ms) {
  ms = Math.floor(ms);
  const day = Math.floor(ms / DAY);
  let date = datePart.get(day);
  if (!date) {
    date = new Date(day * DAY).toISOString().slice(0, 10);
    datePart.set(day, date);
  }
  let rest = ms - day * DAY;
  const h = Math.floor(rest / HOUR);
  rest -= h * HOUR;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const sec = Math.floor(rest / 1000);
  return `${date} ${pad2[h]}:${pad2[m]}:${pad2[sec]}.${pad3[rest - sec * 1000]}+00`;
}

/** Business time (Mon–Fri 08–12, 13–17 local, fixed offset): the instant `hours` business hours after `start`. */
function addBusinessHours(start, hours, offsetHours) {
  const offset = offsetHours * HOUR;
  let remaining = hours * HOUR;
  let local = start + offset;
  let dayStart = Math.floor(local / DAY) * DAY;
  for (;;) {
    const weekday = (Math.floor(dayStart / DAY) + 4) % 7; // 1970-01-01 was a Thursday
    if (weekday !== 0 && weekday !== 6) {
      for (const [from, to] of [
        [8, 12],
        [13, 17],
      ]) {
        const windowStart = dayStart + from * HOUR;
        const windowEnd = dayStart + to * HOUR;
        const s = Math.max(local, windowStart);
        if (s < windowEnd) {
          if (remaining <= windowEnd - s) return s + remaining - offset;
          remaining -= windowEnd - s;
          local = windowEnd;
        }
      }
    }
    dayStart += DAY;
    local = Math.max(local, dayStart);
  }
}

async function main() {
  const url = volumeDatabaseUrl();
  const ownDatabase = !process.env.DATABASE_URL;
  log(
    `volume seed: ${REQUESTS.toLocaleString('en')} requests over ${YEARS} years, ${ORGANIZATIONS.toLocaleString('en')} organizations, seed ${args.seed}`,
  );
  await ensureApiBuilt(log);
  if (ownDatabase) {
    log(`database ${DEFAULT_DATABASE}: dropped and created again on the local server`);
    await recreateDefaultDatabase();
  }
  const migrated = await migrate(url);
  log(migrated.trim().split('\n').at(-1));
  const loadStart = performance.now();

  const db = await connect(url, { synchronous_commit: 'off', maintenance_work_mem: '512MB' });
  const existing = Number((await db.query('SELECT count(*) AS n FROM requests')).rows[0].n);
  if (existing > 0)
    throw new Error(
      `the database already holds ${existing} requests: give an empty one (or leave DATABASE_URL unset for ${DEFAULT_DATABASE})`,
    );

  // ── Reference data and the demo accounts the migrations loaded ───────────────────────
  const countries = (
    await db.query(`SELECT code, region_code, languages, name->>'en' AS name FROM countries ORDER BY code`)
  ).rows;
  const regionNames = new Map(
    (await db.query(`SELECT code, name->>'en' AS name FROM regions`)).rows.map((r) => [r.code, r.name]),
  );
  const areas = (await db.query(`SELECT code, name->>'en' AS name FROM thematic_areas ORDER BY sort_order`)).rows;
  const areaNames = new Map(areas.map((a) => [a.code, a.name]));
  const countryByCode = new Map(countries.map((c) => [c.code, c]));
  const languageOf = (country) =>
    ['es', 'pt', 'en', 'fr'].includes(country.languages[0]) ? country.languages[0] : 'es';
  const allProducts = [...new Set(Object.values(COUNTRY_PRODUCTS).flat())];
  const catalog = textCatalog(allProducts);

  // ── Organizations: the demo ones and a few thousand more, by country weight ─────────
  const organizations = (await db.query(`SELECT id, name, country_code, products FROM organizations`)).rows.map(
    (o) => ({ ...o, members: [] }),
  );
  for (const member of (await db.query(`SELECT id, organization_id FROM users WHERE role = 'member'`)).rows) {
    organizations.find((o) => o.id === member.organization_id)?.members.push(member.id);
  }
  const weightSum = Object.values(COUNTRY_WEIGHTS).reduce((a, b) => a + b, 0);
  const orgWriter = new CopyWriter(
    db,
    'COPY organizations (id, name, country_code, kind, products, fairtrade_id, active, created_at) FROM STDIN',
  );
  const names = new Set(organizations.map((o) => `${o.name.toLowerCase()}|${o.country_code}`));
  const historyStart = Date.now() - YEARS * 365 * DAY;
  let fairtradeId = 10_000;
  for (const country of countries) {
    const count = Math.max(3, Math.round((ORGANIZATIONS * COUNTRY_WEIGHTS[country.code]) / weightSum));
    const language = languageOf(country);
    for (let i = 0; i < count; i++) {
      const kind = random.chance(0.07) ? 'workers' : 'small-producer';
      const pool = COUNTRY_PRODUCTS[country.code];
      const products = [pool[Math.min(pool.length - 1, Math.floor(random.next() ** 2 * pool.length))]];
      if (random.chance(0.2)) {
        const second = random.pick(pool);
        if (!products.includes(second)) products.push(second);
      }
      let name = organizationName(random, language, kind, products, i);
      for (let n = 2; names.has(`${name.toLowerCase()}|${country.code}`); n++)
        name = `${organizationName(random, language, kind, products, i)} ${n}`;
      names.add(`${name.toLowerCase()}|${country.code}`);
      const org = { id: random.uuid(), name, country_code: country.code, products, members: [] };
      organizations.push(org);
      const active = !random.chance(0.02);
      await orgWriter.push(
        [
          org.id,
          name,
          country.code,
          kind,
          `{${products.join(',')}}`,
          `FLO-${fairtradeId++}`,
          active ? 't' : 'f',
          iso(historyStart - random.int(5 * 365) * DAY),
        ].join('\t'),
      );
    }
  }
  await orgWriter.end();

  // ── People: members of each organization, and staff with coverage ─────────────────
  const staff = (
    await db.query(
      `SELECT id, name, role, region_code FROM users WHERE role IN ('representative', 'specialist', 'director', 'admin')`,
    )
  ).rows;
  const coverage = (
    await db.query(`SELECT c.user_id, c.country_code, c.region_code, c.area_code FROM coverage_entries c`)
  ).rows;
  const userWriter = new CopyWriter(
    db,
    'COPY users (id, email, name, role, language, organization_id, region_code, contact, available, active, created_at) FROM STDIN',
  );
  let emailSeq = 0;
  for (const org of organizations) {
    const wanted = 1 + (random.chance(0.5) ? 1 : 0) + (random.chance(0.2) ? 1 : 0);
    const language = languageOf(countryByCode.get(org.country_code));
    while (org.members.length < wanted) {
      const id = random.uuid();
      org.members.push(id);
      await userWriter.push(
        [
          id,
          `member${++emailSeq}@org.volume.example`,
          personName(random),
          'member',
          language,
          org.id,
          '\\N',
          org.members.length === 1 ? 't' : 'f',
          't',
          't',
          iso(historyStart - DAY),
        ].join('\t'),
      );
    }
  }
  const coverageWriterRows = [];
  const addStaff = (role, region, entries) => {
    const person = { id: random.uuid(), name: personName(random), role, region_code: region };
    staff.push(person);
    const available = !random.chance(0.05);
    userWriter.push(
      [
        person.id,
        `staff${++emailSeq}@clac.volume.example`,
        person.name,
        role,
        'es',
        '\\N',
        region ?? '\\N',
        'f',
        available ? 't' : 'f',
        't',
        iso(historyStart - 30 * DAY),
      ].join('\t'),
    );
    for (const entry of entries) {
      coverage.push({ user_id: person.id, ...entry });
      coverageWriterRows.push(
        [
          random.uuid(),
          person.id,
          entry.country_code ?? '\\N',
          entry.region_code ?? '\\N',
          entry.area_code ?? '\\N',
        ].join('\t'),
      );
    }
    if (!available) person.unavailable = true;
  };
  const SPECIALIST_AREAS = ['climate-resilience', 'human-rights', 'social-inclusion'];
  for (const country of countries) {
    const reps = Math.max(1, Math.round(COUNTRY_WEIGHTS[country.code] / 1.4));
    // Half of the countries leave the specialist areas to the region's specialists (tier 3).
    const leaveSpecialistAreas = random.chance(0.5);
    for (let i = 0; i < reps; i++) {
      if (leaveSpecialistAreas) {
        addStaff(
          'representative',
          null,
          areas
            .filter((a) => !SPECIALIST_AREAS.includes(a.code))
            .map((a) => ({ country_code: country.code, area_code: a.code })),
        );
      } else addStaff('representative', null, [{ country_code: country.code }]);
    }
    if (reps >= 4)
      addStaff('representative', null, [{ country_code: country.code, area_code: 'standards-compliance' }]);
  }
  for (const region of regionNames.keys()) {
    for (const area of SPECIALIST_AREAS) addStaff('specialist', null, [{ region_code: region, area_code: area }]);
  }
  for (const area of ['market-access', 'climate-resilience']) addStaff('specialist', null, [{ area_code: area }]);
  await userWriter.end();
  const coverageWriter = new CopyWriter(
    db,
    'COPY coverage_entries (id, user_id, country_code, region_code, area_code) FROM STDIN',
  );
  for (const row of coverageWriterRows) await coverageWriter.push(row);
  await coverageWriter.end();
  const staffById = new Map(staff.map((s) => [s.id, s]));
  const directorOf = new Map(staff.filter((s) => s.role === 'director').map((s) => [s.region_code, s]));
  const admin = staff.find((s) => s.role === 'admin');

  // Routing as the portal does it: the first coverage tier with an available candidate.
  const tiers = [
    (e, c, a) => e.country_code === c.code && e.area_code === a,
    (e, c) => e.country_code === c.code && !e.area_code,
    (e, c, a) => !e.country_code && e.region_code === c.region_code && e.area_code === a,
    (e, c) => !e.country_code && e.region_code === c.region_code && !e.area_code,
    (e, c, a) => !e.country_code && !e.region_code && e.area_code === a,
  ];
  const routes = new Map();
  for (const country of countries) {
    for (const area of areas) {
      for (let t = 0; t < tiers.length; t++) {
        const entries = coverage.filter(
          (e) => tiers[t](e, country, area.code) && !staffById.get(e.user_id)?.unavailable && staffById.has(e.user_id),
        );
        if (entries.length) {
          routes.set(`${country.code}|${area.code}`, { tier: t + 1, entries, next: 0 });
          break;
        }
      }
    }
  }
  log(
    `${organizations.length.toLocaleString('en')} organizations, ${staff.length} staff, ${coverage.length} coverage entries`,
  );

  // ── Requests, messages and events ────────────────────────────────────────────────
  const structure = await loadStructure(db, ['requests', 'request_messages', 'request_events']);
  await dropStructure(db, structure);
  await db.query('ALTER TABLE requests DISABLE TRIGGER USER');
  const connections = [
    await connect(url, { synchronous_commit: 'off' }),
    await connect(url, { synchronous_commit: 'off' }),
  ];
  // Each table in a transaction of its own that empties it first: COPY … FREEZE then writes
  // the rows frozen and all-visible, so no VACUUM pass is needed for index-only scans.
  for (const [client, table] of [
    [db, 'requests'],
    [connections[0], 'request_messages'],
    [connections[1], 'request_events'],
  ]) {
    await client.query('BEGIN');
    await client.query(`TRUNCATE ${table}`);
  }
  const requestWriter = new CopyWriter(
    db,
    `COPY requests (id, reference, subject, description, status, priority, area_code, organization_id, country_code, region_code, assignee_id,
       assigned_at, created_by, created_at, updated_at, first_responded_at, resolved_at, closed_at, escalated, routing_tier, routing_reason,
       routing_coverage, first_response_due_at, resolution_due_at, breached, satisfaction_score, satisfaction_comment, version,
       search_public, search_internal, sla_paused_at, sla_paused_minutes, first_response_breached_at, resolution_breached_at)
       FROM STDIN WITH (FREEZE)`,
  );
  const messageWriter = new CopyWriter(
    connections[0],
    'COPY request_messages (id, request_id, author_id, body, internal, created_at) FROM STDIN WITH (FREEZE)',
  );
  const eventWriter = new CopyWriter(
    connections[1],
    'COPY request_events (id, request_id, actor_id, type, from_value, to_value, reason, created_at) FROM STDIN WITH (FREEZE)',
  );

  const writers = [requestWriter, messageWriter, eventWriter];
  const now = Date.now();
  const start = now - YEARS * 365 * DAY;
  const days = Math.ceil((now - start) / DAY);
  // Volume per day: growing by half over the period, quiet weekends, a harvest-season swell.
  const dayWeights = [];
  for (let d = 0; d < days; d++) {
    const t = start + d * DAY;
    const weekday = (Math.floor(t / DAY) + 4) % 7;
    const season = 1 + 0.15 * Math.sin((2 * Math.PI * (new Date(t).getUTCMonth() + 2)) / 12);
    dayWeights.push((1 + (0.5 * d) / days) * (weekday === 0 ? 0.12 : weekday === 6 ? 0.3 : 1) * season);
  }
  const dayTotal = dayWeights.reduce((a, b) => a + b, 0);
  const perCountry = new Map();
  for (const o of organizations) perCountry.set(o.country_code, (perCountry.get(o.country_code) ?? 0) + 1);
  const orgTable = weighted(
    organizations,
    organizations.map(
      (o) => (COUNTRY_WEIGHTS[o.country_code] / perCountry.get(o.country_code)) * random.lognormal(1, 0.8),
    ),
  );
  const areaTable = weighted(Object.keys(AREA_WEIGHTS), Object.values(AREA_WEIGHTS));
  const priorityTable = weighted(['low', 'normal', 'high', 'urgent'], [0.15, 0.62, 0.18, 0.05]);
  const scoreTable = weighted([5, 4, 3, 2, 1], [0.44, 0.3, 0.13, 0.07, 0.06]);
  const counters = new Map();
  const lastAssigned = new Map();
  const statusCounts = {};
  let made = 0;
  let carry = 0;

  const routeOf = (country, area) => {
    const route = routes.get(`${country.code}|${area}`);
    if (!route) return null;
    const entry = route.entries[route.next++ % route.entries.length];
    return { tier: route.tier, entry, person: staffById.get(entry.user_id) };
  };
  const otherStaff = (country, area, not) => {
    const route = routes.get(`${country.code}|${area}`);
    const candidates = route ? route.entries.map((e) => staffById.get(e.user_id)).filter((p) => p.id !== not) : [];
    return candidates.length ? random.pick(candidates) : directorOf.get(country.region_code);
  };

  for (let d = 0; d < days && made < REQUESTS; d++) {
    const exact = (REQUESTS * dayWeights[d]) / dayTotal + carry;
    let count = Math.floor(exact);
    carry = exact - count;
    if (d === days - 1) count = REQUESTS - made;
    count = Math.min(count, REQUESTS - made);
    const dayStart = start + d * DAY;
    const batch = [];
    for (let i = 0; i < count; i++) {
      const org = random.choose(orgTable);
      const country = countryByCode.get(org.country_code);
      // Filed mostly in local office hours.
      const localHour = random.chance(0.8) ? 7 + random.next() * 11 : random.next() * 24;
      let created = Math.floor(
        dayStart - (dayStart % DAY) + (localHour - COUNTRY_OFFSETS[country.code]) * HOUR + random.int(60_000),
      );
      if (created >= now) created = now - 1 - random.int(HOUR);
      if (created < start) created = start + random.int(HOUR);
      batch.push({ org, country, created });
    }
    batch.sort((a, b) => a.created - b.created);
    for (const item of batch) {
      writeRequest(item);
      made++;
      for (const writer of writers) if (writer.pending) await writer.waitPending();
    }
    if (d % 120 === 0) log(`  ${made.toLocaleString('en')} requests…`);
  }

  function writeRequest({ org, country, created }) {
    const area = random.choose(areaTable);
    const priority = random.choose(priorityTable);
    const urgent = priority === 'urgent';
    const language = languageOf(country);
    const id = randomUUID();
    const year = new Date(created).getUTCFullYear();
    const seq = (counters.get(year) ?? 0) + 1;
    counters.set(year, seq);
    const reference = `SR-${year}-${String(seq).padStart(6, '0')}`;
    const member = random.pick(org.members);
    const texts = random.pick(
      catalog.get(`${language}|${area}|${org.products[0]}`) ?? catalog.get(`es|${area}|${org.products[0]}`),
    );

    // What happens to it, as times; only what is before now is written.
    const route = random.chance(0.015) ? null : routeOf(country, area);
    let assignee = route?.person ?? null;
    let assignAt = route ? created : created + random.lognormal(20, 0.8) * HOUR; // nobody available: the admins assign it later
    if (!assignee) assignee = otherStaff(country, area, null);
    let frAt = Math.max(
      created + Math.max(0.05, random.lognormal(urgent ? 1.5 : 5, 1.1)) * HOUR,
      assignAt + 5 * 60_000,
    );
    const withdrawn = random.chance(0.035);
    const withdrawAt = withdrawn
      ? created + Math.min(random.lognormal(20, 1) * HOUR, (frAt - created) * 0.9)
      : Infinity;
    const waiting = random.chance(0.3);
    const waitStart = frAt + random.lognormal(12, 0.8) * HOUR;
    const waitEnd = waitStart + random.lognormal(40, 0.9) * HOUR;
    const stale = random.chance(0.003); // forgotten: never resolved
    let resAt = stale
      ? Infinity
      : Math.max(created + random.lognormal(urgent ? 40 : 110, 0.9) * HOUR, frAt + HOUR, waiting ? waitEnd + HOUR : 0);
    const reassign = random.chance(0.06)
      ? assignAt + (Math.min(resAt, now) - assignAt) * random.next() * 0.5
      : Infinity;
    const escalate = random.chance(0.015)
      ? assignAt + (Math.min(resAt, now) - assignAt) * random.next() * 0.6
      : Infinity;
    const reopen = random.chance(0.025);
    const firstResAt = resAt;
    const reopenAt = reopen ? firstResAt + random.lognormal(48, 0.6) * HOUR : Infinity;
    if (reopen) resAt = reopenAt + random.lognormal(40, 0.8) * HOUR;
    const confirm = random.chance(0.35);
    const closeAt = confirm
      ? resAt + Math.min(random.lognormal(20, 1) * HOUR, 6 * DAY)
      : resAt + 7 * DAY + random.int(HOUR);
    const rated = random.chance(0.42);
    const rateAt = resAt + Math.min(random.lognormal(10, 1) * HOUR, 6 * DAY);

    let status;
    if (withdrawAt <= now) status = 'withdrawn';
    else if (resAt <= now) status = closeAt <= now ? 'closed' : 'resolved';
    else if (assignAt > now) status = 'new';
    else if (frAt > now) status = 'assigned';
    else if (reopen && reopenAt <= now)
      status = waiting && waitStart <= now && waitEnd > now ? 'waiting_on_member' : 'in_progress';
    else if (waiting && waitStart <= now && waitEnd > now) status = 'waiting_on_member';
    else status = 'in_progress';
    statusCounts[status] = (statusCounts[status] ?? 0) + 1;

    const firstPerson = assignee;
    let currentAssignee = assignAt <= now && status !== 'new' ? assignee : null;
    let escalated = false;
    const events = [];
    const messages = [];
    const event = (at, actor, type, from, to, reason) => {
      if (at <= now)
        events.push(
          `${randomUUID()}\t${id}\t${actor ?? '\\N'}\t${type}\t${from ?? '\\N'}\t${to ?? '\\N'}\t${reason ?? '\\N'}\t${iso(at)}`,
        );
    };
    const message = (at, author, body, internal) => {
      if (at <= now) messages.push(`${randomUUID()}\t${id}\t${author}\t${body}\t${internal ? 't' : 'f'}\t${iso(at)}`);
      return at <= now;
    };
    event(created, member, 'created', null, 'new', null);
    const reason = route
      ? `${route.entry.country_code ? country.name : route.entry.region_code ? regionNames.get(country.region_code) : 'any place'} · ${route.entry.area_code ? areaNames.get(area) : 'any area'} → ${route.person.name} (${random.int(12)} open)`
      : `Nobody available covers ${country.name} · ${areaNames.get(area)}: waiting in the admins' triage queue`;
    event(created, null, 'routed', null, route ? route.person.name : null, reason);
    if (!route && assignAt <= Math.min(now, withdrawAt)) {
      event(assignAt, admin.id, 'assigned', null, assignee.name, null);
      event(assignAt, admin.id, 'status_changed', 'new', 'assigned', null);
    }
    let lastActivity = Math.max(created, Math.min(assignAt, now));
    let touches = route || status === 'new' ? 1 : 2;
    const responded = status !== 'withdrawn' && status !== 'new' && status !== 'assigned' && frAt <= now;
    if (status === 'withdrawn') {
      event(withdrawAt, member, 'status_changed', assignAt <= withdrawAt ? 'assigned' : 'new', 'withdrawn', null);
      if (assignAt > withdrawAt) currentAssignee = null;
      lastActivity = withdrawAt;
      touches++;
    } else {
      if (reassign < Math.min(resAt, now)) {
        const next = otherStaff(country, area, currentAssignee?.id);
        if (next && next.id !== currentAssignee?.id) {
          event(
            reassign,
            directorOf.get(country.region_code).id,
            'assigned',
            currentAssignee?.name ?? null,
            next.name,
            'Workload balance',
          );
          assignee = next;
          assignAt = reassign;
          if (currentAssignee) currentAssignee = next;
          touches++;
        }
      }
      if (escalate < Math.min(resAt, now) && status !== 'new') {
        const director = directorOf.get(country.region_code);
        event(escalate, assignee.id, 'escalated', assignee.name, director.name, 'Needs the regional director');
        assignee = director;
        assignAt = escalate;
        currentAssignee = director;
        escalated = true;
        touches++;
      }
      if (responded) {
        message(frAt, firstPerson.id, random.pick(MESSAGE_BODIES.staffFirst[language]), false);
        event(frAt, firstPerson.id, 'status_changed', 'assigned', 'in_progress', null);
        touches += 2;
        if (random.chance(0.15))
          message(created + (frAt - created) / 2, firstPerson.id, random.pick(MESSAGE_BODIES.internal), true) &&
            touches++;
        if (random.chance(0.3))
          message(frAt + random.lognormal(8, 1) * HOUR, member, random.pick(MESSAGE_BODIES.member[language]), false) &&
            touches++;
        if (random.chance(0.25))
          message(
            frAt + random.lognormal(30, 1) * HOUR,
            assignee.id,
            random.pick(MESSAGE_BODIES.staffFollowUp[language]),
            false,
          ) && touches++;
        if (waiting && waitStart <= now) {
          event(
            waitStart,
            assignee.id,
            'status_changed',
            'in_progress',
            'waiting_on_member',
            'Waiting for the documents',
          );
          touches++;
          if (waitEnd <= now) {
            message(waitEnd, member, random.pick(MESSAGE_BODIES.member[language]), false);
            event(waitEnd, member, 'status_changed', 'waiting_on_member', 'in_progress', null);
            touches += 2;
          }
        }
        if (firstResAt <= now) {
          message(firstResAt, assignee.id, random.pick(MESSAGE_BODIES.staffFollowUp[language]), false);
          event(firstResAt, assignee.id, 'status_changed', 'in_progress', 'resolved', null);
          touches += 2;
          if (reopen && reopenAt <= now) {
            event(reopenAt, member, 'status_changed', 'resolved', 'in_progress', 'The problem is back');
            touches++;
            if (resAt <= now) {
              event(resAt, assignee.id, 'status_changed', 'in_progress', 'resolved', null);
              touches++;
            }
          }
        }
        if (status === 'closed') {
          if (confirm) event(closeAt, member, 'status_changed', 'resolved', 'closed', null);
          else
            event(
              closeAt,
              null,
              'status_changed',
              'resolved',
              'closed',
              'Closed automatically after 7 days without activity',
            );
          touches++;
        }
      }
    }
    const resolved = status === 'resolved' || status === 'closed';
    const score = resolved && rated && rateAt <= now ? random.choose(scoreTable) : null;
    const comment = score !== null && random.chance(0.25) ? random.pick(SATISFACTION_COMMENTS) : null;
    if (score !== null) {
      event(rateAt, member, 'rated', null, String(score), comment);
      touches++;
    }
    for (const e of events) eventWriter.push(e);
    for (const m of messages) messageWriter.push(m);

    // SLA: due times in business hours from filing plus the business time spent waiting.
    const offset = COUNTRY_OFFSETS[country.code];
    const waitedUntil = Math.min(waitEnd, now);
    const pausedMinutes =
      waiting && responded && waitStart <= now && waitEnd <= now
        ? Math.round(((waitedUntil - waitStart) / 60_000) * (40 / 168))
        : 0;
    const frDue = addBusinessHours(created, urgent ? 4 : 16, offset);
    const resDue = addBusinessHours(created, (urgent ? 24 : 80) + pausedMinutes / 60, offset);
    const frActual = responded
      ? frAt
      : OPEN.has(status) && status !== 'waiting_on_member'
        ? now
        : status === 'withdrawn'
          ? withdrawAt
          : now;
    const resActual = resolved
      ? resAt
      : status === 'withdrawn'
        ? withdrawAt
        : status === 'waiting_on_member'
          ? waitStart
          : now;
    const breached = frActual > frDue || resActual > resDue;
    // The sweep's marks of each deadline flagged (migration SlaWarnings), so it does not flag them again.
    const frBreachedAt = frActual > frDue && frDue <= now ? iso(frDue) : '\\N';
    const resBreachedAt = resActual > resDue && resDue <= now ? iso(resDue) : '\\N';

    const times = [lastActivity, created];
    if (responded) times.push(frAt);
    if (resolved) times.push(resAt);
    if (status === 'closed') times.push(closeAt);
    if (score !== null) times.push(rateAt);
    const updatedAt = Math.min(now, Math.max(...times, ...(escalated ? [assignAt] : [])));
    if (currentAssignee)
      lastAssigned.set(
        currentAssignee.id,
        Math.max(lastAssigned.get(currentAssignee.id) ?? 0, Math.min(assignAt, now)),
      );

    const search = `'sr':1 '${year}':2 '${reference.slice(8)}':3 ${texts.search}`;
    const line = [
      id,
      reference,
      texts.subject,
      texts.description,
      status,
      priority,
      area,
      org.id,
      country.code,
      country.region_code,
      currentAssignee ? currentAssignee.id : '\\N',
      currentAssignee ? iso(Math.min(assignAt, now)) : '\\N',
      member,
      iso(created),
      iso(updatedAt),
      responded ? iso(frAt) : '\\N',
      resolved ? iso(resAt) : '\\N',
      status === 'closed' ? iso(closeAt) : '\\N',
      escalated ? 't' : 'f',
      route ? route.tier : '\\N',
      reason,
      route
        ? JSON.stringify({
            country: route.entry.country_code ?? null,
            region: route.entry.region_code ?? null,
            area: route.entry.area_code ?? null,
          })
        : '\\N',
      iso(frDue),
      iso(resDue),
      breached ? 't' : 'f',
      score ?? '\\N',
      comment ?? '\\N',
      touches,
      search,
      '',
      status === 'waiting_on_member' ? iso(waitStart) : '\\N',
      pausedMinutes,
      frBreachedAt,
      resBreachedAt,
    ].join('\t');
    requestWriter.push(line);
  }

  const [requestRows, messageRows, eventRows] = await Promise.all([
    requestWriter.end(),
    messageWriter.end(),
    eventWriter.end(),
  ]);
  await Promise.all([db, ...connections].map((client) => client.query('COMMIT')));
  log(
    `copied ${requestRows.toLocaleString('en')} requests, ${messageRows.toLocaleString('en')} messages, ${eventRows.toLocaleString('en')} events`,
  );

  // The reference counters continue after the last number given out each year.
  for (const [year, last] of counters) {
    await db.query(
      `INSERT INTO request_reference_counters (year, last_value) VALUES ($1, $2)
       ON CONFLICT (year) DO UPDATE SET last_value = GREATEST(request_reference_counters.last_value, EXCLUDED.last_value)`,
      [year, last],
    );
  }
  for (const [userId, at] of lastAssigned)
    await db.query(`UPDATE users SET last_assigned_at = $2 WHERE id = $1`, [userId, iso(at)]);

  log('recreating keys, indexes and foreign keys (checks every row)…');
  await restoreStructure([db, ...connections], structure);
  await db.query('ALTER TABLE requests ENABLE TRIGGER USER');
  // The reports' rollup (migration ReportIndexes; its triggers were off during the load):
  // built from the requests, the months split over the connections.
  const rollup = (await db.query(`SELECT to_regprocedure('report_rollup_build_months(date[])') IS NOT NULL AS present`))
    .rows[0].present;
  if (rollup) {
    log('building the report rollup…');
    await db.query('DELETE FROM report_deltas');
    const months = [];
    for (
      let m = new Date(Date.UTC(new Date(start).getUTCFullYear(), new Date(start).getUTCMonth(), 1));
      m.getTime() <= now;
      m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))
    ) {
      months.push(m.toISOString().slice(0, 10));
    }
    const all = [db, ...connections];
    await Promise.all(all.map((c) => c.query(`SET work_mem = '256MB'`)));
    await Promise.all([
      ...all
        .slice(0, 2)
        .map((c, i) =>
          c.query('SELECT report_rollup_build_months($1::date[])', [months.filter((_, j) => j % 2 === i)]),
        ),
      all[2].query('SELECT report_rollup_build_days(NULL)'),
    ]);
    // Quarter and year cells, from the month cells (migration ReportSpans).
    const spans = (
      await db.query(`SELECT to_regprocedure('report_rollup_build_spans(date[], int)') IS NOT NULL AS present`)
    ).rows[0].present;
    if (spans)
      await Promise.all([3, 12].map((span, i) => all[i].query('SELECT report_rollup_build_spans(NULL, $1)', [span])));
  }
  log('analyze…');
  await Promise.all([
    db.query('ANALYZE requests'),
    connections[0].query('ANALYZE request_messages'),
    connections[1].query('ANALYZE request_events'),
  ]);
  await db.query('VACUUM (ANALYZE) organizations, users, coverage_entries');
  for (const { table } of (
    await db.query(
      `SELECT tablename AS table FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'report\\_%'`,
    )
  ).rows) {
    await db.query(`VACUUM (ANALYZE) ${table}`);
  }

  const loadSeconds = (performance.now() - loadStart) / 1000;
  const { rows: counts } = await db.query(
    `SELECT 'organizations' AS table, count(*) FROM organizations UNION ALL SELECT 'users', count(*) FROM users
     UNION ALL SELECT 'coverage_entries', count(*) FROM coverage_entries UNION ALL SELECT 'requests', count(*) FROM requests
     UNION ALL SELECT 'request_messages', count(*) FROM request_messages UNION ALL SELECT 'request_events', count(*) FROM request_events
     UNION ALL SELECT 'request_reference_counters', count(*) FROM request_reference_counters`,
  );
  process.stdout.write('\nrows:\n');
  for (const row of counts)
    process.stdout.write(`  ${row.table.padEnd(28)} ${Number(row.count).toLocaleString('en').padStart(12)}\n`);
  process.stdout.write('requests by status:\n');
  for (const [status, n] of Object.entries(statusCounts).sort((a, b) => b[1] - a[1])) {
    process.stdout.write(`  ${status.padEnd(28)} ${n.toLocaleString('en').padStart(12)}\n`);
  }
  process.stdout.write(
    `\nfilled in ${loadSeconds.toFixed(1)} s (after migrations); total ${elapsed()}\ndatabase: ${url.replace(/\/\/[^@]*@/, '//')}\n`,
  );
  await Promise.all([db.end(), ...connections.map((c) => c.end())]);
}

main().catch((error) => {
  process.stderr.write(`seed:volume failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
