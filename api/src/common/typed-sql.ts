import type { Pool, QueryResult } from 'pg';
import { type DataSource, EntityManager, QueryFailedError } from 'typeorm';

/**
 * The typed data layer's one door to SQL. `EntityManager.query` answers `any`; these give the
 * rows the type the repository declares for its statement, so no `any` leaves a repository
 * (tests/architecture/data-access.spec.ts allows SQL only in repositories and here).
 */

/** Where a statement runs: the data source, or the EntityManager of the caller's transaction. */
export type Db = DataSource | EntityManager;

/** The EntityManager to use TypeORM's own API (find, exists, delete…) on, in or out of a transaction. */
export function managerOf(db: Db): EntityManager {
  return db instanceof EntityManager ? db : db.manager;
}

/** `areaCode` → `area_code`: how every entity names its columns (checked by typed-sql.spec.ts). */
export type SnakeCase<S extends string> = S extends `${infer C}${infer Rest}`
  ? `${C extends Lowercase<C> ? C : `_${Lowercase<C>}`}${SnakeCase<Rest>}`
  : S;

/**
 * An entity's columns under their SQL names, typed as the entity types them. A row type built
 * from it (RowOf) stops compiling when a column is renamed or removed in the entity, and
 * follows a change of its type.
 */
export type ColumnsOf<E> = { [K in keyof E & string as SnakeCase<K>]: E[K] };

/** A row of some of an entity's columns, selected under their own (SQL) names. */
export type RowOf<E, C extends keyof ColumnsOf<E>> = Pick<ColumnsOf<E>, C>;

/** A column's SQL name from the entity's property: the SQL text names only checked columns. */
export function col<E, K extends keyof E & string>(_entity: abstract new () => E, property: K): SnakeCase<K> {
  return property.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) as SnakeCase<K>;
}

/**
 * A statement, answered as TypeORM answers it: the rows ([rows, rowCount] for UPDATE and
 * DELETE), a failure as its QueryFailedError (which the problem-details filter maps).
 *
 * Outside a transaction it goes straight to the pg pool that TypeORM's driver keeps: the
 * same one round trip, without the query runner and EntityManager TypeORM makes and drops
 * for every statement — at three statements per inbox list, that bookkeeping (and the
 * garbage it leaves) was a measurable share of the API's CPU per list (docs/performance.md).
 * TypeORM's query logging and query events are not used here (logging is off).
 */
export async function runSql(db: Db, sql: string, params: unknown[]): Promise<unknown> {
  if (db instanceof EntityManager) return db.query(sql, params);
  // (The bench's bare baseline hands in a DataSource of its own, with no driver.)
  const driver = db.driver as (DataSource['driver'] & { master?: Pool }) | undefined;
  if (!driver?.master || driver.options.type !== 'postgres') return db.query(sql, params);
  const pool = driver.master;
  let result: QueryResult;
  try {
    result = await pool.query(sql, params);
  } catch (error) {
    throw new QueryFailedError(sql, params, error as Error);
  }
  return result.command === 'UPDATE' || result.command === 'DELETE' ? [result.rows, result.rowCount] : result.rows;
}

/** The rows of a SELECT (or INSERT … RETURNING), typed as the statement's row. */
export async function sqlRows<Row>(db: Db, sql: string, params: unknown[] = []): Promise<Row[]> {
  const rows: unknown = await runSql(db, sql, params);
  return rows as Row[];
}

/** The first row of a SELECT (or INSERT … RETURNING), undefined when there is none. */
export async function sqlRow<Row>(db: Db, sql: string, params: unknown[] = []): Promise<Row | undefined> {
  const [row] = await sqlRows<Row>(db, sql, params);
  return row;
}

/** A statement whose answer is not read (a lock, an UPDATE or DELETE without RETURNING). */
export async function sqlRun(db: Db, sql: string, params: unknown[] = []): Promise<void> {
  await runSql(db, sql, params);
}
