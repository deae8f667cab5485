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

  it("answers a signed-in person 503 (retry), never 401 (sign in again), when the database fails while loading the token's caller", async () => {
    const token = (await portal.login('ana@valle-alto.example')).accessToken;
    // The database answers but fails the caller's query (as the embedded database did under
    // concurrency before its session layer): not the person's fault, nor a reason to sign out.
    await portal.db.query('ALTER TABLE users RENAME TO users_away');
    try {
      const failing = await portal.request('GET', '/api/v1/me', { token });
      expect(failing.status).toBe(503);
      expect(failing.body).toMatchObject({ status: 503, code: 'database-unavailable' });
      expect(failing.headers.get('retry-after')).toBe('2');
    } finally {
      await portal.db.query('ALTER TABLE users_away RENAME TO users');
    }
    // The database gone altogether: also 503.
    const port = portal.proxy!.port;
    await portal.proxy!.stop();
    try {
      const down = await portal.request('GET', '/api/v1/me', { token });
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ code: 'database-unavailable' });
    } finally {
      await portal.proxy!.start(port);
    }
    let me = 0;
    for (let attempt = 0; attempt < 20 && me !== 200; attempt++) {
      me = (await portal.request('GET', '/api/v1/me', { token })).status;
      if (me !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(me).toBe(200);
  });
});
