import {
  can,
  type LoadFigures,
  OPEN_STATUSES,
  REGION_CODES,
  type RegionCode,
  type ReportGroup,
  type RequestStatus,
  type Role,
  THEMATIC_AREAS,
  type ThematicArea,
  TREND_INTERVALS,
  type TrendInterval,
} from '@portal/shared';

/**
 * The dashboard's filters live in the URL (a reload or a shared link shows the same
 * figures). This file turns them into the API's parameters and into links to the inbox
 * that list the requests behind each figure, with the parameter names that
 * inbox/inbox-query.ts reads.
 */

/** Every grouping the load report has, in the order the screen offers them. */
export const REPORT_CHART_GROUPS = [
  'region',
  'country',
  'area',
  'assignee',
  'status',
  'product',
  'organization',
] as const satisfies readonly ReportGroup[];
export type ReportChartGroup = (typeof REPORT_CHART_GROUPS)[number];

/** The groupings a role is offered: by region only for those who see every region. */
export function reportGroupsFor(role: Role): readonly ReportChartGroup[] {
  return REPORT_CHART_GROUPS.filter((group) => group !== 'region' || can(role, 'reports.all-regions'));
}

export const REPORT_STACKS = ['status', 'open'] as const;
export type ReportStack = (typeof REPORT_STACKS)[number];

