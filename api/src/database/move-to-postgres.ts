import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Copies every row of one portal database into another of the same schema version: the
 * embedded database's data into a fresh PostgreSQL (`node cli.js move-embedded-to-postgres`).
 * The source is read in one snapshot; the target is written in one transaction with triggers
 * and foreign-key checks off (session_replication_role = replica, which needs a superuser),
 * so the rollups and their stamps arrive exactly as they were, then its sequences are set.
 * Refuses a target that already holds people: it is for moving into a new database.
 */
export async function copyPortalDatabase(sourceUrl: string, targetUrl: string): Promise<Record<string, number>> {
  const source = new Client({ connectionString: sourceUrl });
  const target = new Client({ connectionString: targetUrl });
  await source.connect();
  await target.connect();
  try {
    const people = await target.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    if (people.rows[0].n > 0)
      throw new Error('the target database already holds people: move into a new, empty database');
    const migrations = async (client: Client) =>
      (await client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY id')).rows
        .map((r) => r.name)
        .join(',');
    if ((await migrations(source)) !== (await migrations(target)))
      throw new Error('the two databases are at different schema versions');

    await source.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await target.query('BEGIN');
    await target.query(`SET LOCAL session_replication_role = replica`);
    const { rows: tables } = await source.query<{ name: string; columns: string[] }>(
      `SELECT c.relname::text AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'schema_migrations'
       GROUP BY c.relname ORDER BY c.relname`,
    );
    // What the migrations inserted (reference data) is replaced by the source's rows.
    await target.query(`TRUNCATE ${tables.map((t) => quote(t.name)).join(', ')}`);
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const columns = table.columns.map(quote).join(', ');
      await pipeline(
        source.query(copyTo(`COPY ${quote(table.name)} (${columns}) TO STDOUT`)),
        target.query(copyFrom(`COPY ${quote(table.name)} (${columns}) FROM STDIN`)),
      );
      const copied = await target.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(table.name)}`);
      counts[table.name] = copied.rows[0].n;
    }
    const { rows: sequences } = await source.query<{ name: string; value: string | null }>(
      `SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename) AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public'`,
    );
    for (const sequence of sequences) {
      if (sequence.value !== null)
        await target.query(`SELECT setval($1::regclass, $2::bigint)`, [sequence.name, sequence.value]);
    }
    await target.query('COMMIT');
    await source.query('COMMIT');
    await target.query('ANALYZE');
    return counts;
  } catch (error) {
    await target.query('ROLLBACK').catch(() => undefined);
    await source.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await source.end();
    await target.end();
  }
}
