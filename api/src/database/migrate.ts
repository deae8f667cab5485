import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { seedDemoData } from './demo-seed';

/** One lock id for "the schema is being changed", shared by every API process. */
const MIGRATION_LOCK_ID = 727_001;

/**
 * Applies pending migrations, then loads the demo data when asked. Several API replicas
 * may boot at once: a session-level advisory lock lets one migrate while the others wait.
 */
export async function prepareDatabase(
  dataSource: DataSource,
  url: string,
  options: { seedDemo: boolean },
): Promise<string[]> {
  const lock = new Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (options.seedDemo) await seedDemoData(dataSource);
    return applied.map((migration) => migration.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await lock.end();
  }
}
