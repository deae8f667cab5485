import { DEMO_PASSWORD, startTestPortal, type TestPortal } from '../support/api-harness';

describe('outside demo mode', () => {
  let portal: TestPortal;

  beforeAll(async () => {
    // The database holds the demo accounts, but this portal runs with demo mode off.
    portal = await startTestPortal({ env: { SEED_DEMO: 'false' } });
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('refuses the demo password, with the same 401 as any bad credentials', async () => {
    const answer = await portal.request('POST', '/api/v1/auth/login', { body: { email: 'admin@clac.example', password: DEMO_PASSWORD } });
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe('auth.invalid-credentials');
  });
});
