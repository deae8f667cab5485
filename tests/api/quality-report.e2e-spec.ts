import { QUALITY_GROUPS, type QualityFigures, REQUEST_STATUSES } from '@portal/shared';
import { startTestPortal, type TestPortal } from '../support/api-harness';
import { foldRollup, listedKeys, seededRandom } from '../support/report-figures';

/** How each grouping keys a request in plain SQL. */
const KEY_SQL: Record<string, string> = {
  region: 'r.region_code',
  country: 'r.country_code',
  area: 'r.area_code',
  assignee: `COALESCE(r.assignee_id::text, 'none')`,
  organization: 'r.organization_id::text',
};

/** The quality figures' makings per key, as a plain count over `requests` (the definition). */
const PLAIN_COUNTS = (key: string) => `
  SELECT ${key} AS key,
         count(*)::int AS total,
         count(*) FILTER (WHERE r.resolved_at IS NOT NULL)::int AS resolved,
         count(r.satisfaction_score)::int AS ratings,
         ${[1, 2, 3, 4, 5].map((s) => `count(*) FILTER (WHERE r.satisfaction_score = ${s})::int AS s${s}`).join(', ')},
         avg(r.satisfaction_score)::float8 AS average,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.first_responded_at - r.created_at) / 3600) FILTER (WHERE r.first_responded_at IS NOT NULL) AS median_fr,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.resolved_at - r.created_at) / 3600) FILTER (WHERE r.resolved_at IS NOT NULL) AS median_res,
         count(r.first_responded_at)::int AS responded,
         count(*) FILTER (WHERE r.first_responded_at <= r.first_response_due_at)::int AS fr_on_time,
         count(*) FILTER (WHERE r.resolved_at <= r.resolution_due_at)::int AS res_on_time,
         count(*) FILTER (WHERE r.breached)::int AS breached
  FROM requests r
  WHERE r.created_at >= $1 AND r.created_at < $2 AND ($3::text IS NULL OR r.region_code = $3)
  GROUP BY 1`;

interface PlainRow {
  key: string;
  total: number;
  resolved: number;
  ratings: number;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
  average: number | null;
  median_fr: number | null;
  median_res: number | null;
  responded: number;
  fr_on_time: number;
  res_on_time: number;
  breached: number;
}

const round = (value: number | null, digits: number) =>
  value === null ? null : Math.round(Number(value) * 10 ** digits) / 10 ** digits;
const share = (part: number, whole: number) => (whole > 0 ? round(part / whole, 4) : null);

/** The API's figures made from the plain counts (or zeros for a key with no request). */
function figuresOf(row: PlainRow | undefined): QualityFigures {
  const r = row ?? {
    key: '',
    total: 0,
    resolved: 0,
    ratings: 0,
    s1: 0,
    s2: 0,
    s3: 0,
    s4: 0,
    s5: 0,
    average: null,
    median_fr: null,
    median_res: null,
    responded: 0,
    fr_on_time: 0,
    res_on_time: 0,
    breached: 0,
  };
  return {
    total: r.total,
    resolved: r.resolved,
    ratings: r.ratings,
    responseRate: share(r.ratings, r.resolved),
    scores: { '1': r.s1, '2': r.s2, '3': r.s3, '4': r.s4, '5': r.s5 },
    averageScore: round(r.average, 2),
    medianFirstResponseHours: round(r.median_fr, 1),
    firstResponses: r.responded,
    firstResponsesOnTime: r.fr_on_time,
    firstResponseOnTimeRate: share(r.fr_on_time, r.responded),
    medianResolutionHours: round(r.median_res, 1),
    resolutionsOnTime: r.res_on_time,
    resolutionOnTimeRate: share(r.res_on_time, r.resolved),
    breached: r.breached,
  };
}

