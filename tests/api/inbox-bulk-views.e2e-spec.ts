import { type ApiAnswer, startTestPortal, type TestPortal } from '../support/api-harness';

/**
 * Issue 19, a dense inbox: what GET /requests adds for a line of the inbox (the next deadline
 * with its name and state, "member replied"), one change on several cases (POST
 * /requests/bulk: one result per case, nothing written for a refused one) and the saved
 * views of each person (/me/views).
 */

const API = '/api/v1';
const ANA = 'ana@valle-alto.example'; // member, Valle Alto (Peru)
const REP = 'rep.pe1@clac.example';
const OTHER_REP = 'rep.pe2@clac.example';
const REP_BR = 'rep.br@clac.example';
const ADMIN = 'admin@clac.example';

let portal: TestPortal;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

function call(method: string, path: string, email: string, body?: unknown): Promise<ApiAnswer> {
  return portal.request(method, `${API}${path}`, { token: tokens[email], body });
}

function expectProblem(answer: ApiAnswer, status: number, code?: string): void {
  expect({ status: answer.status, body: answer.body }).toMatchObject({
    status,
    body: { status, title: expect.any(String), detail: expect.any(String), ...(code ? { code } : {}) },
  });
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
}

/** A new Peru case of Valle Alto, handed by the admin to `holder`; its id and version. */
async function caseHeldBy(
  holder: string,
  subject = 'Certificación orgánica del lote 4',
): Promise<{ id: string; version: number }> {
  const filed = await call('POST', '/requests', ANA, {
    area: 'standards-compliance',
    subject,
    description: 'Detalle.',
  });
  expect(filed.status).toBe(201);
  if (filed.body.assignee?.id !== ids[holder]) {
    const moved = await call('POST', `/requests/${filed.body.id}/assign`, ADMIN, {
      assigneeId: ids[holder],
      reason: 'test',
    });
    expect(moved.status).toBe(200);
    return { id: moved.body.id, version: moved.body.version };
  }
  return { id: filed.body.id, version: filed.body.version };
}

/** The inbox line of a request, as the caller's list gives it. */
async function lineOf(email: string, id: string) {
  const list = await call('GET', '/requests?pageSize=100&sort=-updatedAt', email);
  expect(list.status).toBe(200);
  return list.body.items.find((item: { id: string }) => item.id === id);
}

/** Everything a change could write about a request. */
async function footprint(id: string) {
  const { rows } = await portal.db.query(
    `SELECT to_jsonb(r) AS request,
            (SELECT count(*)::int FROM request_events e WHERE e.request_id = r.id) AS events,
            (SELECT count(*)::int FROM notifications n WHERE n.request_id = r.id) AS notifications
     FROM requests r WHERE r.id = $1`,
    [id],
  );
  return rows[0];
}

beforeAll(async () => {
  portal = await startTestPortal({ env: { WORKERS_ENABLED: 'false' } });
  const { rows } = await portal.db.query(`SELECT id, email FROM users`);
  for (const row of rows) ids[row.email] = row.id;
  for (const email of [ANA, REP, OTHER_REP, REP_BR, ADMIN]) tokens[email] = (await portal.login(email)).accessToken;
});

afterAll(async () => {
  await portal?.stop();
});

describe('an inbox line', () => {
  it('names the next deadline: the first answer until there is one, then the resolution, with its state', async () => {
    const { id } = await caseHeldBy(REP);
    const first = await lineOf(REP, id);
    const { rows } = await portal.db.query(
      `SELECT first_response_due_at, resolution_due_at FROM requests WHERE id = $1`,
      [id],
    );
    expect(first.nextDeadline).toEqual({
      kind: 'first-response',
      dueAt: rows[0].first_response_due_at.toISOString(),
      state: expect.any(String),
    });
    // The state at the database's clock: the due time moved around now.
    const dueIn = async (interval: string) => {
      await portal.db.query(`UPDATE requests SET first_response_due_at = now() + $2::interval WHERE id = $1`, [
        id,
        interval,
      ]);
      return (await lineOf(REP, id)).nextDeadline.state;
    };
    expect(await dueIn('3 days')).toBe('ok');
    expect(await dueIn('2 hours')).toBe('near');
    expect(await dueIn('-1 minute')).toBe('breached');
    // Answered: the resolution is next.
    expect((await call('POST', `/requests/${id}/messages`, REP, { body: 'Lo revisamos.' })).status).toBe(201);
    const answered = await lineOf(REP, id);
    expect(answered.nextDeadline).toMatchObject({ kind: 'resolution', dueAt: rows[0].resolution_due_at.toISOString() });
    // Resolved: no deadline.
    expect((await call('POST', `/requests/${id}/transitions`, REP, { to: 'resolved' })).status).toBe(200);
    expect((await lineOf(REP, id)).nextDeadline).toBeNull();
  });

  it('marks "member replied" when the member wrote last after staff, and not before staff answered or after staff answered again', async () => {
    const { id } = await caseHeldBy(REP);
    // The member writes before any staff reply: not a reply to staff.
    expect((await call('POST', `/requests/${id}/messages`, ANA, { body: 'Agrego un dato.' })).status).toBe(201);
    expect((await lineOf(REP, id)).memberRepliedAt).toBeNull();
    expect((await call('POST', `/requests/${id}/messages`, REP, { body: '¿Qué lote?' })).status).toBe(201);
    expect((await lineOf(REP, id)).memberRepliedAt).toBeNull();
    const reply = await call('POST', `/requests/${id}/messages`, ANA, { body: 'El lote 4.' });
    expect(reply.status).toBe(201);
    expect((await lineOf(REP, id)).memberRepliedAt).toBe(reply.body.createdAt);
    // An internal note is not an answer to the member.
    expect((await call('POST', `/requests/${id}/messages`, REP, { body: 'Nota', internal: true })).status).toBe(201);
    expect((await lineOf(REP, id)).memberRepliedAt).toBe(reply.body.createdAt);
    expect((await call('POST', `/requests/${id}/messages`, REP, { body: 'Gracias.' })).status).toBe(201);
    expect((await lineOf(REP, id)).memberRepliedAt).toBeNull();
  });
});

