import { startTestPortal, type TestPortal } from '../support/api-harness';

/**
 * A staff member's own absence (issue 19): routing gives its new cases to its replacement while
 * the window covers now, and to the person again after it; an invitee who never accepted is never
 * routed to. Windows are set in the past or the future: no waiting.
 */
describe('a staff member marks itself away, with a replacement', () => {
  let portal: TestPortal;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

  beforeAll(async () => {
    portal = await startTestPortal();
    for (const email of [
      'marco@tierra-viva.example',
      'jean@kafe-mon-no.example',
      'rep.bo@clac.example',
      'rep.pe1@clac.example',
      'admin@clac.example',
    ]) {
      tokens[email] = (await portal.login(email)).accessToken;
    }
    const { rows } = await portal.db.query(`SELECT id, email FROM users`);
    for (const row of rows) ids[row.email] = row.id;
  });
  afterAll(async () => {
    await portal?.stop();
  });

  async function submit(member: string, area: string) {
    const answer = await portal.request('POST', '/api/v1/requests', {
      token: tokens[member],
      body: {
        area,
        subject: 'Consulta sobre la auditoría',
        description: 'Necesitamos orientación antes de la auditoría.',
      },
    });
    expect(answer.status).toBe(201);
    return (await portal.request('GET', `/api/v1/requests/${answer.body.id}`, { token: tokens['admin@clac.example'] }))
      .body;
  }

  async function storedAbsence(email: string) {
    const { rows } = await portal.db.query(
      `SELECT away_from, away_until, away_replacement_id FROM users WHERE email = $1`,
      [email],
    );
    return rows[0];
  }

  it('offers replacements of the same region only: active, signed up, working cases, not oneself', async () => {
    const answer = await portal.request('GET', '/api/v1/me/absence/replacements', {
      token: tokens['rep.bo@clac.example'],
    });
    expect(answer.status).toBe(200);
    const names = answer.body.map((person: { name: string }) => person.name);
    expect(names).toEqual(expect.arrayContaining(['Rosa Quispe', 'Jorge Huamán', 'Director Andina']));
    expect(names).not.toContain('Lucía Mamani');
    expect(names).not.toContain('Director Caribe');
    expect(names).not.toContain('Ana Torres');
  });

  it('refuses an invalid replacement or window with 400, writing nothing', async () => {
    const bo = tokens['rep.bo@clac.example'];
    const cases: [Record<string, unknown>, string][] = [
      [{ from: future(-1), until: future(3), replacementId: ids['rep.bo@clac.example'] }, 'replacementId'],
      [{ from: future(-1), until: future(3), replacementId: ids['director.car@clac.example'] }, 'replacementId'],
      [{ from: future(-1), until: future(3), replacementId: ids['ana@valle-alto.example'] }, 'replacementId'],
      [{ from: future(-1), until: future(3), replacementId: '00000000-0000-4000-8000-000000000000' }, 'replacementId'],
      [{ from: future(-1), until: future(3), replacementId: 'rosa' }, 'replacementId'],
      [{ from: future(3), until: future(1) }, 'until'],
      [{ from: future(-5), until: future(-1) }, 'until'],
      [{ from: 'tomorrow', until: future(1) }, 'from'],
    ];
    for (const [body, field] of cases) {
      const answer = await portal.request('PUT', '/api/v1/me/absence', { token: bo, body });
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toHaveProperty([field]);
    }
    expect(await storedAbsence('rep.bo@clac.example')).toEqual({
      away_from: null,
      away_until: null,
      away_replacement_id: null,
    });
    const audit = await portal.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'user.absence%'`);
    expect(audit.rows[0].n).toBe(0);
    // A member has no absence to manage.
    expect(
      (await portal.request('GET', '/api/v1/me/absence', { token: tokens['marco@tierra-viva.example'] })).status,
    ).toBe(403);
  });

  it("routes the person's new cases to the replacement while away, and to the person after the window", async () => {
    const bo = tokens['rep.bo@clac.example'];
    // Bolivia standards-compliance is Lucía Mamani's alone (tier 1).
    expect((await submit('marco@tierra-viva.example', 'standards-compliance')).assignee.name).toBe('Lucía Mamani');

    const until = future(4);
    const set = await portal.request('PUT', '/api/v1/me/absence', {
      token: bo,
      body: { from: future(-1), until, replacementId: ids['rep.pe1@clac.example'] },
    });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({
      absence: {
        from: expect.any(String),
        until: new Date(until).toISOString(),
        replacement: { id: ids['rep.pe1@clac.example'], name: 'Rosa Quispe' },
        awayNow: true,
      },
      handover: null,
    });
    expect((await portal.request('GET', '/api/v1/me/absence', { token: bo })).body).toEqual({
      absence: set.body.absence,
    });
    const audit = await portal.db.query(
      `SELECT actor_id, changes FROM audit_log WHERE action = 'user.absence-set' AND entity_id = $1`,
      [ids['rep.bo@clac.example']],
    );
    expect(audit.rows).toEqual([
      {
        actor_id: ids['rep.bo@clac.example'],
        changes: expect.objectContaining({ replacementId: ids['rep.pe1@clac.example'] }),
      },
    ]);

    const covered = await submit('marco@tierra-viva.example', 'standards-compliance');
    expect(covered).toMatchObject({ assignee: { name: 'Rosa Quispe' }, routing: { tier: 1 } });
    // The absence's last day, in the reader's (the admin's) Spanish.
    const lastDay = new Intl.DateTimeFormat('es', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      new Date(Date.parse(until) - 1),
    );
    expect(covered.routing.reason).toMatch(
      new RegExp(`^Bolivia · .+ → Lucía Mamani, ausente hasta el ${lastDay} → Rosa Quispe \\(\\d+ abiertas?\\)$`),
    );

    // The window over (moved into the past, as time would), the person gets its cases again.
    await portal.db.query(
      `UPDATE users SET away_from = now() - interval '5 days', away_until = now() - interval '1 day' WHERE id = $1`,
      [ids['rep.bo@clac.example']],
    );
    expect((await submit('marco@tierra-viva.example', 'standards-compliance')).assignee.name).toBe('Lucía Mamani');
    expect((await portal.request('GET', '/api/v1/me/absence', { token: bo })).body.absence).toMatchObject({
      awayNow: false,
    });

    // A window not yet begun changes nothing either.
    await portal.request('PUT', '/api/v1/me/absence', {
      token: bo,
      body: { from: future(2), until: future(5), replacementId: ids['rep.pe1@clac.example'] },
    });
    expect((await submit('marco@tierra-viva.example', 'standards-compliance')).assignee.name).toBe('Lucía Mamani');

    const cleared = await portal.request('DELETE', '/api/v1/me/absence', { token: bo });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toEqual({ absence: null });
    expect(await storedAbsence('rep.bo@clac.example')).toEqual({
      away_from: null,
      away_until: null,
      away_replacement_id: null,
    });
  });

  it('skips an away person without a replacement like an unavailable one', async () => {
    const bo = tokens['rep.bo@clac.example'];
    expect(
      (await portal.request('PUT', '/api/v1/me/absence', { token: bo, body: { from: future(-1), until: future(2) } }))
        .status,
    ).toBe(200);
    // Tier 1 is Lucía alone: the request falls to the next tier (the Andean director, tier 4).
    const request = await submit('marco@tierra-viva.example', 'standards-compliance');
    expect(request.assignee.name).not.toBe('Lucía Mamani');
    expect(request.routing.tier).toBeGreaterThan(1);
    await portal.request('DELETE', '/api/v1/me/absence', { token: bo });
  });

  it("does not give a case to a replacement who may not work in the request's region", async () => {
    // A replacement is checked against the person's regions when named; a person covering
    // two regions may name one who works in only the other. Stored directly: the case is the
    // request of the region the replacement does not work in.
    await portal.db.query(
      `UPDATE users SET away_from = now() - interval '1 day', away_until = now() + interval '2 days',
              away_replacement_id = (SELECT id FROM users WHERE email = 'rep.br@clac.example')
        WHERE email = 'rep.bo@clac.example'`,
    );
    const request = await submit('marco@tierra-viva.example', 'standards-compliance');
    expect(request.assignee.name).not.toBe('Ana Souza');
    expect(request.assignee.name).not.toBe('Lucía Mamani');
    expect(request.routing.tier).toBeGreaterThan(1);
    await portal.request('DELETE', '/api/v1/me/absence', { token: tokens['rep.bo@clac.example'] });
  });

  it('never routes to an invitee who has not accepted, whatever its coverage', async () => {
    const invited = await portal.request('POST', '/api/v1/auth/invitations', {
      token: tokens['admin@clac.example'],
      body: {
        email: 'rep.ht@clac.example',
        name: 'Pierre Invité',
        role: 'representative',
        coverage: [{ country: 'HT' }, { country: 'HT', area: 'social-inclusion' }],
      },
    });
    expect(invited.status).toBe(201);
    const request = await submit('jean@kafe-mon-no.example', 'social-inclusion');
    expect(request.assignee.name).toBe('Director Caribe');
    const { rows } = await portal.db.query(`SELECT count(*)::int AS n FROM requests WHERE assignee_id = $1`, [
      invited.body.id,
    ]);
    expect(rows[0].n).toBe(0);
    // Nor can anyone name it as replacement.
    const pe1 = tokens['rep.pe1@clac.example'];
    const names = (await portal.request('GET', '/api/v1/me/absence/replacements', { token: pe1 })).body.map(
      (person: { name: string }) => person.name,
    );
    expect(names).not.toContain('Pierre Invité');
  });
});