describe('the quality report', () => {
  let portal: TestPortal;
  const token: Record<string, string> = {};
  let now: number;

  beforeAll(async () => {
    portal = await startTestPortal();
    for (const email of [
      'director.and@clac.example',
      'executive@clac.example',
      'admin@clac.example',
      'rep.pe1@clac.example',
      'ana@valle-alto.example',
    ]) {
      token[email] = (await portal.login(email)).accessToken;
    }
    const { rows: orgs } = await portal.db.query(
      `SELECT o.id, o.country_code, c.region_code, (SELECT u.id FROM users u WHERE u.organization_id = o.id LIMIT 1) AS member
       FROM organizations o JOIN countries c ON c.code = o.country_code ORDER BY o.name`,
    );
    const { rows: staff } = await portal.db.query(
      `SELECT id FROM users WHERE role IN ('representative', 'director', 'specialist') ORDER BY email`,
    );
    const areas = ['market-access', 'standards-compliance', 'climate-resilience', 'human-rights'];
    now = Number((await portal.db.query(`SELECT extract(epoch FROM now()) * 1000 AS now`)).rows[0].now);
    const next = seededRandom(20);
    const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
    const hour = 3_600_000;
    // 250 requests over 600 days: every score, met and missed due times, unresolved and unrated ones.
    for (let i = 0; i < 250; i++) {
      const org = pick(orgs);
      const status = pick([...REQUEST_STATUSES]);
      const created = new Date(now - Math.floor(next() * 600) * 86_400_000 - 43_200_000);
      const responded =
        status === 'new' || next() < 0.15 ? null : new Date(created.getTime() + Math.floor(next() * 60) * hour);
      const resolved = ['resolved', 'closed'].includes(status)
        ? new Date(created.getTime() + Math.floor(next() * 300) * hour)
        : null;
      const score = resolved && next() < 0.7 ? 1 + Math.floor(next() * 5) : null;
      await portal.db.query(
        `INSERT INTO requests (reference, subject, description, status, area_code, organization_id, country_code, region_code, assignee_id,
                               created_by, created_at, first_responded_at, resolved_at, breached, satisfaction_score, satisfaction_comment,
                               first_response_due_at, resolution_due_at, routing_reason)
         VALUES ($1, $2, 'x', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 'test')`,
        [
          `SR-2026-8${String(i).padStart(5, '0')}`,
          `Calidad ${i}`,
          status,
          pick(areas),
          org.id,
          org.country_code,
          org.region_code,
          status === 'new' ? null : pick(staff).id,
          org.member,
          created,
          responded,
          resolved,
          next() < 0.25,
          score,
          score !== null && next() < 0.7 ? `Comentario ${i}` : null,
          next() < 0.1 ? null : new Date(created.getTime() + 24 * hour),
          next() < 0.1 ? null : new Date(created.getTime() + 120 * hour),
        ],
      );
    }
  });
  afterAll(async () => {
    await portal?.stop();
  });

  const fold = () => foldRollup(portal.db);

  /** Every grouping's rows and totals equal the plain count, for the caller's scope. */
  async function expectPlainFigures(who: string, region: string | null, from: Date, to: Date) {
    const range = `from=${from.toISOString()}&to=${to.toISOString()}`;
    for (const groupBy of QUALITY_GROUPS) {
      const answer = await portal.request('GET', `/api/v1/reports/quality?groupBy=${groupBy}&${range}`, {
        token: token[who],
      });
      expect(answer.status).toBe(200);
      expect(answer.body.region).toBe(region);
      const plain = (await portal.db.query(PLAIN_COUNTS(KEY_SQL[groupBy]), [from, to, region])).rows as PlainRow[];
      const [all] = (await portal.db.query(PLAIN_COUNTS(`'all'`), [from, to, region])).rows as PlainRow[];
      expect(answer.body.totals).toEqual(figuresOf(all));
      const listed = await listedKeys(portal.db, groupBy, region);
      expect(answer.body.rows.map((r: { key: string }) => r.key).sort()).toEqual(
        [...new Set([...plain.map((r) => r.key), ...listed])].sort(),
      );
      for (const row of answer.body.rows) {
        expect({ groupBy, ...row }).toEqual({
          groupBy,
          key: row.key,
          label: expect.any(String),
          ...figuresOf(plain.find((p) => p.key === row.key)),
        });
      }
      expect(answer.body.lowScores).toBe(all ? all.s1 + all.s2 : 0);
    }
  }

  it('gives per grouping the figures of a plain count over the same requests, from the rollup folded or with changes pending', async () => {
    const from = new Date(now - 500 * 86_400_000);
    const to = new Date(now + 60_000);
    // Pending changes only (the inserts' deltas), then folded into month, quarter and year cells.
    await expectPlainFigures('executive@clac.example', null, from, to);
    await fold();
    expect((await portal.db.query(`SELECT count(*)::int AS n FROM report_deltas`)).rows[0].n).toBe(0);
    await expectPlainFigures('admin@clac.example', null, from, to);
    // A moved due time and a changed score after the fold: pending −1/+1 on top of the cells.
    await portal.db.query(
      `UPDATE requests SET first_response_due_at = first_response_due_at - interval '30 hours', resolution_due_at = resolution_due_at + interval '200 hours'
       WHERE reference LIKE 'SR-2026-8%' AND reference < 'SR-2026-800080'`,
    );
    await portal.db.query(
      `UPDATE requests SET satisfaction_score = 6 - satisfaction_score WHERE reference LIKE 'SR-2026-8%' AND satisfaction_score IS NOT NULL AND reference >= 'SR-2026-800150'`,
    );
    expect((await portal.db.query(`SELECT count(*)::int AS n FROM report_deltas`)).rows[0].n).toBeGreaterThan(0);
    await expectPlainFigures('executive@clac.example', null, from, to);
    // A range whose ends are not month boundaries, and one shorter than a month.
    await expectPlainFigures(
      'executive@clac.example',
      null,
      new Date(now - 400 * 86_400_000 + 3_600_000),
      new Date(now - 40 * 86_400_000),
    );
    await expectPlainFigures('executive@clac.example', null, new Date(now - 20 * 86_400_000), to);
  });

  it("gives a director its region's rows and low-score comments only", async () => {
    const from = new Date(now - 500 * 86_400_000);
    const to = new Date(now + 60_000);
    await expectPlainFigures('director.and@clac.example', 'AND', from, to);
    // What members said went wrong with a low score (the satisfaction page's reasons), on some of them.
    await portal.db.query(
      `UPDATE requests SET satisfaction_reasons = ARRAY['slow', 'not-my-language']
       WHERE id IN (SELECT id FROM requests WHERE satisfaction_score <= 2 AND region_code = 'AND' ORDER BY created_at DESC, id LIMIT 3)`,
    );
    const answer = await portal.request('GET', `/api/v1/reports/quality?groupBy=country&from=${from.toISOString()}`, {
      token: token['director.and@clac.example'],
    });
    const { rows: expected } = await portal.db.query(
      `SELECT r.reference, r.satisfaction_score AS score, r.satisfaction_comment AS comment, r.satisfaction_reasons AS reasons, r.region_code
       FROM requests r WHERE r.satisfaction_score <= 2 AND r.region_code = 'AND' AND r.created_at >= $1
       ORDER BY r.created_at DESC, r.id LIMIT 50`,
      [from],
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(
      answer.body.lowScoreComments.map(
        (c: { reference: string; score: number; comment: string | null; reasons: string[] }) => ({
          reference: c.reference,
          score: c.score,
          comment: c.comment,
          reasons: c.reasons,
          region_code: 'AND',
        }),
      ),
    ).toEqual(expected);
    expect(answer.body.lowScoreComments.slice(0, 3).map((c: { reasons: string[] }) => c.reasons)).toEqual(
      Array(3).fill(['slow', 'not-my-language']),
    );
    expect(answer.body.lowScoreComments.every((c: { region: string }) => c.region === 'AND')).toBe(true);
    // The executive sees the other regions' low scores too.
    const all = await portal.request('GET', `/api/v1/reports/quality?from=${from.toISOString()}`, {
      token: token['executive@clac.example'],
    });
    expect(new Set(all.body.lowScoreComments.map((c: { region: string }) => c.region)).size).toBeGreaterThan(1);
    // Another region is refused, not answered empty.
    const other = await portal.request('GET', '/api/v1/reports/quality?region=CAM', {
      token: token['director.and@clac.example'],
    });
    expect(other.status).toBe(403);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
    expect(other.body.code).toBe('reports.other-region');
  });

  it('refuses members and representatives with a 403 problem, and bad parameters with a 400', async () => {
    for (const who of ['ana@valle-alto.example', 'rep.pe1@clac.example']) {
      for (const path of ['/api/v1/reports/quality', '/api/v1/reports/quality.csv']) {
        const answer = await portal.request('GET', path, { token: token[who] });
        expect(answer.status).toBe(403);
        expect(answer.headers.get('content-type')).toContain('application/problem+json');
      }
    }
    for (const query of [
      'groupBy=status',
      'groupBy=product',
      'from=2026-13-01',
      'timeZone=Mars/Base',
      'from=2026-02-01&to=2026-01-01',
    ]) {
      const answer = await portal.request('GET', `/api/v1/reports/quality?${query}`, {
        token: token['admin@clac.example'],
      });
      expect({ query, status: answer.status }).toEqual({ query, status: 400 });
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('downloads the quality report as CSV with the same rows as the JSON', async () => {
    const from = new Date(now - 500 * 86_400_000).toISOString();
    const json = await portal.request('GET', `/api/v1/reports/quality?groupBy=assignee&from=${from}`, {
      token: token['director.and@clac.example'],
    });
    const response = await fetch(`${portal.url}/api/v1/reports/quality.csv?groupBy=assignee&from=${from}`, {
      headers: { authorization: `Bearer ${token['director.and@clac.example']}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="quality-by-assignee-/);
    const bytes = Buffer.from(await response.arrayBuffer());
    // A byte-order mark first, so spreadsheet programs read the accents as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    const header = lines[0].split(',');
    expect(header).toEqual([
      'key',
      'label',
      'total',
      'resolved',
      'ratings',
      'response_rate',
      'score_1',
      'score_2',
      'score_3',
      'score_4',
      'score_5',
      'average_score',
      'median_first_response_hours',
      'first_responses',
      'first_responses_on_time',
      'first_response_on_time_rate',
      'median_resolution_hours',
      'resolutions_on_time',
      'resolution_on_time_rate',
      'breached',
    ]);
    const cell = (cells: string[], name: string) => cells[header.indexOf(name)];
    const body = lines.slice(1, -1).map((line) => line.split(','));
    expect(body.map((cells) => [cells[0], Number(cell(cells, 'resolved')), Number(cell(cells, 'score_1'))])).toEqual(
      json.body.rows.map((r: QualityFigures & { key: string }) => [r.key, r.resolved, r.scores['1']]),
    );
    const totals = lines.at(-1)!.split(',');
    expect([totals[0], totals[1], Number(cell(totals, 'ratings'))]).toEqual([
      'total',
      'Total',
      json.body.totals.ratings,
    ]);
  });
});
