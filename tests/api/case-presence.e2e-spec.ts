import { type ApiProcess, startTestPortal, type TestPortal } from '../support/api-harness';

interface Present {
  id: string;
  name: string;
  state: 'viewing' | 'writing';
  seenAt: string;
}

/**
 * "Someone else is on this case" (issue 19): staff who may see a request report that they
 * have it open; the others who may see it are told, on any API process; nobody else can
 * report or learn anything; a report fades out by itself. And a reply written on a version
 * someone else changed meanwhile is refused with the 409 that names who changed it.
 */
describe('who else has a case open', () => {
  let portal: TestPortal;
  let second: ApiProcess;
  const tokens: Record<string, string> = {};
  let requestId: string;

  beforeAll(async () => {
    portal = await startTestPortal();
    second = await portal.startAnother();
    for (const email of [
      'ana@valle-alto.example',
      'rep.pe1@clac.example',
      'rep.pe2@clac.example',
      'director.and@clac.example',
      'director.car@clac.example',
      'rep.bo@clac.example',
      'admin@clac.example',
    ]) {
      tokens[email] = (await portal.login(email)).accessToken;
    }
    const filed = await portal.request('POST', '/api/v1/requests', {
      token: tokens['ana@valle-alto.example'],
      body: {
        area: 'market-access',
        subject: 'Contactos de compradores',
        description: 'Buscamos compradores para el café.',
      },
    });
    expect(filed.status).toBe(201);
    requestId = filed.body.id;
  });
  afterAll(async () => {
    await portal?.stop();
  });

  const report = (email: string, state: string, id = requestId) =>
    portal.request<{ others: Present[] }>('PUT', `/api/v1/requests/${id}/presence`, {
      token: tokens[email],
      body: { state },
    });

  const storedRows = async () =>
    (await portal.db.query(`SELECT user_id FROM request_presence WHERE request_id = $1`, [requestId])).rows.length;

  it('tells each one who else has it open, writers first, across API processes', async () => {
    const rosa = await report('rep.pe1@clac.example', 'writing');
    expect(rosa.status).toBe(200);
    expect(rosa.body.others).toEqual([]);

    const director = await report('director.and@clac.example', 'viewing');
    expect(director.status).toBe(200);
    expect(director.body.others).toEqual([
      { id: expect.any(String), name: 'Rosa Quispe', state: 'writing', seenAt: expect.any(String) },
    ]);

    // Another replica reads the same table: Jorge, on the second process, sees both.
    const response = await fetch(`${second.url}/api/v1/requests/${requestId}/presence`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${tokens['rep.pe2@clac.example']}`, 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'viewing' }),
    });
    expect(response.status).toBe(200);
    const jorge = (await response.json()) as { others: Present[] };
    expect(jorge.others.map((p) => [p.name, p.state])).toEqual([
      ['Rosa Quispe', 'writing'],
      ['Director Andina', 'viewing'],
    ]);

    // Rosa stops writing: the next report says so.
    await report('rep.pe1@clac.example', 'viewing');
    const again = await report('director.and@clac.example', 'viewing');
    expect(again.body.others.find((p) => p.name === 'Rosa Quispe')?.state).toBe('viewing');
  });

  it('refuses whoever may not see the request, records nothing and tells it nothing', async () => {
    const before = await storedRows();
    // Staff of other countries or regions: the request does not exist for them.
    for (const email of ['rep.bo@clac.example', 'director.car@clac.example']) {
      const answer = await report(email, 'writing');
      expect(answer.status).toBe(404);
      expect(answer.body).not.toHaveProperty('others');
    }
    // Members never report nor see staff's presence, even on their own request.
    const member = await report('ana@valle-alto.example', 'viewing');
    expect(member.status).toBe(403);
    expect(member.body).not.toHaveProperty('others');
    const detail = await portal.request('GET', `/api/v1/requests/${requestId}`, {
      token: tokens['ana@valle-alto.example'],
    });
    expect(JSON.stringify(detail.body)).not.toContain('presence');
    // Without a token, with an unknown or malformed id, or a state that is not one.
    expect(
      (await portal.request('PUT', `/api/v1/requests/${requestId}/presence`, { body: { state: 'viewing' } })).status,
    ).toBe(401);
    expect((await report('admin@clac.example', 'viewing', '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await report('admin@clac.example', 'viewing', 'SR-2026-000001')).status).toBe(404);
    for (const body of [{ state: 'typing' }, {}, { state: 'viewing', extra: 1 }, { state: ['writing'] }]) {
      const answer = await portal.request('PUT', `/api/v1/requests/${requestId}/presence`, {
        token: tokens['admin@clac.example'],
        body,
      });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await storedRows()).toBe(before);
    // Those who may see it were never told of the refused ones.
    const rosa = await report('rep.pe1@clac.example', 'viewing');
    expect(rosa.body.others.map((p) => p.name).sort()).toEqual(['Director Andina', 'Jorge Huamán']);
  });

  it('lets a report expire by itself, and forgets one who leaves at once', async () => {
    // The clock is the database's: a report whose time ran out is moved into the past.
    await portal.db.query(
      `UPDATE request_presence SET expires_at = now() - interval '1 second'
       WHERE request_id = $1 AND user_id = (SELECT id FROM users WHERE email = 'rep.pe2@clac.example')`,
      [requestId],
    );
    const rosa = await report('rep.pe1@clac.example', 'viewing');
    expect(rosa.body.others.map((p) => p.name)).toEqual(['Director Andina']);
    // The expired row was deleted by that report, not kept forever.
    expect(await storedRows()).toBe(2);

    const left = await portal.request('DELETE', `/api/v1/requests/${requestId}/presence`, {
      token: tokens['director.and@clac.example'],
    });
    expect(left.status).toBe(204);
    expect((await report('rep.pe1@clac.example', 'viewing')).body.others).toEqual([]);
  });

  it('refuses a reply written on a version someone changed meanwhile, naming who, and writes nothing', async () => {
    const admin = tokens['admin@clac.example'];
    const loaded = await portal.request('GET', `/api/v1/requests/${requestId}`, { token: admin });
    const assigneeToken =
      loaded.body.assignee.name === 'Rosa Quispe' ? tokens['rep.pe1@clac.example'] : tokens['rep.pe2@clac.example'];
    const version = loaded.body.version as number;
    // The director raises the priority while the assignee writes.
    const changed = await portal.request('PATCH', `/api/v1/requests/${requestId}`, {
      token: tokens['director.and@clac.example'],
      body: { priority: 'high', version },
    });
    expect(changed.status).toBe(200);
    const messages = async () =>
      (await portal.db.query(`SELECT count(*)::int AS n FROM request_messages WHERE request_id = $1`, [requestId]))
        .rows[0].n as number;
    const before = await messages();
    const stale = await portal.request('POST', `/api/v1/requests/${requestId}/messages`, {
      token: assigneeToken,
      body: { body: 'Le enviamos la lista de compradores.', version },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'requests.stale-version',
      currentVersion: version + 1,
      changedBy: 'Director Andina',
    });
    expect(await messages()).toBe(before);

    // On the current version, or without one (older clients), it goes.
    const fresh = await portal.request('POST', `/api/v1/requests/${requestId}/messages`, {
      token: assigneeToken,
      body: { body: 'Le enviamos la lista de compradores.', version: version + 1 },
    });
    expect(fresh.status).toBe(201);
    const unversioned = await portal.request('POST', `/api/v1/requests/${requestId}/messages`, {
      token: assigneeToken,
      body: { body: 'Y un contacto más.' },
    });
    expect(unversioned.status).toBe(201);
    const invalid = await portal.request('POST', `/api/v1/requests/${requestId}/messages`, {
      token: assigneeToken,
      body: { body: 'Otro.', version: 'latest' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toHaveProperty('version');
  });
});
