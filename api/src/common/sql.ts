import type { DataSource, EntityManager } from 'typeorm';
import { runSql } from './typed-sql';

/**
 * The rows of an UPDATE … RETURNING or DELETE … RETURNING. TypeORM's postgres driver answers
 * those with [rows, affectedCount] (and INSERT or SELECT with the rows), an easy trap: an
 * empty [[], 0] is truthy. Use this for every UPDATE or DELETE that returns rows.
 */
export async function returningRows<T>(
  db: DataSource | EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const result: unknown = await runSql(db, sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
