import { adminQuery, resolveServerUrl, runCli, uniqueName, withDatabase } from './test-database';

/**
 * Once per test run: on a PostgreSQL server, build a template database (migrated, demo data
 * loaded) that every test file clones, so files run in parallel on databases of their own.
 * Without a server, each file starts its own PGlite instead (see api-harness.ts).
 */
export default async function globalSetup(): Promise<void> {
  const serverUrl = await resolveServerUrl();
  if (!serverUrl) {
    process.env.PORTAL_TEST_MODE = 'pglite';
    return;
  }
  const template = uniqueName('portal_tpl');
  await adminQuery(serverUrl, `CREATE DATABASE ${template}`);
  await runCli(['migrate'], {
    DATABASE_URL: withDatabase(serverUrl, template),
    SEED_DEMO: 'true',
    JWT_SECRET: 'x'.repeat(40),
  });
  process.env.PORTAL_TEST_MODE = 'server';
  process.env.PORTAL_TEST_SERVER_URL = serverUrl;
  process.env.PORTAL_TEST_TEMPLATE = template;
}
