import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { REPORT_GROUPS } from '@portal/shared';
import { DEMO_PASSWORD, type EmbeddedDefaultPortal, startEmbeddedDefaultPortal } from '../support/api-harness';
import { call } from '../support/mixed-load';
import { expectedFigures, expectedKeys, KEYS_OF, listedKeys, type Row } from '../support/report-figures';

/** A free loopback port, for the embedded database (EMBEDDED_DATABASE_PORT) the test reads directly. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForOutput(portal: EmbeddedDefaultPortal, pattern: RegExp, timeoutMs: number): Promise<string> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const output = portal.api().output();
    if (/Demo history could not be loaded/.test(output)) throw new Error(`the demo history failed:\n${output}`);
    if (pattern.test(output)) return output;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${portal.api().output()}`);
}

/** Common words of Spanish and of English, to tell which one a text is in. */
const SPANISH = /\b(de|la|que|el|en|y|a|los|las|para|con|por|un|una|del|su|sus|les|se|lo|es|no)\b/gi;
const ENGLISH = /\b(the|and|with|you|your|we|for|of)\b/gi;

/**
 * The portal as a newcomer first starts it (`npm start`: the embedded database, demo mode):
 * the demo history loads in the background, once, and every screen it feeds agrees with the
 * requests behind it.
 */
