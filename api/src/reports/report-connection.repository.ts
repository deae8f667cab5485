/**
 * How a report query reaches the database, and runs there: the API's transaction (reports.repository.ts)
 * or a script's node-pg client (scripts/volume, through report-sql.js). The statements themselves are
 * built in report-sql.ts; the queries of the report by organization are in organization-cells.repository.ts.
 */

import type { Readable } from 'node:stream';
import { to as copyTo } from 'pg-copy-streams';
import type { CopyReader } from './binary-copy';

/** A report's rows as its statements name their columns; the report's code reads each column as what it is. */
export type ReportRow = Record<string, unknown>;

export interface Statement {
  text: string;
  values: unknown[];
}

/** A report query: statements run in one transaction, or (`run`) steps of their own. */
export type SqlQuery = StatementQuery | SteppedQuery;

export interface SteppedQuery {
  /** Runs the query's statements on `db` itself (inside the caller's transaction) and finishes its rows. */
  run(db: ReportConnection): Promise<ReportRow[]>;
}

export interface StatementQuery extends Statement {
  /**
   * A second statement, made from the first's rows and run after it in the same transaction
   * (and snapshot): the median buckets' values.
   */
  followUp?: (rows: ReportRow[]) => Statement | null;
  /** What the API does to the statements' rows to finish the figures (the medians). */
  complete?: (rows: ReportRow[], second: ReportRow[] | null) => ReportRow[];
}

/** How a report query reaches the database: the API's transaction, or the scripts' client. */
export interface ReportConnection {
  /** The statement's rows, of the shape the caller declares (`Row`) for the columns it selects. */
  query<Row extends object = ReportRow>(text: string, values: unknown[]): Promise<Row[]>;
  copy: CopyReader;
}

/** A CopyReader on a node-pg client (the API's transaction's, or a script's). */
export function copyReaderOf(client: { query(submittable: Readable): unknown }): CopyReader {
  return async (copyText) => {
    const chunks: Buffer[] = [];
    for await (const chunk of client.query(copyTo(copyText)) as Readable) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
}

/** A ReportConnection on a node-pg client (the benchmark's and check-reports' connections). */
export function clientConnection(client: {
  query(text: string, values: unknown[]): Promise<{ rows: ReportRow[] }>;
  query(submittable: Readable): unknown;
}): ReportConnection {
  return {
    query: async <Row extends object>(text: string, values: unknown[]) =>
      (await client.query(text, values)).rows as Row[],
    copy: copyReaderOf(client),
  };
}

/**
 * A report query's rows, finished as it says. Run it inside a transaction with
 * REPORT_SETTINGS, REPEATABLE READ when it has a `followUp` or `run`s steps of its own: its
 * statements then read one snapshot (the report by organization refuses any other).
 */
export async function runReportQuery(query: SqlQuery, db: ReportConnection): Promise<ReportRow[]> {
  if ('run' in query) return query.run(db);
  const rows = await db.query(query.text, query.values);
  const next = query.followUp?.(rows) ?? null;
  const second = next ? await db.query(next.text, next.values) : null;
  return query.complete ? query.complete(rows, second) : rows;
}
