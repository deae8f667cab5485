import { CASE_ACTIONS, CASE_PERMISSIONS, type CaseAction, mayActOnCase, type Role } from '@portal/shared';
import { type ApiAnswer, startTestPortal, type TestPortal } from '../support/api-harness';

/**
 * Issue 16, class 5: who may act on a case (docs/domain.md, "Case permissions"), one test per cell of
 * the table — each role, in each relation to a case ("whose case"), for each action. The
 * expected outcome is written out here, independently of shared/src/case-permissions.ts, and
 * the shared table is checked against it too. A refusal is a problem document and leaves the
 * request's row, messages, events and notifications exactly as they were.
 */

const API = '/api/v1';
const ANA = 'ana@valle-alto.example'; // Valle Alto, Peru
const MARCO = 'marco@tierra-viva.example'; // Tierra Viva, Bolivia
const REP_PE = ['rep.pe1@clac.example', 'rep.pe2@clac.example'];
const REP_BO = 'rep.bo@clac.example'; // Bolivia: may work in the Andean region
const REP_BR = 'rep.br@clac.example'; // Brazil: Southern Cone
const CLIMATE_AND = 'climate.and@clac.example'; // specialist, Andean climate-resilience
const DIRECTOR_AND = 'director.and@clac.example';
const DIRECTOR_CAM = 'director.cam@clac.example';
const DIRECTOR_CAR = 'director.car@clac.example';
const DIRECTOR_SUR = 'director.sur@clac.example';
const EXECUTIVE = 'executive@clac.example';
const ADMIN = 'admin@clac.example';

/**
 * The cases the cells act on, all Andean and climate-resilience:
 * - peru: Valle Alto's, routed to one of Peru's two representatives;
 * - bolivia: Tierra Viva's, routed to the Andean climate specialist (Bolivia's representative covers other areas);
 * - peruHeldByCam: Valle Alto's, given by an admin to the Central American director.
 */
type CaseKind = 'peru' | 'bolivia' | 'peruHeldByCam';

interface TestCase {
  id: string;
  holder: string;
}

/** Who acts, and whose case it is to them. */
interface Situation {
  label: string;
  role: Role;
  kind: CaseKind;
  actor: (testCase: TestCase) => string;
}

const SITUATIONS = {
  memberOwnOrganization: {
    label: "a member, on its organization's case",
    role: 'member',
    kind: 'peru',
    actor: () => ANA,
  },
  memberOtherOrganization: {
    label: "a member, on another organization's case",
    role: 'member',
    kind: 'peru',
    actor: () => MARCO,
  },
  representativeAssignee: {
    label: 'a representative, on the case assigned to it',
    role: 'representative',
    kind: 'peru',
    actor: (c) => c.holder,
  },
  representativeColleague: {
    label: "a representative who sees a colleague's case",
    role: 'representative',
    kind: 'peru',
    actor: (c) => REP_PE.find((email) => email !== c.holder)!,
  },
  specialistAssignee: {
    label: 'a specialist, on the case assigned to it',
    role: 'specialist',
    kind: 'bolivia',
    actor: () => CLIMATE_AND,
  },
  specialistColleague: {
    label: "a specialist who sees a representative's case",
    role: 'specialist',
    kind: 'peru',
    actor: () => CLIMATE_AND,
  },
  directorOfRegion: {
    label: "the director of the case's region",
    role: 'director',
    kind: 'peru',
    actor: () => DIRECTOR_AND,
  },
  directorAssigneeOtherRegion: {
    label: "a director, on another region's case assigned to it",
    role: 'director',
    kind: 'peruHeldByCam',
    actor: () => DIRECTOR_CAM,
  },
  directorOtherRegion: {
    label: "a director, on another region's case",
    role: 'director',
    kind: 'peru',
    actor: () => DIRECTOR_SUR,
  },
  executive: { label: 'the executive', role: 'executive', kind: 'peru', actor: () => EXECUTIVE },
  admin: { label: 'an admin', role: 'admin', kind: 'peru', actor: () => ADMIN },
} satisfies Record<string, Situation>;
type SituationKey = keyof typeof SITUATIONS;

