import {
  can,
  INBOX_FILTER_PARAMS,
  INBOX_TABS,
  type InboxTab,
  LIMITS,
  REGION_CODES,
  REQUEST_STATUSES,
  REQUEST_VISIBILITY,
  type RegionCode,
  type RequestStatus,
  type Role,
  THEMATIC_AREAS,
  type ThematicArea,
} from '@portal/shared';
import type { StaffTextKey } from '../core/staff-i18n/staff-dictionaries';

/**
 * The inbox's state lives in the URL's query parameters, so a reload, a bookmark or a link
 * from the reports (`/inbox?country=PE&status=assigned`) shows the same list. This file
 * turns those parameters into a checked query and back, and into the API's parameters.
 * Anything unknown or malformed in a URL is dropped, never sent on to the API.
 */

export { INBOX_TABS, type InboxTab } from '@portal/shared';

/** The API's `sort` values the inbox offers, the default first. */
export const INBOX_SORTS = ['-createdAt', 'createdAt', '-priority', 'dueAt', '-updatedAt'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

export const INBOX_PAGE_SIZE = LIMITS.pageSizeDefault;

export interface InboxQuery {
  readonly tab: InboxTab;
  readonly statuses: readonly RequestStatus[];
  readonly area: ThematicArea | null;
  readonly country: string | null;
  readonly region: RegionCode | null;
  readonly escalated: boolean;
  readonly q: string;
  readonly sort: InboxSort;
  readonly page: number;
  /** Narrowing that comes only from links (the reports): one organization, one assignee, a period. */
  readonly organization: string | null;
  readonly assignee: string | null;
  readonly from: string | null;
  readonly to: string | null;
}

/** The URL's query parameters, as the router gives them. */
export type QueryParams = Readonly<Record<string, unknown>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const COUNTRY = /^[A-Z]{2}$/;

/** The views a role has; one that works no case (the executive) is never assigned anything, so it has no "mine". */
export function tabsFor(role: Role): readonly InboxTab[] {
  return can(role, 'requests.work') ? INBOX_TABS : ['coverage', 'unassigned', 'breached'];
}

/** What the "coverage" view is called for each role: what the API's visibility scope means for it. */
export function coverageTabLabel(role: Role): StaffTextKey {
  switch (REQUEST_VISIBILITY[role]) {
    case 'country-coverage':
      return 'inbox.tab.countries';
    case 'region':
      return 'inbox.tab.region';
    case 'coverage':
      return 'inbox.tab.coverage';
    default:
      return 'inbox.tab.all';
  }
}

/** Whether the region filter is offered: to those who see more than one country's requests. */
export function offersRegionFilter(role: Role): boolean {
  const visibility = REQUEST_VISIBILITY[role];
  return visibility === 'region' || visibility === 'everything';
}

/**
 * The view shown when the URL names none: case workers start with their own requests. A
 * link that carries filters but no view (from the reports) means "all of these", not "mine".
 */
export function defaultTab(role: Role, params: QueryParams): InboxTab {
  if (params['breached'] === 'true') return 'breached';
  const filtered = INBOX_FILTER_PARAMS.some((name) => typeof params[name] === 'string' && params[name] !== '');
  // Those who see by their coverage (representatives, specialists) start with their own.
  const visibility = REQUEST_VISIBILITY[role];
  const coverageBased = visibility === 'country-coverage' || visibility === 'coverage';
  return coverageBased ? (filtered ? 'coverage' : 'mine') : 'coverage';
}

function text(params: QueryParams, name: string): string | null {
  const value = params[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

export function parseInboxQuery(params: QueryParams, role: Role): InboxQuery {
  const tab = oneOf(tabsFor(role), text(params, 'tab')) ?? defaultTab(role, params);
  const statuses = (text(params, 'status') ?? '')
    .split(',')
    .map((status) => status.trim())
    .filter((status): status is RequestStatus => (REQUEST_STATUSES as readonly string[]).includes(status));
  const country = text(params, 'country')?.toUpperCase() ?? null;
  const page = Number(text(params, 'page') ?? '1');
  const match = (pattern: RegExp, name: string) => {
    const value = text(params, name);
    return value !== null && pattern.test(value) ? value : null;
  };
  return {
    tab,
    // In the order of the lifecycle, without repeats, so equal filters give equal URLs.
    statuses: REQUEST_STATUSES.filter((status) => statuses.includes(status)),
    area: oneOf(THEMATIC_AREAS, text(params, 'area')),
    country: country && COUNTRY.test(country) ? country : null,
    region: offersRegionFilter(role) ? oneOf(REGION_CODES, text(params, 'region')) : null,
    escalated: text(params, 'escalated') === 'true',
    q: (text(params, 'q') ?? '').slice(0, 200),
    sort: oneOf(INBOX_SORTS, text(params, 'sort')) ?? INBOX_SORTS[0],
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
    organization: match(UUID, 'organization'),
    assignee: match(UUID, 'assignee'),
    from: match(DAY, 'from'),
    to: match(DAY, 'to'),
  };
}

/** The query's URL parameters; defaults are left out so URLs stay short and comparable. */
export function toUrlParams(query: InboxQuery, role: Role): Record<string, string | null> {
  const orNull = (value: string | null | undefined) => (value ? value : null);
  const params: Record<string, string | null> = {
    status: orNull(query.statuses.join(',')),
    area: query.area,
    country: query.country,
    region: query.region,
    escalated: query.escalated ? 'true' : null,
    q: orNull(query.q.trim()),
    sort: query.sort === INBOX_SORTS[0] ? null : query.sort,
    page: query.page > 1 ? String(query.page) : null,
    organization: query.organization,
    assignee: query.assignee,
    from: query.from,
    to: query.to,
    breached: null,
  };
  // The view is written out unless the other parameters already imply it.
  params['tab'] = query.tab === defaultTab(role, params) ? null : query.tab;
  return params;
}

/** GET /requests parameters for the query: the view becomes an assignee or breach filter. */
export function toApiParams(query: InboxQuery, pageSize: number = INBOX_PAGE_SIZE): Record<string, string> {
  const params: Record<string, string> = { page: String(query.page), pageSize: String(pageSize), sort: query.sort };
  if (query.tab === 'mine') params['assignee'] = 'me';
  else if (query.tab === 'unassigned') params['assignee'] = 'none';
  else if (query.assignee) params['assignee'] = query.assignee;
  if (query.tab === 'breached') params['breached'] = 'true';
  if (query.statuses.length > 0) params['status'] = query.statuses.join(',');
  if (query.area) params['area'] = query.area;
  if (query.country) params['country'] = query.country;
  if (query.region) params['region'] = query.region;
  if (query.escalated) params['escalated'] = 'true';
  if (query.q.trim()) params['q'] = query.q.trim();
  if (query.organization) params['organization'] = query.organization;
  // The days are the viewer's (the reports' links give them so): sent as the instants they
  // start and end here, or the API would count UTC days and list other requests than the count.
  if (query.from) params['from'] = startOfViewerDay(query.from);
  if (query.to) params['to'] = startOfViewerDay(query.to, 1);
  return params;
}

/** The instant a calendar day (YYYY-MM-DD), or the one `daysLater`, starts in the viewer's time zone. */
export function startOfViewerDay(day: string, daysLater = 0): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const start = new Date(0);
  // setFullYear, not the Date constructor: years below 100 would be taken as 19xx.
  start.setFullYear(year, month - 1, date + daysLater);
  start.setHours(0, 0, 0, 0);
  return start.toISOString();
}

/** Whether anything beyond the view narrows the list (for "Clear filters" and the empty state). */
export function hasFilters(query: InboxQuery): boolean {
  return (
    query.statuses.length > 0 ||
    query.area !== null ||
    query.country !== null ||
    query.region !== null ||
    query.escalated ||
    query.q.trim() !== '' ||
    query.organization !== null ||
    (query.assignee !== null && (query.tab === 'coverage' || query.tab === 'breached')) ||
    query.from !== null ||
    query.to !== null
  );
}

/** The query with every filter removed, keeping the view and the sort. */
export function withoutFilters(query: InboxQuery): InboxQuery {
  return {
    ...query,
    statuses: [],
    area: null,
    country: null,
    region: null,
    escalated: false,
    q: '',
    page: 1,
    organization: null,
    assignee: null,
    from: null,
    to: null,
  };
}
