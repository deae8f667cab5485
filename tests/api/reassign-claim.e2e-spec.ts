import { type ApiAnswer, startTestPortal, type TestPortal } from '../support/api-harness';

/**
 * Issue 19: handing a case to a chosen person and claiming an unassigned one. The candidates
 * of a request (GET /requests/:id/assignees) are whom the caller may give it to, those whose
 * coverage matches first; assigning takes one of them and a note, which the timeline keeps;
 * staff claim an unassigned case of their coverage. A refusal is a problem document and
 * writes nothing.
 */

const API = '/api/v1';
const ANA = 'ana@valle-alto.example'; // Valle Alto, Peru
const REP_PE = ['rep.pe1@clac.example', 'rep.pe2@clac.example']; // Peru, any area (tier 2)
const REP_BO = 'rep.bo@clac.example'; // Bolivia, two other areas
const REP_BR = 'rep.br@clac.example'; // Brazil: another region
const CLIMATE_AND = 'climate.and@clac.example'; // Andean region, climate resilience (tier 3)
const DIRECTOR_AND = 'director.and@clac.example';
const EXECUTIVE = 'executive@clac.example';
const ADMIN = 'admin@clac.example';

let portal: TestPortal;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const names: Record<string, string> = {};

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

/** Everything assigning could write about a request. */
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

/** A climate case of Valle Alto (Peru), routed to one of Peru's representatives; with its holder. */
async function peruClimateCase(): Promise<{ id: string; holder: string }> {
  const answer = await call('POST', '/requests', ANA, {
    area: 'climate-resilience',
    subject: 'Heladas y sequía en la zona alta',
    description: 'Necesitamos un plan de adaptación.',
  });
  expect(answer.status).toBe(201);
  const holder = REP_PE.find((email) => ids[email] === answer.body.assignee?.id);
  expect(holder).toBeDefined();
  return { id: answer.body.id, holder: holder! };
}

async function setAvailable(email: string, available: boolean): Promise<void> {
  expect((await call('PATCH', `/users/${ids[email]}`, ADMIN, { available })).status).toBe(200);
}

/** A Peru climate case nobody could take when it was filed: `new`, unassigned. */
async function unassignedPeruCase(): Promise<string> {
  const everyone = [...REP_PE, CLIMATE_AND, DIRECTOR_AND];
  for (const email of everyone) await setAvailable(email, false);
  try {
    const answer = await call('POST', '/requests', ANA, {
      area: 'climate-resilience',
      subject: 'Granizo en las parcelas',
      description: 'Perdimos parte de la cosecha.',
    });
    expect(answer.body).toMatchObject({ status: 'new', assignee: null });
    return answer.body.id;
  } finally {
    for (const email of everyone) await setAvailable(email, true);
  }
}

beforeAll(async () => {
  portal = await startTestPortal({ env: { WORKERS_ENABLED: 'false' } });
  const { rows } = await portal.db.query(`SELECT id, email, name FROM users`);
  for (const row of rows) {
    ids[row.email] = row.id;
    names[row.email] = row.name;
  }
  for (const email of [ANA, ...REP_PE, REP_BO, REP_BR, CLIMATE_AND, DIRECTOR_AND, EXECUTIVE, ADMIN])
    tokens[email] = (await portal.login(email)).accessToken;
});

afterAll(async () => {
  await portal?.stop();
});

