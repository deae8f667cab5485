import { startTestPortal, type TestPortal } from '../support/api-harness';

describe('health', () => {
  let portal: TestPortal;

  beforeAll(async () => {
    portal = await startTestPortal({ viaProxy: true });
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('is live and ready while the database answers, without signing in', async () => {
    expect((await portal.request('GET', '/api/v1/health/live')).status).toBe(200);
    const ready = await portal.request('GET', '/api/v1/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('reports 503 on ready while the database is down, stays live, and recovers without a restart', async () => {
    const port = portal.proxy!.port;
    await portal.proxy!.stop();
    const down = await portal.request('GET', '/api/v1/health/ready');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 503, code: 'health.database-down' });
    expect((await portal.request('GET', '/api/v1/health/live')).status).toBe(200);

    await portal.proxy!.start(port);
    let status = 0;
    for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
      status = (await portal.request('GET', '/api/v1/health/ready')).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
    await expect(portal.login('ana@valle-alto.example')).resolves.toMatchObject({ user: { role: 'member' } });
  });
});
