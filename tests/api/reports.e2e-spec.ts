import { REQUEST_STATUSES } from '@portal/shared';
import { OrganizationCells } from '../../api/src/reports/organization-cells';
import { clientConnection, loadQueries, runReportQuery } from '../../api/src/reports/report-sql';
import { startTestPortal, type TestPortal } from '../support/api-harness';
import {
  cameDue,
  expectedFigures,
  expectedKeys,
  foldRollup,
  KEYS_OF,
  listedKeys,
  type Row,
  seededRandom,
} from '../support/report-figures';
import { readWorkbook } from '../support/xlsx';

describe('reports of request load for directors', () => {
  let portal: TestPortal;
  const token: Record<string, string> = {};
  const rows: Row[] = [];
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
      `SELECT o.id, o.country_code, c.region_code, o.products, (SELECT u.id FROM users u WHERE u.organization_id = o.id LIMIT 1) AS member
       FROM organizations o JOIN countries c ON c.code = o.country_code ORDER BY o.name`,
    );
    const { rows: staff } = await portal.db.query(
      `SELECT id FROM users WHERE role IN ('representative', 'director', 'specialist') ORDER BY email`,
    );
    const areas = ['market-access', 'standards-compliance', 'climate-resilience', 'human-rights'];
    now = Number((await portal.db.query(`SELECT extract(epoch FROM now()) * 1000 AS now`)).rows[0].now);
    const next = seededRandom(42);
    const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
    // Over 800 days: the whole of last calendar year, whatever today's date. Then two closed
    // requests in each end slice of the rollup test's ranges, so those slices are never empty.
    const filed = [
      ...Array.from({ length: 300 }, () => ({
        at: now - (Math.floor(next() * 800) * 86_400_000 + 43_200_000),
        status: pick([...REQUEST_STATUSES]),
      })),
      ...endSlices().flatMap((slice) =>
        [0, 1].map((n) => ({ at: slice + (n + 1) * 86_400_000 + 43_200_000, status: 'closed' })),
      ),
    ];
    for (const [i, { at, status }] of filed.entries()) {
      const org = pick(orgs);
      // Whole days plus 12 hours: never on an aging boundary (and the slices' requests are not open).
      const created = new Date(at);
      const responded =
        status === 'new' || next() < 0.2 ? null : new Date(created.getTime() + Math.floor(next() * 100) * 3_600_000);
      const resolved = ['resolved', 'closed'].includes(status)
        ? new Date(created.getTime() + Math.floor(next() * 400) * 3_600_000)
        : null;
      rows.push({
        organization_id: org.id,
        country_code: org.country_code,
        region_code: org.region_code,
        products: org.products,
        area_code: pick(areas),
        status,
        assignee_id: status === 'new' ? null : pick(staff).id,
        created_at: created,
        first_responded_at: responded,
        resolved_at: resolved,
        breached: next() < 0.25,
        satisfaction_score: resolved && next() < 0.6 ? 1 + Math.floor(next() * 5) : null,
      });
      const r = rows[i];
      await portal.db.query(
        `INSERT INTO requests (reference, subject, description, status, area_code, organization_id, country_code, region_code, assignee_id,
                               created_by, created_at, first_responded_at, resolved_at, breached, satisfaction_score, routing_reason)
         VALUES ($1, 'Informe', 'x', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'test')`,
        [
          `SR-2026-9${String(i).padStart(5, '0')}`,
          r.status,
          r.area_code,
          r.organization_id,
          r.country_code,
          r.region_code,
          r.assignee_id,
          org.member,
          r.created_at,
          r.first_responded_at,
          r.resolved_at,
          r.breached,
          r.satisfaction_score,
        ],
      );
    }
  });
  afterAll(async () => {
    await portal?.stop();
  });

  const inRange = (from: Date, to: Date) => rows.filter((r) => r.created_at >= from && r.created_at < to);

  // The rollup test's ranges, anchored to the calendar so that every way of reading a range's
  // ends runs whatever today's date: an end rounds to the nearer month boundary, and the
  // requests between them are taken away (the month cell holds more than the range) or added.
  const day = 86_400_000;
  const calendar = () => ({ year: new Date(now).getUTCFullYear(), month: new Date(now).getUTCMonth() });
  function rollupRanges(): [Date, Date][] {
    const { year, month } = calendar();
    return [
      // From Dec 5 two years back (its first 4 days taken away) to now: last year as a year cell.
      [new Date(Date.UTC(year - 2, 11, 5)), new Date(now + 60_000)],
      // From Mar 27 last year (5 days added before April) to the 5th of the month before last (4 days added).
      [new Date(Date.UTC(year - 1, 2, 27)), new Date(Date.UTC(year, month - 2, 5))],
      // From Jul 1 last year (a boundary) to 4 days before last month (those 4 days taken away).
      [new Date(Date.UTC(year - 1, 6, 1)), new Date(Date.UTC(year, month - 1, 1) - 4 * day)],
    ];
  }
  /** The first day of each end slice of rollupRanges (requests are filed on its next two days). */
  function endSlices(): number[] {
    const { year, month } = calendar();
    return [
      Date.UTC(year - 2, 11, 1),
      Date.UTC(year - 1, 2, 27),
      Date.UTC(year, month - 2, 1),
      Date.UTC(year, month - 1, 1) - 4 * day,
    ];
  }

  it('counts the load by region for the executive over a date range, as the rows say', async () => {
    const from = new Date(now - 200 * 86_400_000);
    const to = new Date(now - 10 * 86_400_000);
    const answer = await portal.request(
      'GET',
      `/api/v1/reports/load?groupBy=region&from=${from.toISOString()}&to=${to.toISOString()}`,
      { token: token['executive@clac.example'] },
    );
    expect(answer.status).toBe(200);
    const selected = inRange(from, to);
    expect(answer.body.totals).toEqual(expectedFigures(selected, now));
    for (const row of answer.body.rows) {
      expect(row).toEqual({
        key: row.key,
        label: expect.any(String),
        ...expectedFigures(
          selected.filter((r) => r.region_code === row.key),
          now,
        ),
      });
    }
    // Every region has its row, zeros included.
    expect(answer.body.rows.map((r: { key: string }) => r.key).sort()).toEqual(
      expectedKeys(selected, KEYS_OF.region, await listedKeys(portal.db, 'region', null)),
    );
  });

  it('groups by country, area, status, assignee, organization and product with the same figures', async () => {
    const from = new Date(now - 500 * 86_400_000).toISOString();
    for (const [groupBy, keys] of Object.entries(KEYS_OF).filter(([groupBy]) => groupBy !== 'region')) {
      const answer = await portal.request('GET', `/api/v1/reports/load?groupBy=${groupBy}&from=${from}`, {
        token: token['admin@clac.example'],
      });
      expect(answer.status).toBe(200);
      const selected = inRange(new Date(from), new Date(now + 60_000));
      expect(answer.body.rows.map((r: { key: string }) => r.key).sort()).toEqual(
        expectedKeys(selected, keys, await listedKeys(portal.db, groupBy, null)),
      );
      for (const row of answer.body.rows) {
        expect(row.total).toBe(selected.filter((r) => keys(r).includes(row.key)).length);
        expect(row.breached).toBe(selected.filter((r) => keys(r).includes(row.key) && r.breached).length);
      }
    }
  });

  it("gives a director its own region only, and refuses another region's", async () => {
    const from = new Date(now - 500 * 86_400_000).toISOString();
    const answer = await portal.request('GET', `/api/v1/reports/load?groupBy=country&from=${from}`, {
      token: token['director.and@clac.example'],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.region).toBe('AND');
    expect(answer.body.totals).toEqual(
      expectedFigures(
        inRange(new Date(from), new Date(now + 60_000)).filter((r) => r.region_code === 'AND'),
        now,
      ),
    );
    expect(answer.body.rows.every((r: { key: string }) => ['CO', 'EC', 'PE', 'BO', 'VE'].includes(r.key))).toBe(true);
    expect(
      (await portal.request('GET', '/api/v1/reports/load?region=CAM', { token: token['director.and@clac.example'] }))
        .status,
    ).toBe(403);
  });

  it('refuses representatives and members (403)', async () => {
    expect((await portal.request('GET', '/api/v1/reports/load', { token: token['rep.pe1@clac.example'] })).status).toBe(
      403,
    );
    expect(
      (await portal.request('GET', '/api/v1/reports/trend', { token: token['ana@valle-alto.example'] })).status,
    ).toBe(403);
    expect(
      (await portal.request('GET', '/api/v1/reports/load.csv', { token: token['ana@valle-alto.example'] })).status,
    ).toBe(403);
  });

  it('counts new and resolved requests per week and per month', async () => {
    for (const interval of ['week', 'month'] as const) {
      const from = new Date(now - 120 * 86_400_000);
      const to = new Date(now);
      const answer = await portal.request(
        'GET',
        `/api/v1/reports/trend?interval=${interval}&from=${from.toISOString()}&to=${to.toISOString()}`,
        { token: token['executive@clac.example'] },
      );
      expect(answer.status).toBe(200);
      const start = (date: Date) => {
        const d = new Date(
          Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), interval === 'month' ? 1 : date.getUTCDate()),
        );
        if (interval === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
        return d.toISOString().slice(0, 10);
      };
      const expectedNew: Record<string, number> = {};
      const expectedResolved: Record<string, number> = {};
      for (const r of rows) {
        if (r.created_at >= from && r.created_at < to)
          expectedNew[start(r.created_at)] = (expectedNew[start(r.created_at)] ?? 0) + 1;
        if (r.resolved_at && r.resolved_at >= from && r.resolved_at < to)
          expectedResolved[start(r.resolved_at)] = (expectedResolved[start(r.resolved_at)] ?? 0) + 1;
      }
      for (const point of answer.body.points) {
        expect(point.new).toBe(expectedNew[point.period] ?? 0);
        expect(point.resolved).toBe(expectedResolved[point.period] ?? 0);
      }
      const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
      expect(answer.body.points.reduce((a: number, p: { new: number }) => a + p.new, 0)).toBe(sum(expectedNew));
      expect(answer.body.points.reduce((a: number, p: { resolved: number }) => a + p.resolved, 0)).toBe(
        sum(expectedResolved),
      );
    }
  });

  it('downloads the load report as CSV with the same rows as the JSON', async () => {
    const from = new Date(now - 500 * 86_400_000).toISOString();
    const json = await portal.request('GET', `/api/v1/reports/load?groupBy=country&from=${from}`, {
      token: token['director.and@clac.example'],
      headers: { 'accept-language': 'es' },
    });
    const response = await fetch(`${portal.url}/api/v1/reports/load.csv?groupBy=country&from=${from}`, {
      headers: { authorization: `Bearer ${token['director.and@clac.example']}`, 'accept-language': 'es' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="load-by-country-/);
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0].split(',').slice(0, 3)).toEqual(['key', 'label', 'total']);
    const body = lines.slice(1, -1).map((line) => line.split(','));
    expect(body.map((cells) => [cells[0], Number(cells[2])])).toEqual(
      json.body.rows.map((r: { key: string; total: number }) => [r.key, r.total]),
    );
    expect(lines.at(-1)!.split(',').slice(0, 3)).toEqual(['total', 'Total', String(json.body.totals.total)]);
  });

  it('gives the same figures from the folded rollup (month, quarter and year cells) and with changes pending on top', async () => {
    // The ranges hold a whole calendar year, whole quarters and months, and ends of each kind.
    const checkEveryGrouping = async () => {
      for (const [from, to] of rollupRanges()) {
        const selected = inRange(from, to);
        const range = `from=${from.toISOString()}&to=${to.toISOString()}`;
        for (const [groupBy, keys] of Object.entries(KEYS_OF)) {
          const answer = await portal.request('GET', `/api/v1/reports/load?groupBy=${groupBy}&${range}`, {
            token: token['executive@clac.example'],
          });
          expect(answer.status).toBe(200);
          expect(answer.body.totals).toEqual(expectedFigures(selected, now));
          expect(answer.body.rows.map((r: { key: string }) => r.key).sort()).toEqual(
            expectedKeys(selected, keys, await listedKeys(portal.db, groupBy, null)),
          );
          for (const row of answer.body.rows) {
            expect(row).toEqual({
              key: row.key,
              label: expect.any(String),
              ...expectedFigures(
                selected.filter((r) => keys(r).includes(row.key)),
                now,
              ),
            });
          }
        }
        const andean = selected.filter((r) => r.region_code === 'AND');
        for (const groupBy of ['country', 'organization']) {
          const keys = KEYS_OF[groupBy];
          const director = await portal.request('GET', `/api/v1/reports/load?groupBy=${groupBy}&${range}`, {
            token: token['director.and@clac.example'],
          });
          expect(director.body.totals).toEqual(expectedFigures(andean, now));
          expect(director.body.rows.map((r: { key: string }) => r.key).sort()).toEqual(
            expectedKeys(andean, keys, await listedKeys(portal.db, groupBy, 'AND')),
          );
          for (const row of director.body.rows) {
            expect(row).toEqual({
              key: row.key,
              label: expect.any(String),
              ...expectedFigures(
                andean.filter((r) => keys(r).includes(row.key)),
                now,
              ),
            });
          }
        }
      }
    };

    const fold = () => foldRollup(portal.db);
    await fold();
    const { rows: cells } = await portal.db.query(
      `SELECT span, count(*)::int AS n FROM report_values GROUP BY span ORDER BY span`,
    );
    expect(cells.map((c: { span: number }) => c.span)).toEqual([1, 3, 12]);
    expect((await portal.db.query(`SELECT count(*)::int AS n FROM report_deltas`)).rows[0].n).toBe(0);
    await checkEveryGrouping();

    // Changes after the fold, all in one month that is neither the first of its quarter nor of
    // its year (so folding them must rebuild that quarter and year from all their months):
    // pending −1/+1 deltas on top of the cells.
    const next = seededRandom(7);
    const monthOf = (r: Row) => r.created_at.toISOString().slice(0, 7);
    // Last calendar year lies wholly in the first range above: of its 2nd, 5th, 8th and 11th months,
    // the one with the most requests.
    const lastYear = new Date(now).getUTCFullYear() - 1;
    const candidates = rows
      .filter((r) => r.created_at.getUTCFullYear() === lastYear && r.created_at.getUTCMonth() % 3 === 1)
      .map(monthOf);
    const changedMonth = [...new Set(candidates)].sort(
      (a, b) => candidates.filter((m) => m === b).length - candidates.filter((m) => m === a).length,
    )[0];
    const changed = rows.flatMap((r, i) => (monthOf(r) === changedMonth ? [i] : []));
    expect(changed.length).toBeGreaterThan(3);
    for (const i of changed) {
      const r = rows[i];
      r.breached = !r.breached;
      if (r.first_responded_at)
        r.first_responded_at = new Date(r.first_responded_at.getTime() + Math.floor(next() * 50) * 3_600_000);
      if (r.status === 'resolved') r.status = 'closed';
      await portal.db.query(
        `UPDATE requests SET breached = $2, first_responded_at = $3, status = $4 WHERE reference = $1`,
        [`SR-2026-9${String(i).padStart(5, '0')}`, r.breached, r.first_responded_at, r.status],
      );
    }
    expect((await portal.db.query(`SELECT count(*)::int AS n FROM report_deltas WHERE sign = -1`)).rows[0].n).toBe(
      changed.length,
    );
    await checkEveryGrouping();

    // Folded into the months, quarters and years that already had cells.
    await fold();
    expect((await portal.db.query(`SELECT count(*)::int AS n FROM report_deltas`)).rows[0].n).toBe(0);
    await checkEveryGrouping();
  });

  it("stamps an organizations' cell anew at every write of its rows, and a report by organization reads them in one snapshot only", async () => {
    const client = await portal.db.connect();
    try {
      await client.query('BEGIN');
      const stampOf = async (month: string) =>
        (
          await client.query(
            `SELECT stamp::text FROM report_cell_stamps WHERE span = 1 AND month = $1 AND region_code = 'AND'`,
            [month],
          )
        ).rows[0]?.stamp ?? null;
      const stamps = async () => [await stampOf('2001-01-01'), await stampOf('2001-02-01')];
      const counts = (dim: string, month: string) =>
        client.query(
          `INSERT INTO report_counts (dim, span, month, region_code, key, n_new, n_assigned, n_in_progress, n_waiting_on_member, n_resolved, n_closed, n_withdrawn, breached, score_sum, score_n)
           VALUES ($1, 1, $2, 'AND', 'k', 1, 0, 0, 0, 0, 0, 0, 0, 0, 0)`,
          [dim, month],
        );
      expect(await stamps()).toEqual([null, null]);
      await client.query(
        `INSERT INTO report_org_values (span, month, region_code, key, fr, res) VALUES (1, '2001-01-01', 'AND', 'k', ''::bytea, ''::bytea)`,
      );
      const [inserted] = await stamps();
      expect(inserted).not.toBeNull();
      await client.query(`UPDATE report_org_values SET fr = float8send(2.5) WHERE month = '2001-01-01'`);
      const [updated] = await stamps();
      expect(updated).not.toBe(inserted);
      // Moved to another cell: both the cell it left and the one it joined.
      await client.query(`UPDATE report_org_values SET month = '2001-02-01' WHERE month = '2001-01-01'`);
      const [left, joined] = await stamps();
      expect([left === updated, joined]).toEqual([false, expect.any(String)]);
      // Counts of the organizations restamp; the other groupings' counts do not.
      await counts('country', '2001-02-01');
      expect(await stampOf('2001-02-01')).toBe(joined);
      await counts('organization', '2001-02-01');
      const counted = await stampOf('2001-02-01');
      expect(counted).not.toBe(joined);
      await client.query(`DELETE FROM report_org_values WHERE month = '2001-02-01'`);
      const deleted = await stampOf('2001-02-01');
      expect(deleted).not.toBe(counted);
      // Truncated: every cell stamped again from what the other table still holds (the counts of February).
      await client.query('TRUNCATE report_org_values');
      expect(await stampOf('2001-01-01')).toBeNull();
      const afterTruncate = await stampOf('2001-02-01');
      expect([afterTruncate === deleted, afterTruncate === null]).toEqual([false, false]);
      await client.query('ROLLBACK');

      // A report by organization outside REPEATABLE READ would read its stamps, cells and facts in different snapshots: refused.
      await client.query('BEGIN');
      const to = new Date(now + 60_000);
      const query = loadQueries(
        'organization',
        { from: new Date(now - 400 * 86_400_000), to, region: null, area: null },
        new OrganizationCells(),
      ).rows;
      await expect(runReportQuery(query, clientConnection(client))).rejects.toThrow(/REPEATABLE READ/);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    // The stamps' triggers are there and on (a write that bypassed them would leave a held cell out of date).
    const { rows: triggers } = await portal.db.query(
      `SELECT tgname, tgenabled FROM pg_trigger WHERE tgname LIKE 'report\\_%\\_stamp\\_%' ORDER BY 1`,
    );
    expect(triggers).toHaveLength(10);
    expect(triggers.every((t: { tgenabled: string }) => t.tgenabled === 'O')).toBe(true);
  });

  it('refuses bad parameters with 400', async () => {
    for (const query of [
      'groupBy=colour',
      'interval=day',
      'from=yesterday',
      'from=2026-05-01&to=2026-01-01',
      'region=XX',
      'timeZone=Mars/Olympus',
      'timeZone=',
      'extra=1',
    ]) {
      const path = query.startsWith('interval') ? '/api/v1/reports/trend' : '/api/v1/reports/load';
      expect((await portal.request('GET', `${path}?${query}`, { token: token['admin@clac.example'] })).status).toBe(
        400,
      );
    }
  });

  it('refuses a trend over more than ten years (400), the CSV too, and answers one of exactly ten', async () => {
    for (const path of ['/api/v1/reports/trend', '/api/v1/reports/trend.csv']) {
      for (const range of ['from=2016-01-01&to=2026-01-02', 'from=2026-01-01&to=9999-12-31']) {
        const answer = await portal.request('GET', `${path}?interval=week&${range}`, {
          token: token['admin@clac.example'],
        });
        expect([path, range, answer.status, answer.body.code]).toEqual([path, range, 400, 'reports.range-too-long']);
      }
    }
    const tenYears = await portal.request('GET', '/api/v1/reports/trend?interval=month&from=2016-01-01&to=2025-12-31', {
      token: token['admin@clac.example'],
    });
    expect(tenYears.status).toBe(200);
    expect(tenYears.body.points).toHaveLength(120);
  });

  it('answers a range to the last day the validator takes (9999-12-31) in every grouping', async () => {
    for (const groupBy of ['organization', 'assignee', 'country']) {
      const answer = await portal.request(
        'GET',
        `/api/v1/reports/load?groupBy=${groupBy}&from=2026-01-01&to=9999-12-31`,
        { token: token['admin@clac.example'] },
      );
      expect([groupBy, answer.status]).toEqual([groupBy, 200]);
    }
  });

  /** Files one more request (and adds it to the rows the plain counts are made of). */
  async function file(row: Omit<Row, 'organization_id' | 'country_code' | 'region_code' | 'products'>) {
    const { rows: orgs } = await portal.db.query(
      `SELECT o.id, o.country_code, c.region_code, o.products, (SELECT u.id FROM users u WHERE u.organization_id = o.id LIMIT 1) AS member
       FROM organizations o JOIN countries c ON c.code = o.country_code WHERE c.region_code = 'AND' ORDER BY o.name LIMIT 1`,
    );
    const org = orgs[0];
    const full: Row = {
      ...row,
      organization_id: org.id,
      country_code: org.country_code,
      region_code: org.region_code,
      products: org.products,
    };
    await portal.db.query(
      `INSERT INTO requests (reference, subject, description, status, area_code, organization_id, country_code, region_code, assignee_id,
                             created_by, created_at, first_responded_at, resolved_at, breached, satisfaction_score, routing_reason)
       VALUES ($1, 'Informe', 'x', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'test')`,
      [
        `SR-2026-8${String(rows.length).padStart(5, '0')}`,
        full.status,
        full.area_code,
        full.organization_id,
        full.country_code,
        full.region_code,
        full.assignee_id,
        org.member,
        full.created_at,
        full.first_responded_at,
        full.resolved_at,
        full.breached,
        full.satisfaction_score,
      ],
    );
    rows.push(full);
  }

  it("counts a day in the viewer's time zone: filed at 22:30 in Lima on day D is D in Lima and D+1 in UTC", async () => {
    const onDay = new Date(now - 40 * day).toISOString().slice(0, 10);
    const nextDay = new Date(Date.parse(`${onDay}T00:00:00Z`) + day).toISOString().slice(0, 10);
    const created = new Date(`${onDay}T22:30:00-05:00`);
    await file({
      area_code: 'market-access',
      status: 'resolved',
      assignee_id: null,
      created_at: created,
      first_responded_at: new Date(created.getTime() + 3_600_000),
      resolved_at: new Date(created.getTime() + 7_200_000),
      breached: false,
      satisfaction_score: null,
    });
    const report = async (from: string, to: string, timeZone?: string) => {
      const zone = timeZone ? `&timeZone=${encodeURIComponent(timeZone)}` : '';
      const answer = await portal.request('GET', `/api/v1/reports/load?groupBy=country&from=${from}&to=${to}${zone}`, {
        token: token['director.and@clac.example'],
      });
      expect(answer.status).toBe(200);
      return answer.body;
    };
    const andean = (from: Date, to: Date) => inRange(from, to).filter((r) => r.region_code === 'AND');
    const limaDay = [new Date(`${onDay}T00:00:00-05:00`), new Date(`${nextDay}T00:00:00-05:00`)] as const;
    const lima = await report(onDay, onDay, 'America/Lima');
    expect([lima.from, lima.to]).toEqual(limaDay.map((d) => d.toISOString()));
    expect(andean(...limaDay)).toContainEqual(expect.objectContaining({ created_at: created }));
    expect(lima.totals).toEqual(expectedFigures(andean(...limaDay), now));
    // The same dates without a zone are UTC days: the request is on the next one.
    const utcNext = [new Date(`${nextDay}T00:00:00Z`), new Date(Date.parse(`${nextDay}T00:00:00Z`) + day)] as const;
    const utc = await report(nextDay, nextDay);
    expect(andean(...utcNext)).toContainEqual(expect.objectContaining({ created_at: created }));
    expect(utc.totals).toEqual(expectedFigures(andean(...utcNext), now));
    expect((await report(nextDay, nextDay, 'UTC')).totals).toEqual(utc.totals);
    expect((await report(onDay, onDay, 'UTC')).totals).toEqual(
      expectedFigures(andean(new Date(`${onDay}T00:00:00Z`), new Date(`${nextDay}T00:00:00Z`)), now),
    );
  });

  it('leaves the SLA compliance out (null) while nothing came due, and lists every region, country and area with zeros', async () => {
    const quiet = new Date(now - 950 * day).toISOString().slice(0, 10);
    const none = await portal.request('GET', `/api/v1/reports/load?groupBy=region&from=${quiet}&to=${quiet}`, {
      token: token['executive@clac.example'],
    });
    expect(none.status).toBe(200);
    expect(none.body.totals).toEqual(expectedFigures([], now));
    expect(none.body.totals.slaCompliance).toBeNull();
    expect(none.body.rows.map((r: { key: string }) => r.key).sort()).toEqual(
      (await listedKeys(portal.db, 'region', null)).sort(),
    );
    for (const row of none.body.rows)
      expect(row).toEqual({ key: row.key, label: expect.any(String), ...expectedFigures([], now) });

    // One request filed that day, still open and not breached: nothing came due yet.
    const onDay = new Date(now - 900 * day).toISOString().slice(0, 10);
    await file({
      area_code: 'human-rights',
      status: 'new',
      assignee_id: null,
      created_at: new Date(`${onDay}T15:00:00Z`),
      first_responded_at: null,
      resolved_at: null,
      breached: false,
      satisfaction_score: null,
    });
    for (const groupBy of ['country', 'area']) {
      const answer = await portal.request('GET', `/api/v1/reports/load?groupBy=${groupBy}&from=${onDay}&to=${onDay}`, {
        token: token['director.and@clac.example'],
      });
      expect(answer.status).toBe(200);
      expect(answer.body.totals.total).toBe(1);
      expect(answer.body.totals.slaCompliance).toBeNull();
      const listed = await listedKeys(portal.db, groupBy, 'AND');
      expect(answer.body.rows.map((r: { key: string }) => r.key).sort()).toEqual(listed.sort());
      expect(answer.body.rows.filter((r: { total: number }) => r.total === 0)).toHaveLength(listed.length - 1);
      // Haiti is not Andean: a director's countries are its region's only.
      expect(answer.body.rows.map((r: { key: string }) => r.key)).not.toContain('HT');
    }
    // Once one came due (breached), the compliance is there.
    const executive = await portal.request('GET', `/api/v1/reports/load?groupBy=country`, {
      token: token['executive@clac.example'],
    });
    expect(executive.body.rows.map((r: { key: string }) => r.key)).toContain('HT');
    expect(executive.body.totals.slaCompliance).toBeGreaterThan(0);
  });
  it("counts the trend's weeks and months in the viewer's time zone (Lima), as a plain count over the requests", async () => {
    // A Sunday 22:30 in Lima is Monday 03:30 UTC: that request is in the Lima week before the UTC one.
    const sunday = new Date(now - 60 * day);
    sunday.setUTCDate(sunday.getUTCDate() - sunday.getUTCDay());
    const sundayDay = sunday.toISOString().slice(0, 10);
    const late = new Date(`${sundayDay}T22:30:00-05:00`);
    await file({
      area_code: 'market-access',
      status: 'resolved',
      assignee_id: null,
      created_at: late,
      first_responded_at: new Date(late.getTime() + 3_600_000),
      resolved_at: new Date(late.getTime() + 3_600_000),
      breached: false,
      satisfaction_score: null,
    });
    // The Lima calendar: an instant's day there is the UTC day of the instant five hours earlier (no DST).
    const limaDay = (at: Date) => new Date(at.getTime() - 5 * 3_600_000).toISOString().slice(0, 10);
    const firstDay = (text: string, interval: 'week' | 'month') => {
      const d = new Date(`${text}T00:00:00Z`);
      if (interval === 'month') return text.slice(0, 8) + '01';
      d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
      return d.toISOString().slice(0, 10);
    };
    const fromDay = new Date(now - 150 * day).toISOString().slice(0, 10);
    const toDay = new Date(now - 5 * day).toISOString().slice(0, 10);
    const from = new Date(`${fromDay}T00:00:00-05:00`);
    const to = new Date(Date.parse(`${toDay}T00:00:00-05:00`) + day);
    for (const interval of ['week', 'month'] as const) {
      const answer = await portal.request(
        'GET',
        `/api/v1/reports/trend?interval=${interval}&from=${fromDay}&to=${toDay}&timeZone=America%2FLima`,
        { token: token['executive@clac.example'] },
      );
      expect(answer.status).toBe(200);
      expect(answer.body.timeZone).toBe('America/Lima');
      const expected = new Map<string, { new: number; resolved: number }>();
      const bump = (at: Date, field: 'new' | 'resolved') => {
        const key = firstDay(limaDay(at), interval);
        const point = expected.get(key) ?? { new: 0, resolved: 0 };
        point[field] += 1;
        expected.set(key, point);
      };
      for (const r of rows) {
        if (r.created_at >= from && r.created_at < to) bump(r.created_at, 'new');
        if (r.resolved_at && r.resolved_at >= from && r.resolved_at < to) bump(r.resolved_at, 'resolved');
      }
      const periods = answer.body.points.map((p: { period: string }) => p.period);
      expect(periods[0]).toBe(firstDay(fromDay, interval));
      expect(periods.at(-1)).toBe(firstDay(toDay, interval));
      for (const point of answer.body.points) {
        expect({ period: point.period, new: point.new, resolved: point.resolved }).toEqual({
          period: point.period,
          ...(expected.get(point.period) ?? { new: 0, resolved: 0 }),
        });
      }
      expect(answer.body.points.reduce((a: number, p: { new: number }) => a + p.new, 0)).toBe(
        [...expected.values()].reduce((a, p) => a + p.new, 0),
      );
    }
    // The late request counts in its Lima week (from the Monday before the Sunday), not in the UTC one.
    const weeks = await portal.request(
      'GET',
      `/api/v1/reports/trend?interval=week&from=${sundayDay}&to=${sundayDay}&timeZone=America%2FLima`,
      { token: token['executive@clac.example'] },
    );
    const monday = firstDay(sundayDay, 'week');
    expect(weeks.body.points).toEqual([
      {
        period: monday,
        new: rows.filter((r) => limaDay(r.created_at) === sundayDay).length,
        resolved: expect.any(Number),
      },
    ]);
    expect(weeks.body.points[0].new).toBeGreaterThan(0);
  });

  it('compares the period with the one of equal length before it (change in %)', async () => {
    const fromDay = new Date(now - 90 * day).toISOString().slice(0, 10);
    const toDay = new Date(now - 31 * day).toISOString().slice(0, 10);
    const answer = await portal.request(
      'GET',
      `/api/v1/reports/load?groupBy=country&from=${fromDay}&to=${toDay}&timeZone=America%2FLima`,
      { token: token['executive@clac.example'] },
    );
    expect(answer.status).toBe(200);
    const from = new Date(`${fromDay}T00:00:00-05:00`);
    const to = new Date(Date.parse(`${toDay}T00:00:00-05:00`) + day);
    const previousFrom = new Date(from.getTime() - (to.getTime() - from.getTime()));
    expect(answer.body.previous.from).toBe(previousFrom.toISOString());
    expect(answer.body.previous.to).toBe(from.toISOString());
    const current = expectedFigures(inRange(from, to), now);
    const previous = expectedFigures(inRange(previousFrom, from), now);
    expect(answer.body.totals).toEqual(current);
    expect(answer.body.previous.totals).toEqual(previous);
    expect(previous.total).toBeGreaterThan(0);
    const percent = (a: number | null, b: number | null) =>
      a === null || b === null || b === 0 ? null : Math.round(((a - b) / b) * 1000) / 10;
    expect(answer.body.change).toEqual({
      total: percent(current.total, previous.total),
      open: percent(current.open, previous.open),
      breached: percent(current.breached, previous.breached),
      medianFirstResponseHours: percent(current.medianFirstResponseHours, previous.medianFirstResponseHours),
      medianResolutionHours: percent(current.medianResolutionHours, previous.medianResolutionHours),
      satisfactionAvg: percent(current.satisfactionAvg, previous.satisfactionAvg),
      slaCompliancePoints:
        current.slaCompliance === null || previous.slaCompliance === null
          ? null
          : Math.round((current.slaCompliance - previous.slaCompliance) * 1000) / 10,
    });
  });

  it('measures the SLA compliance over what came due only: open requests within their deadlines and unbreached withdrawals are left out', async () => {
    const onDay = new Date(now - 850 * day).toISOString().slice(0, 10);
    const at = (hour: number) => new Date(`${onDay}T${String(hour).padStart(2, '0')}:00:00Z`);
    const cases: [string, boolean][] = [
      ['in_progress', false], // open, within its deadlines: not due
      ['waiting_on_member', true], // open, breached: came due, missed
      ['resolved', false], // met
      ['closed', false], // met
      ['closed', true], // came due, missed
      ['withdrawn', false], // withdrawn before any deadline: not due
      ['withdrawn', true], // withdrawn after a breach: came due, missed
    ];
    for (const [i, [status, breached]] of cases.entries()) {
      const settled = status === 'resolved' || status === 'closed';
      await file({
        area_code: 'climate-resilience',
        status,
        assignee_id: null,
        created_at: at(8 + i),
        first_responded_at: settled ? at(9 + i) : null,
        resolved_at: settled ? at(10 + i) : null,
        breached,
        satisfaction_score: null,
      });
    }
    const filed = inRange(new Date(`${onDay}T00:00:00Z`), new Date(Date.parse(`${onDay}T00:00:00Z`) + day));
    expect(filed).toHaveLength(cases.length);
    // A plain count over the same requests: 5 came due, 2 of them met (resolved, closed).
    const due = cameDue(filed);
    expect(due).toHaveLength(5);
    // The rollup form (no area filter) and the plain form (an area filter) give the same.
    for (const area of ['', '&area=climate-resilience']) {
      for (const groupBy of ['country', 'organization', 'status', 'product']) {
        const answer = await portal.request(
          'GET',
          `/api/v1/reports/load?groupBy=${groupBy}&from=${onDay}&to=${onDay}${area}`,
          { token: token['director.and@clac.example'] },
        );
        expect(answer.status).toBe(200);
        expect(answer.body.totals.cameDue).toBe(due.length);
        expect(answer.body.totals.breached).toBe(3);
        expect(answer.body.totals.slaCompliance).toBeCloseTo(due.filter((r) => !r.breached).length / due.length, 12);
        expect(answer.body.totals).toEqual(expectedFigures(filed, now));
      }
    }
  });

  it("exports the load and trend reports as XLSX: headers in the viewer's language, numbers as numbers, days as dates; the CSV unchanged", async () => {
    const from = new Date(now - 500 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(now - 86_400_000).toISOString().slice(0, 10);
    const query = `groupBy=country&from=${from}&to=${to}&timeZone=America%2FLima`;
    const json = await portal.request('GET', `/api/v1/reports/load?${query}`, {
      token: token['director.and@clac.example'],
      headers: { 'accept-language': 'es' },
    });
    const download = async (path: string, headers: Record<string, string>) => {
      const response = await fetch(`${portal.url}${path}`, {
        headers: { authorization: `Bearer ${token['director.and@clac.example']}`, ...headers },
      });
      expect(response.status).toBe(200);
      return { response, body: Buffer.from(await response.arrayBuffer()) };
    };
    const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    // Spanish, asked with format=xlsx.
    const es = await download(`/api/v1/reports/load.csv?${query}&format=xlsx`, { 'accept-language': 'es' });
    expect(es.response.headers.get('content-type')).toBe(xlsxType);
    expect(es.response.headers.get('content-disposition')).toMatch(/^attachment; filename="load-by-country-.*\.xlsx"$/);
    const [esLoad, esPeriod] = await readWorkbook(es.body);
    expect(esLoad.sheet).toBe('Carga');
    expect(esLoad.data[0].slice(0, 3)).toEqual(['País', 'Solicitudes', 'Nueva']);
    expect(esLoad.data[0]).toEqual(
      expect.arrayContaining(['Fuera de plazo', 'Cumplimiento de plazos', 'Satisfacción media']),
    );
    // One row per country, then the totals; every count a number cell.
    expect(esLoad.data.slice(1, -1).map((row) => [row[0], row[1]])).toEqual(
      json.body.rows.map((r: { label: string; total: number }) => [r.label, r.total]),
    );
    expect(esLoad.data.at(-1)!.slice(0, 2)).toEqual(['Total', json.body.totals.total]);
    for (const row of esLoad.data.slice(1)) for (const cell of row.slice(1, 9)) expect(typeof cell).toBe('number');
    const complianceColumn = esLoad.data[0].indexOf('Cumplimiento de plazos');
    expect(esLoad.data.at(-1)![complianceColumn]).toBeCloseTo(json.body.totals.slaCompliance, 12);
    // The period's days as date cells.
    expect(esPeriod.sheet).toBe('Período');
    expect(esPeriod.data[0]).toEqual(['Desde', new Date(`${from}T00:00:00Z`)]);
    expect(esPeriod.data[1]).toEqual(['Hasta', new Date(`${to}T00:00:00Z`)]);

    // English, asked with the Accept header.
    const en = await download(`/api/v1/reports/load.csv?${query}`, { 'accept-language': 'en', accept: xlsxType });
    expect(en.response.headers.get('content-type')).toBe(xlsxType);
    const [enLoad] = await readWorkbook(en.body);
    expect(enLoad.sheet).toBe('Load');
    expect(enLoad.data[0].slice(0, 3)).toEqual(['Country', 'Requests', 'New']);
    expect(enLoad.data[0]).toEqual(expect.arrayContaining(['Past due', 'On-time rate', 'Average satisfaction']));

    // The trend: each week's first day a date cell, the counts numbers.
    const trend = await download(
      `/api/v1/reports/trend.csv?from=${from}&to=${to}&timeZone=America%2FLima&format=xlsx`,
      {
        'accept-language': 'es',
      },
    );
    const trendJson = await portal.request(
      'GET',
      `/api/v1/reports/trend?from=${from}&to=${to}&timeZone=America%2FLima`,
      {
        token: token['director.and@clac.example'],
      },
    );
    const [trendSheet] = await readWorkbook(trend.body);
    expect(trendSheet.data[0]).toEqual(['Semana del', 'Nuevas', 'Resueltas']);
    expect(trendSheet.data.slice(1)).toEqual(
      trendJson.body.points.map((p: { period: string; new: number; resolved: number }) => [
        new Date(`${p.period}T00:00:00Z`),
        p.new,
        p.resolved,
      ]),
    );

    // Without format or Accept the CSV stays the machine format: English snake_case headers.
    const csv = await download(`/api/v1/reports/load.csv?${query}`, { 'accept-language': 'es' });
    expect(csv.response.headers.get('content-type')).toContain('text/csv');
    expect(
      csv.body
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .split('\r\n')[0]
        .split(',')
        .slice(0, 4),
    ).toEqual(['key', 'label', 'total', 'new']);
    // An unknown format is a 400.
    const bad = await portal.request('GET', `/api/v1/reports/load.csv?format=pdf`, {
      token: token['director.and@clac.example'],
    });
    expect(bad.status).toBe(400);
  });
});