describe('the candidates of a request', () => {
  it('lists, for a Peru climate case, the Andean climate specialist among those whose coverage matches, best tier first', async () => {
    const { id, holder } = await peruClimateCase();
    const colleague = REP_PE.find((email) => email !== holder)!;
    const answer = await call('GET', `/requests/${id}/assignees`, holder);
    expect(answer.status).toBe(200);
    const byEmail = (email: string) => answer.body.find((c: { id: string }) => c.id === ids[email]);
    expect(byEmail(CLIMATE_AND)).toEqual({
      id: ids[CLIMATE_AND],
      name: names[CLIMATE_AND],
      role: 'specialist',
      available: true,
      awayUntil: null,
      openCases: expect.any(Number),
      tier: 3,
      coverage: [{ region: 'AND', area: 'climate-resilience' }],
      regionDirector: false,
    });
    expect(byEmail(colleague)).toMatchObject({ role: 'representative', tier: 2, coverage: [{ country: 'PE' }] });
    expect(byEmail(DIRECTOR_AND)).toMatchObject({ role: 'director', tier: 4, regionDirector: true });
    // Bolivia's representative may work in the region, but its coverage does not match: after those whose does.
    expect(byEmail(REP_BO)).toMatchObject({ tier: null, coverage: [] });
    // Not the holder itself, nobody of another region.
    expect(byEmail(holder)).toBeUndefined();
    expect(byEmail(REP_BR)).toBeUndefined();
    const order = answer.body.map((c: { id: string }) => c.id);
    expect(order.indexOf(ids[colleague])).toBeLessThan(order.indexOf(ids[CLIMATE_AND]));
    expect(order.indexOf(ids[CLIMATE_AND])).toBeLessThan(order.indexOf(ids[DIRECTOR_AND]));
    expect(order.indexOf(ids[DIRECTOR_AND])).toBeLessThan(order.indexOf(ids[REP_BO]));
    // The open cases are counted as the inbox counts them.
    const { rows } = await portal.db.query(
      `SELECT count(*)::int AS open FROM requests WHERE assignee_id = $1 AND status IN ('new', 'assigned', 'in_progress', 'waiting_on_member')`,
      [ids[CLIMATE_AND]],
    );
    expect(byEmail(CLIMATE_AND).openCases).toBe(rows[0].open);
  });

  it('searches by name, accents and case ignored', async () => {
    const { id, holder } = await peruClimateCase();
    const part = names[CLIMATE_AND].split(' ')[0].toUpperCase();
    const found = await call('GET', `/requests/${id}/assignees?search=${encodeURIComponent(part)}`, holder);
    expect(found.status).toBe(200);
    expect(found.body.map((c: { id: string }) => c.id)).toContain(ids[CLIMATE_AND]);
    const none = await call('GET', `/requests/${id}/assignees?search=${encodeURIComponent('%_nadie_%')}`, holder);
    expect(none).toMatchObject({ status: 200, body: [] });
  });

  it('leaves out someone invited who has not accepted yet, and refuses to give them the case', async () => {
    const invited = await call('POST', '/users', ADMIN, {
      email: 'nueva.pe@clac.example',
      name: 'Nueva Representante',
      role: 'representative',
      coverage: [{ country: 'PE' }],
      // Away, so that routing (which does not look at invitations yet) gives the other cases here none.
      available: false,
    });
    expect(invited.status).toBe(201);
    const { id, holder } = await peruClimateCase();
    const answer = await call('GET', `/requests/${id}/assignees`, holder);
    expect(answer.body.map((c: { id: string }) => c.id)).not.toContain(invited.body.id);
    const before = await footprint(id);
    const refused = await call('POST', `/requests/${id}/assign`, holder, {
      assigneeId: invited.body.id,
      reason: 'Para la nueva',
    });
    expectProblem(refused, 400, 'validation.failed');
    expect(refused.body.errors.assigneeId.join(' ')).toMatch(/invitation/);
    expect(await footprint(id)).toEqual(before);
  });

  it('is refused to whoever may not hand the case on: a colleague, a member, the executive', async () => {
    const { id, holder } = await peruClimateCase();
    const colleague = REP_PE.find((email) => email !== holder)!;
    expectProblem(await call('GET', `/requests/${id}/assignees`, colleague), 403, 'requests.forbidden');
    expectProblem(await call('GET', `/requests/${id}/assignees`, ANA), 403, 'auth.forbidden');
    expectProblem(await call('GET', `/requests/${id}/assignees`, EXECUTIVE), 403, 'auth.forbidden');
    expectProblem(await call('GET', `/requests/${id}/assignees`, REP_BR), 404, 'not-found');
  });
});

