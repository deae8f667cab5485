import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { languageFromAcceptLanguage, type QualityFigures, type QualityReport } from '@portal/shared';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser, RequirePermission } from '../../auth/auth.decorators';
import { AuditService } from '../../audit/audit.service';
import { ApiFileAnswer, ApiJson } from '../../common/openapi/decorators';
import { sendCsv, toCsv } from '../csv';
import { reportExport } from '../report-export-audit';
import { ReportsService } from '../reports.service';
import { QualityReportQueryDto } from './quality-report.dto';
import { QualityReportService } from './quality-report.service';

/** The CSV's machine header (documented in docs/reports.md), one row per group and the totals. */
const QUALITY_CSV_HEADER = [
  'key',
  'label',
  'total',
  'resolved',
  'ratings',
  'response_rate',
  'score_1',
  'score_2',
  'score_3',
  'score_4',
  'score_5',
  'average_score',
  'median_first_response_hours',
  'first_responses',
  'first_responses_on_time',
  'first_response_on_time_rate',
  'median_resolution_hours',
  'resolutions_on_time',
  'resolution_on_time_rate',
  'breached',
];

const csvLine = (key: string, label: string, f: QualityFigures) => [
  key,
  label,
  f.total,
  f.resolved,
  f.ratings,
  f.responseRate,
  f.scores['1'],
  f.scores['2'],
  f.scores['3'],
  f.scores['4'],
  f.scores['5'],
  f.averageScore,
  f.medianFirstResponseHours,
  f.firstResponses,
  f.firstResponsesOnTime,
  f.firstResponseOnTimeRate,
  f.medianResolutionHours,
  f.resolutionsOnTime,
  f.resolutionOnTimeRate,
  f.breached,
];

@ApiTags('reports')
@ApiBearerAuth()
@ApiHeader({ name: 'Accept-Language', required: false, description: 'Language of the labels' })
@RequirePermission('reports.read')
@Controller('reports')
export class QualityReportController {
  constructor(
    private readonly reports: ReportsService,
    private readonly quality: QualityReportService,
    private readonly audit: AuditService,
  ) {}

  @Get('quality')
  @ApiOperation({
    summary:
      'Service quality of the requests filed in the period, by region, country, area, assignee or organization: resolved, ratings, scores, medians against the due times, breaches, and the newest low scores (1–2) with their comments',
  })
  @ApiJson(200, 'QualityReport')
  report(
    @CurrentUser() caller: AuthUser,
    @Query() query: QualityReportQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<QualityReport> {
    return this.quality.quality(
      query.groupBy ?? 'region',
      this.reports.scope(caller, query),
      languageFromAcceptLanguage(acceptLanguage) ?? caller.language,
    );
  }

  @Get('quality.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The quality report as CSV (one row per group, then the totals)' })
  @ApiFileAnswer(['text/csv'], 'The quality report, UTF-8 with a byte-order mark')
  async csv(
    @CurrentUser() caller: AuthUser,
    @Query() query: QualityReportQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const report = await this.report(caller, query, acceptLanguage);
    const csv = toCsv(QUALITY_CSV_HEADER, [
      ...report.rows.map((row) => csvLine(row.key, row.label, row)),
      csvLine('total', 'Total', report.totals),
    ]);
    const name = `quality-by-${report.groupBy}-${report.from.slice(0, 10)}-${report.to.slice(0, 10)}.csv`;
    await this.audit.recordNow(reportExport(caller, name, query));
    await sendCsv(reply, name, csv);
  }
}
