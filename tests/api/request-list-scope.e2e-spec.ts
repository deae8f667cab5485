import { createHmac } from 'node:crypto';
import { startTestPortal, TEST_JWT_SECRET, type TestPortal } from '../support/api-harness';

/**
 * Lists that stay cheap at any scope (issue 25): totals counted only up to
 * LIST_EXACT_TOTAL_LIMIT (lowered here to 6) and flagged as not exact beyond it; cursor paging
 * that lists every request once while new ones arrive; cursors that are refused (400) when
 * altered, made up, another person's or used with another sort.
 */
const LIMIT = 6;

interface ListAnswer {
  items: { id: string; priority: string }[];
  total: number;
  totalIsExact: boolean;
  page: number;
  pageSize: number;
  nextCursor: string | null;
}

describe('request lists at any scope: bounded totals and cursors', () => {
  let portal: TestPortal;
  const token: Record<string, string> = {};
  const userId: Record<string, string> = {};
  const members = ['ana@valle-alto.example', 'rosa@quinua-andina.example', 'marco@tierra-viva.example'];
  const staff = ['admin@clac.example', 'director.and@clac.example', 'rep.bo@clac.example'];
  let filed = 0;

  const file = async (member: string, subject: string, priority = 'normal') => {
    filed++;
    const answer = await portal.request('POST', '/api/v1/requests', {
      token: token[member],
      body: { area: 'market-access', subject, description: `Solicitud de prueba número ${filed}.`, priority },
    });
    expect(answer.status).toBe(201);
    return answer.body.id as string;
  };
  const list = async (who: string, query: string): Promise<ListAnswer> => {
    const answer = await portal.request('GET', `/api/v1/requests${query}`, { token: token[who] });
    expect(answer.status).toBe(200);
    return answer.body;
  };

  beforeAll(async () => {
    portal = await startTestPortal({ env: { LIST_EXACT_TOTAL_LIMIT: String(LIMIT) } });
    for (const email of [...members, ...staff]) {
      const pair = await portal.login(email);
      token[email] = pair.accessToken;
      userId[email] = pair.user.id;
    }
    const priorities = ['low', 'normal', 'high', 'urgent'];
    for (let i = 0; i < 12; i++) await file(members[i % 3], `Consulta de comercio ${i}`, priorities[i % 4]);
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('counts a list exactly up to the limit and flags a longer one as not exact', async () => {
    for (let i = 0; i < LIMIT; i++) await file('ana@valle-alto.example', `Zafiro ${i} de la cooperativa`);
    const exact = await list('admin@clac.example', '?q=zafiro&pageSize=4');
    expect(exact).toMatchObject({ total: LIMIT, totalIsExact: true, page: 1, pageSize: 4 });
    expect(exact.items).toHaveLength(4);
    expect(typeof exact.nextCursor).toBe('string');

    await file('ana@valle-alto.example', 'Zafiro de más');
    const beyond = await list('admin@clac.example', '?q=zafiro&pageSize=4');
    expect(beyond).toMatchObject({ total: LIMIT, totalIsExact: false, page: 1 });
    expect(beyond.items).toHaveLength(4);

    const all = await list('admin@clac.example', '');
    const { rows } = await portal.db.query('SELECT count(*)::int AS n FROM requests');
    expect(rows[0].n).toBeGreaterThan(LIMIT);
    expect(all).toMatchObject({ total: LIMIT, totalIsExact: false });

    // The last page of a short list has no next page; its total is exact.
    const last = await list('admin@clac.example', '?q=zafiro&pageSize=4&page=2');
    expect(last.items).toHaveLength(LIMIT + 1 - 4);
    expect(last.nextCursor).toBeNull();
    // A page number past a list longer than the limit still answers its rows.
    const deep = await list('admin@clac.example', `?pageSize=2&page=${LIMIT}`);
    expect(deep.items).toHaveLength(2);
    expect(deep).toMatchObject({ page: LIMIT, totalIsExact: false });
  });

  it('counts a search the same whether its words are checked on a few requests first or found through the full-text index', async () => {
    // Outside work in progress, the words are first checked on up to 4 × (limit + 1) requests
    // of the scope and filters; a common word is counted there, a rarer one through the index.
    await portal.db.query(
      `UPDATE requests SET status = 'closed', closed_at = now() WHERE subject LIKE 'Consulta de comercio%'`,
    );
    const cases = [
      'q=zafiro',
      'q=zafiro&area=market-access',
      'q=comercio',
      'q=comercio&status=closed',
      'q=consulta&status=closed&area=market-access',
      'q=solicitud',
      'q=nada-parecido',
      'q=zafiro&status=closed',
      'q=comercio&status=closed&area=climate-resilience',
    ];
    for (const query of cases) {
      const params = new URLSearchParams(query);
      const { rows } = await portal.db.query(
        `SELECT count(*)::int AS n FROM requests r
         WHERE (r.search_public @@ to_tsquery('simple', $1 || ':*') OR r.search_internal @@ to_tsquery('simple', $1 || ':*'))
           AND ($2::text IS NULL OR r.status = $2) AND ($3::text IS NULL OR r.area_code = $3)`,
        [params.get('q')!.replace(/-/g, ' & '), params.get('status'), params.get('area')],
      );
      const answer = await list('admin@clac.example', `?${query}&pageSize=100`);
      expect({ query, total: answer.total, exact: answer.totalIsExact }).toEqual({
        query,
        total: Math.min(rows[0].n, LIMIT),
        exact: rows[0].n <= LIMIT,
      });
      if (answer.totalIsExact) expect(answer.items).toHaveLength(rows[0].n);
    }
  });

  /** Every page of a list by page number, 100 at a time (nothing arrives meanwhile). */
  const everyByPage = async (who: string, query: string) => {
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const answer = await list(who, `?${query}&pageSize=100&page=${page}`);
      ids.push(...answer.items.map((item) => item.id));
      if (answer.items.length < 100) return ids;
    }
  };

  it.each([
    ['admin@clac.example', '-createdAt'],
    ['admin@clac.example', 'createdAt'],
    ['admin@clac.example', '-priority'],
    ['admin@clac.example', 'priority'],
    ['admin@clac.example', 'dueAt'],
    ['admin@clac.example', '-dueAt'],
    ['admin@clac.example', '-updatedAt'],
    ['director.and@clac.example', '-createdAt'],
    ['rep.bo@clac.example', '-priority'],
    ['ana@valle-alto.example', '-createdAt'],
    ['marco@tierra-viva.example', 'dueAt'],
  ])(
    '%s, sort=%s: following nextCursor lists every request once, in order, while new ones arrive',
    async (who, sort) => {
      for (const filter of ['', '&area=market-access']) {
        const query = `sort=${sort}${filter}`;
        const before = await everyByPage(who, query);
        expect(before.length).toBeGreaterThan(3);
        const seen: string[] = [];
        const arrived = new Set<string>();
        let answer = await list(who, `?${query}&pageSize=4`);
        for (let page = 1; ; page++) {
          expect(answer.page).toBe(page);
          seen.push(...answer.items.map((item) => item.id));
          // Someone files a request between the first pages (into this list for members and admins).
          if (page <= 3)
            arrived.add(await file(members[page % 3], `Llegó mientras tanto ${page}`, page % 2 ? 'urgent' : 'low'));
          if (!answer.nextCursor) break;
          expect(answer.items).toHaveLength(4);
          answer = await list(who, `?${query}&pageSize=4&cursor=${encodeURIComponent(answer.nextCursor)}`);
        }
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen.filter((id) => !arrived.has(id))).toEqual(before);
        // What arrived meanwhile and was listed is only what the caller may see.
        const visible = new Set(await everyByPage(who, query));
        expect(seen.every((id) => visible.has(id))).toBe(true);
      }
    },
  );

  it('answers 400 with a problem document for a cursor that was altered, made up, another person’s or for another sort', async () => {
    const first = await list('director.and@clac.example', '?pageSize=2');
    const cursor = first.nextCursor!;
    const [payload, mac] = cursor.split('.');
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    // The same content signed with the portal's secret (as only the portal can): a bad value inside is still a 400, not a 500.
    const key = createHmac('sha256', TEST_JWT_SECRET).update('portal request-list cursor v1').digest();
    const forge = (who: string, sort: string, content: unknown[]) => {
      const body = Buffer.from(JSON.stringify(content)).toString('base64url');
      return `${body}.${createHmac('sha256', key).update(`${userId[who]}\n${sort}\n${body}`).digest().subarray(0, 16).toString('base64url')}`;
    };
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    expect(forge('director.and@clac.example', '-createdAt', decoded)).toBe(cursor);

    const refused: [string, string, string][] = [
      ['director.and@clac.example', '', 'garbage'],
      ['director.and@clac.example', '', 'a.b'],
      ['director.and@clac.example', '', '.'],
      ['director.and@clac.example', '', `${payload}.${flip(mac, 3)}`],
      ['director.and@clac.example', '', `${flip(payload, 5)}.${mac}`],
      ['director.and@clac.example', '', `${payload}.${mac}.${mac}`],
      ['director.and@clac.example', '', `${payload}`],
      ['director.and@clac.example', '', 'x'.repeat(600)],
      ['director.and@clac.example', '&sort=createdAt', cursor],
      ['director.and@clac.example', '&sort=-priority', cursor],
      ['admin@clac.example', '', cursor],
      ['rep.bo@clac.example', '', cursor],
      ['ana@valle-alto.example', '', cursor],
      [
        'director.and@clac.example',
        '',
        forge('director.and@clac.example', '-createdAt', [1, 2, null, '2026-02-30T10:00:00.000000Z', decoded[4]]),
      ],
      [
        'director.and@clac.example',
        '',
        forge('director.and@clac.example', '-createdAt', [1, 2, null, decoded[3], 'not-a-uuid']),
      ],
      [
        'director.and@clac.example',
        '',
        forge('director.and@clac.example', '-createdAt', [1, 0, null, decoded[3], decoded[4]]),
      ],
      [
        'director.and@clac.example',
        '',
        forge('director.and@clac.example', '-createdAt', [2, 2, null, decoded[3], decoded[4]]),
      ],
      [
        'director.and@clac.example',
        '&sort=-priority',
        forge('director.and@clac.example', '-priority', [1, 2, 9, decoded[3], decoded[4]]),
      ],
      [
        'director.and@clac.example',
        '&sort=dueAt',
        forge('director.and@clac.example', 'dueAt', [1, 2, 'soon', decoded[3], decoded[4]]),
      ],
      ['director.and@clac.example', '', forge('director.and@clac.example', '-createdAt', { page: 2 } as never)],
    ];
    for (const [who, extra, value] of refused) {
      const answer = await portal.request(
        'GET',
        `/api/v1/requests?pageSize=2${extra}&cursor=${encodeURIComponent(value)}`,
        { token: token[who] },
      );
      expect({ who, value: value.slice(0, 40), status: answer.status }).toEqual({
        who,
        value: value.slice(0, 40),
        status: 400,
      });
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body).toMatchObject({ status: 400, code: 'validation.failed' });
      expect(answer.body.errors.cursor).toEqual(expect.any(Array));
    }
    const twice = await portal.request(
      'GET',
      `/api/v1/requests?cursor=${encodeURIComponent(cursor)}&cursor=${encodeURIComponent(cursor)}`,
      { token: token['director.and@clac.example'] },
    );
    expect(twice.status).toBe(400);

    // The genuine cursor still works for the person it was given to, with its sort.
    const second = await list('director.and@clac.example', `?pageSize=2&cursor=${encodeURIComponent(cursor)}`);
    expect(second.page).toBe(2);
    expect(second.items.map((item) => item.id)).not.toContain(first.items[0].id);
  });

  it('documents totalIsExact, nextCursor and cursor in the OpenAPI document', async () => {
    const doc = await portal.request('GET', '/api/docs-json');
    const operation = doc.body.paths['/api/v1/requests'].get;
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['page', 'pageSize', 'cursor']),
    );
    const ref: string = operation.responses['200'].content['application/json'].schema.$ref;
    const schema = doc.body.components.schemas[ref.split('/').pop()!];
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['items', 'total', 'totalIsExact', 'page', 'pageSize', 'nextCursor']),
    );
    expect(schema.required).toEqual(expect.arrayContaining(['total', 'totalIsExact', 'nextCursor']));
  });
});

