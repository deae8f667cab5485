import { Injectable } from '@nestjs/common';
import {
  can,
  type Language,
  type LoadFigures,
  type LoadReport,
  type LoadRow,
  REPORT_CHANGE_FIGURES,
  type ReportChange,
  type ReportChangeFigure,
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
import { OrganizationCells } from './organization-cells';
import type { ReportRow } from './report-connection.repository';
import { loadQueries, type ReportScope, trendQuery } from './report-sql';
import type { ReportFilterDto } from './reports.dto';
import { startOfDayIn } from './report-time-zone';
import { ReportsRepository } from './reports.repository';

const UNASSIGNED: Record<Language, string> = {
  es: 'Sin asignar',
  en: 'Unassigned',
  pt: 'Sem responsável',
  fr: 'Non attribuée',
};

/** A trend's row (report-sql.ts trendQuery): the period's first day in the viewer's zone, its counts as int4. */
type TrendRow = { period: string; created: number; resolved: number };

/** The first instant the reports' dates allow: 0001-01-01 (Date.UTC would read year 1 as 1901). */
const EARLIEST = Date.parse('0001-01-01T00:00:00Z');

/** The longest range a trend covers: ten years, leap days included. */
const TREND_MAX_DAYS = 3653;

const round = (value: unknown, digits: number) =>
  value === null ? null : Math.round(Number(value) * 10 ** digits) / 10 ** digits;

/** A load report's row or totals: the figures' columns of report-sql.ts, numbers or numeric text. */
function toFigures(row: ReportRow): LoadFigures {
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
    cameDue: cameDue(row),
    slaCompliance: slaCompliance(cameDue(row), Number(row.breached)),
  };
}

/**
 * The requests whose deadlines came due: resolved or closed (deadlines met, or breached
 * before) plus those breached and not settled (open or withdrawn); see LoadFigures.cameDue.
 */
function cameDue(row: ReportRow): number {
  return Number(row.s_resolved) + Number(row.s_closed) + Number(row.breached_unsettled);
}

/**
 * Of the requests that came due, the share that kept every deadline. None came due: null, as
 * a 100 % would only say that nothing was measured.
 */
function slaCompliance(due: number, breached: number): number | null {
  return due > 0 ? (due - breached) / due : null;
}

/** A change in % of the previous figure; null when the previous had none (or either is missing). */
function percentChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return Math.round(((current - previous) / previous) * 1000) / 10;
}

/** This period's totals against the previous one's (LoadReport.change). */
function changeOf(current: LoadFigures, previous: LoadFigures): ReportChange {
  const change = Object.fromEntries(
    REPORT_CHANGE_FIGURES.map((figure) => [figure, percentChange(current[figure], previous[figure])]),
  ) as Record<ReportChangeFigure, number | null>;
  const points =
    current.slaCompliance === null || previous.slaCompliance === null
      ? null
      : Math.round((current.slaCompliance - previous.slaCompliance) * 1000) / 10;
  return { ...change, slaCompliancePoints: points };
}

/** A group with no requests in the range: every figure zero, the medians and averages none. */
function zeroFigures(): LoadFigures {
  return {
    total: 0,
    byStatus: Object.fromEntries(REQUEST_STATUSES.map((s) => [s, 0])) as Record<RequestStatus, number>,
    open: 0,
    breached: 0,
    aging: { d0_2: 0, d3_7: 0, d8_30: 0, d31_plus: 0 },
    medianFirstResponseHours: null,
    medianResolutionHours: null,
    satisfactionAvg: null,
    cameDue: 0,
    slaCompliance: null,
  };
}

@Injectable()
export class ReportsService {
  constructor(
    private readonly repository: ReportsRepository,
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
    // Dates are the viewer's calendar days (timeZone, default UTC); date-times are instants.
    const zone = filter.timeZone ?? 'UTC';
    const to = filter.to
      ? filter.to.length === 10
        ? startOfDayIn(filter.to, zone, 1)
        : new Date(filter.to)
      : new Date();
    const from = filter.from
      ? filter.from.length === 10
        ? startOfDayIn(filter.from, zone)
        : new Date(filter.from)
      : new Date(to.getTime() - 365 * 86_400_000);
    if (!(from < to))
      throw new AppException(400, 'reports.empty-range', 'Invalid request', 'from must be before to.', {
        errors: { from: ['must be before to'] },
      });
    return { from, to, region, area: filter.area ?? null, timeZone: zone };
  }