/**
 * - ok: done (2xx) and written;
 * - refused: 403 `requests.forbidden`, the table says no;
 * - role: 403 `auth.forbidden`, the route does not admit the role at all;
 * - hidden: 404, the caller does not see the case;
 * - lifecycle: 409, no such status change for this role (a member does not resolve).
 */
type Outcome = 'ok' | 'refused' | 'role' | 'hidden' | 'lifecycle';

const STAFF_ASSIGNEE: Record<CaseAction, Outcome> = {
  reply: 'ok',
  'internal-note': 'ok',
  status: 'ok',
  resolve: 'ok',
  priority: 'ok',
  area: 'ok',
  reassign: 'ok',
  claim: 'refused',
  escalate: 'ok',
  rate: 'role',
};
const STAFF_COLLEAGUE: Record<CaseAction, Outcome> = {
  reply: 'ok',
  'internal-note': 'ok',
  status: 'refused',
  resolve: 'refused',
  priority: 'refused',
  area: 'refused',
  reassign: 'refused',
  claim: 'refused',
  escalate: 'refused',
  rate: 'role',
};
const DIRECTOR_WORKS: Record<CaseAction, Outcome> = { ...STAFF_ASSIGNEE, claim: 'ok', escalate: 'role' };

const EXPECTED: Record<SituationKey, Record<CaseAction, Outcome>> = {
  memberOwnOrganization: {
    reply: 'ok',
    'internal-note': 'refused',
    status: 'ok',
    resolve: 'lifecycle',
    priority: 'role',
    area: 'role',
    reassign: 'role',
    claim: 'role',
    escalate: 'role',
    rate: 'ok',
  },
  memberOtherOrganization: {
    reply: 'hidden',
    'internal-note': 'hidden',
    status: 'hidden',
    resolve: 'hidden',
    priority: 'role',
    area: 'role',
    reassign: 'role',
    claim: 'role',
    escalate: 'role',
    rate: 'hidden',
  },
  representativeAssignee: STAFF_ASSIGNEE,
  representativeColleague: STAFF_COLLEAGUE,
  specialistAssignee: STAFF_ASSIGNEE,
  specialistColleague: STAFF_COLLEAGUE,
  directorOfRegion: DIRECTOR_WORKS,
  // As the assignee it works the case; taking it is its region's director's (or an admin's).
  directorAssigneeOtherRegion: { ...DIRECTOR_WORKS, claim: 'refused' },
  directorOtherRegion: {
    reply: 'hidden',
    'internal-note': 'hidden',
    status: 'hidden',
    resolve: 'hidden',
    priority: 'hidden',
    area: 'hidden',
    reassign: 'hidden',
    claim: 'hidden',
    escalate: 'role',
    rate: 'role',
  },
  executive: Object.fromEntries(CASE_ACTIONS.map((action) => [action, 'role'])) as Record<CaseAction, Outcome>,
  admin: { ...DIRECTOR_WORKS },
};

const PROBLEM: Record<Exclude<Outcome, 'ok'>, [number, string]> = {
  refused: [403, 'requests.forbidden'],
  role: [403, 'auth.forbidden'],
  hidden: [404, 'not-found'],
  lifecycle: [409, 'requests.transition-not-allowed'],
};

let portal: TestPortal;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

async function call(method: string, path: string, email: string, body?: unknown): Promise<ApiAnswer> {
  return portal.request(method, `${API}${path}`, { token: tokens[email], body });
}

async function must(answer: Promise<ApiAnswer>, status: number): Promise<ApiAnswer> {
  const done = await answer;
  if (done.status !== status)
    throw new Error(`setup: expected ${status}, got ${done.status} ${JSON.stringify(done.body)}`);
  return done;
}

