import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  type Language,
  languageFromAcceptLanguage,
  type LoadReport,
  REQUEST_STATUSES,
  type TrendReport,
} from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { toCsv } from './csv';
import { LoadReportQueryDto, TrendReportQueryDto } from './reports.dto';
import { ReportsService } from './reports.service';
import { ApiFileAnswer, ApiJson } from '../common/openapi/decorators';

@ApiTags('reports')
@ApiBearerAuth()
@ApiHeader({ name: 'Accept-Language', required: false, description: 'Language of the labels' })
@RequirePermission('reports.read')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('load')
  @ApiOperation({ summary: 'Request load grouped by region, country, area, assignee, status, product or organization' })
  @ApiJson(200, 'LoadReport')
  load(
    @CurrentUser() caller: AuthUser,
    @Query() query: LoadReportQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<LoadReport> {
    return this.reports.load(
      caller,
      query.groupBy ?? 'region',
      this.reports.scope(caller, query),
      this.language(caller, acceptLanguage),
    );
  }

  @Get('load.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The load report as CSV' })
  @ApiFileAnswer(['text/csv'], 'The load report, UTF-8 with a byte-order mark')
  async loadCsv(
    @CurrentUser() caller: AuthUser,
    @Query() query: LoadReportQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<void> {
    const report = await this.reports.load(
      caller,
      query.groupBy ?? 'region',
      this.reports.scope(caller, query),
      this.language(caller, acceptLanguage),
    );
    const header = [
      'key',
      'label',
      'total',
      ...REQUEST_STATUSES,
      'open',
      'breached',
      'aging_0_2',
      'aging_3_7',
      'aging_8_30',
      'aging_31_plus',
      'median_first_response_hours',
      'median_resolution_hours',
      'satisfaction_avg',
    ];
    const line = (key: string, label: string, f: LoadReport['totals']) => [
      key,
      label,
      f.total,
      ...REQUEST_STATUSES.map((s) => f.byStatus[s]),
      f.open,
      f.breached,
      f.aging.d0_2,
      f.aging.d3_7,
      f.aging.d8_30,
      f.aging.d31_plus,
      f.medianFirstResponseHours,
      f.medianResolutionHours,
      f.satisfactionAvg,
    ];
    const csv = toCsv(header, [
      ...report.rows.map((row) => line(row.key, row.label, row)),
      line('total', 'Total', report.totals),
    ]);
    await this.sendCsv(
      reply,
      `load-by-${report.groupBy}-${report.from.slice(0, 10)}-${report.to.slice(0, 10)}.csv`,
      csv,
    );
  }

  @Get('trend')
  @ApiOperation({ summary: 'New and resolved requests per week or month' })
  @ApiJson(200, 'TrendReport')
  trend(@CurrentUser() caller: AuthUser, @Query() query: TrendReportQueryDto): Promise<TrendReport> {
    return this.reports.trend(query.interval ?? 'week', this.reports.scope(caller, query));
  }

  @Get('trend.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The trend report as CSV' })
  @ApiFileAnswer(['text/csv'], 'The trend report, UTF-8 with a byte-order mark')
  async trendCsv(
    @CurrentUser() caller: AuthUser,
    @Query() query: TrendReportQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const report = await this.reports.trend(query.interval ?? 'week', this.reports.scope(caller, query));
    const csv = toCsv(
      ['period', 'new', 'resolved'],
      report.points.map((p) => [p.period, p.new, p.resolved]),
    );
    await this.sendCsv(
      reply,
      `trend-by-${report.interval}-${report.from.slice(0, 10)}-${report.to.slice(0, 10)}.csv`,
      csv,
    );
  }

  private async sendCsv(reply: FastifyReply, fileName: string, csv: string): Promise<void> {
    // A byte-order mark so spreadsheet programs read the accents as UTF-8.
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .header('cache-control', 'private, no-store')
      .send(`\uFEFF${csv}`);
  }

  private language(caller: AuthUser, acceptLanguage?: string): Language {
    return languageFromAcceptLanguage(acceptLanguage) ?? caller.language;
  }
}
