import { randomBytes, randomUUID } from 'node:crypto';
import type { Role } from '@portal/shared';
import { type ApiAnswer, startTestPortal, type TestPortal } from '../support/api-harness';

/**
 * Who may do what to which request (docs/domain.md, "Roles", "Visibility" and "Case permissions").
 *
 * - A request the caller may not see answers 404, exactly as a request that does not exist
 *   (never 403: that would reveal that another organization's request exists).
 * - A role the route does not admit answers 403, whatever the request.
 * - Visible and allowed succeeds.
 *
 * Visibility: member → its organization; representative → the countries of its coverage
 * and what is assigned to it; specialist → what matches one of its coverage entries
 * (country / region / area, missing = any) and what is assigned to it; director → its
 * region and what is assigned to it; executive and admin → everything. The executive
 * reads only.
 */

const API = '/api/v1';

const EMAIL = {
  ana: 'ana@valle-alto.example',
  luis: 'luis@valle-alto.example',
  rosa: 'rosa@quinua-andina.example',
  marco: 'marco@tierra-viva.example',
  joana: 'joana@apicultores-sertao.example',
  jean: 'jean@kafe-mon-no.example',
  repPe1: 'rep.pe1@clac.example',
  repPe2: 'rep.pe2@clac.example',
  repBo: 'rep.bo@clac.example',
  repBr: 'rep.br@clac.example',
  repJm: 'rep.jm@clac.example',
  climateAnd: 'climate.and@clac.example',
  directorAnd: 'director.and@clac.example',
  directorSur: 'director.sur@clac.example',
  directorCar: 'director.car@clac.example',
  directorCam: 'director.cam@clac.example',
  executive: 'executive@clac.example',
  admin: 'admin@clac.example',
} as const;

// ---------------------------------------------------------------------------------------
// Who is who, relative to a request
// ---------------------------------------------------------------------------------------

type ActorKey =
  | 'sameOrgMember'
  | 'otherOrgMember'
  | 'assigneeRep'
  | 'coveringRep'
  | 'otherCountryRep'
  | 'specialist'
  | 'regionDirector'
  | 'otherRegionDirector'
  | 'executive'
  | 'admin';

const ACTORS: Record<ActorKey, { label: string; role: Role }> = {
  sameOrgMember: { label: 'a member of the same organization', role: 'member' },
  otherOrgMember: { label: 'a member of another organization', role: 'member' },
  assigneeRep: { label: 'the representative of the country, who holds it', role: 'representative' },
  coveringRep: { label: 'a representative covering the country, not holding it', role: 'representative' },
  otherCountryRep: { label: 'a representative of another country', role: 'representative' },
  specialist: { label: 'specialist climate.and (Andean climate-resilience)', role: 'specialist' },
  regionDirector: { label: 'the director of the region', role: 'director' },
  otherRegionDirector: { label: 'the director of another region', role: 'director' },
  executive: { label: 'the executive', role: 'executive' },
  admin: { label: 'an admin', role: 'admin' },
};

/** A request as a test made it: who filed it, who holds it, and words only its messages contain. */
interface Instance {
  id: string;
  scenario: ScenarioKey;
  assigneeEmail: string;
  publicWord: string;
  internalWord: string;
}

type Resolve = string | ((instance: Instance) => string);

interface Scenario {
  label: string;
  member: string;
  area: string;
  country: string;
  region: string;
  /** The people playing each part for this request; a part nobody can play is absent. */
  actors: Partial<Record<ActorKey, Resolve>>;
  /** Who sees it (everyone else among `actors` must not). */
  sees: ActorKey[];
  /** Who holds it (its assignee) once routed. */
  holder: ActorKey;
  /** Routing's choice, checked when the request is created. */
  expectAssignee: (email: string) => boolean;
  /** Someone to hand the request on to (never its assignee). */
  handOnTo: string;
  regionDirector: string;
}

type ScenarioKey = 'peruStandards' | 'peruClimate' | 'boliviaClimate' | 'brazilMarket' | 'haitiSocial';

const otherPeruRep = (instance: Instance) => (instance.assigneeEmail === EMAIL.repPe1 ? EMAIL.repPe2 : EMAIL.repPe1);
const theAssignee = (instance: Instance) => instance.assigneeEmail;
const everyoneFrom = { executive: EMAIL.executive, admin: EMAIL.admin } as const;

