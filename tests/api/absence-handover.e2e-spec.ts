import { startTestPortal, type TestPortal } from '../support/api-harness';

/**
 * Going away, a person may hand its open cases to its replacement (issue 19): those the
 * replacement may work (a region it works in) move, each with a timeline entry saying who gave
 * it to whom and why; the others stay. The reassign list shows who is away, and until when.
 */
describe('handing one’s open cases to the replacement when going away', () => {
  let portal: TestPortal;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

  beforeAll(async () => {
    portal = await startTestPortal();
    for (const email of [
      'marco@tierra-viva.example',
      'joana@apicultores-sertao.example',
      'rep.bo@clac.example',
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

  async function submit(member: string, area: string): Promise<{ id: string; assignee: { name: string } }> {
    const answer = await portal.request('POST', '/api/v1/requests', {
      token: tokens[member],
      body: { area, subject: 'Consulta sobre la auditoría', description: 'Necesitamos orientación.' },
    });
    expect(answer.status).toBe(201);
    return answer.body;
  }

  const assigneeOf = async (id: string) =>
    (await portal.db.query(`SELECT u.email FROM requests r JOIN users u ON u.id = r.assignee_id WHERE r.id = $1`, [id]))
      .rows[0]?.email;

  it('refuses a hand-over without a replacement, writing nothing', async () => {
    const answer = await portal.request('PUT', '/api/v1/me/absence', {
      token: tokens['rep.bo@clac.example'],
      body: { from: future(-1), until: future(3), handOverOpenCases: true },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toHaveProperty(['handOverOpenCases']);
    const bad = await portal.request('PUT', '/api/v1/me/absence', {
      token: tokens['rep.bo@clac.example'],
      body: { from: future(-1), until: future(3), handOverOpenCases: 'yes' },
    });
    expect(bad.status).toBe(400);
    const { rows } = await portal.db.query(`SELECT away_from FROM users WHERE email = 'rep.bo@clac.example'`);
    expect(rows[0].away_from).toBeNull();
  });

  it('moves the cases the replacement may work, keeps the others, and says how many of each', async () => {
    const admin = tokens['admin@clac.example'];
    // Two Bolivian cases of Lucía's (tier 1), and a Brazilian one an admin gave her (another region).
    const bolivia1 = await submit('marco@tierra-viva.example', 'standards-compliance');
    const bolivia2 = await submit('marco@tierra-viva.example', 'market-access');
    expect([bolivia1.assignee.name, bolivia2.assignee.name]).toEqual(['Lucía Mamani', 'Lucía Mamani']);
    const brazil = await submit('joana@apicultores-sertao.example', 'standards-compliance');
    const given = await portal.request('POST', `/api/v1/requests/${brazil.id}/assign`, {
      token: admin,
      body: { assigneeId: ids['rep.bo@clac.example'], reason: 'Apoyo en certificación' },
    });
    expect(given.status).toBe(200);
    // A resolved case is not open: it stays where it is.
    const resolved = await submit('marco@tierra-viva.example', 'standards-compliance');
    await portal.db.query(`UPDATE requests SET status = 'resolved', resolved_at = now() WHERE id = $1`, [resolved.id]);

    const set = await portal.request('PUT', '/api/v1/me/absence', {
      token: tokens['rep.bo@clac.example'],
      body: {
        from: '2026-12-14',
        until: '2026-12-18',
        replacementId: ids['rep.pe1@clac.example'],
        handOverOpenCases: true,
      },
    });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({
      absence: expect.objectContaining({ replacement: { id: ids['rep.pe1@clac.example'], name: 'Rosa Quispe' } }),
      handover: { moved: 2, stayed: 1 },
    });
    expect(await assigneeOf(bolivia1.id)).toBe('rep.pe1@clac.example');
    expect(await assigneeOf(bolivia2.id)).toBe('rep.pe1@clac.example');
    expect(await assigneeOf(brazil.id)).toBe('rep.bo@clac.example');
    expect(await assigneeOf(resolved.id)).toBe('rep.bo@clac.example');

    // The timeline says who handed it, to whom and why, in the words of the one going away.
    const detail = await portal.request('GET', `/api/v1/requests/${bolivia1.id}`, { token: admin });
    const handed = detail.body.timeline.filter(
      (entry: { type: string; event?: string }) => entry.type === 'event' && entry.event === 'assigned',
    );
    expect(handed).toEqual([
      expect.objectContaining({
        actor: { id: ids['rep.bo@clac.example'], name: 'Lucía Mamani' },
        from: 'Lucía Mamani',
        to: 'Rosa Quispe',
        reason: 'Ausente del 14 de diciembre de 2026 al 18 de diciembre de 2026',
      }),
    ]);
    const stayed = await portal.request('GET', `/api/v1/requests/${brazil.id}`, { token: admin });
    expect(stayed.body.timeline.filter((entry: { event?: string; to?: string }) => entry.to === 'Rosa Quispe')).toEqual(
      [],
    );
    // The replacement hears of each case it received.
    const notices = await portal.db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND kind = 'request.assigned' AND request_id = ANY ($2::uuid[])`,
      [ids['rep.pe1@clac.example'], [bolivia1.id, bolivia2.id]],
    );
    expect(notices.rows[0].n).toBe(2);
    const audit = await portal.db.query(`SELECT changes FROM audit_log WHERE action = 'user.absence-handover'`);
    expect(audit.rows).toEqual([{ changes: { replacementId: ids['rep.pe1@clac.example'], moved: 2, stayed: 1 } }]);

    // Without the option, nothing moves.
    const again = await portal.request('PUT', '/api/v1/me/absence', {
      token: tokens['rep.bo@clac.example'],
      body: { from: future(-1), until: future(3), replacementId: ids['rep.pe1@clac.example'] },
    });
    expect(again.body.handover).toBeNull();
    expect(await assigneeOf(brazil.id)).toBe('rep.bo@clac.example');
  });

  it('shows who is away, until when, in the reassign list and the list of people, and does not give them a case', async () => {
    const admin = tokens['admin@clac.example'];
    // Lucía is away now (the previous test's last window): another Bolivian case goes to Rosa.
    const request = await submit('marco@tierra-viva.example', 'standards-compliance');
    expect(request.assignee.name).toBe('Rosa Quispe');
    const candidates = await portal.request('GET', `/api/v1/requests/${request.id}/assignees`, { token: admin });
    expect(candidates.status).toBe(200);
    const lucia = candidates.body.find((c: { name: string }) => c.name === 'Lucía Mamani');
    expect(lucia).toMatchObject({ available: false, awayUntil: expect.any(String) });
    const jorge = candidates.body.find((c: { name: string }) => c.name === 'Jorge Huamán');
    expect(jorge).toMatchObject({ available: true, awayUntil: null });
    const refused = await portal.request('POST', `/api/v1/requests/${request.id}/assign`, {
      token: admin,
      body: { assigneeId: ids['rep.bo@clac.example'], reason: 'Prueba' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.assigneeId[0]).toContain('away');
    expect(await assigneeOf(request.id)).toBe('rep.pe1@clac.example');
    // The administrators' list of people says it too.
    const people = await portal.request('GET', '/api/v1/users?pageSize=100', { token: admin });
    const byName = (name: string) => people.body.items.find((user: { name: string }) => user.name === name);
    expect(byName('Lucía Mamani').awayUntil).toBe(lucia.awayUntil);
    expect(byName('Jorge Huamán').awayUntil).toBeNull();
  });
});
