import { Client } from 'pg';
import { startTestPortal, type TestPortal } from '../support/api-harness';
import { resolveServerUrl } from '../support/test-database';
import { until } from '../support/until';

/** The worked examples of routing (docs/domain.md, "Routing"), on the demo data. */
describe('routing a new request to the right person', () => {
  let portal: TestPortal;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    portal = await startTestPortal();
    for (const email of [
      'ana@valle-alto.example',
      'marco@tierra-viva.example',
      'jose@montana-verde.example',
      'jean@kafe-mon-no.example',
      'camilo@finca-esperanza.example',
      'rep.pe1@clac.example',
      'admin@clac.example',
    ]) {
      tokens[email] = (await portal.login(email)).accessToken;
    }
  });
  afterAll(async () => {
    await portal?.stop();
  });

  async function submit(member: string, area: string, subject = 'Consulta sobre la auditoría de certificación') {
    const answer = await portal.request('POST', '/api/v1/requests', {
      token: tokens[member],
      body: { area, subject, description: 'Necesitamos orientación antes de la auditoría de diciembre.' },
    });
    expect(answer.status).toBe(201);
    // Members read why, never a colleague's open-case count (staff's line has it).
    expect(answer.body.routing.reason).not.toMatch(/\d/);
    const asStaff = await portal.request('GET', `/api/v1/requests/${answer.body.id}`, {
      token: tokens['admin@clac.example'],
    });
    return asStaff.body;
  }

  it("gives a Peru cooperative's standards question to the Peru representative with fewer open requests (tier 2)", async () => {
    const first = await submit('ana@valle-alto.example', 'standards-compliance');
    expect(first).toMatchObject({ status: 'assigned', country: 'PE', region: 'AND', routing: { tier: 2 } });
    expect(['Rosa Quispe', 'Jorge Huamán']).toContain(first.assignee.name);
    expect(first.reference).toMatch(/^SR-\d{4}-\d{6}$/);
    // The reader's language: the admin reads Spanish.
    expect(first.routing.reason).toMatch(/^Perú · todas las áreas → (Rosa Quispe|Jorge Huamán) \(0 abiertas\)$/);
    expect(first.routing).toMatchObject({
      reasonCode: 'country',
      coverage: { country: 'PE', region: null, area: null },
    });
    // The other one now has fewer open requests, so it gets the next.
    const second = await submit('ana@valle-alto.example', 'standards-compliance');
    expect(second.assignee.name).not.toBe(first.assignee.name);
    expect(second.routing.tier).toBe(2);
  });

  it('gives Bolivia standards-compliance to rep.bo (tier 1)', async () => {
    const request = await submit('marco@tierra-viva.example', 'standards-compliance');
    expect(request).toMatchObject({ assignee: { name: 'Lucía Mamani' }, routing: { tier: 1 } });
  });

  it('gives Bolivia climate-resilience to climate.and (tier 3)', async () => {
    const request = await submit('marco@tierra-viva.example', 'climate-resilience');
    expect(request).toMatchObject({ assignee: { name: 'Diego Cambio Climático' }, routing: { tier: 3 } });
  });

  it('gives Bolivia human-rights to director.and (tier 4)', async () => {
    const request = await submit('marco@tierra-viva.example', 'human-rights');
    expect(request).toMatchObject({ assignee: { name: 'Director Andina' }, routing: { tier: 4 } });
    expect(request.routing.reason).toBe('Andina · todas las áreas → Director Andina (0 abiertas)');
    expect(request.routing).toMatchObject({
      reasonCode: 'region',
      assignee: { name: 'Director Andina', role: 'director' },
    });
  });

  it('gives Honduras to director.cam because rep.hn is unavailable', async () => {
    const request = await submit('jose@montana-verde.example', 'market-access');
    expect(request).toMatchObject({ assignee: { name: 'Director Centroamérica y México' }, routing: { tier: 4 } });
  });

  it('gives Haiti, which has no representative, to director.car', async () => {
    const request = await submit('jean@kafe-mon-no.example', 'social-inclusion');
    expect(request).toMatchObject({ assignee: { name: 'Director Caribe' }, routing: { tier: 4 } });
  });

  it('gives Colombia climate-resilience to climate.and and any other Colombian area to director.and', async () => {
    expect(await submit('camilo@finca-esperanza.example', 'climate-resilience')).toMatchObject({
      assignee: { name: 'Diego Cambio Climático' },
      routing: { tier: 3 },
    });
    for (const area of ['market-access', 'human-rights', 'fair-trade-visibility']) {
      expect(await submit('camilo@finca-esperanza.example', area)).toMatchObject({
        assignee: { name: 'Director Andina' },
        routing: { tier: 4 },
      });
    }
  });

  it('leaves a request with no candidate new and unassigned, in the triage queue', async () => {
    // Take every Caribbean fallback away: the director becomes unavailable.
    const { rows } = await portal.db.query(`SELECT id FROM users WHERE email = 'director.car@clac.example'`);
    const patch = await portal.request('PATCH', `/api/v1/users/${rows[0].id}`, {
      token: tokens['admin@clac.example'],
      body: { available: false },
    });
    expect(patch.status).toBe(200);
    const request = await submit('jean@kafe-mon-no.example', 'market-access');
    expect(request).toMatchObject({ status: 'new', assignee: null, routing: { tier: null } });
    expect(request.routing).toMatchObject({ reasonCode: 'triage', assignee: null });
    expect(request.routing.reason).toContain('cola de triaje');
    const queue = await portal.request('GET', '/api/v1/requests?assignee=none&status=new', {
      token: tokens['admin@clac.example'],
    });
    expect(queue.body.items.map((r: { id: string }) => r.id)).toContain(request.id);
    await portal.request('PATCH', `/api/v1/users/${rows[0].id}`, {
      token: tokens['admin@clac.example'],
      body: { available: true },
    });
  });

  it('records the decision on the request and in its timeline', async () => {
    const request = await submit('marco@tierra-viva.example', 'market-access');
    const { rows } = await portal.db.query(
      `SELECT routing_tier, routing_coverage, routing_reason, routing_facts FROM requests WHERE id = $1`,
      [request.id],
    );
    // The English line for the timeline, and the fields each reader's sentence is phrased from.
    expect(rows[0]).toEqual({
      routing_tier: 1,
      routing_coverage: { country: 'BO', region: null, area: 'market-access' },
      routing_reason: 'Bolivia · Market access opportunities → Lucía Mamani (1 open)',
      routing_facts: {
        person: { id: request.assignee.id, name: 'Lucía Mamani', role: 'representative' },
        open: 1,
        away: null,
      },
    });
    expect(request.routing.reason).toBe('Bolivia · Oportunidades de acceso a mercados → Lucía Mamani (1 abierta)');
    const detail = await portal.request('GET', `/api/v1/requests/${request.id}`, {
      token: tokens['marco@tierra-viva.example'],
    });
    const events = detail.body.timeline
      .filter((e: { type: string }) => e.type === 'event')
      .map((e: { event: string }) => e.event);
    expect(events).toEqual(['created', 'routed']);
  });

  it('does not give a case to someone marked unavailable while the submission waited for their row', async () => {
    const admin = new Client({ connectionString: portal.databaseUrl });
    await admin.connect();
    try {
      // An administrator's change, not committed yet: it holds rep.bo's row.
      await admin.query('BEGIN');
      await admin.query(`UPDATE users SET available = false WHERE email = 'rep.bo@clac.example'`);
      const submission = submit('marco@tierra-viva.example', 'standards-compliance');
      // On PostgreSQL the submission has read rep.bo as available and waits for the row; the
      // embedded database runs one transaction at a time, so there it waits for the whole change.
      const embedded = (await resolveServerUrl()) === null;
      await until(
        async () =>
          embedded ||
          (await admin.query(`SELECT 1 FROM pg_locks WHERE NOT granted AND pid <> pg_backend_pid()`)).rows.length > 0,
        'the submission waiting for the lock',
      );
      await admin.query('COMMIT');
      const request = await submission;
      expect(request.assignee?.name).not.toBe('Lucía Mamani');
      expect(request.routing.tier).toBeGreaterThan(1);
    } finally {
      await admin.query('ROLLBACK').catch(() => undefined);
      await admin.query(`UPDATE users SET available = true WHERE email = 'rep.bo@clac.example'`);
      await admin.end();
    }
  });

  it('previews the decision without creating anything', async () => {
    const before = await portal.db.query(`SELECT count(*)::int AS n FROM requests`);
    const preview = await portal.request('GET', '/api/v1/routing/preview?country=BO&area=climate-resilience', {
      token: tokens['rep.pe1@clac.example'],
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ tier: 3, assignee: { name: 'Diego Cambio Climático' } });
    const after = await portal.db.query(`SELECT count(*)::int AS n FROM requests`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
    expect(
      (
        await portal.request('GET', '/api/v1/routing/preview?country=XX&area=climate-resilience', {
          token: tokens['rep.pe1@clac.example'],
        })
      ).status,
    ).toBe(400);
    expect(
      (await portal.request('GET', '/api/v1/routing/preview?country=BO', { token: tokens['rep.pe1@clac.example'] }))
        .status,
    ).toBe(400);
    expect(
      (
        await portal.request('GET', '/api/v1/routing/preview?country=BO&area=market-access', {
          token: tokens['ana@valle-alto.example'],
        })
      ).status,
    ).toBe(403);
  });
});