const SCENARIOS: Record<ScenarioKey, Scenario> = {
  peruStandards: {
    label: 'a Peru standards-compliance request',
    member: EMAIL.ana,
    area: 'standards-compliance',
    country: 'PE',
    region: 'AND',
    actors: {
      sameOrgMember: EMAIL.ana,
      otherOrgMember: EMAIL.rosa, // same country, another organization
      assigneeRep: theAssignee,
      coveringRep: otherPeruRep,
      otherCountryRep: EMAIL.repBr,
      specialist: EMAIL.climateAnd, // Andean, but not climate-resilience: no coverage match
      regionDirector: EMAIL.directorAnd,
      otherRegionDirector: EMAIL.directorCam,
      ...everyoneFrom,
    },
    sees: ['sameOrgMember', 'assigneeRep', 'coveringRep', 'regionDirector', 'executive', 'admin'],
    holder: 'assigneeRep',
    expectAssignee: (email) => email === EMAIL.repPe1 || email === EMAIL.repPe2,
    handOnTo: EMAIL.directorAnd,
    regionDirector: EMAIL.directorAnd,
  },
  peruClimate: {
    label: 'a Peru climate-resilience request',
    member: EMAIL.ana,
    area: 'climate-resilience',
    country: 'PE',
    region: 'AND',
    actors: {
      sameOrgMember: EMAIL.ana,
      otherOrgMember: EMAIL.rosa,
      assigneeRep: theAssignee,
      coveringRep: otherPeruRep,
      otherCountryRep: EMAIL.repBo,
      specialist: EMAIL.climateAnd, // matches by coverage (AND + climate-resilience), not assigned
      regionDirector: EMAIL.directorAnd,
      otherRegionDirector: EMAIL.directorSur,
      ...everyoneFrom,
    },
    sees: ['sameOrgMember', 'assigneeRep', 'coveringRep', 'specialist', 'regionDirector', 'executive', 'admin'],
    holder: 'assigneeRep',
    expectAssignee: (email) => email === EMAIL.repPe1 || email === EMAIL.repPe2,
    handOnTo: EMAIL.directorAnd,
    regionDirector: EMAIL.directorAnd,
  },
  boliviaClimate: {
    label: 'a Bolivia climate-resilience request',
    member: EMAIL.marco,
    area: 'climate-resilience',
    country: 'BO',
    region: 'AND',
    actors: {
      sameOrgMember: EMAIL.marco,
      otherOrgMember: EMAIL.ana,
      coveringRep: EMAIL.repBo, // covers Bolivia (for other areas), does not hold it
      otherCountryRep: EMAIL.repPe1,
      specialist: EMAIL.climateAnd, // matches by coverage and holds it
      regionDirector: EMAIL.directorAnd,
      otherRegionDirector: EMAIL.directorCar,
      ...everyoneFrom,
    },
    sees: ['sameOrgMember', 'coveringRep', 'specialist', 'regionDirector', 'executive', 'admin'],
    holder: 'specialist',
    expectAssignee: (email) => email === EMAIL.climateAnd,
    handOnTo: EMAIL.directorAnd,
    regionDirector: EMAIL.directorAnd,
  },
  brazilMarket: {
    label: 'a Brazil market-access request',
    member: EMAIL.joana,
    area: 'market-access',
    country: 'BR',
    region: 'SUR',
    actors: {
      sameOrgMember: EMAIL.joana,
      otherOrgMember: EMAIL.marco,
      assigneeRep: EMAIL.repBr,
      otherCountryRep: EMAIL.repPe1,
      specialist: EMAIL.climateAnd, // other region, other area
      regionDirector: EMAIL.directorSur,
      otherRegionDirector: EMAIL.directorAnd,
      ...everyoneFrom,
    },
    sees: ['sameOrgMember', 'assigneeRep', 'regionDirector', 'executive', 'admin'],
    holder: 'assigneeRep',
    expectAssignee: (email) => email === EMAIL.repBr,
    handOnTo: EMAIL.directorSur,
    regionDirector: EMAIL.directorSur,
  },
  haitiSocial: {
    label: 'a Haiti social-inclusion request',
    member: EMAIL.jean,
    area: 'social-inclusion',
    country: 'HT',
    region: 'CAR',
    actors: {
      sameOrgMember: EMAIL.jean,
      otherOrgMember: EMAIL.joana,
      otherCountryRep: EMAIL.repJm, // same region (Caribbean), other countries
      specialist: EMAIL.climateAnd,
      regionDirector: EMAIL.directorCar, // also holds it: Haiti has no representative
      otherRegionDirector: EMAIL.directorCam,
      ...everyoneFrom,
    },
    sees: ['sameOrgMember', 'regionDirector', 'executive', 'admin'],
    holder: 'regionDirector',
    expectAssignee: (email) => email === EMAIL.directorCar,
    handOnTo: EMAIL.repJm,
    regionDirector: EMAIL.directorCar,
  },
};

