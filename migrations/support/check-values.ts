import type { QueryRunner } from 'typeorm';

/**
 * Rewrites a `column IN (…)` check from the one in place rather than from a list written in
 * the migration, so values other features add in migrations of their own (notification kinds,
 * timeline event types) are kept whatever order the migrations run in.
 */
export async function changeCheckValues(
  db: QueryRunner,
  target: { table: string; constraint: string; column: string },
  change: (values: string[]) => string[],
): Promise<void> {
  const [row] = (await db.query(
    `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = $1`,
    [target.constraint],
  )) as { definition: string }[];
  const values = change([...row.definition.matchAll(/'([^']+)'/g)].map((match) => match[1]));
  await db.query(`ALTER TABLE ${target.table} DROP CONSTRAINT ${target.constraint}`);
  await db.query(
    `ALTER TABLE ${target.table} ADD CONSTRAINT ${target.constraint} CHECK (${target.column} IN (${values.map((v) => `'${v}'`).join(', ')}))`,
  );
}

export const NOTIFICATION_KINDS = { table: 'notifications', constraint: 'notifications_kind_check', column: 'kind' };
export const EVENT_TYPES = { table: 'request_events', constraint: 'request_events_type_check', column: 'type' };

/** Adds values to a check's list (once). */
export const adding = (added: string[]) => (values: string[]) => [...new Set([...values, ...added])];
/** Takes values out of a check's list. */
export const removing = (removed: string[]) => (values: string[]) => values.filter((value) => !removed.includes(value));