describe('assigning to a chosen person', () => {
  it('gives the case to the climate specialist with a note: the timeline says who, to whom and why, and tells the specialist', async () => {
    const { id, holder } = await peruClimateCase();
    const note = 'Es un caso de adaptación climática: mejor con la especialista.';
    const answer = await call('POST', `/requests/${id}/assign`, holder, { assigneeId: ids[CLIMATE_AND], reason: note });
    expect(answer.status).toBe(200);
    expect(answer.body.assignee).toEqual({ id: ids[CLIMATE_AND], name: names[CLIMATE_AND] });
    const detail = await call('GET', `/requests/${id}`, CLIMATE_AND);
    const moved = detail.body.timeline.filter((e: { type: string; event?: string }) => e.event === 'assigned');
    expect(moved.at(-1)).toMatchObject({
      actor: { id: ids[holder] },
      from: names[holder],
      to: names[CLIMATE_AND],
      reason: note,
    });
    const { rows } = await portal.db.query(
      `SELECT kind FROM notifications WHERE request_id = $1 AND recipient_id = $2`,
      [id, ids[CLIMATE_AND]],
    );
    expect(rows.map((r) => r.kind)).toContain('request.assigned');
    const inbox = await call('GET', `/requests?assignee=me`, CLIMATE_AND);
    expect(inbox.body.items.map((r: { id: string }) => r.id)).toContain(id);
  });

  it('keeps the note optional, as the contract says (the web app asks for it): the timeline then has no reason', async () => {
    const { id, holder } = await peruClimateCase();
    const answer = await call('POST', `/requests/${id}/assign`, holder, { assigneeId: ids[CLIMATE_AND] });
    expect(answer.status).toBe(200);
    const detail = await call('GET', `/requests/${id}`, CLIMATE_AND);
    const moved = detail.body.timeline.filter((e: { event?: string }) => e.event === 'assigned');
    expect(moved.at(-1)).toMatchObject({ actor: { id: ids[holder] }, to: names[CLIMATE_AND] });
    expect(moved.at(-1).reason ?? null).toBeNull();
  });

  it('refuses someone not among the candidates, and writes nothing', async () => {
    const { id, holder } = await peruClimateCase();
    const before = await footprint(id);
    expectProblem(
      await call('POST', `/requests/${id}/assign`, holder, { assigneeId: ids[REP_BR], reason: 'Traspaso' }),
      403,
      'requests.forbidden',
    );
    expectProblem(
      await call('POST', `/requests/${id}/assign`, holder, { assigneeId: ids[ANA], reason: 'Traspaso' }),
      400,
      'validation.failed',
    );
    expect(await footprint(id)).toEqual(before);
  });
});

describe('claiming an unassigned case', () => {
  it('lets a representative whose coverage matches take it', async () => {
    const id = await unassignedPeruCase();
    const answer = await call('POST', `/requests/${id}/claim`, REP_PE[0]);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'assigned', assignee: { id: ids[REP_PE[0]] } });
    const detail = await call('GET', `/requests/${id}`, REP_PE[0]);
    expect(detail.body.timeline.filter((e: { event?: string }) => e.event === 'assigned').at(-1)).toMatchObject({
      actor: { id: ids[REP_PE[0]] },
      from: null,
      to: names[REP_PE[0]],
    });
    // Taken: the colleague may not take it over.
    expectProblem(await call('POST', `/requests/${id}/claim`, REP_PE[1]), 403, 'requests.forbidden');
  });

  it('lets the specialist of its area in its region take it (tier 3)', async () => {
    const id = await unassignedPeruCase();
    const answer = await call('POST', `/requests/${id}/assign`, CLIMATE_AND, { assigneeId: ids[CLIMATE_AND] });
    expect(answer).toMatchObject({ status: 200, body: { assignee: { id: ids[CLIMATE_AND] } } });
  });

  it('refuses staff whose coverage does not match, a member and the executive, writing nothing', async () => {
    const id = await unassignedPeruCase();
    const before = await footprint(id);
    expectProblem(await call('POST', `/requests/${id}/claim`, REP_BO), 404, 'not-found'); // Peru is not its to see
    expectProblem(await call('POST', `/requests/${id}/claim`, ANA), 403, 'auth.forbidden');
    expectProblem(await call('POST', `/requests/${id}/claim`, EXECUTIVE), 403, 'auth.forbidden');
    expect(await footprint(id)).toEqual(before);
  });
});