const SCENARIO_KEYS = Object.keys(SCENARIOS) as ScenarioKey[];

// ---------------------------------------------------------------------------------------
// The routes and what each admits
// ---------------------------------------------------------------------------------------

const ALL_ROLES: Role[] = ['member', 'representative', 'specialist', 'director', 'executive', 'admin'];
const CASE_WORKERS: Role[] = ['representative', 'specialist', 'director', 'admin'];

interface CallContext {
  instance: Instance;
  actorEmail: string;
  actorRole: Role;
}

interface RouteCase {
  name: string;
  roles: Role[];
  /** Whether the call writes: then a refused call must leave the request untouched. */
  writes: boolean;
  /** Brings a request to where the call would make sense for this actor (the same for success and refusal). */
  prepare: (instance: Instance, actorRole: Role) => Promise<void>;
  /** A label for the state `prepare` leads to, so refused calls can share one prepared request. */
  stateFor: (actorRole: Role) => string;
  call: (context: CallContext, id: string) => Promise<ApiAnswer>;
  successStatus: number;
  /** A rule beyond visibility and role (assign): the status and why, or null when the call may go through. */
  businessRule?: (actorKey: ActorKey, scenario: Scenario) => [number, string] | null;
  verifySuccess: (answer: ApiAnswer, context: CallContext) => Promise<void>;
}

let portal: TestPortal;
const tokens = new Map<string, string>();
const userIdByEmail = new Map<string, string>();
const emailByUserId = new Map<string, string>();

const token = (email: string) => {
  const value = tokens.get(email);
  if (!value) throw new Error(`no token for ${email}`);
  return value;
};
const word = (prefix: string) =>
  `${prefix}${randomBytes(6)
    .toString('hex')
    .replace(/[0-9]/g, (d) => 'ghijklmnop'[Number(d)])}`;

async function ensureLoggedIn(email: string): Promise<void> {
  if (!tokens.has(email)) tokens.set(email, (await portal.login(email)).accessToken);
}

async function call(method: string, path: string, email: string, body?: unknown): Promise<ApiAnswer> {
  return portal.request(method, `${API}${path}`, { token: token(email), body });
}

function expectStatus(answer: ApiAnswer, status: number): void {
  // The body is part of the comparison so a failure shows what the API said.
  expect({ status: answer.status, body: answer.body }).toMatchObject({ status });
}

