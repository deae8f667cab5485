import { sqlRow, sqlRows } from '../../common/typed-sql';
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Language, Role } from '@portal/shared';
import demo from '../../../../shared/data/demo.json';
import type { CandidateCoverage } from '../../requests/routing/routing-engine';
import { demoHolidays } from './calendar';
import { historySteps } from './generator';
import type { DemoHistory, HistoryInput } from './types';
import { DEMO_HISTORY_JOB, type HistoryProgress, writeChunk } from './writer';

/** The same seed on every first start: the same kind of history, drawn the same way. */
export const DEMO_HISTORY_SEED = 2026;
const MONTHS = 18;
/** Requests per transaction: a chunk holds the embedded database about a second. */
const CHUNK_REQUESTS = 250;

export interface DemoHistorySummary {
  requests: number;
  messages: number;
  attachments: number;
  notifications: number;
  from: string;
  to: string;
  /** How long loading took (generating and writing), in seconds. */
  seconds: number;
}

export interface DemoHistoryLoad {
  /** loaded: a start before this one loaded it; loading: it loads now, in the background. */
  state: 'loaded' | 'loading';
  /** The history once it is in the database (null: stopped before the end); rejects when loading failed. */
  done: Promise<DemoHistorySummary | null>;
  /** Stops after the chunk being written (the next start goes on from there). */
  stop(): Promise<void>;
}

export interface DemoHistoryOptions {
  dataSource: DataSource;
  attachmentsDir: string;
  /** What the outbox would have made of the history's emails: sent through SMTP, or written to the log. */
  emailStatus: 'logged' | 'sent';
  /** Folds the reports' pending changes into their cells (the scheduled job's compaction). */
  compact: () => Promise<unknown>;
  logger: Logger;
}

/**
 * The demo history (README, "Demo data"): in demo mode, on a database that has not had it,
 * about 18 months of requests of the demo organizations, loaded once. This claims the load
 * (a row of scheduled_job_runs, so one process loads it however many start at once) and
 * returns at once; the history is generated and written in the background, in chunks, while
 * the portal answers. A load interrupted by a stop goes on at the next start, from the chunk
 * it reached (the same seed and end moment give the same history).
 */
export async function startDemoHistory(options: DemoHistoryOptions): Promise<DemoHistoryLoad> {
  const { dataSource } = options;
  type JobRow = { result: HistoryProgress & Partial<DemoHistorySummary>; finished_at: Date | null };
  const claimed = await sqlRow<JobRow>(
    dataSource,
    `INSERT INTO scheduled_job_runs (job, slot, run_by, result)
     VALUES ($1, 0, $2, jsonb_build_object('seed', $3::int, 'anchor', now(), 'chunks', NULL, 'chunksDone', 0))
     ON CONFLICT (job, slot) DO NOTHING RETURNING result`,
    [DEMO_HISTORY_JOB, `${hostname()}:${process.pid}`, DEMO_HISTORY_SEED],
  );
  let progress: HistoryProgress & Partial<DemoHistorySummary>;
  if (claimed) progress = claimed.result;
  else {
    const row = await sqlRow<JobRow>(
      dataSource,
      `SELECT result, finished_at FROM scheduled_job_runs WHERE job = $1 AND slot = 0`,
      [DEMO_HISTORY_JOB],
    );
    if (!row) throw new Error('demo history: its job row vanished');
    if (row.finished_at)
      return { state: 'loaded', done: Promise.resolve(row.result as DemoHistorySummary), stop: async () => undefined };
    progress = row.result;
  }

  let stopping = false;
  const done = load(options, progress, () => stopping);
  // Failures are the caller's to report; this keeps an unobserved rejection from ending the process.
  done.catch(() => undefined);
  return {
    state: 'loading',
    done,
    async stop() {
      stopping = true;
      await done.catch(() => undefined);
    },
  };
}

