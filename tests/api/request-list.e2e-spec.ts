import { startTestPortal, type TestPortal } from '../support/api-harness';

describe('listing and searching requests', () => {
  let portal: TestPortal;
  const token: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    portal = await startTestPortal();
    for (const email of [
      'ana@valle-alto.example',
      'rosa@quinua-andina.example',
      'marco@tierra-viva.example',
      'admin@clac.example',
      'director.and@clac.example',
      'rep.bo@clac.example',
      'executive@clac.example',
    ]) {
      token[email] = (await portal.login(email)).accessToken;
    }
    const file = async (key: string, member: string, body: Record<string, string>) => {
      const answer = await portal.request('POST', '/api/v1/requests', { token: token[member], body });
      expect(answer.status).toBe(201);
      ids[key] = answer.body.id;
    };
    await file('cafe', 'ana@valle-alto.example', {
      area: 'market-access',
      subject: 'Exportación de CAFÉ orgánico',
      description: 'Buscamos compradores en Alemania.',
      priority: 'high',
    });
    await file('quinua', 'rosa@quinua-andina.example', {
      area: 'standards-compliance',
      subject: 'Auditoría de certificación',
      description: 'La certificadora visita en marzo.',
      priority: 'urgent',
    });
    await file('cacao', 'marco@tierra-viva.example', {
      area: 'standards-compliance',
      subject: 'Plan de mejora',
      description: 'Cacao fino de aroma; dudas sobre el criterio 3.2.',
      priority: 'low',
    });
    await file('clima', 'marco@tierra-viva.example', {
      area: 'climate-resilience',
      subject: 'Sequía en la zona',
      description: 'Pérdidas de cosecha.',
    });
  });
  afterAll(async () => {
    await portal?.stop();
  });

  const list = async (who: string, query: string) => {
    const answer = await portal.request('GET', `/api/v1/requests${query}`, { token: token[who] });
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const idsOf = (page: { items: { id: string }[] }) => page.items.map((r) => r.id).sort();

  it('finds "cafe" in "CAFÉ", ignoring accents and case, and "cafe" in café with accents typed', async () => {
    expect(idsOf(await list('admin@clac.example', '?q=cafe'))).toEqual([ids.cafe]);
    expect(idsOf(await list('admin@clac.example', '?q=Caf%C3%A9%20org'))).toEqual([ids.cafe]);
    expect(idsOf(await list('admin@clac.example', '?q=AUDITORIA'))).toEqual([ids.quinua]);
    expect(idsOf(await list('admin@clac.example', '?q=nothing-like-this'))).toEqual([]);
  });

  it('searches the description, messages and the reference', async () => {
    expect(idsOf(await list('admin@clac.example', '?q=criterio%203.2'))).toEqual([ids.cacao]);
    const reply = await portal.request('POST', `/api/v1/requests/${ids.clima}/messages`, {
      token: token['marco@tierra-viva.example'],
      body: { body: 'Adjuntamos fotos del río Pilcomayo' },
    });
    expect(reply.status).toBe(201);
    expect(idsOf(await list('admin@clac.example', '?q=pilcomayo'))).toEqual([ids.clima]);
    const detail = await portal.request('GET', `/api/v1/requests/${ids.cafe}`, { token: token['admin@clac.example'] });
    expect(idsOf(await list('admin@clac.example', `?q=${detail.body.reference}`))).toEqual([ids.cafe]);
  });

  it('searches only within what the caller may see', async () => {
    expect(idsOf(await list('ana@valle-alto.example', '?q=auditoria'))).toEqual([]);
    expect(idsOf(await list('rep.bo@clac.example', '?q=cafe'))).toEqual([]);
  });

  it('filters by status, area, country, region, organization, assignee and creation date', async () => {
    expect(idsOf(await list('admin@clac.example', '?area=standards-compliance'))).toEqual(
      [ids.quinua, ids.cacao].sort(),
    );
    expect(idsOf(await list('admin@clac.example', '?country=BO'))).toEqual([ids.cacao, ids.clima].sort());
    expect(idsOf(await list('admin@clac.example', '?region=SUR'))).toEqual([]);
    expect((await list('admin@clac.example', '?region=AND')).total).toBe(4);
    expect(idsOf(await list('rep.bo@clac.example', '?assignee=me'))).toEqual([ids.cacao]);
    const org = await portal.db.query(`SELECT organization_id FROM requests WHERE id = $1`, [ids.quinua]);
    expect(idsOf(await list('admin@clac.example', `?organization=${org.rows[0].organization_id}`))).toEqual([
      ids.quinua,
    ]);
    expect((await list('admin@clac.example', '?status=assigned,in_progress')).total).toBe(4);
    expect((await list('admin@clac.example', '?status=resolved')).total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await list('admin@clac.example', `?from=${today}&to=${today}`)).total).toBe(4);
    expect((await list('admin@clac.example', '?to=2000-01-01')).total).toBe(0);
  });

  it('sorts by priority and creation time, both ways', async () => {
    expect(
      (await list('admin@clac.example', '?sort=-priority')).items.map((r: { priority: string }) => r.priority),
    ).toEqual(['urgent', 'high', 'normal', 'low']);
    expect(
      (await list('admin@clac.example', '?sort=priority')).items.map((r: { priority: string }) => r.priority),
    ).toEqual(['low', 'normal', 'high', 'urgent']);
    const newest = (await list('admin@clac.example', '')).items.map((r: { id: string }) => r.id);
    expect(newest).toEqual([ids.clima, ids.cacao, ids.quinua, ids.cafe]);
    expect((await list('admin@clac.example', '?sort=createdAt')).items.map((r: { id: string }) => r.id)).toEqual(
      [...newest].reverse(),
    );
  });

  it('pages: pageSize, page and total', async () => {
    const first = await list('admin@clac.example', '?pageSize=3&page=1');
    const second = await list('admin@clac.example', '?pageSize=3&page=2');
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect(first.items).toHaveLength(3);
    expect(second.items).toHaveLength(1);
    expect(new Set([...idsOf(first), ...idsOf(second)]).size).toBe(4);
  });

  it('refuses unknown filters and bad values with 400', async () => {
    for (const query of [
      '?status=open',
      '?sort=name',
      '?assignee=bob',
      '?from=yesterday',
      '?pageSize=1000',
      '?breached=maybe',
      '?mine=true',
    ]) {
      const answer = await portal.request('GET', `/api/v1/requests${query}`, { token: token['admin@clac.example'] });
      expect(answer.status).toBe(400);
    }
  });

  it('answers the request shape of the contract', async () => {
    const [item] = (await list('ana@valle-alto.example', '')).items;
    expect(Object.keys(item).sort()).toEqual(
      [
        'id',
        'reference',
        'subject',
        'description',
        'status',
        'priority',
        'area',
        'organization',
        'country',
        'region',
        'assignee',
        'routing',
        'createdBy',
        'createdAt',
        'updatedAt',
        'firstRespondedAt',
        'resolvedAt',
        'closedAt',
        'escalated',
        'sla',
        'satisfaction',
        'version',
        // What an inbox line adds (issue 19).
        'nextDeadline',
        'memberRepliedAt',
        // In a member's list: a staff reply not opened yet (issue 18).
        'unread',
      ].sort(),
    );
    expect(item.createdBy).toMatchObject({ name: 'Ana Torres' });
    expect(item.organization).toMatchObject({ name: 'Cooperativa Agraria Cafetalera Valle Alto', country: 'PE' });
  });
});
