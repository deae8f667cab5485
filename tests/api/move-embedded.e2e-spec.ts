import {
  DEMO_PASSWORD,
  type EmbeddedDefaultPortal,
  spawnApi,
  startEmbeddedDefaultPortal,
  TEST_JWT_SECRET,
} from '../support/api-harness';
import { call } from '../support/mixed-load';
import { adminQuery, runCli, startEmbeddedServer, uniqueName, withDatabase } from '../support/test-database';

/**
 * Outgrowing the embedded database: `node cli.js move-embedded-to-postgres` copies a data
 * folder's database into a new PostgreSQL database, and the portal goes on there with the
 * same people, requests and report figures.
 */
describe('moving the embedded database to PostgreSQL', () => {
  let portal: EmbeddedDefaultPortal;
  let target: { url: string; drop: () => Promise<void> };

  beforeAll(async () => {
    // Moves one request (without the demo history, which tests/api/demo-history covers).
    portal = await startEmbeddedDefaultPortal({ DEMO_HISTORY: 'false' });
    if (process.env.PORTAL_TEST_MODE === 'server') {
      const serverUrl = process.env.PORTAL_TEST_SERVER_URL!;
      const name = uniqueName('portal_move');
      await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
      target = {
        url: withDatabase(serverUrl, name),
        drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      };
    } else {
      const server = await startEmbeddedServer();
      target = { url: server.url, drop: async () => void server.process.kill('SIGTERM') };
    }
  }, 180_000);
  afterAll(async () => {
    await portal?.stop();
    await target?.drop();
  });

  it('moves people, requests and report figures, refuses while the portal runs, and refuses a target that holds people', async () => {
    const login = async (url: string, email: string) =>
      (await call(url, 'POST', '/api/v1/auth/login', { body: { email, password: DEMO_PASSWORD } })).body
        .accessToken as string;
    const ana = await login(portal.url, 'ana@valle-alto.example');
    const filed = await call(portal.url, 'POST', '/api/v1/requests', {
      token: ana,
      body: { area: 'market-access', subject: 'Antes de la mudanza', description: 'Compradores en Europa.' },
    });
    expect(filed.status).toBe(201);
    const director = await login(portal.url, 'director.and@clac.example');
    const to = new Date().toISOString();
    const report = `/api/v1/reports/load?groupBy=country&from=${encodeURIComponent(new Date(Date.now() - 365 * 86_400_000).toISOString())}&to=${encodeURIComponent(to)}`;
    const reportBefore = await call(portal.url, 'GET', report, { token: director });
    expect(reportBefore.status).toBe(200);

    // The portal holds the data folder: the move refuses rather than open it twice.
    await expect(
      runCli(['move-embedded-to-postgres'], {
        DATA_DIR: portal.dataDir,
        DATABASE_URL: target.url,
        JWT_SECRET: TEST_JWT_SECRET,
      }),
    ).rejects.toThrow(/in use by process/);

    await portal.api().kill('SIGTERM');
    const output = await runCli(['move-embedded-to-postgres'], {
      DATA_DIR: portal.dataDir,
      DATABASE_URL: target.url,
      JWT_SECRET: TEST_JWT_SECRET,
    });
    expect(output).toMatch(/moved \d+ rows .*: 1 requests/);

    const moved = await spawnApi({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: target.url,
      SEED_DEMO: 'true',
      DEMO_HISTORY: 'false',
      JWT_SECRET: TEST_JWT_SECRET,
      DATA_DIR: portal.dataDir,
      LOG_LEVEL: 'warn',
    });
    try {
      const anaThere = await login(moved.url, 'ana@valle-alto.example');
      const request = await call(moved.url, 'GET', `/api/v1/requests/${filed.body.id}`, { token: anaThere });
      expect(request.status).toBe(200);
      expect(request.body).toMatchObject({
        reference: filed.body.reference,
        subject: 'Antes de la mudanza',
        assignee: filed.body.assignee,
      });
      const reportAfter = await call(moved.url, 'GET', report, {
        token: await login(moved.url, 'director.and@clac.example'),
      });
      expect(reportAfter.body).toEqual(reportBefore.body);
      // New requests there continue the references.
      const next = await call(moved.url, 'POST', '/api/v1/requests', {
        token: anaThere,
        body: { area: 'market-access', subject: 'Después de la mudanza', description: 'x' },
      });
      expect(next.status).toBe(201);
      expect(next.body.reference > filed.body.reference).toBe(true);
    } finally {
      await moved.kill('SIGTERM');
    }
    await expect(
      runCli(['move-embedded-to-postgres'], {
        DATA_DIR: portal.dataDir,
        DATABASE_URL: target.url,
        JWT_SECRET: TEST_JWT_SECRET,
      }),
    ).rejects.toThrow(/already holds people/);
  }, 300_000);
});
