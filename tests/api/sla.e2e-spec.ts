import { addBusinessHours, businessMinutesBetween } from '../../api/src/sla/business-time';
import { startTestPortal, type TestPortal } from '../support/api-harness';

describe('SLA due times, policies and holidays', () => {
  let portal: TestPortal;
  let ana: string;
  let admin: string;
  let rep: string;
  let requestId: string;

  beforeAll(async () => {
    portal = await startTestPortal();
    ana = (await portal.login('ana@valle-alto.example')).accessToken;
    admin = (await portal.login('admin@clac.example')).accessToken;
    const created = await portal.request('POST', '/api/v1/requests', {
      token: ana,
      body: { area: 'standards-compliance', subject: 'Plazo de la auditoría', description: 'x' },
    });
    requestId = created.body.id;
    const { rows } = await portal.db.query(`SELECT u.email FROM users u WHERE u.id = $1`, [created.body.assignee.id]);
    rep = (await portal.login(rows[0].email)).accessToken;
  });
  afterAll(async () => {
    await portal?.stop();
  });

  /** Files the request "on Friday 2026-11-20 at 16:30 in Lima" and lets the API recompute its targets. */
  async function fileOnFriday(priority: 'normal' | 'high' | 'urgent') {
    await portal.db.query(
      `UPDATE requests SET created_at = '2026-11-20T16:30:00-05:00', priority = 'low' WHERE id = $1`,
      [requestId],
    );
    const { body: current } = await portal.request('GET', `/api/v1/requests/${requestId}`, { token: rep });
    const patched = await portal.request('PATCH', `/api/v1/requests/${requestId}`, {
      token: rep,
      body: { priority, version: current.version },
    });
    expect(patched.status).toBe(200);
    return patched.body.sla;
  }

  it('carries due times in business hours of the country: 16 h from Friday 16:30 in Lima is Tuesday 16:30', async () => {
    const sla = await fileOnFriday('high');
    expect(sla.firstResponseDueAt).toBe(new Date('2026-11-24T16:30:00-05:00').toISOString());
    // 80 business hours = 10 business days: Friday 16:30 + 10 days → Friday 2026-12-04 16:30.
    expect(sla.resolutionDueAt).toBe(new Date('2026-12-04T16:30:00-05:00').toISOString());
    expect(sla.breached).toBe(false);
  });

  it('uses the urgent targets (4 h and 24 h)', async () => {
    const sla = await fileOnFriday('urgent');
    expect(sla.firstResponseDueAt).toBe(new Date('2026-11-23T11:30:00-05:00').toISOString());
    expect(sla.resolutionDueAt).toBe(new Date('2026-11-25T16:30:00-05:00').toISOString());
  });

  it('moves the due time a day for a holiday of the country, added by an admin', async () => {
    const holiday = await portal.request('POST', '/api/v1/holidays', {
      token: admin,
      body: { country: 'PE', date: '2026-11-23', name: 'Feriado de prueba' },
    });
    expect(holiday.status).toBe(201);
    const sla = await fileOnFriday('high');
    expect(sla.firstResponseDueAt).toBe(new Date('2026-11-25T16:30:00-05:00').toISOString());
    expect(
      (
        await portal.request('POST', '/api/v1/holidays', {
          token: admin,
          body: { country: 'PE', date: '2026-11-23', name: 'Otra vez' },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await portal.request('POST', '/api/v1/holidays', {
          token: admin,
          body: { country: 'PE', date: '2026-02-30', name: 'No existe' },
        })
      ).status,
    ).toBe(400);
    const listed = await portal.request('GET', '/api/v1/holidays?country=PE&year=2026', { token: rep });
    expect(listed.body).toEqual([
      { id: holiday.body.id, country: 'PE', date: '2026-11-23', name: 'Feriado de prueba' },
    ]);
    expect((await portal.request('DELETE', `/api/v1/holidays/${holiday.body.id}`, { token: admin })).status).toBe(204);
  });

  it('lets admins change a policy, staff read it and members not at all', async () => {
    const policies = await portal.request('GET', '/api/v1/sla-policies', { token: rep });
    expect(policies.body).toHaveLength(28);
    const urgent = policies.body.find(
      (p: { area: string; priority: string }) => p.area === 'market-access' && p.priority === 'urgent',
    );
    expect(urgent).toMatchObject({ firstResponseHours: 4, resolutionHours: 24 });
    const changed = await portal.request('PATCH', `/api/v1/sla-policies/${urgent.id}`, {
      token: admin,
      body: { firstResponseHours: 2 },
    });
    expect(changed.body).toMatchObject({ firstResponseHours: 2, resolutionHours: 24 });
    expect(
      (
        await portal.request('PATCH', `/api/v1/sla-policies/${urgent.id}`, {
          token: admin,
          body: { resolutionHours: 1 },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await portal.request('PATCH', `/api/v1/sla-policies/${urgent.id}`, {
          token: rep,
          body: { firstResponseHours: 3 },
        })
      ).status,
    ).toBe(403);
    expect((await portal.request('GET', '/api/v1/sla-policies', { token: ana })).status).toBe(403);
  });

  it('stops the clock while the request waits on the member', async () => {
    await fileOnFriday('normal');
    const started = await portal.request('POST', `/api/v1/requests/${requestId}/transitions`, {
      token: rep,
      body: { to: 'in_progress' },
    });
    expect(started.status).toBe(200);
    expect(
      (
        await portal.request('POST', `/api/v1/requests/${requestId}/transitions`, {
          token: rep,
          body: { to: 'waiting_on_member' },
        })
      ).status,
    ).toBe(200);
    const before = (await portal.request('GET', `/api/v1/requests/${requestId}`, { token: ana })).body.sla;
    // It has been waiting since Monday 2026-11-23 08:00 in Lima.
    const waitingSince = new Date('2026-11-23T08:00:00-05:00');
    await portal.db.query(`UPDATE requests SET sla_paused_at = $2 WHERE id = $1`, [requestId, waitingSince]);
    const answer = await portal.request('POST', `/api/v1/requests/${requestId}/messages`, {
      token: ana,
      body: { body: 'Aquí está la información que pidieron.' },
    });
    expect(answer.status).toBe(201);
    const after = (await portal.request('GET', `/api/v1/requests/${requestId}`, { token: ana })).body;
    expect(after.status).toBe('in_progress');
    const { rows } = await portal.db.query(
      `SELECT sla_paused_minutes, sla_paused_at, now() AS now FROM requests WHERE id = $1`,
      [requestId],
    );
    const lima = { timeZone: 'America/Lima', holidays: new Set<string>() };
    expect(rows[0].sla_paused_at).toBeNull();
    expect(rows[0].sla_paused_minutes).toBe(businessMinutesBetween(waitingSince, rows[0].now, lima));
    expect(rows[0].sla_paused_minutes).toBeGreaterThan(0);
    expect(after.sla.resolutionDueAt).toBe(
      addBusinessHours(new Date(before.resolutionDueAt), rows[0].sla_paused_minutes / 60, lima).toISOString(),
    );
  });
});
