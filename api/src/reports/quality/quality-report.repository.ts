import { Injectable } from '@nestjs/common';
import type { SatisfactionReason } from '@portal/shared';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { sqlRows } from '../../common/typed-sql';
import type { Statement } from '../report-connection.repository';
import type { ReportScope } from '../report-sql';

/** A low score's row: the request, its rating, who it was for. */
export interface LowScoreRow {
  id: string;
  reference: string;
  subject: string;
  satisfaction_score: number;
  satisfaction_comment: string | null;
  satisfaction_reasons: SatisfactionReason[];
  region_code: string;
  country_code: string;
  area_code: string;
  organization_id: string;
  organization_name: string;
  assignee_id: string | null;
  assignee_name: string | null;
  created_at: Date;
  resolved_at: Date | null;
}

/**
 * The low scores (1–2) of a report's scope, newest first, at most `limit`, through the partial
 * index of the low scores (migration ReportQuality). A function of the scope, so the benchmark
 * (scripts/volume/bench-reports.mjs) runs the very statement the API runs.
 */
export function lowScoresStatement(scope: ReportScope, limit: number): Statement {
  const values: unknown[] = [scope.from, scope.to, limit];
  const conditions = ['r.satisfaction_score <= 2', 'r.created_at >= $1', 'r.created_at < $2'];
  if (scope.region) {
    values.push(scope.region);
    conditions.push(`r.region_code = $${values.length}`);
  }
  if (scope.area) {
    values.push(scope.area);
    conditions.push(`r.area_code = $${values.length}`);
  }
  return {
    text: `SELECT r.id, r.reference, r.subject, r.satisfaction_score, r.satisfaction_comment, r.satisfaction_reasons, r.region_code, r.country_code, r.area_code,
              o.id AS organization_id, o.name AS organization_name, u.id AS assignee_id, u.name AS assignee_name, r.created_at, r.resolved_at
       FROM requests r
       JOIN organizations o ON o.id = r.organization_id
       LEFT JOIN users u ON u.id = r.assignee_id
       WHERE ${conditions.join(' AND ')}
       ORDER BY r.created_at DESC, r.id
       LIMIT $3`,
    values,
  };
}

/** The quality report's own read: the low scores with their comments. */
@Injectable()
export class QualityReportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  lowScores(scope: ReportScope, limit: number): Promise<LowScoreRow[]> {
    const { text, values } = lowScoresStatement(scope, limit);
    return sqlRows<LowScoreRow>(this.dataSource, text, values);
  }
}
