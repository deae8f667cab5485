import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
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
import type { ReportFilterDto } from './reports.dto';

const UNASSIGNED: Record<Language, string> = { es: 'Sin asignar', en: 'Unassigned', pt: 'Sem responsável', fr: 'Non attribuée' };

interface ReportScope {
  from: Date;
  to: Date;
  region: string | null;
  area: string | null;
}

/** How each grouping finds its key; `product` counts a request once per product of its organization. */
const GROUP_KEYS: Record<ReportGroup, { key: string; join: string }> = {
  region: { key: 'r.region_code', join: '' },
  country: { key: 'r.country_code', join: '' },
  area: { key: 'r.area_code', join: '' },
  assignee: { key: `COALESCE(r.assignee_id::text, 'none')`, join: '' },
  status: { key: 'r.status', join: '' },
  organization: { key: 'r.organization_id::text', join: '' },
  product: { key: 'p.product', join: 'JOIN organizations o ON o.id = r.organization_id CROSS JOIN LATERAL unnest(o.products) AS p(product)' },
};

/** The figures of API.md's load report, for whatever rows the FROM clause gives. */
const FIGURES_SQL = `
  count(*)::int AS total,
  ${REQUEST_STATUSES.map((s) => `count(*) FILTER (WHERE r.status = '${s}')::int AS "s_${s}"`).join(',\n  ')},
  count(*) FILTER (WHERE r.status IN ('new', 'assigned', 'in_progress', 'waiting_on_member'))::int AS open,
  count(*) FILTER (WHERE r.breached)::int AS breached,
  count(*) FILTER (WHERE r.status IN ('new', 'assigned', 'in_progress', 'waiting_on_member') AND r.created_at > now() - interval '3 days')::int AS d0_2,
  count(*) FILTER (WHERE r.status IN ('new', 'assigned', 'in_progress', 'waiting_on_member') AND r.created_at <= now() - interval '3 days' AND r.created_at > now() - interval '8 days')::int AS d3_7,
  count(*) FILTER (WHERE r.status IN ('new', 'assigned', 'in_progress', 'waiting_on_member') AND r.created_at <= now() - interval '8 days' AND r.created_at > now() - interval '31 days')::int AS d8_30,
  count(*) FILTER (WHERE r.status IN ('new', 'assigned', 'in_progress', 'waiting_on_member') AND r.created_at <= now() - interval '31 days')::int AS d31_plus,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.first_responded_at - r.created_at) / 3600) FILTER (WHERE r.first_responded_at IS NOT NULL) AS median_first_response,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.resolved_at - r.created_at) / 3600) FILTER (WHERE r.resolved_at IS NOT NULL) AS median_resolution,
  avg(r.satisfaction_score) AS satisfaction_avg`;

type FiguresRow = Record<string, number | string | null>;

const round = (value: number | string | null, digits: number) => (value === null ? null : Math.round(Number(value) * 10 ** digits) / 10 ** digits);

