import { Client } from 'pg';

/** Drops the template and every database this run cloned from it. */
export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env.PORTAL_TEST_SERVER_URL;
  const template = process.env.PORTAL_TEST_TEMPLATE;
  if (!serverUrl || !template) return;
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`, [
      template,
      `${template}_f%`,
    ]);
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}