export const AGING_BUCKETS = ['d0_2', 'd3_7', 'd8_30', 'd31_plus'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** The statuses that are not open: the "finished" part of the open-or-finished chart. */
export const FINISHED_STATUSES = ['resolved', 'closed', 'withdrawn'] as const satisfies readonly RequestStatus[];

export interface ReportFilters {
  /** First day of the period, YYYY-MM-DD (filed on or after). */
  readonly from: string;
  /** Last day of the period, YYYY-MM-DD (filed on or before: the API counts the whole day). */
  readonly to: string;
  /** Null: every region the person may see. A director's is always its own. */
  readonly region: RegionCode | null;
  readonly area: ThematicArea | null;
  readonly group: ReportChartGroup;
  readonly stack: ReportStack;
  readonly interval: TrendInterval;
}

export type QueryParams = Readonly<Record<string, unknown>>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A date as YYYY-MM-DD in the viewer's own calendar. */
export function localDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Whether a text is a real calendar day (not 2026-02-30). */
export function isDay(text: unknown): text is string {
  if (typeof text !== 'string' || !DAY.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The same day `months` months earlier (the last day of a shorter month when it has none). */
export function monthsBefore(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, lastDay));
  return target.toISOString().slice(0, 10);
}

/** A day plus (or minus) a number of days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The default period: the last 12 months up to today. */
export function defaultRange(today: string): { from: string; to: string } {
  return { from: monthsBefore(today, 12), to: today };
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | null {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/**
 * Reads the filters from the URL; anything missing or malformed takes its default, and so
 * does a grouping the role is not offered (a director's link by region).
 */
export function parseReportFilters(params: QueryParams, today: string, role?: Role): ReportFilters {
  const range = defaultRange(today);
  return {
    from: isDay(params['from']) ? params['from'] : range.from,
    to: isDay(params['to']) ? params['to'] : range.to,
    region: oneOf(REGION_CODES, params['region']),
    area: oneOf(THEMATIC_AREAS, params['area']),
    group: oneOf(role ? reportGroupsFor(role) : REPORT_CHART_GROUPS, params['group']) ?? 'country',
    stack: oneOf(REPORT_STACKS, params['stack']) ?? 'status',
    interval: oneOf(TREND_INTERVALS, params['interval']) ?? 'week',
  };
}

/** The URL's parameters for the filters; defaults are left out so links stay short. */
export function toReportUrlParams(filters: ReportFilters, today: string): Record<string, string | null> {
  const range = defaultRange(today);
  return {
    from: filters.from === range.from ? null : filters.from,
    to: filters.to === range.to ? null : filters.to,
    region: filters.region,
    area: filters.area,
    group: filters.group === 'country' ? null : filters.group,
    stack: filters.stack === 'status' ? null : filters.stack,
    interval: filters.interval === 'week' ? null : filters.interval,
  };
}

/** Whether the period can be asked for: a start on or before its end. */
export function isValidRange(filters: Pick<ReportFilters, 'from' | 'to'>): boolean {
  return isDay(filters.from) && isDay(filters.to) && filters.from <= filters.to;
}

/** The viewer's IANA time zone (America/Lima), whose calendar days the dates are. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The API's filter parameters. A director never names a region: the API gives it its own
 * (and answers 403 for another). The dates are days of the viewer's time zone: without it
 * the API would count UTC days, and in Lima's evening today's requests would fall outside.
 */
export function reportApiParams(filters: ReportFilters, role: Role, timeZone?: string): Record<string, string> {
  const params: Record<string, string> = { from: filters.from, to: filters.to };
  if (timeZone) params['timeZone'] = timeZone;
  if (filters.region && can(role, 'reports.all-regions')) params['region'] = filters.region;
  if (filters.area) params['area'] = filters.area;
  return params;
}

/** What a figure counts beyond the dashboard's filters. */
export interface InboxNarrowing {
  readonly region?: string;
  readonly country?: string;
  readonly area?: string;
  readonly statuses?: readonly RequestStatus[];
  readonly breached?: boolean;
  /** A narrower period than the dashboard's (aging buckets). */
  readonly from?: string | null;
  readonly to?: string | null;
}

/**
 * The inbox's query parameters that list the requests behind a figure. No view (`tab`) is
 * named: with filters, the inbox shows everything the person may see ("my region" for a
 * director, "all" for the executive); `breached=true` opens its overdue view.
 */
export function inboxQueryParams(
  filters: ReportFilters,
  role: Role,
  narrowing: InboxNarrowing = {},
): Record<string, string> {
  const params: Record<string, string> = {};
  const from = narrowing.from && narrowing.from > filters.from ? narrowing.from : filters.from;
  const to = narrowing.to && narrowing.to < filters.to ? narrowing.to : filters.to;
  params['from'] = from;
  params['to'] = to;
  const statuses = narrowing.statuses ?? [];
  if (statuses.length > 0) params['status'] = statuses.join(',');
  const area = narrowing.area ?? filters.area;
  if (area) params['area'] = area;
  if (narrowing.country) params['country'] = narrowing.country;
  const region = narrowing.region ?? filters.region;
  if (region && can(role, 'reports.all-regions')) params['region'] = region;
  if (narrowing.breached) params['breached'] = 'true';
  return params;
}

/**
 * The narrowing of a row of the current grouping; null where the inbox has no such filter
 * (assignee, status rows' cells would contradict their own status, product, organization).
 */
export function groupNarrowing(group: ReportChartGroup, key: string): InboxNarrowing | null {
  switch (group) {
    case 'region':
      return { region: key };
    case 'country':
      return { country: key };
    case 'area':
      return { area: key };
    default:
      return null;
  }
}

/**
 * The days an aging bucket covers, counted in the viewer's calendar days before today (the
 * inbox's `from`/`to` are the viewer's days). The API counts ages in hours from now, so a request filed near
 * midnight may fall in the neighbouring bucket's list.
 */
export function agingDays(bucket: AgingBucket, today: string): { from: string | null; to: string | null } {
  switch (bucket) {
    case 'd0_2':
      return { from: addDays(today, -2), to: null };
    case 'd3_7':
      return { from: addDays(today, -7), to: addDays(today, -3) };
    case 'd8_30':
      return { from: addDays(today, -30), to: addDays(today, -8) };
    case 'd31_plus':
      return { from: null, to: addDays(today, -31) };
  }
}

/** The open requests of an aging bucket, within the dashboard's filters. */
export function agingNarrowing(bucket: AgingBucket, today: string, base: InboxNarrowing = {}): InboxNarrowing {
  return { ...base, statuses: OPEN_STATUSES, ...agingDays(bucket, today) };
}

/**
 * Share of requests that kept their deadlines, as the API gives it (1 − breached/total);
 * null when nothing came due (every request still open, none breached) or without requests.
 */
export function slaCompliance(figures: Pick<LoadFigures, 'slaCompliance'>): number | null {
  return figures.slaCompliance;
}

/** The file name a Content-Disposition header gives (RFC 6266 `filename*` first), or the fallback. */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return sanitizeFileName(decodeURIComponent(extended[1].trim()), fallback);
    } catch {
      // A malformed encoding: try the plain name.
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/.exec(header);
  const name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2];
  return name ? sanitizeFileName(name, fallback) : fallback;
}

function sanitizeFileName(name: string, fallback: string): string {
  // Never a path: only the last part, without characters file systems refuse.
  const base = name
    .split(/[\\/]/)
    .pop()
    // eslint-disable-next-line no-control-regex -- control characters are taken out of file names
    ?.replace(/[<>:"|?*\u0000-\u001f]/g, '')
    .trim();
  return base ? base : fallback;
}