/** Everything an action could write about a request. */
async function snapshot(id: string) {
  const { rows } = await portal.db.query(
    `SELECT to_jsonb(r) AS request,
            (SELECT count(*)::int FROM request_messages m WHERE m.request_id = r.id) AS messages,
            (SELECT count(*)::int FROM request_events e WHERE e.request_id = r.id) AS events,
            (SELECT count(*)::int FROM notifications n WHERE n.request_id = r.id) AS notifications,
            (SELECT count(*)::int FROM attachments f WHERE f.request_id = r.id) AS attachments
     FROM requests r WHERE r.id = $1`,
    [id],
  );
  return rows[0];
}

/** A case of this kind, brought to `status` by its holder (and the member). */
async function caseIn(kind: CaseKind, status: 'assigned' | 'in_progress' | 'resolved'): Promise<TestCase> {
  const member = kind === 'bolivia' ? MARCO : ANA;
  const created = await must(
    call('POST', '/requests', member, {
      area: 'climate-resilience',
      subject: 'Sequía en la zona',
      description: 'Necesitamos orientación.',
    }),
    201,
  );
  const id: string = created.body.id;
  let holder = Object.keys(ids).find((email) => ids[email] === created.body.assignee.id)!;
  if (kind === 'peruHeldByCam') {
    await must(
      call('POST', `/requests/${id}/assign`, ADMIN, { assigneeId: ids[DIRECTOR_CAM], reason: 'Para la dirección' }),
      200,
    );
    holder = DIRECTOR_CAM;
  }
  expect(kind === 'bolivia' ? holder === CLIMATE_AND : kind === 'peru' ? REP_PE.includes(holder) : true).toBe(true);
  if (status !== 'assigned')
    await must(call('POST', `/requests/${id}/transitions`, holder, { to: 'in_progress' }), 200);
  if (status === 'resolved') await must(call('POST', `/requests/${id}/transitions`, holder, { to: 'resolved' }), 200);
  return { id, holder };
}

interface ActionCase {
  /** Where the case must be for the action to make sense (a member's status change: withdrawing). */
  state: (role: Role) => 'assigned' | 'in_progress' | 'resolved';
  send: (id: string, email: string, role: Role) => Promise<ApiAnswer>;
  /** What a done action wrote. */
  verify: (answer: ApiAnswer, id: string, email: string, role: Role) => Promise<void>;
}

const version = async (id: string) =>
  (await portal.db.query(`SELECT version FROM requests WHERE id = $1`, [id])).rows[0].version as number;
const requestRow = async (id: string) => (await portal.db.query(`SELECT * FROM requests WHERE id = $1`, [id])).rows[0];