describe('POST /requests/bulk', () => {
  it('changes the cases the caller may change and refuses the others one by one, writing nothing for them', async () => {
    const mine = [await caseHeldBy(REP), await caseHeldBy(REP), await caseHeldBy(REP)];
    const colleagues = await caseHeldBy(OTHER_REP);
    const stale = await caseHeldBy(REP);
    // Someone changed it since the caller's list was loaded.
    expect(
      (await call('PATCH', `/requests/${stale.id}`, ADMIN, { priority: 'high', version: stale.version })).status,
    ).toBe(200);
    const before = { colleagues: await footprint(colleagues.id), stale: await footprint(stale.id) };

    const answer = await call('POST', '/requests/bulk', REP, {
      action: 'status',
      to: 'in_progress',
      items: [...mine, colleagues, stale].map(({ id, version }) => ({ id, version })),
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ changed: 3, refused: 2 });
    expect(answer.body.results.map((r: { id: string }) => r.id)).toEqual([...mine, colleagues, stale].map((c) => c.id));
    for (const result of answer.body.results.slice(0, 3)) {
      expect(result).toMatchObject({ ok: true, request: { status: 'in_progress' } });
    }
    expect(answer.body.results[3]).toMatchObject({
      ok: false,
      problem: { status: 403, code: 'requests.forbidden', action: 'status', detail: expect.stringMatching(/assignee/) },
    });
    expect(answer.body.results[4]).toMatchObject({
      ok: false,
      problem: { status: 409, code: 'requests.stale-version' },
    });
    expect(await footprint(colleagues.id)).toEqual(before.colleagues);
    expect(await footprint(stale.id)).toEqual(before.stale);
    const { rows } = await portal.db.query(`SELECT status FROM requests WHERE id = ANY($1::uuid[])`, [
      mine.map((c) => c.id),
    ]);
    expect(rows.map((r: { status: string }) => r.status)).toEqual(['in_progress', 'in_progress', 'in_progress']);
  });

  it('changes priorities and assigns, each case as its own route would', async () => {
    const cases = [await caseHeldBy(REP), await caseHeldBy(REP)];
    const priority = await call('POST', '/requests/bulk', REP, {
      action: 'priority',
      priority: 'urgent',
      items: cases.map(({ id, version }) => ({ id, version })),
    });
    expect(priority.body).toMatchObject({ changed: 2, refused: 0 });
    const versions = priority.body.results.map((r: { request: { version: number } }) => r.request.version);
    const assign = await call('POST', '/requests/bulk', REP, {
      action: 'assign',
      assigneeId: ids[OTHER_REP],
      reason: 'Vacaciones',
      items: cases.map(({ id }, index) => ({ id, version: versions[index] })),
    });
    expect(assign.status).toBe(200);
    expect(assign.body).toMatchObject({ changed: 2, refused: 0 });
    const { rows } = await portal.db.query(
      `SELECT r.priority, r.assignee_id, e.reason FROM requests r
       JOIN request_events e ON e.request_id = r.id AND e.type = 'assigned' AND e.reason = 'Vacaciones'
       WHERE r.id = ANY($1::uuid[])`,
      [cases.map((c) => c.id)],
    );
    expect(rows).toEqual([
      { priority: 'urgent', assignee_id: ids[OTHER_REP], reason: 'Vacaciones' },
      { priority: 'urgent', assignee_id: ids[OTHER_REP], reason: 'Vacaciones' },
    ]);
  });

  it('refuses a malformed call as a whole with a 400 and changes nothing', async () => {
    const one = await caseHeldBy(REP);
    const before = await footprint(one.id);
    const item = { id: one.id, version: one.version };
    const refused = [
      { action: 'status', items: [item] }, // no target status
      { action: 'priority', priority: 'soon', items: [item] },
      { action: 'status', to: 'in_progress', items: [] },
      { action: 'status', to: 'in_progress', items: [item, item] },
      { action: 'status', to: 'in_progress', items: [{ id: one.id }] },
      { action: 'close', items: [item] },
      { action: 'status', to: 'in_progress', items: Array.from({ length: 51 }, () => item) },
      { action: 'status', to: 'in_progress', items: [item], extra: 1 },
    ];
    for (const body of refused) expectProblem(await call('POST', '/requests/bulk', REP, body), 400);
    expectProblem(await call('POST', '/requests/bulk', ANA, { action: 'status', to: 'withdrawn', items: [item] }), 403);
    expect(await footprint(one.id)).toEqual(before);
  });
});