  /**
   * The period of equal length just before a scope: as many of the viewer's days when the
   * range is whole days (a day across a change of clocks has 23 or 25 hours), else as long.
   */
  previousScope(filter: ReportFilterDto, scope: ReportScope): ReportScope {
    const zone = scope.timeZone ?? 'UTC';
    const days = (scope.to.getTime() - scope.from.getTime()) / 86_400_000;
    const wholeDays = filter.from?.length === 10 && filter.to?.length === 10;
    const from = wholeDays
      ? startOfDayIn(filter.from!, zone, -Math.round(days))
      : new Date(scope.from.getTime() - (scope.to.getTime() - scope.from.getTime()));
    // Never before the first day the dates allow (a range from 2026 to 9999 has no previous one of its length).
    return { ...scope, from: new Date(Math.max(from.getTime(), EARLIEST)), to: scope.from };
  }

  async load(
    groupBy: ReportGroup,
    scope: ReportScope,
    previousScope: ReportScope,
    language: Language,
  ): Promise<LoadReport> {
    // The SQL lives in report-sql.ts, shared with the benchmark (npm run bench:reports).
    const { rows: rowsQuery, totals: totalsQuery } = loadQueries(groupBy, scope, this.organizationCells);
    // The previous period's totals: the same statement over the range before.
    const { totals: previousQuery } = loadQueries(groupBy, previousScope, this.organizationCells);
    const [rows, [totals], previousRows] = await Promise.all([
      this.repository.runReport(rowsQuery),
      this.repository.runReport(totalsQuery),
      previousScope.from < previousScope.to ? this.repository.runReport(previousQuery) : [],
    ]);
    const previousFigures = previousRows[0] ? toFigures(previousRows[0]) : zeroFigures();
    // Each row's group: text in every grouping (report-sql.ts GROUP_KEYS).
    const keyOf = (row: ReportRow) => row.key as string;
    const labels = await this.labels(groupBy, rows.map(keyOf), language);
    // One collator for the whole sort: localeCompare with a locale sets one up per call (3,000 organizations: 4× slower).
    const collator = new Intl.Collator(language);
    const counted: LoadRow[] = rows.map((row) => ({
      key: keyOf(row),
      label: labels.get(keyOf(row)) ?? keyOf(row),
      ...toFigures(row),
    }));
    // Every region, country or area in scope has its row, "Haiti: 0" included.
    const present = new Set(counted.map((row) => row.key));
    const zeros: LoadRow[] = this.keysInScope(groupBy, scope, language)
      .filter((key) => !present.has(key))
      .map((key) => ({ key, label: labels.get(key) ?? key, ...zeroFigures() }));
    const items: LoadRow[] = [...counted, ...zeros].sort(
      (a, b) => b.total - a.total || collator.compare(a.label, b.label),
    );
    return {
      groupBy,
      from: scope.from.toISOString(),
      to: scope.to.toISOString(),
      region: scope.region,
      rows: items,
      totals: toFigures(totals),
      previous: {
        from: previousScope.from.toISOString(),
        to: previousScope.to.toISOString(),
        totals: previousFigures,
      },
      change: changeOf(toFigures(totals), previousFigures),
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
    const rows = (await this.repository.runReport(query)) as TrendRow[];
    return {
      interval,
      timeZone: scope.timeZone ?? 'UTC',
      from: scope.from.toISOString(),
      to: scope.to.toISOString(),
      region: scope.region,
      points: rows.map((row) => ({ period: row.period, new: row.created, resolved: row.resolved })),
    };
  }

  /** The groups the reference data lists within the scope; none for the other groupings. */
  keysInScope(groupBy: ReportGroup, scope: ReportScope, language: Language): string[] {
    switch (groupBy) {
      case 'region':
        return this.reference
          .regions(language)
          .map((r) => r.code)
          .filter((code) => !scope.region || code === scope.region);
      case 'country':
        return this.reference
          .countries(language)
          .filter((c) => !scope.region || c.region === scope.region)
          .map((c) => c.code);
      case 'area':
        return this.reference
          .thematicAreas(language)
          .map((a) => a.code)
          .filter((code) => !scope.area || code === scope.area);
      default:
        return [];
    }
  }

  /** The groups' names in the viewer's language (also the quality report's). */
  async labels(groupBy: ReportGroup, keys: string[], language: Language): Promise<Map<string, string>> {
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
        const rows = await this.repository.userNames(keys);
        return new Map([['none', UNASSIGNED[language]], ...rows.map((r) => [r.id, r.name] as [string, string])]);
      }
      case 'organization': {
        const rows = await this.repository.organizationNames(keys);
        return new Map(rows.map((r) => [r.id, r.name]));
      }
    }
  }
}
