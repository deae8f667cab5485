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
import { AuditService } from '../audit/audit.service';
import { toCsv } from './csv';
import { reportExport } from './report-export-audit';
import { LoadExportQueryDto, LoadReportQueryDto, TrendExportQueryDto, TrendReportQueryDto } from './reports.dto';
import { loadSpreadsheet, trendSpreadsheet, XLSX_TYPE } from './report-spreadsheet';
import { ReportsService } from './reports.service';
import { ApiFileAnswer, ApiJson } from '../common/openapi/decorators';

@ApiTags('reports')
@ApiBearerAuth()
@ApiHeader({ name: 'Accept-Language', required: false, description: 'Language of the labels' })
@RequirePermission('reports.read')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly audit: AuditService,
  ) {}

  @Get('load')
  @ApiOperation({ summary: 'Request load grouped by region, country, area, assignee, status, product or organization' })
  @ApiJson(200, 'LoadReport')
  load(
    @CurrentUser() caller: AuthUser,
    @Query() query: LoadReportQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<LoadReport> {
    return this.loadReport(caller, query, acceptLanguage);
  }

  @Get('load.csv')
  @ApiProduces('text/csv', XLSX_TYPE)
  @ApiOperation({
    summary: 'The load report as CSV (the machine format), or as an XLSX spreadsheet',
    description:
      'CSV by default: UTF-8 with a byte-order mark, English snake_case headers, one row per group then `total`. ' +
      `With \`format=xlsx\` or \`Accept: ${XLSX_TYPE}\`: a spreadsheet with headers in the viewer's language ` +
      "(Accept-Language, else the account's), counts and hours as numbers, the compliance as a percentage, and a sheet with the period as dates.",
  })
  @ApiFileAnswer(['text/csv', XLSX_TYPE], 'The load report: CSV (UTF-8 with a byte-order mark) or XLSX')
  async loadCsv(
    @CurrentUser() caller: AuthUser,
    @Query() query: LoadExportQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
    @Headers('accept') accept?: string,
  ): Promise<void> {
    const report = await this.loadReport(caller, query, acceptLanguage);
    const name = `load-by-${report.groupBy}-${report.from.slice(0, 10)}-${report.to.slice(0, 10)}`;
    if (wantsXlsx(query.format, accept)) {
      const language = this.language(caller, acceptLanguage);
      return this.sendFile(
        caller,
        query,
        reply,
        `${name}.xlsx`,
        XLSX_TYPE,
        await loadSpreadsheet(report, language, query.timeZone ?? 'UTC'),
      );
    }
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
    await this.sendCsv(caller, query, reply, `${name}.csv`, csv);
  }

  @Get('trend')
  @ApiOperation({ summary: "New and resolved requests per week or month of the viewer's time zone" })
  @ApiJson(200, 'TrendReport')
  trend(@CurrentUser() caller: AuthUser, @Query() query: TrendReportQueryDto): Promise<TrendReport> {
    return this.reports.trend(query.interval ?? 'week', this.reports.scope(caller, query));
  }

  @Get('trend.csv')
  @ApiProduces('text/csv', XLSX_TYPE)
  @ApiOperation({
    summary: 'The trend report as CSV (the machine format), or as an XLSX spreadsheet',
    description:
      'CSV by default: `period,new,resolved`. ' +
      `With \`format=xlsx\` or \`Accept: ${XLSX_TYPE}\`: a spreadsheet with headers in the viewer's language, ` +
      "each period's first day a date cell, the counts numbers.",
  })
  @ApiFileAnswer(['text/csv', XLSX_TYPE], 'The trend report: CSV (UTF-8 with a byte-order mark) or XLSX')
  async trendCsv(
    @CurrentUser() caller: AuthUser,
    @Query() query: TrendExportQueryDto,
    @Res() reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
    @Headers('accept') accept?: string,
  ): Promise<void> {
    const report = await this.reports.trend(query.interval ?? 'week', this.reports.scope(caller, query));
    const name = `trend-by-${report.interval}-${report.from.slice(0, 10)}-${report.to.slice(0, 10)}`;
    if (wantsXlsx(query.format, accept)) {
      const language = this.language(caller, acceptLanguage);
      return this.sendFile(caller, query, reply, `${name}.xlsx`, XLSX_TYPE, await trendSpreadsheet(report, language));
    }
    const csv = toCsv(
      ['period', 'new', 'resolved'],
      report.points.map((p) => [p.period, p.new, p.resolved]),
    );
    await this.sendCsv(caller, query, reply, `${name}.csv`, csv);
  }

  private loadReport(caller: AuthUser, query: LoadReportQueryDto, acceptLanguage?: string): Promise<LoadReport> {
    const scope = this.reports.scope(caller, query);
    return this.reports.load(
      query.groupBy ?? 'region',
      scope,
      this.reports.previousScope(query, scope),
      this.language(caller, acceptLanguage),
    );
  }

  /** A report's file as a download, the export audited. */
  private async sendFile(
    caller: AuthUser,
    query: object,
    reply: FastifyReply,
    fileName: string,
    type: string,
    body: Buffer,
  ): Promise<void> {
    await this.audit.recordNow(reportExport(caller, fileName, query));
    await reply
      .header('content-type', type)
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .header('cache-control', 'private, no-store')
      .send(body);
  }

  private async sendCsv(caller: AuthUser, query: object, reply: FastifyReply, fileName: string, csv: string) {
    // A byte-order mark so spreadsheet programs read the accents as UTF-8.
    await this.sendFile(caller, query, reply, fileName, 'text/csv; charset=utf-8', Buffer.from(`\uFEFF${csv}`, 'utf8'));
  }

  private language(caller: AuthUser, acceptLanguage?: string): Language {
    return languageFromAcceptLanguage(acceptLanguage) ?? caller.language;
  }
}

/** The spreadsheet, when asked for by `format=xlsx` or by an Accept header that names it (and not CSV first). */
function wantsXlsx(format: string | undefined, accept: string | undefined): boolean {
  if (format) return format === 'xlsx';
  return accept?.split(',')[0]?.trim().toLowerCase().startsWith(XLSX_TYPE) ?? false;
}
