import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  can,
  type Language,
  type LoadFigures,
  type LoadReport,
  type LoadRow,
  REQUEST_STATUSES,
  type ReportGroup,
  type RequestStatus,
  type TrendInterval,
  type TrendReport,
} from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { AppException } from '../common/app-exception';
import { STATUS_NAMES } from '../notifications/templates';
import { ReferenceService } from '../reference/reference.service';
import { copyReaderOf } from './binary-copy';
import { OrganizationCells } from './organization-cells';
import {
  loadQueries,
  REPORT_SETTINGS,
  type ReportScope,
  runReportQuery,
  type SqlQuery,
  trendQuery,
} from './report-sql';
import type { ReportFilterDto } from './reports.dto';

const UNASSIGNED: Record<Language, string> = {
  es: 'Sin asignar',
  en: 'Unassigned',
  pt: 'Sem responsável',
  fr: 'Non attribuée',
};

type FiguresRow = Record<string, number | string | null>;

/** The longest range a trend covers: ten years, leap days included. */
const TREND_MAX_DAYS = 3653;

const round = (value: number | string | null, digits: number) =>
  value === null ? null : Math.round(Number(value) * 10 ** digits) / 10 ** digits;

function toFigures(row: FiguresRow): LoadFigures {
  const byStatus = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, Number(row[`s_${s}`])])) as Record<
    RequestStatus,
    number
  >;
  return {
    total: Number(row.total),
    byStatus,
    open: Number(row.open),
    breached: Number(row.breached),
    aging: { d0_2: Number(row.d0_2), d3_7: Number(row.d3_7), d8_30: Number(row.d8_30), d31_plus: Number(row.d31_plus) },
    medianFirstResponseHours: round(row.median_first_response, 1),
    medianResolutionHours: round(row.median_resolution, 1),
    satisfactionAvg: round(row.satisfaction_avg, 2),
  };
}

@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reference: ReferenceService,
    private readonly organizationCells: OrganizationCells,
  ) {}

  /**
   * The reports' scope: a director sees its own region only (asking for another is a 403,
   * not an empty report that would look like "no load"); the executive and admins any.
   */
  scope(caller: AuthUser, filter: ReportFilterDto): ReportScope {
    let region = filter.region ?? null;
    if (!can(caller.role, 'reports.all-regions')) {
      if (region && region !== caller.regionCode) {
        throw new AppException(
          403,
          'reports.other-region',
          'Not allowed',
          'A regional director sees the reports of its own region.',
        );
      }
      region = caller.regionCode;
    }
    const to = filter.to
      ? filter.to.length === 10
        ? new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000)
        : new Date(filter.to)
      : new Date();
    const from = filter.from
      ? new Date(filter.from.length === 10 ? `${filter.from}T00:00:00Z` : filter.from)
      : new Date(to.getTime() - 365 * 86_400_000);
    if (!(from < to))
      throw new AppException(400, 'reports.empty-range', 'Invalid request', 'from must be before to.', {
        errors: { from: ['must be before to'] },
      });
    return { from, to, region, area: filter.area ?? null };
  }

  async load(_caller: AuthUser, groupBy: ReportGroup, scope: ReportScope, language: Language): Promise<LoadReport> {
    // The SQL lives in report-sql.ts, shared with the benchmark (npm run bench:reports).
    const { rows: rowsQuery, totals: totalsQuery } = loadQueries(groupBy, scope, this.organizationCells);
    const [rows, [totals]] = await Promise.all([this.run(rowsQuery), this.run(totalsQuery)]);
    const labels = await this.labels(
      groupBy,
      rows.map((row: { key: string }) => row.key),
      language,
    );
    // One collator for the whole sort: localeCompare with a locale sets one up per call (3,000 organizations: 4× slower).
    const collator = new Intl.Collator(language);
    const items: LoadRow[] = rows
      .map((row: FiguresRow & { key: string }) => ({
        key: row.key,
        label: labels.get(row.key) ?? row.key,
        ...toFigures(row),
      }))
      .sort((a: LoadRow, b: LoadRow) => b.total - a.total || collator.compare(a.label, b.label));
    return {
      groupBy,
      from: scope.from.toISOString(),
      to: scope.to.toISOString(),
      region: scope.region,
      rows: items,
      totals: toFigures(totals),
    };
  }

  async trend(interval: TrendInterval, scope: ReportScope): Promise<TrendReport> {
    // A point per week of any range the dates allow (to 9999-12-31) would be half a million
    // points: a chart nobody can read, seconds of work. Ten years is 522 weeks.
    if (scope.to.getTime() - scope.from.getTime() > TREND_MAX_DAYS * 86_400_000) {
      throw new AppException(
        400,
        'reports.range-too-long',
        'Invalid request',
        `A trend covers at most ten years (${TREND_MAX_DAYS} days): narrow the dates.`,
        {
          errors: { from: [`a trend covers at most ${TREND_MAX_DAYS} days before to`] },
        },
      );
    }
    const query = trendQuery(interval, scope);
    const rows: { period: string; created: number; resolved: number }[] = await this.run(query);
    return {
      interval,
      from: scope.from.toISOString(),
      to: scope.to.toISOString(),
      region: scope.region,
      points: rows.map((row) => ({ period: row.period, new: row.created, resolved: row.resolved })),
    };
  }

  /**
   * One report query in a transaction of its own, with the reports' settings; its rows
   * finished as the query says. REPEATABLE READ: a query of two statements reads one snapshot.
   */
  private run(query: SqlQuery): Promise<any[]> {
    return this.dataSource.transaction('REPEATABLE READ', async (db) => {
      await db.query(REPORT_SETTINGS);
      // The transaction's own pg client, for the binary COPY (TypeORM's query() has none).
      const client = await db.queryRunner!.connect();
      return runReportQuery(query, { query: (text, values) => db.query(text, values), copy: copyReaderOf(client) });
    });
  }

  private async labels(groupBy: ReportGroup, keys: string[], language: Language): Promise<Map<string, string>> {
    switch (groupBy) {
      case 'region':
        return new Map(this.reference.regions(language).map((r) => [r.code, r.name]));
      case 'country':
        return new Map(this.reference.countries(language).map((c) => [c.code, c.name]));
      case 'area':
        return new Map(this.reference.thematicAreas(language).map((a) => [a.code, a.name]));
      case 'status':
        return new Map(
          REQUEST_STATUSES.map((s) => [s, STATUS_NAMES[language][s].replace(/^./, (c) => c.toUpperCase())]),
        );
      case 'product':
        return new Map(keys.map((k) => [k, k]));
      case 'assignee': {
        const rows: { id: string; name: string }[] = await this.dataSource.query(
          `SELECT id::text, name FROM users WHERE id::text = ANY($1)`,
          [keys],
        );
        return new Map([['none', UNASSIGNED[language]], ...rows.map((r) => [r.id, r.name] as [string, string])]);
      }
      case 'organization': {
        const rows: { id: string; name: string }[] = await this.dataSource.query(
          `SELECT id::text, name FROM organizations WHERE id::text = ANY($1)`,
          [keys],
        );
        return new Map(rows.map((r) => [r.id, r.name]));
      }
    }
  }
}