const ACTIONS: Record<CaseAction, ActionCase> = {
  reply: {
    state: () => 'in_progress',
    send: (id, email) => call('POST', `/requests/${id}/messages`, email, { body: 'Respuesta de prueba' }),
    async verify(answer, id, email) {
      expect(answer.status).toBe(201);
      const { rows } = await portal.db.query(
        `SELECT author_id, internal FROM request_messages WHERE id = $1 AND request_id = $2`,
        [answer.body.id, id],
      );
      expect(rows[0]).toEqual({ author_id: ids[email], internal: false });
    },
  },
  'internal-note': {
    state: () => 'in_progress',
    send: (id, email) =>
      call('POST', `/requests/${id}/messages`, email, { body: 'Nota interna de prueba', internal: true }),
    async verify(answer, id, email) {
      expect(answer.status).toBe(201);
      const { rows } = await portal.db.query(
        `SELECT author_id, internal FROM request_messages WHERE id = $1 AND request_id = $2`,
        [answer.body.id, id],
      );
      expect(rows[0]).toEqual({ author_id: ids[email], internal: true });
    },
  },
  status: {
    state: (role) => (role === 'member' ? 'assigned' : 'in_progress'),
    send: (id, email, role) =>
      call('POST', `/requests/${id}/transitions`, email, { to: role === 'member' ? 'withdrawn' : 'waiting_on_member' }),
    async verify(answer, id, _email, role) {
      expect(answer.status).toBe(200);
      expect((await requestRow(id)).status).toBe(role === 'member' ? 'withdrawn' : 'waiting_on_member');
    },
  },
  resolve: {
    state: () => 'in_progress',
    send: (id, email) => call('POST', `/requests/${id}/transitions`, email, { to: 'resolved' }),
    async verify(answer, id) {
      expect(answer.status).toBe(200);
      expect((await requestRow(id)).status).toBe('resolved');
    },
  },
  priority: {
    state: () => 'in_progress',
    send: async (id, email) =>
      call('PATCH', `/requests/${id}`, email, { priority: 'urgent', version: await version(id) }),
    async verify(answer, id) {
      expect(answer.status).toBe(200);
      expect((await requestRow(id)).priority).toBe('urgent');
    },
  },
  area: {
    state: () => 'in_progress',
    send: async (id, email) =>
      call('PATCH', `/requests/${id}`, email, { area: 'market-access', version: await version(id) }),
    async verify(answer, id) {
      expect(answer.status).toBe(200);
      expect((await requestRow(id)).area_code).toBe('market-access');
    },
  },
  reassign: {
    state: () => 'in_progress',
    send: (id, email) => call('POST', `/requests/${id}/assign`, email, { assigneeId: ids[REP_BO], reason: 'Traspaso' }),
    async verify(answer, id) {
      expect(answer.status).toBe(200);
      expect((await requestRow(id)).assignee_id).toBe(ids[REP_BO]);
    },
  },
  claim: {
    state: () => 'in_progress',
    send: (id, email) => call('POST', `/requests/${id}/assign`, email, { assigneeId: ids[email] }),
    async verify(answer, id, email) {
      expect(answer.status).toBe(200);
      expect((await requestRow(id)).assignee_id).toBe(ids[email]);
    },
  },
  escalate: {
    state: () => 'in_progress',
    send: (id, email) => call('POST', `/requests/${id}/escalate`, email, { reason: 'Necesita la dirección' }),
    async verify(answer, id) {
      expect(answer.status).toBe(200);
      expect(await requestRow(id)).toMatchObject({ escalated: true, assignee_id: ids[DIRECTOR_AND] });
    },
  },
  rate: {
    state: () => 'resolved',
    send: (id, email) => call('POST', `/requests/${id}/satisfaction`, email, { score: 4 }),
    async verify(answer, id) {
      expect(answer.status).toBe(201);
      expect((await requestRow(id)).satisfaction_score).toBe(4);
    },
  },
};

beforeAll(async () => {
  // No scheduled jobs: nothing but the calls under test writes to the requests.
  portal = await startTestPortal({ env: { WORKERS_ENABLED: 'false' } });
  const { rows } = await portal.db.query(`SELECT id, email FROM users`);
  for (const row of rows) ids[row.email] = row.id;
  for (const email of [
    ANA,
    MARCO,
    ...REP_PE,
    REP_BO,
    REP_BR,
    CLIMATE_AND,
    DIRECTOR_AND,
    DIRECTOR_CAM,
    DIRECTOR_CAR,
    DIRECTOR_SUR,
    EXECUTIVE,
    ADMIN,
  ]) {
    tokens[email] = (await portal.login(email)).accessToken;
  }
});

afterAll(async () => {
  await portal?.stop();
});

const CELLS = (Object.keys(SITUATIONS) as SituationKey[]).flatMap((key) =>
  CASE_ACTIONS.map((action) => [SITUATIONS[key].label, action, EXPECTED[key][action], key] as const),
);

describe('the case-permission table, cell by cell', () => {
  it.each(CELLS)('%s: %s → %s', async (_label, action, outcome, key) => {
    const situation: Situation = SITUATIONS[key];
    const testCase = await caseIn(situation.kind, ACTIONS[action].state(situation.role));
    const email = situation.actor(testCase);
    const before = await snapshot(testCase.id);
    const answer = await ACTIONS[action].send(testCase.id, email, situation.role);
    if (outcome === 'ok') {
      await ACTIONS[action].verify(answer, testCase.id, email, situation.role);
      return;
    }
    const [status, code] = PROBLEM[outcome];
    expect({ status: answer.status, body: answer.body }).toMatchObject({
      status,
      body: { status, code, title: expect.any(String), detail: expect.any(String) },
    });
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await snapshot(testCase.id)).toEqual(before);
  });
});

