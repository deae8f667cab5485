import { Injectable } from '@nestjs/common';
import {
  type Language,
  LOW_SCORE_COMMENTS_MAX,
  type LowScoreComment,
  type QualityFigures,
  type QualityGroup,
  type QualityReport,
  type QualityRow,
} from '@portal/shared';
import { OrganizationCells } from '../organization-cells';
import type { ReportRow } from '../report-connection.repository';
import { loadQueries, type ReportScope } from '../report-sql';
import { ReportsRepository } from '../reports.repository';
import { ReportsService } from '../reports.service';
import { type LowScoreRow, QualityReportRepository } from './quality-report.repository';

const round = (value: number | null, digits: number) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;
const share = (part: number, whole: number) => (whole > 0 ? round(part / whole, 4) : null);
const hours = (value: unknown) => (value === null || value === undefined ? null : round(Number(value), 1));

/**
 * The figures of a row of the load report's statements (report-sql.ts), which give the
 * quality counts too (quality-fields.ts): the same rollup, the same medians.
 */
export function qualityFigures(row: ReportRow): QualityFigures {
  const n = (column: string) => Number(row[column] ?? 0);
  const resolved = n('s_resolved') + n('s_closed');
  const ratings = n('score_n');
  const scores = { '1': n('score_1'), '2': n('score_2'), '3': n('score_3'), '4': n('score_4'), '5': n('score_5') };
  const scoreSum = Object.entries(scores).reduce((sum, [score, count]) => sum + Number(score) * count, 0);
  const firstResponses = n('fr_n');
  return {
    total: n('total'),
    resolved,
    ratings,
    responseRate: share(ratings, resolved),
    scores,
    averageScore: ratings > 0 ? round(scoreSum / ratings, 2) : null,
    medianFirstResponseHours: hours(row.median_first_response),
    firstResponses,
    firstResponsesOnTime: n('fr_met'),
    firstResponseOnTimeRate: share(n('fr_met'), firstResponses),
    medianResolutionHours: hours(row.median_resolution),
    resolutionsOnTime: n('res_met'),
    resolutionOnTimeRate: share(n('res_met'), resolved),
    breached: n('breached'),
  };
}

const ZERO: ReportRow = {};

function lowScoreComment(row: LowScoreRow): LowScoreComment {
  return {
    requestId: row.id,
    reference: row.reference,
    subject: row.subject,
    score: Number(row.satisfaction_score),
    comment: row.satisfaction_comment,
    reasons: row.satisfaction_reasons,
    region: row.region_code,
    country: row.country_code,
    area: row.area_code,
    organization: { id: row.organization_id, name: row.organization_name },
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
    createdAt: row.created_at.toISOString(),
    resolvedAt: row.resolved_at ? row.resolved_at.toISOString() : null,
  };
}

@Injectable()
export class QualityReportService {
  constructor(
    private readonly reports: ReportsService,
    private readonly reportsRepository: ReportsRepository,
    private readonly repository: QualityReportRepository,
    private readonly organizationCells: OrganizationCells,
  ) {}

  async quality(groupBy: QualityGroup, scope: ReportScope, language: Language): Promise<QualityReport> {
    // The load report's statements: the rollup gives the quality counts beside the load's.
    const { rows: rowsQuery, totals: totalsQuery } = loadQueries(groupBy, scope, this.organizationCells);
    const [rows, [totals], lowScores] = await Promise.all([
      this.reportsRepository.runReport(rowsQuery),
      this.reportsRepository.runReport(totalsQuery),
      this.repository.lowScores(scope, LOW_SCORE_COMMENTS_MAX),
    ]);
    const keyOf = (row: ReportRow) => row.key as string;
    const labels = await this.reports.labels(groupBy, rows.map(keyOf), language);
    const counted: QualityRow[] = rows.map((row) => ({
      key: keyOf(row),
      label: labels.get(keyOf(row)) ?? keyOf(row),
      ...qualityFigures(row),
    }));
    // Every region, country or area in scope has its row, zeros included (as in the load report).
    const present = new Set(counted.map((row) => row.key));
    const zeros: QualityRow[] = this.reports
      .keysInScope(groupBy, scope, language)
      .filter((key) => !present.has(key))
      .map((key) => ({ key, label: labels.get(key) ?? key, ...qualityFigures(ZERO) }));
    const collator = new Intl.Collator(language);
    const totalFigures = qualityFigures(totals);
    return {
      groupBy,
      from: scope.from.toISOString(),
      to: scope.to.toISOString(),
      region: scope.region,
      rows: [...counted, ...zeros].sort((a, b) => b.resolved - a.resolved || collator.compare(a.label, b.label)),
      totals: totalFigures,
      lowScoreComments: lowScores.map(lowScoreComment),
      lowScores: totalFigures.scores['1'] + totalFigures.scores['2'],
    };
  }
}
