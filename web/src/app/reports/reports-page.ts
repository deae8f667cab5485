import { NgTemplateOutlet } from '@angular/common';
import { HttpErrorResponse, httpResource } from '@angular/common/http';
import { Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import {
  can,
  type LoadReport,
  REGION_CODES,
  type RegionCode,
  REQUEST_STATUSES,
  type RequestStatus,
  rolesWith,
  THEMATIC_AREAS,
  type ThematicArea,
  type TrendInterval,
  type TrendReport,
} from '@portal/shared';

import { Session } from '../auth/session';
import { API_BASE_URL, isNetworkError, problemOf } from '../core/api';
import { PROBLEM_MESSAGES, problemCodeOf } from '../core/problem-messages';
import { AgingBars } from './aging-bars';
import { ReportsI18n, type ReportsKey, type ReportsTextKey } from './i18n/reports-texts';
import { type LoadBarChoice, LoadChart, type LoadChartLabels } from './load-chart';
import { LoadTable } from './load-table';
import { QualitySection } from './quality/quality-section';
import { KbReportSection } from './kb-report-section';
import { ReportCards } from './report-cards';
import { reportFormats } from './report-formats';
import {
  addDays,
  groupNarrowing,
  inboxQueryParams,
  isDay,
  isValidRange,
  localDay,
  parseReportFilters,
  type ReportChartGroup,
  type ReportFilters,
  reportApiParams,
  reportGroupsFor,
  type ReportStack,
  toReportUrlParams,
  viewerTimeZone,
} from './report-query';
import { GROUP_TEXTS } from './group-texts';
import { ReportsApi } from './reports-api';
import { TrendChart } from './trend-chart';

type ReportFile = 'load' | 'trend';
type FileFormat = 'csv' | 'xlsx';

/** The failure of a report call, in words the person can act on. */
function problemKey(error: unknown): ReportsTextKey {
  if (isNetworkError(error)) return 'reports.error.network';
  if (error instanceof HttpErrorResponse) {
    if (error.status === 403) return PROBLEM_MESSAGES['reports.other-region'];
    if (error.status === 400) {
      const code = problemCodeOf(problemOf(error));
      return code === 'reports.range-too-long' ? PROBLEM_MESSAGES[code] : 'reports.error.invalid';
    }
  }
  return 'reports.error.server';
}

/**
 * The directors' and executive's dashboard: the period's totals, load by country or area,
 * new against resolved over time, the age of open requests and the full table, each figure
 * a link to its requests in the inbox. Filters live in the URL.
 */
@Component({
  selector: 'app-reports-page',
  imports: [
    ReportCards,
    LoadChart,
    LoadTable,
    TrendChart,
    AgingBars,
    QualitySection,
    KbReportSection,
    NgTemplateOutlet,
  ],
  templateUrl: './reports-page.html',
  styleUrl: './reports-page.css',
})
export class ReportsPage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly session = inject(Session);
  private readonly api = inject(ReportsApi);
  private readonly i18n = inject(ReportsI18n);

  protected readonly t = this.i18n.t;
  protected readonly language = this.i18n.language;
  protected readonly formats = computed(() => reportFormats(this.language()));
  // The fallback covers the instant of signing out: the first role that reads reports.
  protected readonly role = computed(() => this.session.user()?.role ?? rolesWith('reports.read')[0]);
  /** A director's reports are of its own region: shown as text, not a choice. */
  protected readonly regionFixed = computed(() => !can(this.role(), 'reports.all-regions'));
  protected readonly ownRegion = computed(() => this.session.user()?.region ?? null);
  protected readonly regions = REGION_CODES;
  protected readonly areas = THEMATIC_AREAS;

  /** The viewer's today: the default period ends on it, the aging buckets' inbox links count from it. */
  protected readonly today = localDay(new Date());

  private readonly params = toSignal(this.route.queryParams, { initialValue: {} });
  protected readonly filters = computed(() => parseReportFilters(this.params(), this.today, this.role()));
  protected readonly validRange = computed(() => isValidRange(this.filters()));
  /** The groupings offered to this role. */
  protected readonly groups = computed(() => reportGroupsFor(this.role()));
  // The dates are the viewer's days: the API counts them in the viewer's time zone.
  private readonly timeZone = viewerTimeZone();
  protected readonly apiParams = computed(() => reportApiParams(this.filters(), this.role(), this.timeZone));

  private readonly loadResource = httpResource<LoadReport>(() =>
    this.validRange()
      ? {
          url: `${API_BASE_URL}/reports/load`,
          params: { ...this.apiParams(), groupBy: this.filters().group },
          // Labels (country and area names) come in the interface language.
          headers: { 'Accept-Language': this.language() },
        }
      : undefined,
  );

  private readonly trendResource = httpResource<TrendReport>(() =>
    this.validRange()
      ? { url: `${API_BASE_URL}/reports/trend`, params: { ...this.apiParams(), interval: this.filters().interval } }
      : undefined,
  );

  /** The last report received, kept on screen (dimmed) while the next one loads. */
  protected readonly load = linkedSignal<LoadReport | undefined, LoadReport | undefined>({
    source: () => (this.loadResource.hasValue() ? this.loadResource.value() : undefined),
    computation: (loaded, previous) => loaded ?? (this.loadResource.error() ? undefined : previous?.value),
  });
  protected readonly trend = linkedSignal<TrendReport | undefined, TrendReport | undefined>({
    source: () => (this.trendResource.hasValue() ? this.trendResource.value() : undefined),
    computation: (loaded, previous) => loaded ?? (this.trendResource.error() ? undefined : previous?.value),
  });
  protected readonly loadBusy = computed(() => this.loadResource.isLoading());
  protected readonly trendBusy = computed(() => this.trendResource.isLoading());
  protected readonly loadProblem = computed(() => {
    const error = this.loadResource.error();
    return error ? this.t(problemKey(error)) : null;
  });
  protected readonly trendProblem = computed(() => {
    const error = this.trendResource.error();
    return error ? this.t(problemKey(error)) : null;
  });

  protected readonly scopeName = computed(() => {
    const region = this.regionFixed() ? this.ownRegion() : this.filters().region;
    return region ? this.t(`region.${region}`) : this.t('reports.scope.network');
  });
  protected readonly period = computed(() =>
    this.t('reports.intro', {
      from: this.formats().day(this.filters().from),
      to: this.formats().day(this.filters().to),
    }),
  );
  /** The table follows the report on screen, not the toggle, while the next grouping loads. */
  protected readonly tableFilters = computed<ReportFilters>(() => {
    const groupBy = this.load()?.groupBy;
    return groupBy ? { ...this.filters(), group: groupBy } : this.filters();
  });
  protected readonly isDefaultPeriod = computed(() => {
    const defaults = parseReportFilters({}, this.today);
    return this.filters().from === defaults.from && this.filters().to === defaults.to;
  });
  protected readonly loadHeading = computed<ReportsKey>(() => GROUP_TEXTS[this.filters().group].load);

  protected readonly chartLabels = computed<LoadChartLabels>(() => ({
    statuses: Object.fromEntries(
      REQUEST_STATUSES.map((status) => [status, this.t(`requests.status.${status}`)]),
    ) as Record<RequestStatus, string>,
    open: this.t('reports.series.open'),
    finished: this.t('reports.series.done'),
  }));

  protected readonly loadSummary = computed(() => {
    const report = this.load();
    if (!report) return '';
    const format = this.formats();
    const items = report.rows.map((row) => `${row.label} ${format.count(row.total)}`).join(', ');
    const group = this.t(GROUP_TEXTS[this.filters().group].name).toLowerCase();
    return this.t('reports.chart.loadSummary', { group, items });
  });

  protected readonly trendPeriods = computed(() => {
    const interval = this.trend()?.interval ?? 'week';
    return (this.trend()?.points ?? []).map((point) => this.formats().period(point.period, interval));
  });
  protected readonly trendTotals = computed(() =>
    (this.trend()?.points ?? []).reduce(
      (sum, point) => ({ new: sum.new + point.new, resolved: sum.resolved + point.resolved }),
      {
        new: 0,
        resolved: 0,
      },
    ),
  );
  protected readonly trendSummary = computed(() => {
    const points = this.trend()?.points ?? [];
    const first = points[0];
    const last = points.at(-1);
    if (!first || !last) return '';
    const format = this.formats();
    return this.t('reports.trend.summary', {
      first: format.day(first.period),
      last: format.day(last.period),
      new: format.count(this.trendTotals().new),
      resolved: format.count(this.trendTotals().resolved),
    });
  });

  protected readonly fileFormats = ['csv', 'xlsx'] as const;
  /** The file being prepared. */
  protected readonly downloading = signal<{ report: ReportFile; format: FileFormat } | null>(null);
  protected readonly downloadProblem = signal<ReportFile | null>(null);

  /** The period the cards compare with: as many days, just before. */
  protected readonly previousPeriod = computed(() => {
    const { from, to } = this.filters();
    const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
    const format = this.formats();
    return this.t('reports.change.intro', {
      from: format.day(addDays(from, -days)),
      to: format.day(addDays(from, -1)),
    });
  });

  protected groupKey(group: ReportChartGroup): ReportsKey {
    return GROUP_TEXTS[group].name;
  }

  protected regionKey(region: RegionCode): ReportsTextKey {
    return `region.${region}`;
  }

  protected areaKey(area: ThematicArea): ReportsTextKey {
    return `inbox.area.${area}`;
  }

  protected chooseDay(which: 'from' | 'to', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    // A cleared or half-typed date goes back to the default rather than to nothing.
    this.navigate({ ...this.filters(), [which]: isDay(value) ? value : parseReportFilters({}, this.today)[which] });
  }

  protected chooseRegion(event: Event): void {
    this.navigate({
      ...this.filters(),
      region: ((event.target as HTMLSelectElement).value || null) as RegionCode | null,
    });
  }

  protected chooseArea(event: Event): void {
    this.navigate({
      ...this.filters(),
      area: ((event.target as HTMLSelectElement).value || null) as ThematicArea | null,
    });
  }

  protected chooseGroup(group: ReportChartGroup): void {
    this.navigate({ ...this.filters(), group });
  }

  protected chooseStack(stack: ReportStack): void {
    this.navigate({ ...this.filters(), stack });
  }

  protected chooseInterval(interval: TrendInterval): void {
    this.navigate({ ...this.filters(), interval });
  }

  protected resetPeriod(): void {
    const defaults = parseReportFilters({}, this.today);
    this.navigate({ ...this.filters(), from: defaults.from, to: defaults.to });
  }

  protected retry(): void {
    this.loadResource.reload();
    this.trendResource.reload();
  }

  /** A bar of the load chart was clicked: its requests, in the inbox. */
  protected openBar(choice: LoadBarChoice): void {
    const base = groupNarrowing(this.filters().group, choice.key);
    // Rows the inbox cannot filter on (an assignee, a product) lead nowhere.
    if (!base) return;
    const narrowing = { ...base, statuses: choice.statuses };
    void this.router.navigate(['/inbox'], { queryParams: inboxQueryParams(this.filters(), this.role(), narrowing) });
  }

  protected downloadText(report: ReportFile, format: FileFormat): ReportsKey {
    const busy = this.downloading();
    if (busy?.report === report && busy.format === format) return 'reports.csv.preparing';
    return `reports.${format}.${report}`;
  }

  /** A report's file: CSV (the machine format) or XLSX, made by the API in the viewer's language. */
  protected async download(report: ReportFile, format: FileFormat): Promise<void> {
    if (this.downloading()) return;
    this.downloading.set({ report, format });
    this.downloadProblem.set(null);
    const filters = this.filters();
    const params =
      report === 'load'
        ? { ...this.apiParams(), groupBy: filters.group }
        : { ...this.apiParams(), interval: filters.interval };
    const fallback =
      report === 'load'
        ? `load-by-${filters.group}-${filters.from}-${filters.to}.${format}`
        : `trend-${filters.from}-${filters.to}.${format}`;
    try {
      await this.api.download(report, format, params, this.language(), fallback);
    } catch {
      this.downloadProblem.set(report);
    } finally {
      this.downloading.set(null);
    }
  }

  private navigate(filters: ReportFilters): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: toReportUrlParams(filters, this.today) });
  }
}