describe('the demo history of a first start', () => {
  let portal: EmbeddedDefaultPortal;
  let db: Client;
  let databasePort: number;
  let banner: string;
  const token: Record<string, string> = {};

  const connect = async () => {
    const client = new Client({ connectionString: `postgres://postgres@127.0.0.1:${databasePort}/postgres` });
    await client.connect();
    return client;
  };
  const login = async (email: string) =>
    (token[email] ??= (
      await call(portal.url, 'POST', '/api/v1/auth/login', { body: { email, password: DEMO_PASSWORD } })
    ).body.accessToken);
  const get = async (email: string, path: string) => {
    const answer = await call(portal.url, 'GET', path, { token: await login(email) });
    expect([path, answer.status]).toEqual([path, 200]);
    return answer.body;
  };

  beforeAll(async () => {
    databasePort = await freePort();
    portal = await startEmbeddedDefaultPortal({ EMBEDDED_DATABASE_PORT: String(databasePort) });
    banner = portal.api().output();
    // Stopped while it loads (wherever it has got to: a chunk written, at least), the next start finishes it.
    db = await connect();
    for (;;) {
      const [job] = (await db.query(`SELECT result, finished_at FROM scheduled_job_runs WHERE job = 'demo-history'`))
        .rows;
      if (job && (job.finished_at || job.result.chunksDone >= 1)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await db.end();
    await portal.restart();
    await waitForOutput(
      portal,
      /Demo history loaded: [\d,]+ requests|Demo history: [\d,]+ requests .*\(loaded then\)/,
      240_000,
    );
    db = await connect();
  }, 400_000);
  afterAll(async () => {
    await db?.end();
    await portal?.stop();
  });

  /** The requests of a region filed in [from, to), as the reports count them. */
  const requestRows = async (region: string | null, from: string, to: string): Promise<Row[]> =>
    (
      await db.query(
        `SELECT r.organization_id, r.country_code, r.region_code, o.products, r.area_code, r.status, r.assignee_id, r.created_at,
                r.first_responded_at, r.resolved_at, r.breached, r.satisfaction_score
         FROM requests r JOIN organizations o ON o.id = r.organization_id
         WHERE ($1::text IS NULL OR r.region_code = $1) AND r.created_at >= $2 AND r.created_at < $3`,
        [region, from, to],
      )
    ).rows;
  const databaseNow = async () =>
    Number((await db.query(`SELECT extract(epoch FROM now()) * 1000 AS now`)).rows[0].now);

  it('loads after the portal answers, and says so', async () => {
    expect(banner).toMatch(/running at http/);
    expect(banner).toContain('Demo history: loading in the background');
    const { rows } = await db.query(`SELECT result, finished_at FROM scheduled_job_runs WHERE job = 'demo-history'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].finished_at).not.toBeNull();
    const {
      rows: [{ n }],
    } = await db.query(`SELECT count(*)::int AS n FROM requests`);
    expect(n).toBe(rows[0].result.requests);
    expect(n).toBeGreaterThan(2000);
  });

  it('finishes a load stopped halfway at the next start, every chunk once, over the 18 months before the first start', async () => {
    const [job] = (await db.query(`SELECT result FROM scheduled_job_runs WHERE job = 'demo-history'`)).rows;
    expect(job.result.chunksDone).toBe(job.result.chunks);
    const {
      rows: [requests],
    } = await db.query(
      `SELECT count(*)::int AS n, count(DISTINCT reference)::int AS references, extract(epoch FROM max(created_at)) * 1000 AS last, extract(epoch FROM min(created_at)) * 1000 AS first FROM requests`,
    );
    expect(requests.n).toBe(job.result.requests);
    expect(requests.references).toBe(requests.n);
    const anchor = Date.parse(job.result.anchor);
    expect(anchor - Number(requests.last)).toBeLessThan(2 * 86_400_000);
    expect(anchor - Number(requests.first)).toBeGreaterThan(17 * 30 * 86_400_000);
  });

  it("gives the Andean director's trend of the last 12 months requests in at least 10 months, as many as were filed and resolved", async () => {
    const trend = await get('director.and@clac.example', '/api/v1/reports/trend?interval=month');
    expect(trend.region).toBe('AND');
    expect(trend.points.filter((p: { new: number }) => p.new > 0).length).toBeGreaterThanOrEqual(10);
    const count = async (column: string) =>
      new Map(
        (
          await db.query(
            `SELECT to_char(date_trunc('month', ${column} AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS period, count(*)::int AS n
             FROM requests WHERE region_code = 'AND' AND ${column} >= $1 AND ${column} < $2 GROUP BY 1`,
            [trend.from, trend.to],
          )
        ).rows.map((r: { period: string; n: number }) => [r.period, r.n]),
      );
    const filed = await count('created_at');
    const resolved = await count('resolved_at');
    for (const point of trend.points)
      expect([point.period, point.new, point.resolved]).toEqual([
        point.period,
        filed.get(point.period) ?? 0,
        resolved.get(point.period) ?? 0,
      ]);
  });

  it("gives every grouping of the Andean director's load report medians and satisfaction, with the figures of a plain count over the requests", async () => {
    for (const groupBy of REPORT_GROUPS) {
      // The aging buckets and the SLA sweep move with the clock: compared at one moment (before and after the report agree).
      for (let attempt = 1; ; attempt++) {
        const before = await databaseNow();
        const report = await get('director.and@clac.example', `/api/v1/reports/load?groupBy=${groupBy}`);
        const rows = await requestRows('AND', report.from, report.to);
        const after = await databaseNow();
        const expected = {
          totals: expectedFigures(rows, before),
          // Every country and area of the region has its row, zeros included.
          rows: new Map(
            expectedKeys(rows, KEYS_OF[groupBy], await listedKeys(db, groupBy, 'AND')).map((key) => [
              key,
              expectedFigures(
                rows.filter((r) => KEYS_OF[groupBy](r).includes(key)),
                before,
              ),
            ]),
          ),
        };
        const same =
          isDeepStrictEqual(expectedFigures(rows, after), expected.totals) &&
          isDeepStrictEqual(await requestRows('AND', report.from, report.to), rows);
        if (!same && attempt < 3) continue;
        expect(report.totals.medianFirstResponseHours).toBeGreaterThan(0);
        expect(report.totals.medianResolutionHours).toBeGreaterThan(0);
        expect(report.totals.satisfactionAvg).toBeGreaterThan(0);
        expect([groupBy, report.totals]).toEqual([groupBy, expected.totals]);
        expect(report.rows.map((r: { key: string }) => r.key).sort()).toEqual([...expected.rows.keys()].sort());
        for (const row of report.rows)
          expect(row).toEqual({ key: row.key, label: expect.any(String), ...expected.rows.get(row.key) });
        break;
      }
    }
  });

  it("fills rep.pe1's inbox with a realistic day: overdue, waiting on the member, in progress, and a fresh reply from a member", async () => {
    const pe1 = 'rep.pe1@clac.example';
    const open = 'status=new,assigned,in_progress,waiting_on_member';
    expect((await get(pe1, `/api/v1/requests?assignee=me&breached=true&${open}`)).total).toBeGreaterThan(0);
    expect((await get(pe1, '/api/v1/requests?assignee=me&status=waiting_on_member')).total).toBeGreaterThan(0);
    const working = await get(pe1, '/api/v1/requests?assignee=me&status=in_progress&sort=-updatedAt');
    expect(working.total).toBeGreaterThan(0);
    const now = await databaseNow();
    let freshReply = false;
    for (const item of working.items) {
      const detail = await get(pe1, `/api/v1/requests/${item.id}`);
      const last = detail.timeline
        .filter((entry: { type: string; internal?: boolean }) => entry.type === 'message' && !entry.internal)
        .at(-1);
      if (last?.author.role === 'member' && now - Date.parse(last.createdAt) < 86_400_000) freshReply = true;
    }
    expect(freshReply).toBe(true);
  });

  it("gives Ana's organization resolved requests with staff answers in Spanish, ratings, and files as uploaded", async () => {
    const ana = 'ana@valle-alto.example';
    const list = await get(ana, '/api/v1/requests?status=resolved,closed&pageSize=40');
    expect(list.total).toBeGreaterThan(100);
    let rated = 0;
    let files = 0;
    for (const item of list.items) {
      const detail = await get(ana, `/api/v1/requests/${item.id}`);
      const answers = detail.timeline.filter(
        (entry: { type: string; author?: { role: string } }) =>
          entry.type === 'message' && entry.author!.role !== 'member',
      );
      expect(answers.length).toBeGreaterThan(0);
      for (const answer of answers) {
        expect([answer.body, (answer.body.match(SPANISH) ?? []).length >= 3]).toEqual([answer.body, true]);
        expect([answer.body, (answer.body.match(ENGLISH) ?? []).length]).toEqual([answer.body, 0]);
        expect(answer.internal).toBe(false);
      }
      if (detail.satisfaction) rated++;
      for (const file of [
        ...detail.attachments,
        ...detail.timeline.flatMap((entry: { attachments?: unknown[] }) => entry.attachments ?? []),
      ] as { id: string; size: number; contentType: string }[]) {
        const response = await fetch(`${portal.url}/api/v1/attachments/${file.id}`, {
          headers: { authorization: `Bearer ${token[ana]}` },
        });
        const bytes = Buffer.from(await response.arrayBuffer());
        const [stored] = (await db.query(`SELECT sha256, size_bytes FROM attachments WHERE id = $1`, [file.id])).rows;
        expect([
          response.status,
          response.headers.get('content-type'),
          bytes.length,
          createHash('sha256').update(bytes).digest('hex'),
        ]).toEqual([200, file.contentType, stored.size_bytes, stored.sha256]);
        files++;
      }
    }
    expect(rated).toBeGreaterThan(5);
    expect(files).toBeGreaterThan(0);
  });

  it('agrees with itself: statuses and first answers with the timelines, files on disk with their rows, no email left to send', async () => {
    const {
      rows: [counts],
    } = await db.query(`
      SELECT
        (SELECT count(*)::int FROM requests r WHERE r.status <> COALESCE(
           (SELECT e.to_value FROM request_events e WHERE e.request_id = r.id AND e.type = 'status_changed' ORDER BY e.created_at DESC LIMIT 1),
           CASE WHEN r.assignee_id IS NULL THEN 'new' ELSE 'assigned' END)) AS wrong_status,
        (SELECT count(*)::int FROM requests r WHERE r.first_responded_at IS DISTINCT FROM
           (SELECT min(m.created_at) FROM request_messages m JOIN users u ON u.id = m.author_id WHERE m.request_id = r.id AND NOT m.internal AND u.role <> 'member')) AS wrong_first_response,
        (SELECT count(*)::int FROM requests WHERE resolution_due_at IS NULL OR routing_tier IS NULL) AS unrouted,
        (SELECT count(*)::int FROM notifications WHERE email_status IN ('pending', 'sending')) AS unsent,
        (SELECT count(*)::int FROM requests WHERE escalated) AS escalated,
        (SELECT count(*)::int FROM requests WHERE breached) AS breached,
        (SELECT count(DISTINCT request_id)::int FROM request_messages WHERE internal) AS with_notes,
        (SELECT count(*)::int FROM holidays WHERE country_code = 'PE') AS peru_holidays`);
    expect(counts).toMatchObject({ wrong_status: 0, wrong_first_response: 0, unrouted: 0, unsent: 0 });
    expect(counts.escalated).toBeGreaterThan(0);
    expect(counts.breached).toBeGreaterThan(0);
    expect(counts.with_notes).toBeGreaterThan(0);
    expect(counts.peru_holidays).toBeGreaterThan(20);
    const { rows: files } = await db.query(`SELECT storage_key, size_bytes, sha256 FROM attachments`);
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const bytes = readFileSync(join(portal.dataDir, 'attachments', file.storage_key));
      expect([file.storage_key, bytes.length, createHash('sha256').update(bytes).digest('hex')]).toEqual([
        file.storage_key,
        file.size_bytes,
        file.sha256,
      ]);
    }
  });

  it("marks the history's old unrated resolutions as reminded then: the reminder job emails none of them", async () => {
    // A run of the reminder job that began after the history was written (every minute).
    const deadline = Date.now() + 150_000;
    for (;;) {
      const { rows } = await db.query(
        `SELECT 1 FROM scheduled_job_runs reminder, scheduled_job_runs history
         WHERE reminder.job = 'satisfaction-reminder' AND reminder.finished_at IS NOT NULL
           AND history.job = 'demo-history' AND reminder.started_at > history.finished_at`,
      );
      if (rows.length > 0) break;
      if (Date.now() > deadline) throw new Error('no satisfaction-reminder run after the demo history');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const {
      rows: [counts],
    } = await db.query(`
      SELECT
        (SELECT count(*)::int FROM satisfaction_reminders s JOIN requests r ON r.id = s.request_id
          WHERE s.sent_at = r.resolved_at + interval '3 days') AS reminded_in_the_past,
        -- Claimed by the live job for a request that had been due for more than an hour.
        (SELECT count(*)::int FROM satisfaction_reminders s JOIN requests r ON r.id = s.request_id
          WHERE s.sent_at > r.resolved_at + interval '3 days 1 hour') AS reminded_late`);
    expect(counts.reminded_in_the_past).toBeGreaterThan(0);
    expect(counts.reminded_late).toBe(0);
  }, 180_000);

  it('loads only once per data folder: a restart says it is there and adds nothing', async () => {
    const {
      rows: [before],
    } = await db.query(`SELECT count(*)::int AS n FROM requests`);
    await db.end();
    await portal.restart();
    db = await connect();
    const output = portal.api().output();
    expect(output).toContain(
      `Demo history: ${before.n.toLocaleString('en')} requests of the 18 months before the first start (loaded then).`,
    );
    expect(output).not.toContain('loading in the background');
    const {
      rows: [after],
    } = await db.query(`SELECT count(*)::int AS n FROM requests`);
    expect(after.n).toBe(before.n);
  }, 180_000);
});