/**
 * Searches whose words are checked on the scope's requests (the work in progress always;
 * elsewhere common words) are counted to SEARCH_EXACT_TOTAL_LIMIT (lowered here to 3, lists
 * to 6): proving "more than the limit" for a common word reads about the limit ÷ the word's
 * share of the scope. Words whose matches are found first (a name) keep the list's limit,
 * their pages read from those matches.
 */
describe('word searches counted to their own limit', () => {
  const LIST_LIMIT = 6;
  const SEARCH_LIMIT = 3;
  let portal: TestPortal;
  const token: Record<string, string> = {};

  const list = async (who: string, query: string): Promise<ListAnswer> => {
    const answer = await portal.request('GET', `/api/v1/requests${query}`, { token: token[who] });
    expect(answer.status).toBe(200);
    return answer.body;
  };
  /** Every request of a list, following nextCursor 2 at a time. */
  const everyByCursor = async (who: string, query: string) => {
    const ids: string[] = [];
    let answer = await list(who, `?${query}&pageSize=2`);
    for (;;) {
      ids.push(...answer.items.map((item) => item.id));
      if (!answer.nextCursor) return ids;
      answer = await list(who, `?${query}&pageSize=2&cursor=${encodeURIComponent(answer.nextCursor)}`);
    }
  };
  const idsWhere = async (sql: string, params: unknown[] = []) =>
    (await portal.db.query(`SELECT r.id FROM requests r WHERE ${sql}`, params)).rows.map((row) => row.id as string);

  beforeAll(async () => {
    portal = await startTestPortal({
      env: { LIST_EXACT_TOTAL_LIMIT: String(LIST_LIMIT), SEARCH_EXACT_TOTAL_LIMIT: String(SEARCH_LIMIT) },
    });
    for (const email of ['ana@valle-alto.example', 'marco@tierra-viva.example', 'admin@clac.example']) {
      token[email] = (await portal.login(email)).accessToken;
    }
    for (let i = 0; i < 10; i++) {
      const answer = await portal.request('POST', '/api/v1/requests', {
        token: token[i < 8 ? 'ana@valle-alto.example' : 'marco@tierra-viva.example'],
        body: { area: 'market-access', subject: `Ámbar ${i} para exportar`, description: 'Necesitamos orientación.' },
      });
      expect(answer.status).toBe(201);
    }
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('counts the work in progress and a probed archive search to the search limit, and pages all of them', async () => {
    const open = 'status=new,assigned,in_progress,waiting_on_member&q=ambar';
    const openAmbar = await idsWhere(`r.status <> 'closed' AND r.subject LIKE 'Ámbar%'`);
    expect(openAmbar).toHaveLength(10);
    const inWork = await list('admin@clac.example', `?${open}&pageSize=100`);
    expect(inWork).toMatchObject({ total: SEARCH_LIMIT, totalIsExact: false });
    expect(inWork.items.map((item) => item.id).sort()).toEqual([...openAmbar].sort());
    // Beyond the limit every match is still listed once, page after page.
    expect((await everyByCursor('admin@clac.example', open)).sort()).toEqual([...openAmbar].sort());

    await portal.db.query(
      `UPDATE requests SET status = 'closed', closed_at = now()
       WHERE id IN (SELECT id FROM requests WHERE subject LIKE 'Ámbar%' ORDER BY created_at LIMIT 8)`,
    );
    const twoOpen = await list('admin@clac.example', `?${open}&pageSize=100`);
    expect(twoOpen).toMatchObject({ total: 2, totalIsExact: true });
    expect(twoOpen.items).toHaveLength(2);

    // The statistics now say "ambar" is in about half the requests: the archive's words are probed.
    await portal.db.query('ANALYZE requests, organizations, users');
    const closed = await idsWhere(`r.status = 'closed' AND r.subject LIKE 'Ámbar%'`);
    expect(closed).toHaveLength(8);
    const archive = await list('admin@clac.example', '?status=closed&q=ambar&pageSize=100');
    expect(archive).toMatchObject({ total: SEARCH_LIMIT, totalIsExact: false });
    expect(archive.items.map((item) => item.id).sort()).toEqual([...closed].sort());
    const paged = await everyByCursor('admin@clac.example', 'status=closed&q=ambar');
    expect(paged.sort()).toEqual([...closed].sort());
    // The resolved ones too (their page walked through requests_resolved_created_idx).
    await portal.db.query(
      `UPDATE requests SET status = 'resolved', resolved_at = now(), closed_at = NULL
       WHERE id IN (SELECT id FROM requests WHERE subject LIKE 'Ámbar%' AND status = 'closed' ORDER BY created_at LIMIT 5)`,
    );
    const resolved = await idsWhere(`r.status = 'resolved' AND r.subject LIKE 'Ámbar%'`);
    expect(resolved).toHaveLength(5);
    expect(await list('admin@clac.example', '?status=resolved&q=ambar&pageSize=2')).toMatchObject({
      total: SEARCH_LIMIT,
      totalIsExact: false,
    });
    expect((await everyByCursor('admin@clac.example', 'status=resolved&q=ambar')).sort()).toEqual([...resolved].sort());
  });

  it("pages a member's requests found by their email from those matches, beyond the list limit", async () => {
    const ana = await idsWhere(`r.created_by = (SELECT id FROM users WHERE email = 'ana@valle-alto.example')`);
    expect(ana.length).toBeGreaterThan(LIST_LIMIT);
    // Found first (one member of many): counted to the list's limit, not the search's.
    const first = await list('admin@clac.example', '?q=ana%40valle-alto.example&pageSize=2');
    expect(first).toMatchObject({ total: LIST_LIMIT, totalIsExact: false });
    const paged = await everyByCursor('admin@clac.example', 'q=ana%40valle-alto.example');
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged.sort()).toEqual([...ana].sort());
  });

  it('finds the requests of more organizations than are sent as ids, by their name', async () => {
    // 65 more organizations whose names hold "palmera", and Valle Alto's: 66, more than the
    // 64 whose ids go into the list's statement; they are found again there by name.
    await portal.db.query(
      `INSERT INTO organizations (name, country_code, kind)
       SELECT 'Asociación Palmera ' || g, 'PE', (SELECT kind FROM organizations LIMIT 1) FROM generate_series(1, 65) g`,
    );
    await portal.db.query(
      `UPDATE organizations SET name = name || ' Palmera' WHERE id = (SELECT organization_id FROM users WHERE email = 'ana@valle-alto.example')`,
    );
    const palmera = await idsWhere(
      `r.organization_id IN (SELECT o.id FROM organizations o WHERE o.name LIKE '%Palmera%')`,
    );
    expect(palmera.length).toBeGreaterThan(0);
    const found = await everyByCursor('admin@clac.example', 'q=palmera');
    expect(found.sort()).toEqual([...palmera].sort());
    const closed = await idsWhere(
      `r.status = 'closed' AND r.organization_id IN (SELECT o.id FROM organizations o WHERE o.name LIKE '%Palmera%')`,
    );
    expect((await everyByCursor('admin@clac.example', 'status=closed&q=palmera')).sort()).toEqual(closed.sort());
  });
});
