import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { copyReaderOf, type ReportRow, runReportQuery, type SqlQuery } from './report-connection.repository';
import { REPORT_SETTINGS } from './report-sql';

/** A person or an organization by id, for a report's labels. */
export interface NamedRow {
  id: string;
  name: string;
}

/**
 * The API's reads and writes of the reports: a report query in its own transaction (the
 * statements are built in report-sql.ts), the labels of its keys, and the rollup's compaction.
 */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One report query in a transaction of its own, with the reports' settings; its rows
   * finished as the query says. REPEATABLE READ: a query of two statements reads one snapshot.
   */
  runReport(query: SqlQuery): Promise<ReportRow[]> {
    return this.dataSource.transaction('REPEATABLE READ', async (db) => {
      await db.query(REPORT_SETTINGS);
      // The transaction's own pg client, for the binary COPY (TypeORM's query() has none).
      const client = (await db.queryRunner!.connect()) as PoolClient;
      return runReportQuery(query, {
        query: <Row extends object>(text: string, values: unknown[]) => db.query<Row[]>(text, values),
        copy: copyReaderOf(client),
      });
    });
  }

  userNames(ids: string[]): Promise<NamedRow[]> {
    return this.dataSource.query<NamedRow[]>(`SELECT id::text, name FROM users WHERE id::text = ANY($1)`, [ids]);
  }

  organizationNames(ids: string[]): Promise<NamedRow[]> {
    return this.dataSource.query<NamedRow[]>(`SELECT id::text, name FROM organizations WHERE id::text = ANY($1)`, [
      ids,
    ]);
  }

  /** Whether the pending deltas are at least `atDeltas` or one is older than `afterMinutes`. */
  async compactionDue(atDeltas: number, afterMinutes: number): Promise<boolean> {
    const [pending] = await this.dataSource.query<{ due: boolean }[]>(
      `SELECT count(*) >= ${atDeltas} OR min(logged_at) < now() - interval '${afterMinutes} minutes' AS due FROM report_deltas`,
    );
    return pending.due;
  }

  /** Folds the pending deltas into their cells, in one snapshot; how many it folded. */
  compact(): Promise<number> {
    return this.dataSource.transaction('REPEATABLE READ', async (db) => {
      const [row] = await db.query<{ folded: number }[]>(`SELECT report_rollup_compact() AS folded`);
      return Number(row.folded);
    });
  }
}
