import type { ReportsKey } from './i18n/reports-texts';
import type { ReportChartGroup } from './report-query';

/** Each grouping's name, the load chart's heading and the table's caption. */
export const GROUP_TEXTS: Record<ReportChartGroup, { name: ReportsKey; load: ReportsKey; table: ReportsKey }> = {
  region: { name: 'reports.group.region', load: 'reports.load.byRegion', table: 'reports.table.byRegion' },
  country: { name: 'reports.group.country', load: 'reports.load.byCountry', table: 'reports.table.byCountry' },
  area: { name: 'reports.group.area', load: 'reports.load.byArea', table: 'reports.table.byArea' },
  assignee: { name: 'reports.group.assignee', load: 'reports.load.byAssignee', table: 'reports.table.byAssignee' },
  status: { name: 'reports.group.status', load: 'reports.load.byStatus', table: 'reports.table.byStatus' },
  product: { name: 'reports.group.product', load: 'reports.load.byProduct', table: 'reports.table.byProduct' },
  organization: {
    name: 'reports.group.organization',
    load: 'reports.load.byOrganization',
    table: 'reports.table.byOrganization',
  },
};