async function load(
  options: DemoHistoryOptions,
  progress: HistoryProgress,
  stopping: () => boolean,
): Promise<DemoHistorySummary | null> {
  const { dataSource } = options;
  const started = performance.now();
  const now = Date.parse(progress.anchor);
  const organizationCountries = [...new Set(demo.organizations.map((o) => o.country))];
  const year = new Date(now).getUTCFullYear();
  // The demo countries' public holidays, which their SLA clocks skip (the history's and, from now on, live requests').
  await dataSource.query(
    `INSERT INTO holidays (country_code, date, name)
     SELECT h.country, h.date, h.name FROM jsonb_to_recordset($1::jsonb) AS h(country text, date date, name text)
     ON CONFLICT (country_code, date) DO NOTHING`,
    [JSON.stringify(demoHolidays(organizationCountries, year - 2, year + 1))],
  );
  const input = await readInput(dataSource, progress.seed, now);
  const history = await generate(input);
  const generated = performance.now();
  const chunks: DemoHistory['cases'][] = [];
  for (let i = 0; i < history.cases.length; i += CHUNK_REQUESTS)
    chunks.push(history.cases.slice(i, i + CHUNK_REQUESTS));
  await dataSource.query(
    `UPDATE scheduled_job_runs SET result = jsonb_set(result, '{chunks}', to_jsonb($2::int)) WHERE job = $1 AND slot = 0`,
    [DEMO_HISTORY_JOB, chunks.length],
  );
  for (const [index, chunk] of chunks.entries()) {
    if (stopping()) return null;
    await writeChunk(dataSource, index, chunk, options);
  }

  const written = performance.now();
  // The people and organizations were there all along; staff were last given a request when the history says.
  const users = [...input.staff, ...input.organizations.flatMap((o) => o.members)].map((person) => person.id);
  const since = new Date(now - (MONTHS * 30.44 + 30) * 86_400_000).toISOString();
  await dataSource.query(`UPDATE users SET created_at = LEAST(created_at, $2) WHERE id = ANY($1::uuid[])`, [
    users,
    since,
  ]);
  await dataSource.query(`UPDATE organizations SET created_at = LEAST(created_at, $2) WHERE id = ANY($1::uuid[])`, [
    input.organizations.map((o) => o.id),
    since,
  ]);
  await dataSource.query(
    `UPDATE users u SET last_assigned_at = GREATEST(u.last_assigned_at, v.at)
     FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, at timestamptz) WHERE u.id = v.id`,
    [JSON.stringify([...history.lastAssigned].map(([id, at]) => ({ id, at: new Date(at).toISOString() })))],
  );
  // The rollup is exact with the history's changes pending; folded, the reports read fewer of them.
  await options.compact();
  for (const table of [
    'requests',
    'request_messages',
    'request_events',
    'attachments',
    'notifications',
    'report_counts',
    'report_values',
    'report_days',
    'report_hists',
    'report_org_values',
  ]) {
    await dataSource.query(`ANALYZE ${table}`);
  }

  const summary: DemoHistorySummary = {
    requests: history.cases.length,
    messages: history.cases.reduce((n, c) => n + c.messages.length, 0),
    attachments: history.cases.reduce((n, c) => n + c.attachments.length, 0),
    notifications: history.cases.reduce((n, c) => n + c.notifications.length, 0),
    from: new Date(history.cases[0]?.request.createdAt ?? now).toISOString(),
    to: new Date(now).toISOString(),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
  await dataSource.query(
    `UPDATE scheduled_job_runs SET finished_at = now(), result = result || $2::jsonb WHERE job = $1 AND slot = 0 AND finished_at IS NULL`,
    [DEMO_HISTORY_JOB, JSON.stringify(summary)],
  );
  const seconds = (from: number, to: number) => Math.round((to - from) / 100) / 10;
  options.logger.info(
    {
      demoHistory: summary,
      seconds: {
        generate: seconds(started, generated),
        write: seconds(generated, written),
        fold: seconds(written, performance.now()),
      },
    },
    'demo history loaded',
  );
  return summary;
}

/** The generator, letting the event loop run between its steps: the portal answers meanwhile. */
async function generate(input: HistoryInput): Promise<DemoHistory> {
  const steps = historySteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The demo organizations and accounts as the database holds them now, with the reference data, SLA policies and holidays. */
async function readInput(dataSource: DataSource, seed: number, now: number): Promise<HistoryInput> {
  const demoEmails = demo.users.map((u) => u.email.toLowerCase());
  const [countries, regions, areas, organizations, users, coverage, policies, holidays] = await Promise.all([
    sqlRows<unknown>(
      dataSource,
      `SELECT code, region_code, timezone, COALESCE(name->>'en', code) AS name FROM countries`,
    ),
    sqlRows<unknown>(dataSource, `SELECT code, COALESCE(name->>'en', code) AS name FROM regions`),
    sqlRows<unknown>(dataSource, `SELECT code, COALESCE(name->>'en', code) AS name FROM thematic_areas`),
    sqlRows<unknown>(dataSource, `SELECT id, name, country_code, kind, products FROM organizations WHERE active`),
    sqlRows<unknown>(
      dataSource,
      `SELECT id, lower(email) AS email, name, role, language, organization_id, region_code, contact, available
       FROM users WHERE active AND lower(email) = ANY($1::text[]) ORDER BY id`,
      [demoEmails],
    ),
    sqlRows<unknown>(
      dataSource,
      `SELECT c.user_id, u.name, u.role, u.available, c.country_code, c.region_code, c.area_code, k.region_code AS country_region
       FROM coverage_entries c JOIN users u ON u.id = c.user_id LEFT JOIN countries k ON k.code = c.country_code
       WHERE u.active AND lower(u.email) = ANY($1::text[]) AND u.role IN ('representative', 'specialist', 'director', 'admin')
       ORDER BY c.user_id, c.id`,
      [demoEmails],
    ),
    sqlRows<unknown>(
      dataSource,
      `SELECT area_code, priority, first_response_hours, resolution_hours FROM sla_policies`,
    ),
    sqlRows<unknown>(dataSource, `SELECT country_code, to_char(date, 'YYYY-MM-DD') AS date FROM holidays`),
  ]);
  type UserRow = {
    id: string;
    email: string;
    name: string;
    role: Role;
    language: Language;
    organization_id: string | null;
    region_code: string | null;
    contact: boolean;
    available: boolean;
  };
  type CoverageRow = {
    user_id: string;
    name: string;
    role: Role;
    available: boolean;
    country_code: string | null;
    region_code: string | null;
    area_code: string | null;
    country_region: string | null;
  };
  const keyOf = new Map(demo.organizations.map((o) => [`${o.name.toLowerCase()}|${o.country}`, o.key]));
  const holidaySets = new Map<string, Set<string>>();
  for (const row of holidays as { country_code: string; date: string }[]) {
    if (!holidaySets.has(row.country_code)) holidaySets.set(row.country_code, new Set());
    holidaySets.get(row.country_code)!.add(row.date);
  }
  const coverageRows = coverage as CoverageRow[];
  return {
    seed,
    now,
    months: MONTHS,
    countries: new Map(
      (countries as { code: string; region_code: string; timezone: string }[]).map((c) => [
        c.code,
        { code: c.code, region: c.region_code, timeZone: c.timezone },
      ]),
    ),
    names: {
      countries: new Map((countries as { code: string; name: string }[]).map((c) => [c.code, c.name])),
      regions: new Map((regions as { code: string; name: string }[]).map((r) => [r.code, r.name])),
      areas: new Map((areas as { code: string; name: string }[]).map((a) => [a.code, a.name])),
    },
    organizations: (
      organizations as {
        id: string;
        name: string;
        country_code: string;
        kind: 'small-producer' | 'workers';
        products: string[];
      }[]
    )
      .filter((o) => keyOf.has(`${o.name.toLowerCase()}|${o.country_code}`))
      .map((o) => ({
        id: o.id,
        key: keyOf.get(`${o.name.toLowerCase()}|${o.country_code}`)!,
        name: o.name,
        country: o.country_code,
        kind: o.kind,
        products: o.products.length > 0 ? o.products : ['coffee'],
        members: (users as UserRow[])
          .filter((u) => u.role === 'member' && u.organization_id === o.id)
          .map((u) => ({ id: u.id, name: u.name, language: u.language, contact: u.contact })),
      }))
      .filter((o) => o.members.length > 0)
      .sort((a, b) => a.key.localeCompare(b.key)),
    staff: (users as UserRow[])
      .filter((u) => ['representative', 'specialist', 'director', 'admin'].includes(u.role))
      .map((u) => ({
        id: u.id,
        name: u.name,
        role: u.role,
        region: u.region_code,
        available: u.available,
        language: u.language,
        coverageRegions: coverageRows.filter((c) => c.user_id === u.id).map((c) => c.region_code ?? c.country_region),
      })),
    coverage: coverageRows.map((c): CandidateCoverage => ({
      userId: c.user_id,
      name: c.name,
      role: c.role,
      available: c.available,
      country: c.country_code,
      region: c.region_code,
      area: c.area_code,
    })),
    policies: new Map(
      (
        policies as { area_code: string; priority: string; first_response_hours: number; resolution_hours: number }[]
      ).map((p) => [
        `${p.area_code}|${p.priority}`,
        { firstResponseHours: p.first_response_hours, resolutionHours: p.resolution_hours },
      ]),
    ),
    holidays: holidaySets,
  };
}