describe('saved views', () => {
  it('keeps each person’s named views, for that person only', async () => {
    const saved = await call('POST', '/me/views', REP, {
      name: '  Urgentes de certificación ',
      params: { sort: '-priority', area: 'standards-compliance', tab: 'coverage', status: 'assigned,in_progress' },
    });
    expect(saved.status).toBe(201);
    expect(saved.body).toEqual({
      id: expect.any(String),
      name: 'Urgentes de certificación',
      params: { tab: 'coverage', status: 'assigned,in_progress', area: 'standards-compliance', sort: '-priority' },
      createdAt: expect.any(String),
    });
    expect((await call('GET', '/me/views', REP)).body).toEqual([saved.body]);
    // Another person neither sees nor deletes it.
    expect((await call('GET', '/me/views', OTHER_REP)).body).toEqual([]);
    expectProblem(await call('DELETE', `/me/views/${saved.body.id}`, OTHER_REP), 404, 'not-found');
    expect((await call('GET', '/me/views', REP)).body).toHaveLength(1);
    // The same name again (case ignored): 409.
    expectProblem(
      await call('POST', '/me/views', REP, { name: 'URGENTES DE CERTIFICACIÓN', params: {} }),
      409,
      'views.name-taken',
    );
    const deleted = await call('DELETE', `/me/views/${saved.body.id}`, REP);
    expect(deleted.status).toBe(204);
    expect((await call('GET', '/me/views', REP)).body).toEqual([]);
    expectProblem(await call('DELETE', `/me/views/${saved.body.id}`, REP), 404);
  });

  it('refuses what the inbox could not read with a 400 naming the field, and members altogether', async () => {
    const invalid: [unknown, string][] = [
      [{ name: '', params: {} }, 'name'],
      [{ name: 'x'.repeat(61), params: {} }, 'name'],
      [{ name: 'Vista', params: { page: '2' } }, 'params.page'],
      [{ name: 'Vista', params: { sort: 'subject' } }, 'params.sort'],
      [{ name: 'Vista', params: { status: 'open' } }, 'params.status'],
      [{ name: 'Vista', params: { area: 'coffee' } }, 'params.area'],
      [{ name: 'Vista', params: { assignee: 'me' } }, 'params.assignee'],
      [{ name: 'Vista', params: { q: 'x'.repeat(201) } }, 'params.q'],
      [{ name: 'Vista', params: { country: 7 } }, 'params.country'],
      [{ name: 'Vista' }, 'params'],
      [{ name: 'Vista', params: [] }, 'params'],
    ];
    for (const [body, field] of invalid) {
      const answer = await call('POST', '/me/views', REP_BR, body);
      expectProblem(answer, 400, 'validation.failed');
      expect(Object.keys(answer.body.errors)).toContain(field);
    }
    expect((await call('GET', '/me/views', REP_BR)).body).toEqual([]);
    expectProblem(await call('GET', '/me/views', ANA), 403);
    expectProblem(await call('POST', '/me/views', ANA, { name: 'Vista', params: {} }), 403);
  });

  it('keeps at most 20 views per person', async () => {
    for (let n = 1; n <= 20; n++) {
      expect(
        (await call('POST', '/me/views', ADMIN, { name: `Vista ${n}`, params: { q: `palabra ${n}` } })).status,
      ).toBe(201);
    }
    expectProblem(await call('POST', '/me/views', ADMIN, { name: 'Vista 21', params: {} }), 409, 'views.limit-reached');
    expect((await call('GET', '/me/views', ADMIN)).body).toHaveLength(20);
    // Someone else's limit is their own.
    expect((await call('POST', '/me/views', OTHER_REP, { name: 'Vista 1', params: {} })).status).toBe(201);
  });
});
