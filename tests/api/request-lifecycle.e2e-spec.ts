import { REQUEST_STATUSES, type RequestStatus, TRANSITIONS } from '@portal/shared';
import { type ApiAnswer, startTestPortal, type TestPortal } from '../support/api-harness';

/**
 * The request lifecycle (docs/domain.md, "Lifecycle"), through POST /requests/:id/transitions
 * and the other routes that move a request: every allowed and every refused transition,
 * reopening within 14 days of resolution, the replies that move a request, the timeline,
 * optimistic versions, reassignment and escalation.
 */

const API = '/api/v1';
const MEMBER = 'marco@tierra-viva.example'; // Bolivia
const REP = 'rep.bo@clac.example'; // Bolivia standards-compliance is routed to rep.bo (tier 1)
const ADMIN = 'admin@clac.example';
const EXECUTIVE = 'executive@clac.example';
const HAITI_MEMBER = 'jean@kafe-mon-no.example';
const DIRECTOR_AND = 'director.and@clac.example';
const DIRECTOR_CAM = 'director.cam@clac.example';
const DIRECTOR_CAR = 'director.car@clac.example';

type Actor = 'member' | 'staff';

/** The lifecycle as docs/domain.md draws it, written out here: the shared table must say the same. */
const SPEC_TRANSITIONS: [RequestStatus, RequestStatus, Actor][] = [
  ['new', 'withdrawn', 'member'],
  ['assigned', 'withdrawn', 'member'],
  ['assigned', 'in_progress', 'staff'],
  ['in_progress', 'waiting_on_member', 'staff'],
  ['waiting_on_member', 'in_progress', 'staff'],
  ['in_progress', 'resolved', 'staff'],
  ['waiting_on_member', 'resolved', 'staff'],
  ['resolved', 'closed', 'member'],
  ['resolved', 'in_progress', 'member'], // reopen, within 14 days of resolution
  ['closed', 'in_progress', 'member'], // reopen, within 14 days of resolution
];

const allowedFrom = (status: RequestStatus, actor: Actor): RequestStatus[] =>
  SPEC_TRANSITIONS.filter(([from, , by]) => from === status && by === actor).map(([, to]) => to);

let portal: TestPortal;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const names: Record<string, string> = {};

async function call(method: string, path: string, email: string, body?: unknown): Promise<ApiAnswer> {
  return portal.request(method, `${API}${path}`, { token: tokens[email], body });
}

function expectStatus(answer: ApiAnswer, status: number): void {
  expect({ status: answer.status, body: answer.body }).toMatchObject({ status });
}