function expectProblem(answer: ApiAnswer, status: number): void {
  expectStatus(answer, status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
}

/** Files a request for the scenario and gives it a public reply and an internal note by its assignee. */
async function createInstance(key: ScenarioKey): Promise<Instance> {
  const scenario = SCENARIOS[key];
  const created = await call('POST', '/requests', scenario.member, {
    area: scenario.area,
    subject: `Consulta de prueba ${key}`,
    description: 'Necesitamos orientación de la red sobre este tema.',
  });
  expectStatus(created, 201);
  expect(created.body).toMatchObject({
    status: 'assigned',
    country: scenario.country,
    region: scenario.region,
    area: scenario.area,
  });
  const assigneeEmail = emailByUserId.get(created.body.assignee.id)!;
  expect(scenario.expectAssignee(assigneeEmail)).toBe(true);
  const instance: Instance = {
    id: created.body.id,
    scenario: key,
    assigneeEmail,
    publicWord: word('publico'),
    internalWord: word('interno'),
  };
  expectStatus(
    await call('POST', `/requests/${instance.id}/messages`, assigneeEmail, {
      body: `Respuesta pública ${instance.publicWord}`,
    }),
    201,
  );
  expectStatus(
    await call('POST', `/requests/${instance.id}/messages`, assigneeEmail, {
      body: `Nota interna ${instance.internalWord}`,
      internal: true,
    }),
    201,
  );
  return instance;
}

/** The assignee resolves the request (it is in_progress after the assignee's public reply). */
async function resolveInstance(instance: Instance): Promise<void> {
  expectStatus(
    await call('POST', `/requests/${instance.id}/transitions`, instance.assigneeEmail, { to: 'resolved' }),
    200,
  );
}

async function snapshot(id: string) {
  const { rows } = await portal.db.query(
    `SELECT r.version, r.updated_at, r.status, r.priority, r.assignee_id, r.escalated, r.satisfaction_score,
            (SELECT count(*)::int FROM request_messages m WHERE m.request_id = r.id) AS messages,
            (SELECT count(*)::int FROM request_events e WHERE e.request_id = r.id) AS events
     FROM requests r WHERE r.id = $1`,
    [id],
  );
  return rows[0];
}

const memberBody = (role: Role) => role === 'member';

/**
 * The case-permission rule (docs/domain.md, "Case permissions", tested cell by cell in
 * case-permissions.e2e-spec.ts): staff other than its assignee, the director of its region
 * and admins may comment on a case they see, not change it.
 */
function changedOnlyByAssigneeDirectorOrAdmin(actorKey: ActorKey, scenario: Scenario): [number, string] | null {
  const { role } = ACTORS[actorKey];
  if (role === 'member' || role === 'admin' || actorKey === scenario.holder || actorKey === 'regionDirector')
    return null;
  return [403, 'not its assignee, its director or an admin'];
}

const ROUTES: RouteCase[] = [
  {
    name: 'GET /requests/:id',
    roles: ALL_ROLES,
    writes: false,
    prepare: async () => undefined,
    stateFor: () => 'in_progress',
    call: ({ actorEmail }, id) => call('GET', `/requests/${id}`, actorEmail),
    successStatus: 200,
    async verifySuccess(answer, { instance, actorRole }) {
      expect(answer.body.id).toBe(instance.id);
      const notes = answer.body.timeline.filter(
        (e: { type: string; internal?: boolean }) => e.type === 'message' && e.internal === true,
      );
      if (actorRole === 'member') {
        expect(notes).toEqual([]);
        expect(JSON.stringify(answer.body)).not.toContain(instance.internalWord);
      } else {
        expect(notes.map((n: { body: string }) => n.body)).toEqual([`Nota interna ${instance.internalWord}`]);
      }
      expect(JSON.stringify(answer.body.timeline)).toContain(instance.publicWord);
    },
  },
  {
    name: 'PATCH /requests/:id',
    roles: CASE_WORKERS,
    writes: true,
    prepare: async () => undefined,
    stateFor: () => 'in_progress',
    async call({ actorEmail }, id) {
      const { rows } = await portal.db.query(`SELECT version FROM requests WHERE id = $1`, [id]);
      // A version that is current, when the request exists, so only who asks can make it fail.
      return call('PATCH', `/requests/${id}`, actorEmail, { priority: 'high', version: rows[0]?.version ?? 1 });
    },
    successStatus: 200,
    businessRule: changedOnlyByAssigneeDirectorOrAdmin,
    async verifySuccess(answer, { instance }) {
      expect(answer.body).toMatchObject({ id: instance.id, priority: 'high' });
      expect((await snapshot(instance.id)).priority).toBe('high');
    },
  },
  {
    name: 'POST /requests/:id/messages',
    roles: ['member', ...CASE_WORKERS],
    writes: true,
    prepare: async () => undefined,
    stateFor: () => 'in_progress',
    call: ({ actorEmail }, id) =>
      call('POST', `/requests/${id}/messages`, actorEmail, { body: 'Seguimos atentos, gracias.' }),
    successStatus: 201,
    async verifySuccess(answer, { instance, actorEmail }) {
      expect(answer.body).toMatchObject({
        body: 'Seguimos atentos, gracias.',
        internal: false,
        author: { id: userIdByEmail.get(actorEmail) },
      });
      const { rows } = await portal.db.query(
        `SELECT count(*)::int AS n FROM request_messages WHERE request_id = $1 AND author_id = $2`,
        [instance.id, userIdByEmail.get(actorEmail)],
      );
      expect(rows[0].n).toBeGreaterThanOrEqual(1);
    },
  },
  {
    name: 'POST /requests/:id/transitions',
    roles: ['member', ...CASE_WORKERS],
    writes: true,
    // A member confirms a resolved request; staff ask the member for information.
    prepare: async (instance, role) => (memberBody(role) ? resolveInstance(instance) : undefined),
    stateFor: (role) => (memberBody(role) ? 'resolved' : 'in_progress'),
    call: ({ actorEmail, actorRole }, id) =>
      call('POST', `/requests/${id}/transitions`, actorEmail, {
        to: memberBody(actorRole) ? 'closed' : 'waiting_on_member',
      }),
    successStatus: 200,
    businessRule: changedOnlyByAssigneeDirectorOrAdmin,
    async verifySuccess(answer, { instance, actorRole }) {
      const to = memberBody(actorRole) ? 'closed' : 'waiting_on_member';
      expect(answer.body).toMatchObject({ id: instance.id, status: to });
      expect((await snapshot(instance.id)).status).toBe(to);
    },
  },
  {
    name: 'POST /requests/:id/assign',
    roles: CASE_WORKERS,
    writes: true,
    prepare: async () => undefined,
    stateFor: () => 'in_progress',
    call: ({ actorEmail, instance }, id) =>
      call('POST', `/requests/${id}/assign`, actorEmail, {
        assigneeId: userIdByEmail.get(SCENARIOS[instance.scenario].handOnTo),
        reason: 'Traspaso',
      }),
    successStatus: 200,
    businessRule(actorKey, scenario) {
      // An admin anywhere, a director within its region, a representative or specialist only what it holds
      // (handOnTo may work in the request's region: no one here is refused for whom it names).
      const { role } = ACTORS[actorKey];
      if ((role === 'representative' || role === 'specialist') && actorKey !== scenario.holder)
        return [403, 'hands on only what it holds'];
      if (role === 'director' && actorKey !== 'regionDirector') return [403, 'reassigns within its region only'];
      return null;
    },
    async verifySuccess(answer, { instance }) {
      const target = userIdByEmail.get(SCENARIOS[instance.scenario].handOnTo);
      expect(answer.body).toMatchObject({ id: instance.id, assignee: { id: target } });
      expect((await snapshot(instance.id)).assignee_id).toBe(target);
    },
  },
  {
    name: 'POST /requests/:id/escalate',
    roles: ['representative', 'specialist'],
    writes: true,
    prepare: async () => undefined,
    stateFor: () => 'in_progress',
    call: ({ actorEmail }, id) =>
      call('POST', `/requests/${id}/escalate`, actorEmail, { reason: 'Necesita una decisión de la dirección' }),
    successStatus: 200,
    businessRule: changedOnlyByAssigneeDirectorOrAdmin,
    async verifySuccess(answer, { instance }) {
      const director = userIdByEmail.get(SCENARIOS[instance.scenario].regionDirector);
      expect(answer.body).toMatchObject({ id: instance.id, escalated: true, assignee: { id: director } });
    },
  },
  {
    name: 'POST /requests/:id/satisfaction',
    roles: ['member'],
    writes: true,
    prepare: (instance) => resolveInstance(instance),
    stateFor: () => 'resolved',
    call: ({ actorEmail }, id) =>
      call('POST', `/requests/${id}/satisfaction`, actorEmail, { score: 4, comment: 'Buena atención' }),
    successStatus: 201,
    async verifySuccess(answer, { instance }) {
      expect(answer.body).toMatchObject({ score: 4, comment: 'Buena atención' });
      expect((await snapshot(instance.id)).satisfaction_score).toBe(4);
    },
  },
];

interface MatrixRow {
  route: RouteCase;
  scenarioKey: ScenarioKey;
  actorKey: ActorKey;
  expected: number;
  why: string;
}

/** The expected answer from the rules alone: role first, then visibility, then the route's own rule. */
function matrix(): MatrixRow[] {
  const rows: MatrixRow[] = [];
  for (const route of ROUTES) {
    for (const scenarioKey of SCENARIO_KEYS) {
      const scenario = SCENARIOS[scenarioKey];
      for (const actorKey of Object.keys(scenario.actors) as ActorKey[]) {
        const { role } = ACTORS[actorKey];
        const visible = scenario.sees.includes(actorKey);
        let expected: number;
        let why: string;
        if (!route.roles.includes(role)) [expected, why] = [403, 'role not allowed'];
        else if (!visible) [expected, why] = [404, 'not visible'];
        else [expected, why] = route.businessRule?.(actorKey, scenario) ?? [route.successStatus, 'visible and allowed'];
        rows.push({ route, scenarioKey, actorKey, expected, why });
      }
    }
  }
  return rows;
}

const ROWS = matrix();

beforeAll(async () => {
  portal = await startTestPortal();
  const { rows } = await portal.db.query(`SELECT id, email FROM users`);
  for (const row of rows) {
    userIdByEmail.set(row.email, row.id);
    emailByUserId.set(row.id, row.email);
  }
  for (const email of Object.values(EMAIL)) await ensureLoggedIn(email);
});

afterAll(async () => {
  await portal?.stop();
});

/** One prepared request per route, scenario and state, shared by the calls that must be refused. */
const refusalTargets = new Map<string, Promise<Instance>>();
function refusalTarget(route: RouteCase, scenarioKey: ScenarioKey, role: Role): Promise<Instance> {
  const key = `${route.name}|${scenarioKey}|${route.stateFor(role)}`;
  if (!refusalTargets.has(key)) {
    refusalTargets.set(
      key,
      (async () => {
        const instance = await createInstance(scenarioKey);
        await route.prepare(instance, role);
        return instance;
      })(),
    );
  }
  return refusalTargets.get(key)!;
}

describe('the authorization matrix of the request routes', () => {
  describe.each(ROUTES.map((route) => [route.name, route] as const))('%s', (_name, route) => {
    const rows = ROWS.filter((row) => row.route === route).map(
      (row) => [SCENARIOS[row.scenarioKey].label, ACTORS[row.actorKey].label, row.expected, row.why, row] as const,
    );

    it.each(rows)('on %s, %s gets %d (%s)', async (_scenario, _actor, _expected, _why, row) => {
      const scenario = SCENARIOS[row.scenarioKey];
      const actorRole = ACTORS[row.actorKey].role;
      // A call that should go through gets a request of its own; refused ones share one.
      const instance =
        row.expected === route.successStatus
          ? await createInstance(row.scenarioKey)
          : await refusalTarget(route, row.scenarioKey, actorRole);
      if (row.expected === route.successStatus) await route.prepare(instance, actorRole);
      const resolve = scenario.actors[row.actorKey]!;
      const actorEmail = typeof resolve === 'function' ? resolve(instance) : resolve;
      const context: CallContext = { instance, actorEmail, actorRole };
      const expected = row.expected;

      const before = await snapshot(instance.id);
      const answer = await route.call(context, instance.id);

      if (expected === route.successStatus) {
        expectStatus(answer, expected);
        await route.verifySuccess(answer, context);
        return;
      }
      expectProblem(answer, expected);
      if (route.writes) expect(await snapshot(instance.id)).toEqual(before);
      if (expected === 404) {
        // Indistinguishable from a request that does not exist.
        const absent = await route.call(context, randomUUID());
        expectProblem(absent, 404);
        expect(answer.body).toEqual(absent.body);
      }
    });
  });
});

describe('GET /routing/preview', () => {
  const cases: [string, string, number][] = [
    ['a member', EMAIL.ana, 403],
    ['a representative', EMAIL.repPe1, 200],
    ['a specialist', EMAIL.climateAnd, 200],
    ['a director', EMAIL.directorCam, 200],
    ['the executive', EMAIL.executive, 200],
    ['an admin', EMAIL.admin, 200],
  ];
  it.each(cases)('answers %s with %d', async (_who, email, status) => {
    const before = await portal.db.query(`SELECT count(*)::int AS n FROM requests`);
    const answer = await call('GET', '/routing/preview?country=BO&area=standards-compliance', email);
    if (status === 200) {
      expectStatus(answer, 200);
      expect(answer.body).toMatchObject({ tier: 1, assignee: { id: userIdByEmail.get(EMAIL.repBo) } });
    } else {
      expectProblem(answer, status);
    }
    const after = await portal.db.query(`SELECT count(*)::int AS n FROM requests`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });
});

describe('GET /requests lists exactly what the caller may see', () => {
  const base = {} as Record<ScenarioKey, Instance>;

  beforeAll(async () => {
    for (const key of SCENARIO_KEYS) base[key] = await createInstance(key);
    // Quinua Andina (Peru too) gets a request of its own, so its member's list is not empty.
    expectStatus(
      await call('POST', '/requests', EMAIL.rosa, {
        area: 'market-access',
        subject: 'Compradores de quinua',
        description: 'Buscamos compradores.',
      }),
      201,
    );
  });

  /** Every page of the caller's list. */
  async function listAll(email: string, query = ''): Promise<{ ids: string[]; items: any[]; total: number }> {
    const items: any[] = [];
    let total: number;
    for (let page = 1; ; page++) {
      const answer = await call('GET', `/requests?pageSize=100&page=${page}${query}`, email);
      expectStatus(answer, 200);
      total = answer.body.total;
      items.push(...answer.body.items);
      if (answer.body.items.length < 100) break;
    }
    return { ids: items.map((i) => i.id).sort(), items, total };
  }

  /** The visibility rules, computed here from the database rows, not by the API's code. */
  async function expectedVisibleIds(email: string): Promise<string[]> {
    const { rows: users } = await portal.db.query(
      `SELECT id, role, organization_id, region_code FROM users WHERE email = $1`,
      [email],
    );
    const user = users[0];
    const { rows: coverage } = await portal.db.query(
      `SELECT country_code, region_code, area_code FROM coverage_entries WHERE user_id = $1`,
      [user.id],
    );
    const { rows: requests } = await portal.db.query(
      `SELECT id, organization_id, country_code, region_code, area_code, assignee_id FROM requests`,
    );
    const sees = (r: (typeof requests)[number]): boolean => {
      switch (user.role as Role) {
        case 'member':
          return r.organization_id === user.organization_id;
        case 'representative':
          return (
            r.assignee_id === user.id ||
            coverage.some((c) => c.country_code !== null && c.country_code === r.country_code)
          );
        case 'specialist':
          return (
            r.assignee_id === user.id ||
            coverage.some(
              (c) =>
                (c.country_code === null || c.country_code === r.country_code) &&
                (c.region_code === null || c.region_code === r.region_code) &&
                (c.area_code === null || c.area_code === r.area_code),
            )
          );
        case 'director':
          return r.region_code === user.region_code || r.assignee_id === user.id;
        case 'executive':
        case 'admin':
          return true;
      }
    };
    return requests
      .filter(sees)
      .map((r) => r.id)
      .sort();
  }

  const everyone = [
    EMAIL.ana,
    EMAIL.luis,
    EMAIL.rosa,
    EMAIL.marco,
    EMAIL.joana,
    EMAIL.jean,
    EMAIL.repPe1,
    EMAIL.repPe2,
    EMAIL.repBo,
    EMAIL.repBr,
    EMAIL.repJm,
    EMAIL.climateAnd,
    EMAIL.directorAnd,
    EMAIL.directorSur,
    EMAIL.directorCar,
    EMAIL.directorCam,
    EMAIL.executive,
    EMAIL.admin,
  ];

  it.each(everyone)('gives %s the requests the visibility rules allow, no more and no fewer', async (email) => {
    const expected = await expectedVisibleIds(email);
    const listed = await listAll(email);
    expect(listed.total).toBe(expected.length);
    expect(listed.ids).toEqual(expected);
  });

  it('shows each test request to exactly the people of its scenario that see it', async () => {
    for (const key of SCENARIO_KEYS) {
      const scenario = SCENARIOS[key];
      for (const [actorKey, resolve] of Object.entries(scenario.actors) as [ActorKey, Resolve][]) {
        const email = typeof resolve === 'function' ? resolve(base[key]) : resolve;
        const listed = await listAll(email);
        expect({ scenario: key, actor: actorKey, listed: listed.ids.includes(base[key].id) }).toEqual({
          scenario: key,
          actor: actorKey,
          listed: scenario.sees.includes(actorKey),
        });
      }
    }
  });

  it.each([EMAIL.ana, EMAIL.rosa, EMAIL.marco, EMAIL.joana, EMAIL.jean])(
    "never lists another organization's request to member %s",
    async (email) => {
      const { rows } = await portal.db.query(`SELECT organization_id FROM users WHERE email = $1`, [email]);
      const listed = await listAll(email);
      expect(listed.items.length).toBeGreaterThan(0);
      for (const item of listed.items) expect(item.organization.id).toBe(rows[0].organization_id);
      // Asking for the other organization explicitly does not help either.
      const other = email === EMAIL.joana ? base.peruStandards : base.brazilMarket;
      const { rows: otherOrg } = await portal.db.query(`SELECT organization_id FROM requests WHERE id = $1`, [
        other.id,
      ]);
      expect(otherOrg[0].organization_id).not.toBe(rows[0].organization_id);
      const filtered = await listAll(email, `&organization=${otherOrg[0].organization_id}`);
      expect(filtered.total).toBe(0);
      expect(filtered.items).toEqual([]);
      expect(listed.ids).not.toContain(other.id);
    },
  );

  it('lets a colleague of the same organization see, list and answer a request another member filed', async () => {
    const instance = base.peruStandards;
    expectStatus(await call('GET', `/requests/${instance.id}`, EMAIL.luis), 200);
    expect((await listAll(EMAIL.luis)).ids).toContain(instance.id);
    expectStatus(
      await call('POST', `/requests/${instance.id}/messages`, EMAIL.luis, { body: 'Yo también sigo el caso.' }),
      201,
    );
  });
});

describe('internal notes stay among staff', () => {
  let instance: Instance;
  let otherOrg: Instance;

  beforeAll(async () => {
    instance = await createInstance('boliviaClimate');
    otherOrg = await createInstance('brazilMarket');
  });

  it("leaves internal notes out of the member's timeline but shows its public reply", async () => {
    const answer = await call('GET', `/requests/${instance.id}`, EMAIL.marco);
    expectStatus(answer, 200);
    const messages = answer.body.timeline.filter((e: { type: string }) => e.type === 'message');
    expect(messages.map((m: { internal: boolean }) => m.internal)).toEqual([false]);
    expect(messages[0].body).toContain(instance.publicWord);
    expect(JSON.stringify(answer.body)).not.toContain(instance.internalWord);
    // The note is in the database all the same.
    const { rows } = await portal.db.query(
      `SELECT count(*)::int AS n FROM request_messages WHERE request_id = $1 AND internal`,
      [instance.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it.each([
    ['its assignee', EMAIL.climateAnd],
    ['the representative covering the country', EMAIL.repBo],
    ["the region's director", EMAIL.directorAnd],
    ['the executive', EMAIL.executive],
    ['an admin', EMAIL.admin],
  ])('shows internal notes to %s', async (_who, email) => {
    const answer = await call('GET', `/requests/${instance.id}`, email);
    expectStatus(answer, 200);
    const notes = answer.body.timeline.filter(
      (e: { type: string; internal?: boolean }) => e.type === 'message' && e.internal,
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      body: `Nota interna ${instance.internalWord}`,
      author: { id: userIdByEmail.get(EMAIL.climateAnd) },
    });
  });

  it('does not let a member find a request by a word that only an internal note contains', async () => {
    const answer = await call('GET', `/requests?q=${instance.internalWord}`, EMAIL.marco);
    expectStatus(answer, 200);
    expect(answer.body).toMatchObject({ total: 0, items: [] });
    // The same member does find it by a word of the public reply.
    const byPublic = await call('GET', `/requests?q=${instance.publicWord}`, EMAIL.marco);
    expect(byPublic.body.items.map((i: { id: string }) => i.id)).toEqual([instance.id]);
  });

  it.each([
    ['its assignee', EMAIL.climateAnd],
    ["the region's director", EMAIL.directorAnd],
    ['an admin', EMAIL.admin],
  ])('lets %s find a request by a word of its internal note', async (_who, email) => {
    const answer = await call('GET', `/requests?q=${instance.internalWord}`, email);
    expectStatus(answer, 200);
    expect(answer.body.items.map((i: { id: string }) => i.id)).toEqual([instance.id]);
  });

  it("never gives a member another organization's request, its messages or a search hit on them", async () => {
    expectProblem(await call('GET', `/requests/${otherOrg.id}`, EMAIL.marco), 404);
    for (const searched of [otherOrg.publicWord, otherOrg.internalWord]) {
      const answer = await call('GET', `/requests?q=${searched}`, EMAIL.marco);
      expectStatus(answer, 200);
      expect(answer.body).toMatchObject({ total: 0, items: [] });
    }
    // Its own member finds it by the public word: the word is searchable, just not for others.
    const own = await call('GET', `/requests?q=${otherOrg.publicWord}`, EMAIL.joana);
    expect(own.body.items.map((i: { id: string }) => i.id)).toEqual([otherOrg.id]);
  });

  it('refuses a member writing an internal note with 403 and writes nothing', async () => {
    const before = await snapshot(instance.id);
    expectProblem(
      await call('POST', `/requests/${instance.id}/messages`, EMAIL.marco, { body: 'Una nota', internal: true }),
      403,
    );
    expect(await snapshot(instance.id)).toEqual(before);
  });
});

describe('coverage opens only what it names', () => {
  it('does not open a whole region to a representative whose coverage names that region for one area', async () => {
    // rep.jm covers JM, LC, DM, VC, GD. Give it Caribbean human-rights as well: it must not
    // thereby see a Haitian social-inclusion request (neither its country nor its area).
    const repJm = userIdByEmail.get(EMAIL.repJm)!;
    const original = await call('GET', `/users/${repJm}`, EMAIL.admin);
    expectStatus(original, 200);
    const instance = await createInstance('haitiSocial');
    try {
      const patched = await call('PATCH', `/users/${repJm}`, EMAIL.admin, {
        coverage: [...original.body.coverage, { region: 'CAR', area: 'human-rights' }],
      });
      expectStatus(patched, 200);
      const detail = await call('GET', `/requests/${instance.id}`, EMAIL.repJm);
      expectProblem(detail, 404);
      const listed = await call('GET', `/requests?pageSize=100&country=HT`, EMAIL.repJm);
      expectStatus(listed, 200);
      expect(listed.body.items.map((i: { id: string }) => i.id)).not.toContain(instance.id);
    } finally {
      expectStatus(await call('PATCH', `/users/${repJm}`, EMAIL.admin, { coverage: original.body.coverage }), 200);
    }
  });
});
