import {
  agingNarrowing,
  defaultRange,
  fileNameFromDisposition,
  inboxQueryParams,
  isValidRange,
  monthsBefore,
  parseReportFilters,
  reportApiParams,
  reportGroupsFor,
  type ReportFilters,
  slaCompliance,
  toReportUrlParams,
} from './report-query';
import { parseInboxQuery, toApiParams } from '../inbox/inbox-query';

const TODAY = '2026-11-28';

describe('the reports dashboard’s filters', () => {
  it('cover the last 12 months up to today when the URL names no period', () => {
    expect(defaultRange(TODAY)).toEqual({ from: '2025-11-28', to: '2026-11-28' });
    expect(parseReportFilters({}, TODAY)).toEqual({
      from: '2025-11-28',
      to: '2026-11-28',
      region: null,
      area: null,
      group: 'country',
      stack: 'status',
      interval: 'week',
    });
  });

  it('go back to the last day of a shorter month', () => {
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2024-02-29', 12)).toBe('2023-02-28');
  });

  it('drop what is malformed or unknown, and keep what is valid', () => {
    const filters = parseReportFilters(
      {
        from: '2026-02-30',
        to: '2026-06-30',
        region: 'XX',
        area: 'market-access',
        group: 'area',
        stack: 'pie',
        interval: 'month',
      },
      TODAY,
    );
    expect(filters).toEqual({
      from: '2025-11-28',
      to: '2026-06-30',
      region: null,
      area: 'market-access',
      group: 'area',
      stack: 'status',
      interval: 'month',
    });
  });

  it('write only what differs from the defaults into the URL, and read it back the same', () => {
    const filters: ReportFilters = { ...parseReportFilters({}, TODAY), region: 'AND', group: 'area', to: '2026-10-31' };
    const params = toReportUrlParams(filters, TODAY);
    expect(params).toEqual({
      from: null,
      to: '2026-10-31',
      region: 'AND',
      area: null,
      group: 'area',
      stack: null,
      interval: null,
    });
    const defined = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== null));
    expect(parseReportFilters(defined, TODAY)).toEqual(filters);
  });

  it('refuse a period that ends before it starts', () => {
    expect(isValidRange({ from: '2026-05-02', to: '2026-05-01' })).toBe(false);
    expect(isValidRange({ from: '2026-05-01', to: '2026-05-01' })).toBe(true);
  });

  it('send the viewer’s time zone, whose days the dates are', () => {
    const filters = parseReportFilters({}, TODAY);
    expect(reportApiParams(filters, 'director', 'America/Lima')).toEqual({
      from: '2025-11-28',
      to: '2026-11-28',
      timeZone: 'America/Lima',
    });
  });

  it('never send a director’s region to the API, which gives it its own', () => {
    const filters = { ...parseReportFilters({}, TODAY), region: 'SUR' as const, area: 'human-rights' as const };
    expect(reportApiParams(filters, 'director')).toEqual({
      from: '2025-11-28',
      to: '2026-11-28',
      area: 'human-rights',
    });
    expect(reportApiParams(filters, 'executive')).toEqual({
      from: '2025-11-28',
      to: '2026-11-28',
      region: 'SUR',
      area: 'human-rights',
    });
  });
});

describe('links from a figure to the inbox', () => {
  const filters: ReportFilters = { ...parseReportFilters({}, TODAY), region: 'AND', area: 'market-access' };

  it("are read by the inbox as the same filters, and reach the API as the viewer's days", () => {
    const params = inboxQueryParams(filters, 'executive', { country: 'PE', statuses: ['in_progress', 'new'] });
    const query = parseInboxQuery(params, 'executive');
    expect(query).toMatchObject({
      tab: 'coverage',
      country: 'PE',
      area: 'market-access',
      region: 'AND',
      from: '2025-11-28',
      to: '2026-11-28',
    });
    expect(query.statuses).toEqual(['new', 'in_progress']);
    expect(toApiParams(query)).toMatchObject({
      country: 'PE',
      area: 'market-access',
      region: 'AND',
      status: 'new,in_progress',
      // The viewer's days, as the instants they start and end in the viewer's time zone.
      from: new Date(2025, 10, 28).toISOString(),
      to: new Date(2026, 10, 29).toISOString(),
    });
  });

  it('open the overdue view for a breached figure', () => {
    const query = parseInboxQuery(inboxQueryParams(filters, 'director', { breached: true }), 'director');
    expect(query.tab).toBe('breached');
    expect(toApiParams(query)['breached']).toBe('true');
    // The director's inbox is its region already: no region parameter.
    expect(query.region).toBeNull();
  });

  it('narrow an aging bucket to the open requests of its days, within the period', () => {
    expect(inboxQueryParams(filters, 'admin', agingNarrowing('d3_7', TODAY))).toMatchObject({
      status: 'new,assigned,in_progress,waiting_on_member',
      from: '2026-11-21',
      to: '2026-11-25',
    });
    const older = inboxQueryParams(filters, 'admin', agingNarrowing('d31_plus', TODAY));
    expect(older).toMatchObject({ from: '2025-11-28', to: '2026-10-28' });
  });
});

describe('report figures', () => {
  it('give the SLA compliance as the API says, none when nothing came due', () => {
    expect(slaCompliance({ slaCompliance: 0.75 })).toBe(0.75);
    expect(slaCompliance({ slaCompliance: null })).toBeNull();
  });

  it('offer every grouping by role: by region only to those who see every region', () => {
    expect(reportGroupsFor('director')).toEqual(['country', 'area', 'assignee', 'status', 'product', 'organization']);
    expect(reportGroupsFor('executive')).toEqual([
      'region',
      'country',
      'area',
      'assignee',
      'status',
      'product',
      'organization',
    ]);
    // A director's link by region falls back to the default grouping.
    expect(parseReportFilters({ group: 'region' }, TODAY, 'director').group).toBe('country');
    expect(parseReportFilters({ group: 'region' }, TODAY, 'executive').group).toBe('region');
    expect(parseReportFilters({ group: 'assignee' }, TODAY, 'director').group).toBe('assignee');
  });

  it('take the CSV file name from Content-Disposition, and never a path', () => {
    expect(fileNameFromDisposition('attachment; filename="load-by-country-2025-11-28-2026-11-29.csv"', 'x.csv')).toBe(
      'load-by-country-2025-11-28-2026-11-29.csv',
    );
    expect(fileNameFromDisposition("attachment; filename*=UTF-8''informe%20a%C3%B1o.csv", 'x.csv')).toBe(
      'informe año.csv',
    );
    expect(fileNameFromDisposition('attachment; filename="../../etc/passwd"', 'x.csv')).toBe('passwd');
    expect(fileNameFromDisposition(null, 'x.csv')).toBe('x.csv');
  });
});