function expectProblem(answer: ApiAnswer, status: number): void {
  expectStatus(answer, status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
}

async function row(id: string) {
  const { rows } = await portal.db.query(
    `SELECT status, priority, area_code, assignee_id, escalated, version, updated_at, first_responded_at, resolved_at, closed_at,
            (SELECT count(*)::int FROM request_events e WHERE e.request_id = r.id) AS events,
            (SELECT count(*)::int FROM request_messages m WHERE m.request_id = r.id) AS messages
     FROM requests r WHERE id = $1`,
    [id],
  );
  return rows[0];
}

async function transition(id: string, email: string, to: RequestStatus, reason?: string): Promise<ApiAnswer> {
  return call('POST', `/requests/${id}/transitions`, email, reason === undefined ? { to } : { to, reason });
}

async function timelineEvents(id: string, email = ADMIN) {
  const answer = await call('GET', `/requests/${id}`, email);
  expectStatus(answer, 200);
  return answer.body.timeline.filter((entry: { type: string }) => entry.type === 'event');
}

async function setAvailable(email: string, available: boolean): Promise<void> {
  expectStatus(await call('PATCH', `/users/${ids[email]}`, ADMIN, { available }), 200);
}

/** A Bolivia standards-compliance request, routed to rep.bo: `assigned`. */
async function assignedRequest(subject = 'Consulta sobre la norma de comercio justo'): Promise<string> {
  const answer = await call('POST', '/requests', MEMBER, {
    area: 'standards-compliance',
    subject,
    description: 'Necesitamos orientación.',
  });
  expectStatus(answer, 201);
  expect(answer.body).toMatchObject({ status: 'assigned', assignee: { id: ids[REP] } });
  return answer.body.id;
}

/**
 * A Haitian request nobody can take: with the Caribbean director unavailable (Haiti has no
 * representative), routing finds no candidate and the request stays `new`, unassigned.
 */
async function newRequest(): Promise<string> {
  await setAvailable(DIRECTOR_CAR, false);
  try {
    const answer = await call('POST', '/requests', HAITI_MEMBER, {
      area: 'market-access',
      subject: 'Acheteurs de café',
      description: 'Nous cherchons des acheteurs.',
    });
    expectStatus(answer, 201);
    expect(answer.body).toMatchObject({ status: 'new', assignee: null });
    return answer.body.id;
  } finally {
    await setAvailable(DIRECTOR_CAR, true);
  }
}

/** Drives a fresh request to `status` through the API (every status has an API path). */
async function requestIn(status: RequestStatus): Promise<string> {
  if (status === 'new') return newRequest();
  const id = await assignedRequest();
  const path: Record<Exclude<RequestStatus, 'new'>, [string, RequestStatus][]> = {
    assigned: [],
    in_progress: [[REP, 'in_progress']],
    waiting_on_member: [
      [REP, 'in_progress'],
      [REP, 'waiting_on_member'],
    ],
    resolved: [
      [REP, 'in_progress'],
      [REP, 'resolved'],
    ],
    closed: [
      [REP, 'in_progress'],
      [REP, 'resolved'],
      [MEMBER, 'closed'],
    ],
    withdrawn: [[MEMBER, 'withdrawn']],
  };
  for (const [email, to] of path[status]) expectStatus(await transition(id, email, to), 200);
  expect((await row(id)).status).toBe(status);
  return id;
}

/** Who acts as member and as staff on a request in this status. */
function actorsFor(status: RequestStatus): Record<Actor, string> {
  // A `new` request has no assignee: it sits in the admins' triage queue, so an admin is its staff.
  return status === 'new' ? { member: HAITI_MEMBER, staff: ADMIN } : { member: MEMBER, staff: REP };
}

beforeAll(async () => {
  portal = await startTestPortal();
  for (const email of [MEMBER, REP, ADMIN, EXECUTIVE, HAITI_MEMBER, DIRECTOR_AND, DIRECTOR_CAM, DIRECTOR_CAR]) {
    tokens[email] = (await portal.login(email)).accessToken;
  }
  const { rows } = await portal.db.query(`SELECT id, email, name FROM users`);
  for (const user of rows) {
    ids[user.email] = user.id;
    names[user.email] = user.name;
  }
});

afterAll(async () => {
  await portal?.stop();
});

describe('the transition table', () => {
  it('in shared/src/lifecycle.ts is the one docs/domain.md draws', () => {
    const shared = TRANSITIONS.map((t) => [t.from, t.to, t.by]);
    expect(new Set(shared.map((t) => t.join(' → ')))).toEqual(new Set(SPEC_TRANSITIONS.map((t) => t.join(' → '))));
    expect(shared).toHaveLength(SPEC_TRANSITIONS.length);
    for (const t of TRANSITIONS) {
      const reopen = (t.from === 'resolved' || t.from === 'closed') && t.to === 'in_progress';
      expect(t.withinDaysOfResolution).toBe(reopen ? 14 : undefined);
    }
  });

  const cases = REQUEST_STATUSES.flatMap((from) =>
    REQUEST_STATUSES.flatMap((to) =>
      (['member', 'staff'] as Actor[]).map((actor) => {
        const allowed = allowedFrom(from, actor);
        return [from, to, actor, allowed.includes(to) ? 200 : 409, allowed] as const;
      }),
    ),
  );

  it.each(cases)('%s → %s by the %s answers %d', async (from, to, actor, expected, allowed) => {
    const id = await requestIn(from);
    const email = actorsFor(from)[actor];
    const before = await row(id);
    const answer = await transition(id, email, to, 'Paso de prueba');
    if (expected === 200) {
      expectStatus(answer, 200);
      expect(answer.body).toMatchObject({ id, status: to });
      const after = await row(id);
      expect(after.status).toBe(to);
      expect(after.version).toBe(before.version + 1);
      const events = await timelineEvents(id);
      expect(events.at(-1)).toMatchObject({
        event: 'status_changed',
        from,
        to,
        reason: 'Paso de prueba',
        actor: { id: ids[email], name: names[email] },
      });
      if (to === 'resolved') expect(after.resolved_at).not.toBeNull();
      if (to === 'closed') expect(after.closed_at).not.toBeNull();
    } else {
      expectProblem(answer, 409);
      expect([...answer.body.allowed].sort()).toEqual([...allowed].sort());
      expect(await row(id)).toEqual(before);
    }
  });

  it.each(REQUEST_STATUSES.map((s) => [s]))(
    'shows on GET /requests/:id, for a %s request, the transitions the member and the staff may make',
    async (status) => {
      const id = await requestIn(status);
      const actors = actorsFor(status);
      for (const actor of ['member', 'staff'] as Actor[]) {
        const answer = await call('GET', `/requests/${id}`, actors[actor]);
        expectStatus(answer, 200);
        expect([...answer.body.allowedTransitions].sort()).toEqual(allowedFrom(status, actor).sort());
      }
    },
  );

  it.each(['assigned', 'in_progress', 'resolved'] as RequestStatus[])(
    'refuses the executive any transition of a %s request with 403, writing nothing',
    async (status) => {
      const id = await requestIn(status);
      const before = await row(id);
      for (const to of REQUEST_STATUSES) expectProblem(await transition(id, EXECUTIVE, to), 403);
      expect(await row(id)).toEqual(before);
    },
  );
});

describe('reopening', () => {
  async function resolvedDaysAgo(days: number, status: 'resolved' | 'closed'): Promise<string> {
    const id = await requestIn(status);
    // No API moves time: the resolution date is moved back in the database.
    await portal.db.query(`UPDATE requests SET resolved_at = now() - make_interval(days => $2) WHERE id = $1`, [
      id,
      days,
    ]);
    return id;
  }

  it.each(['resolved', 'closed'] as const)('lets the member reopen a request %s 13 days ago', async (status) => {
    const id = await resolvedDaysAgo(13, status);
    const answer = await transition(id, MEMBER, 'in_progress', 'No quedó resuelto');
    expectStatus(answer, 200);
    expect(answer.body.status).toBe('in_progress');
    expect((await row(id)).status).toBe('in_progress');
  });

  it('refuses to reopen a request resolved 15 days ago, leaving only confirmation', async () => {
    const id = await resolvedDaysAgo(15, 'resolved');
    const before = await row(id);
    const answer = await transition(id, MEMBER, 'in_progress');
    expectProblem(answer, 409);
    expect(answer.body.allowed).toEqual(['closed']);
    expect(await row(id)).toEqual(before);
    const detail = await call('GET', `/requests/${id}`, MEMBER);
    expect(detail.body.allowedTransitions).toEqual(['closed']);
    // Confirming is still possible.
    expectStatus(await transition(id, MEMBER, 'closed'), 200);
  });

  it('refuses to reopen a closed request resolved 15 days ago', async () => {
    const id = await resolvedDaysAgo(15, 'closed');
    const before = await row(id);
    const answer = await transition(id, MEMBER, 'in_progress');
    expectProblem(answer, 409);
    expect(answer.body.allowed).toEqual([]);
    expect(await row(id)).toEqual(before);
  });
});

describe('replies that move a request', () => {
  it('moves an assigned request to in_progress on the first public staff reply, and stamps firstRespondedAt once', async () => {
    const id = await assignedRequest();
    // An internal note is not an answer to the member: nothing moves.
    expectStatus(
      await call('POST', `/requests/${id}/messages`, REP, { body: 'Revisar la norma 4.2', internal: true }),
      201,
    );
    expect(await row(id)).toMatchObject({ status: 'assigned', first_responded_at: null });

    const started = Date.now();
    expectStatus(
      await call('POST', `/requests/${id}/messages`, REP, { body: 'Hola Marco, le respondemos en seguida.' }),
      201,
    );
    const after = await row(id);
    expect(after.status).toBe('in_progress');
    expect(after.first_responded_at).not.toBeNull();
    expect(after.first_responded_at.getTime()).toBeGreaterThanOrEqual(started - 5_000);
    expect(after.first_responded_at.getTime()).toBeLessThanOrEqual(Date.now() + 5_000);

    const detail = await call('GET', `/requests/${id}`, MEMBER);
    expect(detail.body).toMatchObject({
      status: 'in_progress',
      firstRespondedAt: after.first_responded_at.toISOString(),
    });
    const events = detail.body.timeline.filter((e: { type: string }) => e.type === 'event');
    expect(events.at(-1)).toMatchObject({
      event: 'status_changed',
      from: 'assigned',
      to: 'in_progress',
      actor: { id: ids[REP] },
    });

    // A second reply leaves the first response time alone.
    expectStatus(await call('POST', `/requests/${id}/messages`, REP, { body: 'Un dato más.' }), 201);
    expect((await row(id)).first_responded_at).toEqual(after.first_responded_at);
  });

  it('leaves an assigned request assigned when the member writes, without a first response', async () => {
    const id = await assignedRequest();
    expectStatus(await call('POST', `/requests/${id}/messages`, MEMBER, { body: 'Agrego un detalle.' }), 201);
    expect(await row(id)).toMatchObject({ status: 'assigned', first_responded_at: null });
  });

  it('moves a request waiting on the member back to in_progress when the member replies', async () => {
    const id = await requestIn('waiting_on_member');
    const answer = await call('POST', `/requests/${id}/messages`, MEMBER, { body: 'Aquí está la información pedida.' });
    expectStatus(answer, 201);
    expect((await row(id)).status).toBe('in_progress');
    const events = await timelineEvents(id, MEMBER);
    expect(events.at(-1)).toMatchObject({
      event: 'status_changed',
      from: 'waiting_on_member',
      to: 'in_progress',
      actor: { id: ids[MEMBER], name: names[MEMBER] },
    });
  });

  it.each(['closed', 'withdrawn'] as RequestStatus[])(
    'refuses a reply to a %s request with 409 and writes nothing',
    async (status) => {
      const id = await requestIn(status);
      const before = await row(id);
      expectProblem(await call('POST', `/requests/${id}/messages`, MEMBER, { body: '¿Hola?' }), 409);
      expect(await row(id)).toEqual(before);
    },
  );
});

describe('the timeline', () => {
  it('records every change, status, priority, area, assignee, escalation, with who, from and to, in order', async () => {
    const id = await assignedRequest();
    const version = async () => (await row(id)).version;
    expectStatus(await transition(id, REP, 'in_progress'), 200);
    expectStatus(await call('PATCH', `/requests/${id}`, REP, { priority: 'urgent', version: await version() }), 200);
    expectStatus(await call('PATCH', `/requests/${id}`, REP, { area: 'market-access', version: await version() }), 200);
    expectStatus(await transition(id, REP, 'waiting_on_member', 'Falta el certificado'), 200);
    expectStatus(
      await call('POST', `/requests/${id}/assign`, ADMIN, { assigneeId: ids[DIRECTOR_AND], reason: 'Caso complejo' }),
      200,
    );
    expectStatus(
      await call('POST', `/requests/${id}/assign`, DIRECTOR_AND, { assigneeId: ids[REP], reason: 'Traspaso' }),
      200,
    );
    expectStatus(await call('POST', `/requests/${id}/escalate`, REP, { reason: 'Requiere la dirección' }), 200);
    expectStatus(await transition(id, DIRECTOR_AND, 'resolved'), 200);
    expectStatus(await transition(id, MEMBER, 'closed'), 200);

    const events = await timelineEvents(id, MEMBER);
    const summary = events.map(
      (e: { event: string; actor: { id: string } | null; from: string | null; to: string | null }) => [
        e.event,
        e.actor?.id ?? null,
        e.from,
        e.to,
      ],
    );
    expect(summary).toEqual([
      ['created', ids[MEMBER], null, 'new'],
      ['routed', null, null, names[REP]],
      ['status_changed', ids[REP], 'assigned', 'in_progress'],
      ['priority_changed', ids[REP], 'normal', 'urgent'],
      ['area_changed', ids[REP], 'standards-compliance', 'market-access'],
      ['status_changed', ids[REP], 'in_progress', 'waiting_on_member'],
      ['assigned', ids[ADMIN], names[REP], names[DIRECTOR_AND]],
      ['assigned', ids[DIRECTOR_AND], names[DIRECTOR_AND], names[REP]],
      ['escalated', ids[REP], names[REP], names[DIRECTOR_AND]],
      ['status_changed', ids[DIRECTOR_AND], 'waiting_on_member', 'resolved'],
      ['status_changed', ids[MEMBER], 'resolved', 'closed'],
    ]);
    const nameById = new Map(Object.keys(ids).map((email) => [ids[email], names[email]]));
    for (const event of events) {
      expect(Number.isNaN(Date.parse(event.createdAt))).toBe(false);
      if (event.actor) expect(event.actor.name).toBe(nameById.get(event.actor.id));
    }
    const times = events.map((e: { createdAt: string }) => Date.parse(e.createdAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Nothing was deleted along the way, and the database holds exactly what the timeline shows.
    const { rows } = await portal.db.query(`SELECT count(*)::int AS n FROM request_events WHERE request_id = $1`, [id]);
    expect(rows[0].n).toBe(events.length);
  });

  it('records the assignment of a new request and its move to assigned', async () => {
    const id = await newRequest();
    const answer = await call('POST', `/requests/${id}/assign`, ADMIN, {
      assigneeId: ids[DIRECTOR_CAR],
      reason: 'Traspaso',
    });
    expectStatus(answer, 200);
    expect(answer.body).toMatchObject({ status: 'assigned', assignee: { id: ids[DIRECTOR_CAR] } });
    const events = await timelineEvents(id);
    expect(events.slice(-2)).toMatchObject([
      { event: 'assigned', actor: { id: ids[ADMIN] }, from: null, to: names[DIRECTOR_CAR] },
      { event: 'status_changed', actor: { id: ids[ADMIN] }, from: 'new', to: 'assigned' },
    ]);
  });

  it('keeps withdrawn requests visible to their member and staff', async () => {
    const id = await requestIn('withdrawn');
    for (const email of [MEMBER, REP, ADMIN]) {
      const answer = await call('GET', `/requests/${id}`, email);
      expectStatus(answer, 200);
      expect(answer.body.status).toBe('withdrawn');
    }
    const listed = await call('GET', '/requests?status=withdrawn&pageSize=100', MEMBER);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(id);
  });
});

describe('optimistic versions on PATCH /requests/:id', () => {
  it('refuses a stale version with 409 and writes nothing', async () => {
    const id = await assignedRequest();
    const loaded = (await call('GET', `/requests/${id}`, REP)).body;
    expectStatus(await call('PATCH', `/requests/${id}`, REP, { priority: 'high', version: loaded.version }), 200);
    const before = await row(id);
    expect(before.version).toBe(loaded.version + 1);

    const stale = await call('PATCH', `/requests/${id}`, ADMIN, {
      priority: 'low',
      area: 'human-rights',
      version: loaded.version,
    });
    expectProblem(stale, 409);
    expect(await row(id)).toEqual(before);
    expect(before).toMatchObject({ priority: 'high', area_code: 'standards-compliance' });

    // A version from the future is just as stale.
    expectProblem(await call('PATCH', `/requests/${id}`, ADMIN, { priority: 'low', version: before.version + 1 }), 409);
    expect(await row(id)).toEqual(before);
  });

  it('bumps the version on every change, so the same version cannot be used twice', async () => {
    const id = await assignedRequest();
    const { version } = await row(id);
    expectStatus(await call('PATCH', `/requests/${id}`, REP, { priority: 'urgent', version }), 200);
    const second = await call('PATCH', `/requests/${id}`, REP, { priority: 'low', version });
    expectProblem(second, 409);
    expect((await row(id)).priority).toBe('urgent');
  });
});

describe('reassignment and escalation', () => {
  it('lets a director holding a request outside its region hand it on only to someone who may work in that region', async () => {
    const id = await assignedRequest(); // Bolivia, Andean region
    // Only if it holds the request can the Central American director see it at all.
    expectProblem(
      await call('POST', `/requests/${id}/assign`, DIRECTOR_CAM, { assigneeId: ids[DIRECTOR_AND], reason: 'Traspaso' }),
      404,
    );
    expectStatus(
      await call('POST', `/requests/${id}/assign`, ADMIN, { assigneeId: ids[DIRECTOR_CAM], reason: 'Traspaso' }),
      200,
    );
    expectStatus(await call('GET', `/requests/${id}`, DIRECTOR_CAM), 200);
    const before = await row(id);
    // To the Caribbean director: not someone who may work in the Andean region.
    const answer = await call('POST', `/requests/${id}/assign`, DIRECTOR_CAM, {
      assigneeId: ids[DIRECTOR_CAR],
      reason: 'Traspaso',
    });
    expectProblem(answer, 403);
    expect(await row(id)).toEqual(before);
    expect(before.assignee_id).toBe(ids[DIRECTOR_CAM]);
    // As its assignee it may hand it to the Andean director, and is answered with the request
    // as it now is, though it no longer sees it.
    const handedOn = await call('POST', `/requests/${id}/assign`, DIRECTOR_CAM, {
      assigneeId: ids[DIRECTOR_AND],
      reason: 'Traspaso',
    });
    expectStatus(handedOn, 200);
    expect(handedOn.body).toMatchObject({ id, assignee: { id: ids[DIRECTOR_AND] } });
    expectProblem(await call('GET', `/requests/${id}`, DIRECTOR_CAM), 404);
    expect((await row(id)).assignee_id).toBe(ids[DIRECTOR_AND]);
  });

  it("refuses a director giving a request of its region to another region's director with 403, writing nothing", async () => {
    const id = await assignedRequest(); // Bolivia, Andean region
    const before = await row(id);
    expectProblem(
      await call('POST', `/requests/${id}/assign`, DIRECTOR_AND, { assigneeId: ids[DIRECTOR_CAM], reason: 'Traspaso' }),
      403,
    );
    expect(await row(id)).toEqual(before);
  });

  it("lets the region's director reassign across its countries", async () => {
    const id = await assignedRequest(); // Bolivia
    const answer = await call('POST', `/requests/${id}/assign`, DIRECTOR_AND, {
      assigneeId: ids['rep.pe1@clac.example'],
      reason: 'Traspaso',
    }); // to Peru's representative
    expectStatus(answer, 200);
    expect(answer.body.assignee.id).toBe(ids['rep.pe1@clac.example']);
    expect((await row(id)).assignee_id).toBe(ids['rep.pe1@clac.example']);
  });

  it("escalates to the region's director: escalated, reassigned, recorded with the reason, findable by the flag", async () => {
    const id = await requestIn('in_progress');
    const answer = await call('POST', `/requests/${id}/escalate`, REP, { reason: 'Conflicto con el certificador' });
    expectStatus(answer, 200);
    expect(answer.body).toMatchObject({
      id,
      escalated: true,
      assignee: { id: ids[DIRECTOR_AND], name: names[DIRECTOR_AND] },
      status: 'in_progress',
    });
    expect(await row(id)).toMatchObject({ escalated: true, assignee_id: ids[DIRECTOR_AND], status: 'in_progress' });
    const events = await timelineEvents(id);
    expect(events.at(-1)).toMatchObject({
      event: 'escalated',
      actor: { id: ids[REP] },
      from: names[REP],
      to: names[DIRECTOR_AND],
      reason: 'Conflicto con el certificador',
    });
    const flagged = await call('GET', '/requests?escalated=true&pageSize=100', EXECUTIVE);
    expect(flagged.body.items.map((i: { id: string }) => i.id)).toContain(id);
    const unflagged = await call('GET', '/requests?escalated=false&pageSize=100', EXECUTIVE);
    expect(unflagged.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it('refuses to escalate a resolved request with 409, writing nothing', async () => {
    const id = await requestIn('resolved');
    const before = await row(id);
    expectProblem(await call('POST', `/requests/${id}/escalate`, REP, { reason: 'Demasiado tarde' }), 409);
    expect(await row(id)).toEqual(before);
  });
});

describe('satisfaction', () => {
  it('takes one rating from the member once resolved, recorded in the timeline, and refuses a second', async () => {
    const id = await requestIn('resolved');
    const answer = await call('POST', `/requests/${id}/satisfaction`, MEMBER, { score: 5, comment: 'Excelente' });
    expectStatus(answer, 201);
    expect(answer.body).toEqual({ score: 5, comment: 'Excelente' });
    const detail = await call('GET', `/requests/${id}`, MEMBER);
    expect(detail.body.satisfaction).toEqual({ score: 5, comment: 'Excelente' });
    const events = detail.body.timeline.filter((e: { type: string }) => e.type === 'event');
    expect(events.at(-1)).toMatchObject({ event: 'rated', actor: { id: ids[MEMBER] }, to: '5' });
    const before = await row(id);
    expectProblem(await call('POST', `/requests/${id}/satisfaction`, MEMBER, { score: 1 }), 409);
    expect(await row(id)).toEqual(before);
  });

  it('refuses a rating before resolution with 409', async () => {
    const id = await requestIn('in_progress');
    const before = await row(id);
    expectProblem(await call('POST', `/requests/${id}/satisfaction`, MEMBER, { score: 4 }), 409);
    expect(await row(id)).toEqual(before);
  });
});
