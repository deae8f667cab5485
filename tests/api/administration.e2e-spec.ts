import { startTestPortal, type TestPortal } from '../support/api-harness';

describe('administration of organizations and users', () => {
  let portal: TestPortal;
  let admin: string;

  beforeAll(async () => {
    portal = await startTestPortal();
    admin = (await portal.login('admin@clac.example')).accessToken;
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('registers an organization, lists it, changes it and keeps an audit trail', async () => {
    const created = await portal.request('POST', '/api/v1/organizations', {
      token: admin,
      body: {
        name: '  Cooperativa Cafetalera Río Seco ',
        country: 'EC',
        kind: 'small-producer',
        products: ['coffee', 'cocoa'],
        fairtradeId: 'FLO-12345',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Cooperativa Cafetalera Río Seco',
      country: 'EC',
      region: 'AND',
      products: ['coffee', 'cocoa'],
      active: true,
    });

    const search = await portal.request('GET', '/api/v1/organizations?q=rio%20seco', { token: admin });
    expect(search.body.items.map((o: { id: string }) => o.id)).toEqual([created.body.id]);
    expect(search.body).toMatchObject({ total: 1, page: 1, pageSize: 25 });

    const renamed = await portal.request('PATCH', `/api/v1/organizations/${created.body.id}`, {
      token: admin,
      body: { name: 'Cooperativa Río Seco' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Cooperativa Río Seco');

    const duplicate = await portal.request('POST', '/api/v1/organizations', {
      token: admin,
      body: { name: 'COOPERATIVA RÍO SECO', country: 'EC', kind: 'small-producer' },
    });
    expect(duplicate.status).toBe(409);

    const { rows } = await portal.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [
      created.body.id,
    ]);
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['organization.created', 'organization.updated']);
  });

  it('refuses an unknown country, an unknown kind and unknown fields, writing nothing', async () => {
    const before = await portal.db.query(`SELECT count(*)::int AS n FROM organizations`);
    for (const body of [
      { name: 'X', country: 'FR', kind: 'workers' },
      { name: 'X', country: 'PE', kind: 'plantation' },
      { name: 'X', country: 'PE', kind: 'workers', owner: 'me' },
      { name: '', country: 'PE', kind: 'workers' },
    ]) {
      const answer = await portal.request('POST', '/api/v1/organizations', { token: admin, body });
      expect(answer.status).toBe(400);
      expect(Object.keys(answer.body.errors).length).toBeGreaterThan(0);
    }
    const after = await portal.db.query(`SELECT count(*)::int AS n FROM organizations`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('registers staff with coverage, edits coverage and availability', async () => {
    const created = await portal.request('POST', '/api/v1/users', {
      token: admin,
      body: {
        email: 'rep.ec@clac.example',
        name: 'Paula Andrade',
        role: 'representative',
        language: 'es',
        coverage: [{ country: 'EC' }, { country: 'CO', area: 'market-access' }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: 'rep.ec@clac.example',
      role: 'representative',
      available: true,
      active: true,
      organization: null,
    });
    expect(created.body.coverage).toEqual(
      expect.arrayContaining([{ country: 'EC' }, { country: 'CO', area: 'market-access' }]),
    );

    const updated = await portal.request('PATCH', `/api/v1/users/${created.body.id}`, {
      token: admin,
      body: { available: false, coverage: [{ region: 'AND', area: 'climate-resilience' }] },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ available: false, coverage: [{ region: 'AND', area: 'climate-resilience' }] });

    const listed = await portal.request('GET', '/api/v1/users?role=representative&q=andrade', { token: admin });
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0].id).toBe(created.body.id);
  });

  it('refuses impossible people: a member without organization, staff with one, a director without region', async () => {
    const org = (await portal.request('GET', '/api/v1/organizations?q=valle', { token: admin })).body.items[0];
    const cases = [
      [{ email: 'a@x.example', name: 'A', role: 'member' }, 'organizationId'],
      [{ email: 'b@x.example', name: 'B', role: 'representative', organizationId: org.id }, 'organizationId'],
      [{ email: 'c@x.example', name: 'C', role: 'director' }, 'region'],
      [
        { email: 'd@x.example', name: 'D', role: 'specialist', coverage: [{ country: 'PE', region: 'AND' }] },
        'coverage.0',
      ],
      [{ email: 'e@x.example', name: 'E', role: 'specialist', coverage: [{ country: 'ZZ' }] }, 'coverage.0.country'],
      [{ email: 'f@x.example', name: 'F', role: 'specialist', coverage: [{ area: 'gardening' }] }, 'coverage.0.area'],
    ] as const;
    for (const [body, field] of cases) {
      const answer = await portal.request('POST', '/api/v1/users', { token: admin, body });
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toHaveProperty([field]);
    }
    const { rows } = await portal.db.query(`SELECT count(*)::int AS n FROM users WHERE email LIKE '%@x.example'`);
    expect(rows[0].n).toBe(0);
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    const answer = await portal.request('POST', '/api/v1/users', {
      token: admin,
      body: { email: 'ROSA@quinua-andina.example', name: 'R', role: 'admin' },
    });
    expect(answer.status).toBe(409);
  });

  it('deactivates a person: it cannot sign in or refresh, and its history stays', async () => {
    const luis = await portal.login('luis@valle-alto.example');
    const deactivated = await portal.request('DELETE', `/api/v1/users/${luis.user.id}`, { token: admin });
    expect(deactivated.status).toBe(204);
    expect(
      (
        await portal.request('POST', '/api/v1/auth/login', {
          body: { email: 'luis@valle-alto.example', password: 'Demo-2026!' },
        })
      ).status,
    ).toBe(401);
    expect(
      (await portal.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: luis.refreshToken } })).status,
    ).toBe(401);
    expect((await portal.request('GET', '/api/v1/me', { token: luis.accessToken })).status).toBe(401);
    const kept = await portal.request('GET', `/api/v1/users/${luis.user.id}`, { token: admin });
    expect(kept.body).toMatchObject({ active: false, name: 'Luis Condori' });
  });

  it('answers 404 for an unknown or malformed id', async () => {
    expect(
      (await portal.request('GET', '/api/v1/users/00000000-0000-4000-8000-000000000000', { token: admin })).status,
    ).toBe(404);
    expect((await portal.request('GET', '/api/v1/users/not-an-id', { token: admin })).status).toBe(404);
    expect((await portal.request('GET', '/api/v1/organizations/42', { token: admin })).status).toBe(404);
  });

  it('refuses paging beyond the limits with 400', async () => {
    expect((await portal.request('GET', '/api/v1/users?pageSize=101', { token: admin })).status).toBe(400);
    expect((await portal.request('GET', '/api/v1/users?page=0', { token: admin })).status).toBe(400);
    expect((await portal.request('GET', '/api/v1/users?page=abc', { token: admin })).status).toBe(400);
    expect((await portal.request('GET', '/api/v1/users?role=king', { token: admin })).status).toBe(400);
    expect((await portal.request('GET', '/api/v1/users?sneaky=1', { token: admin })).status).toBe(400);
  });
});
