import { DEMO_PASSWORD, startTestPortal, type TestPortal } from '../support/api-harness';

describe('outside demo mode', () => {
  let portal: TestPortal;

  beforeAll(async () => {
    // The database holds the demo accounts, but this portal runs with demo mode off (the demo history asked for in vain).
    portal = await startTestPortal({ env: { SEED_DEMO: 'false', DEMO_HISTORY: 'true' } });
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('refuses the demo password, with the same 401 as any bad credentials', async () => {
    const answer = await portal.request('POST', '/api/v1/auth/login', {
      body: { email: 'admin@clac.example', password: DEMO_PASSWORD },
    });
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe('auth.invalid-credentials');
  });

  it('never loads the demo history, even asked to', async () => {
    // The claim comes before the start-up message: a portal that would load it has claimed it by now.
    const { rows } = await portal.db.query(
      `SELECT (SELECT count(*)::int FROM scheduled_job_runs WHERE job = 'demo-history') AS claims, (SELECT count(*)::int FROM requests) AS requests`,
    );
    expect(rows[0]).toEqual({ claims: 0, requests: 0 });
    expect(portal.api().output()).not.toContain('Demo history');
  });
});
