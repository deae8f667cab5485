import { startTestPortal, type TestPortal } from '../support/api-harness';

/**
 * Canned answers (issue 19): staff who work cases read them; admins write every area's and a
 * specialist its coverage's areas'; the reply box gets those of a request's area filled for
 * its member, in the member's language first and the others marked as fallbacks.
 */
describe('canned answers', () => {
  let portal: TestPortal;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const state = async () => {
    const { rows } = await portal.db.query(
      `SELECT (SELECT count(*)::int FROM canned_answers) AS answers,
              (SELECT count(*)::int FROM audit_log WHERE entity_type = 'canned-answer') AS audited,
              (SELECT string_agg(title || '|' || body || '|' || area_code, ',' ORDER BY id) FROM canned_answers) AS content`,
    );
    return rows[0];
  };

  beforeAll(async () => {
    portal = await startTestPortal();
    // A second specialist, of market access: a specialist of another area than climate.
    await portal.db.query(
      `INSERT INTO users (email, name, role, language, password_hash, region_code)
       SELECT 'markets.and@clac.example', 'Elena Mercados', role, 'es', password_hash, NULL FROM users WHERE email = 'climate.and@clac.example'`,
    );
    await portal.db.query(
      `INSERT INTO coverage_entries (user_id, region_code, area_code)
       SELECT id, 'AND', 'market-access' FROM users WHERE email = 'markets.and@clac.example'`,
    );
    for (const email of [
      'admin@clac.example',
      'climate.and@clac.example',
      'markets.and@clac.example',
      'rep.br@clac.example',
      'rep.pe1@clac.example',
      'joana@apicultores-sertao.example',
      'jean@kafe-mon-no.example',
      'executive@clac.example',
    ]) {
      tokens[email] = (await portal.login(email)).accessToken;
    }
    const { rows } = await portal.db.query(`SELECT id, email FROM users`);
    for (const row of rows) ids[row.email] = row.id;
  });
  afterAll(async () => {
    await portal?.stop();
  });

  const list = (email: string, query = '') =>
    portal.request('GET', `/api/v1/canned-answers${query}`, { token: tokens[email] });

  it('lists the demo answers by area and language; mayEdit follows the area', async () => {
    const all = await list('rep.pe1@clac.example');
    expect(all.status).toBe(200);
    expect(all.body.length).toBeGreaterThanOrEqual(7);
    expect(all.body.every((answer: { mayEdit: boolean }) => answer.mayEdit === false)).toBe(true);

    const climatePt = await list('climate.and@clac.example', '?area=climate-resilience&language=pt');
    expect(climatePt.body).toEqual([
      expect.objectContaining({
        area: 'climate-resilience',
        language: 'pt',
        title: 'Plano de adaptação às mudanças climáticas',
        mayEdit: true,
        updatedBy: null,
      }),
    ]);
    const standards = await list('climate.and@clac.example', '?area=standards-compliance');
    expect(standards.body.map((a: { language: string }) => a.language).sort()).toEqual(['en', 'es', 'es', 'pt', 'pt']);
    expect(standards.body.some((a: { mayEdit: boolean }) => a.mayEdit)).toBe(false);
    expect(
      (await list('admin@clac.example', '?area=standards-compliance')).body.every(
        (a: { mayEdit: boolean }) => a.mayEdit,
      ),
    ).toBe(true);

    // Members and the executive (who never replies) do not read them.
    expect((await list('joana@apicultores-sertao.example')).status).toBe(403);
    expect((await list('executive@clac.example')).status).toBe(403);
    const bad = await list('admin@clac.example', '?area=weather&language=de');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['area', 'language']);
  });

  it('lets a specialist write the answers of its area, and an admin those of any area (audited)', async () => {
    const climate = tokens['climate.and@clac.example'];
    const created = await portal.request('POST', '/api/v1/canned-answers', {
      token: climate,
      body: {
        area: 'climate-resilience',
        language: 'es',
        title: '  Alerta temprana de heladas  ',
        body: 'Hola {{member_name}}: sobre {{reference}}, le enviamos el boletín de heladas.',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Alerta temprana de heladas',
      mayEdit: true,
      updatedBy: { id: ids['climate.and@clac.example'], name: 'Diego Cambio Climático' },
    });

    const changed = await portal.request('PATCH', `/api/v1/canned-answers/${created.body.id}`, {
      token: climate,
      body: { body: 'Hola {{member_name}}: el boletín de heladas llegará antes del {{due_date}}.' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.body).toBe('Hola {{member_name}}: el boletín de heladas llegará antes del {{due_date}}.');

    const byAdmin = await portal.request('POST', '/api/v1/canned-answers', {
      token: tokens['admin@clac.example'],
      body: { area: 'human-rights', language: 'fr', title: 'Diligence raisonnable', body: 'Bonjour {{member_name}}.' },
    });
    expect(byAdmin.status).toBe(201);

    expect(
      (await portal.request('DELETE', `/api/v1/canned-answers/${created.body.id}`, { token: climate })).status,
    ).toBe(204);
    expect((await portal.request('GET', `/api/v1/canned-answers/${created.body.id}`, { token: climate })).status).toBe(
      404,
    );
    const { rows } = await portal.db.query(
      `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY created_at, action`,
      [created.body.id],
    );
    expect(rows.map((row) => row.action).sort()).toEqual([
      'canned-answer.created',
      'canned-answer.deleted',
      'canned-answer.updated',
    ]);
  });

  it('refuses a specialist of another area, and staff who do not write answers, writing nothing', async () => {
    const [climateAnswer] = (await list('admin@clac.example', '?area=climate-resilience&language=es')).body;
    const [standardsAnswer] = (await list('admin@clac.example', '?area=standards-compliance&language=es')).body;
    const before = await state();
    const markets = tokens['markets.and@clac.example'];
    const climate = tokens['climate.and@clac.example'];
    const refusals: [string, string, string, unknown][] = [
      ['markets.and', 'PATCH', `/api/v1/canned-answers/${climateAnswer.id}`, { title: 'Otro título' }],
      ['markets.and', 'DELETE', `/api/v1/canned-answers/${climateAnswer.id}`, undefined],
      [
        'markets.and',
        'POST',
        '/api/v1/canned-answers',
        { area: 'climate-resilience', language: 'es', title: 'Sequía', body: 'Texto' },
      ],
      // Its own area's answer moved to one it does not write.
      ['climate.and', 'PATCH', `/api/v1/canned-answers/${climateAnswer.id}`, { area: 'market-access' }],
      ['climate.and', 'DELETE', `/api/v1/canned-answers/${standardsAnswer.id}`, undefined],
    ];
    for (const [who, method, path, body] of refusals) {
      const answer = await portal.request(method, path, {
        token: who === 'markets.and' ? markets : climate,
        body,
      });
      expect(answer.status).toBe(403);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body.code).toBe('canned.other-area');
    }
    // A representative writes none.
    const rep = await portal.request('POST', '/api/v1/canned-answers', {
      token: tokens['rep.br@clac.example'],
      body: { area: 'climate-resilience', language: 'pt', title: 'Seca', body: 'Texto' },
    });
    expect(rep.status).toBe(403);
    expect(rep.body.code).toBe('auth.forbidden');
    // The market-access specialist does write its own area.
    const own = await portal.request('POST', '/api/v1/canned-answers', {
      token: markets,
      body: { area: 'market-access', language: 'es', title: 'Ferias comerciales', body: 'Hola {{member_name}}.' },
    });
    expect(own.status).toBe(201);
    await portal.request('DELETE', `/api/v1/canned-answers/${own.body.id}`, { token: markets });
    const after = await state();
    expect(after.answers).toBe(before.answers);
    expect(after.content).toBe(before.content);
  });

  it('answers invalid input with 400 (fields named), a title taken with 409 and an unknown id with 404, writing nothing', async () => {
    const admin = tokens['admin@clac.example'];
    const before = await state();
    const valid = { area: 'climate-resilience', language: 'es', title: 'Nuevo', body: 'Hola {{member_name}}' };
    const invalid: [Record<string, unknown>, string][] = [
      [{ ...valid, area: 'weather' }, 'area'],
      [{ ...valid, language: 'de' }, 'language'],
      [{ ...valid, title: '   ' }, 'title'],
      [{ ...valid, title: 'x'.repeat(121) }, 'title'],
      [{ ...valid, body: '' }, 'body'],
      [{ ...valid, body: 'x'.repeat(5001) }, 'body'],
      [{ ...valid, body: 'Hola {{nombre_socio}}, su caso {{reference}}' }, 'body'],
      [{ ...valid, title: 'Para {{member}}' }, 'title'],
      [{ area: 'climate-resilience', language: 'es', title: 'Sin texto' }, 'body'],
    ];
    for (const [body, field] of invalid) {
      const answer = await portal.request('POST', '/api/v1/canned-answers', { token: admin, body });
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('validation.failed');
      expect(answer.body.errors).toHaveProperty([field]);
    }
    const unknown = await portal.request('POST', '/api/v1/canned-answers', {
      token: admin,
      body: { ...valid, body: 'Hola {{nombre_socio}}' },
    });
    expect(unknown.body.errors.body[0]).toContain('{{nombre_socio}}');

    const taken = await portal.request('POST', '/api/v1/canned-answers', {
      token: admin,
      body: { ...valid, title: 'PLAN DE ADAPTACIÓN AL CAMBIO CLIMÁTICO' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('canned.title-taken');
    const [pt] = (await list('admin@clac.example', '?area=climate-resilience&language=pt')).body;
    const renamed = await portal.request('PATCH', `/api/v1/canned-answers/${pt.id}`, {
      token: admin,
      body: { language: 'es', title: 'Plan de adaptación al cambio climático' },
    });
    expect(renamed.status).toBe(409);
    const patchInvalid = await portal.request('PATCH', `/api/v1/canned-answers/${pt.id}`, {
      token: admin,
      body: { body: 'Olá {{nome}}' },
    });
    expect(patchInvalid.status).toBe(400);

    const missing = '00000000-0000-4000-8000-000000000000';
    expect(
      (await portal.request('PATCH', `/api/v1/canned-answers/${missing}`, { token: admin, body: {} })).status,
    ).toBe(404);
    expect((await portal.request('DELETE', `/api/v1/canned-answers/${missing}`, { token: admin })).status).toBe(404);
    expect((await portal.request('GET', '/api/v1/canned-answers/not-an-id', { token: admin })).status).toBe(404);
    expect(await state()).toEqual(before);
  });

  async function file(member: string, area: string) {
    const answer = await portal.request('POST', '/api/v1/requests', {
      token: tokens[member],
      body: { area, subject: 'Adaptação ao clima', description: 'Precisamos de um plano para a seca.' },
    });
    expect(answer.status).toBe(201);
    return answer.body;
  }

  it("fills a request's answers for its member: the member's language first, the others marked as fallbacks", async () => {
    const request = await file('joana@apicultores-sertao.example', 'climate-resilience');
    const answer = await portal.request('GET', `/api/v1/requests/${request.id}/canned-answers`, {
      token: tokens['rep.br@clac.example'],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.memberLanguage).toBe('pt');
    const [first, ...rest] = answer.body.items;
    expect(first).toMatchObject({
      language: 'pt',
      fallback: false,
      title: 'Plano de adaptação às mudanças climáticas',
    });
    // Placeholders in Portuguese, the due day in Brazil's time zone.
    const due = new Intl.DateTimeFormat('pt', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'America/Sao_Paulo',
    }).format(new Date(request.sla.resolutionDueAt));
    expect(first.body).toContain('Prezado/a Joana Silva,');
    expect(first.body).toContain(`(referência ${request.reference})`);
    expect(first.body).toContain(`até ${due}.`);
    expect(first.body).not.toContain('{{');
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.every((item: { fallback: boolean; language: string }) => item.fallback && item.language !== 'pt')).toBe(
      true,
    );

    // No French answer in the area: every one offered to a Haitian member is a fallback.
    const haiti = await file('jean@kafe-mon-no.example', 'climate-resilience');
    const french = await portal.request('GET', `/api/v1/requests/${haiti.id}/canned-answers`, {
      token: tokens['admin@clac.example'],
    });
    expect(french.body.memberLanguage).toBe('fr');
    expect(french.body.items.length).toBeGreaterThan(0);
    expect(french.body.items.every((item: { fallback: boolean }) => item.fallback)).toBe(true);
    expect(french.body.items[0].body).toContain('Jean Baptiste');

    // Not seen by the caller: 404; a member: 403.
    expect(
      (
        await portal.request('GET', `/api/v1/requests/${request.id}/canned-answers`, {
          token: tokens['rep.pe1@clac.example'],
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await portal.request('GET', `/api/v1/requests/${request.id}/canned-answers`, {
          token: tokens['joana@apicultores-sertao.example'],
        })
      ).status,
    ).toBe(403);
  });
});