function toFigures(row: FiguresRow): LoadFigures {
  const byStatus = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, Number(row[`s_${s}`])])) as Record<RequestStatus, number>;
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
  ) {}

  /**
   * The reports' scope: a director sees its own region only (asking for another is a 403,
   * not an empty report that would look like "no load"); the executive and admins any.
   */
  scope(caller: AuthUser, filter: ReportFilterDto): ReportScope {
    let region = filter.region ?? null;
    if (caller.role === 'director') {
      if (region && region !== caller.regionCode) {
        throw new AppException(403, 'reports.other-region', 'Not allowed', 'A regional director sees the reports of its own region.');
      }
      region = caller.regionCode;
    }
    const to = filter.to ? (filter.to.length === 10 ? new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000) : new Date(filter.to)) : new Date();
    const from = filter.from ? new Date(filter.from.length === 10 ? `${filter.from}T00:00:00Z` : filter.from) : new Date(to.getTime() - 365 * 86_400_000);
    if (!(from < to)) throw new AppException(400, 'reports.empty-range', 'Invalid request', 'from must be before to.', { errors: { from: ['must be before to'] } });
    return { from, to, region, area: filter.area ?? null };
  }

  private where(scope: ReportScope, params: unknown[], column = 'r.created_at'): string {
    params.push(scope.from, scope.to);
    const conditions = [`${column} >= $${params.length - 1}`, `${column} < $${params.length}`];
    if (scope.region) {
      params.push(scope.region);
      conditions.push(`r.region_code = $${params.length}`);
    }
    if (scope.area) {
      params.push(scope.area);
      conditions.push(`r.area_code = $${params.length}`);
    }
    return conditions.join(' AND ');
  }

  async load(_caller: AuthUser, groupBy: ReportGroup, scope: ReportScope, language: Language): Promise<LoadReport> {
    const group = GROUP_KEYS[groupBy];
    const params: unknown[] = [];
    const where = this.where(scope, params);
    const [rows, [totals]] = await Promise.all([
      this.dataSource.query(`SELECT ${group.key} AS key, ${FIGURES_SQL} FROM requests r ${group.join} WHERE ${where} GROUP BY 1`, params),
      this.dataSource.query(`SELECT ${FIGURES_SQL} FROM requests r WHERE ${where}`, params),
    ]);
    const labels = await this.labels(groupBy, rows.map((row: { key: string }) => row.key), language);
    const items: LoadRow[] = rows
      .map((row: FiguresRow & { key: string }) => ({ key: row.key, label: labels.get(row.key) ?? row.key, ...toFigures(row) }))
      .sort((a: LoadRow, b: LoadRow) => b.total - a.total || a.label.localeCompare(b.label, language));
    return { groupBy, from: scope.from.toISOString(), to: scope.to.toISOString(), region: scope.region, rows: items, totals: toFigures(totals) };
  }

  async trend(interval: TrendInterval, scope: ReportScope): Promise<TrendReport> {
    const params: unknown[] = [];
    const createdWhere = this.where(scope, params);
    const resolvedWhere = this.where(scope, params, 'r.resolved_at');
    params.push(interval);
    const unit = `$${params.length}`;
    const rows: { period: string; created: number; resolved: number }[] = await this.dataSource.query(
      `WITH periods AS (
         SELECT generate_series(date_trunc(${unit}, $1::timestamptz AT TIME ZONE 'UTC'),
                                date_trunc(${unit}, ($2::timestamptz - interval '1 microsecond') AT TIME ZONE 'UTC'),
                                ('1 ' || ${unit})::interval) AS period),
       created AS (SELECT date_trunc(${unit}, r.created_at AT TIME ZONE 'UTC') AS period, count(*)::int AS n FROM requests r WHERE ${createdWhere} GROUP BY 1),
       resolved AS (SELECT date_trunc(${unit}, r.resolved_at AT TIME ZONE 'UTC') AS period, count(*)::int AS n FROM requests r WHERE ${resolvedWhere} GROUP BY 1)
       SELECT to_char(p.period, 'YYYY-MM-DD') AS period, COALESCE(c.n, 0) AS created, COALESCE(s.n, 0) AS resolved
       FROM periods p LEFT JOIN created c ON c.period = p.period LEFT JOIN resolved s ON s.period = p.period
       ORDER BY p.period`,
      params,
    );
    return {
      interval,
      from: scope.from.toISOString(),
      to: scope.to.toISOString(),
      region: scope.region,
      points: rows.map((row) => ({ period: row.period, new: row.created, resolved: row.resolved })),
    };
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
        return new Map(REQUEST_STATUSES.map((s) => [s, STATUS_NAMES[language][s].replace(/^./, (c) => c.toUpperCase())]));
      case 'product':
        return new Map(keys.map((k) => [k, k]));
      case 'assignee': {
        const rows: { id: string; name: string }[] = await this.dataSource.query(`SELECT id::text, name FROM users WHERE id::text = ANY($1)`, [keys]);
        return new Map([['none', UNASSIGNED[language]], ...rows.map((r) => [r.id, r.name] as [string, string])]);
      }
      case 'organization': {
        const rows: { id: string; name: string }[] = await this.dataSource.query(`SELECT id::text, name FROM organizations WHERE id::text = ANY($1)`, [keys]);
        return new Map(rows.map((r) => [r.id, r.name]));
      }
    }
  }
}