describe('the shared table says what the API does', () => {
  it.each(CELLS)('%s: %s → %s', async (_label, action, outcome, key) => {
    const situation: Situation = SITUATIONS[key];
    if (outcome === 'hidden') return; // visibility, not the table
    if (outcome === 'role') {
      expect(CASE_PERMISSIONS[situation.role][action] ?? []).toEqual([]);
      return;
    }
    const assigneeEmail =
      situation.kind === 'bolivia' ? CLIMATE_AND : situation.kind === 'peruHeldByCam' ? DIRECTOR_CAM : REP_PE[0];
    const testCase = { id: '', holder: assigneeEmail };
    const email = situation.actor(testCase);
    const { rows } = await portal.db.query(
      `SELECT id, role, region_code, organization_id FROM users WHERE email = $1`,
      [email],
    );
    const organization = await portal.db.query(`SELECT organization_id FROM users WHERE email = $1`, [
      situation.kind === 'bolivia' ? MARCO : ANA,
    ]);
    const allowed = mayActOnCase(
      { id: rows[0].id, role: rows[0].role, region: rows[0].region_code, organizationId: rows[0].organization_id },
      { assigneeId: ids[assigneeEmail], region: 'AND', organizationId: organization.rows[0].organization_id },
      action,
    );
    expect(allowed).toBe(outcome === 'ok');
  });
});

describe('to whom a case may be given', () => {
  // Anyone but an admin gives a case only to someone who may work in its region (here the Andean).
  const cases: [string, number, string, string | ((c: TestCase) => string)][] = [
    ["the region's director, to another region's director", 403, DIRECTOR_AND, DIRECTOR_CAM],
    ["the region's director, to another region's representative", 403, DIRECTOR_AND, REP_BR],
    ["the region's director, to a specialist of the region", 200, DIRECTOR_AND, CLIMATE_AND],
    [
      "the region's director, to a representative of the region",
      200,
      DIRECTOR_AND,
      (c) => REP_PE.find((email) => email !== c.holder)!,
    ],
    ["the assignee, to another region's director", 403, 'holder', DIRECTOR_CAR],
    ["the assignee, to its region's director", 200, 'holder', DIRECTOR_AND],
    ["an admin, to another region's director", 200, ADMIN, DIRECTOR_CAR],
  ];

  it.each(cases)('%s: %d', async (_label, status, who, to) => {
    const testCase = await caseIn('peru', 'in_progress');
    const email = who === 'holder' ? testCase.holder : who;
    const target = ids[typeof to === 'function' ? to(testCase) : to];
    const before = await snapshot(testCase.id);
    const answer = await call('POST', `/requests/${testCase.id}/assign`, email, {
      assigneeId: target,
      reason: 'Traspaso',
    });
    expect({ status: answer.status, body: answer.body }).toMatchObject({ status });
    if (status === 200) {
      expect((await requestRow(testCase.id)).assignee_id).toBe(target);
    } else {
      expect(answer.body).toMatchObject({ status: 403, code: 'requests.forbidden' });
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await snapshot(testCase.id)).toEqual(before);
    }
  });
});

describe('what a case offers on GET /requests/:id', () => {
  it("offers a colleague's case's staff no status change, and its assignee, director and an admin the lifecycle's", async () => {
    const testCase = await caseIn('peru', 'in_progress');
    const colleague = REP_PE.find((email) => email !== testCase.holder)!;
    const offered = async (email: string) =>
      (await must(call('GET', `/requests/${testCase.id}`, email), 200)).body.allowedTransitions.sort();
    expect(await offered(colleague)).toEqual([]);
    expect(await offered(CLIMATE_AND)).toEqual([]);
    for (const email of [testCase.holder, DIRECTOR_AND, ADMIN])
      expect(await offered(email)).toEqual(['resolved', 'waiting_on_member']);
  });
});
