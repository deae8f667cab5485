import { Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { type LoadFigures, type LoadRow, OPEN_STATUSES, REQUEST_STATUSES, type Role } from '@portal/shared';

import { GROUP_TEXTS } from './group-texts';
import { ReportsI18n, type ReportsTextKey } from './i18n/reports-texts';
import { reportFormats } from './report-formats';
import {
  AGING_BUCKETS,
  agingNarrowing,
  groupNarrowing,
  type InboxNarrowing,
  inboxQueryParams,
  type ReportFilters,
  slaCompliance,
} from './report-query';

interface Cell {
  readonly column: string;
  readonly text: string;
  /** Inbox query parameters for a count above zero; null otherwise. */
  readonly link: Record<string, string> | null;
}

interface TableRow {
  readonly key: string;
  readonly label: string;
  readonly link: Record<string, string> | null;
  readonly cells: readonly Cell[];
}

let nextId = 0;

/**
 * Every figure of the current grouping, one row per country or area and the totals below.
 * Scrolls sideways on a phone with the names kept in view; each count opens its requests in
 * the inbox.
 */
@Component({
  selector: 'app-load-table',
  imports: [RouterLink],
  template: `
    <p class="scroll-hint">{{ t('reports.table.scrollHint') }}</p>
    <div class="scroll" role="region" tabindex="0" [attr.aria-labelledby]="captionId">
      <table>
        <caption [id]="captionId">
          {{
            t(caption())
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col" rowspan="2" class="name">{{ t(groupLabel()) }}</th>
            <th scope="col" rowspan="2">{{ t('reports.col.total') }}</th>
            <th scope="colgroup" colspan="7" class="group">{{ t('inbox.col.status') }}</th>
            <th scope="col" rowspan="2">{{ t('reports.col.open') }}</th>
            <th scope="col" rowspan="2">{{ t('reports.col.breached') }}</th>
            <th scope="col" rowspan="2">{{ t('reports.col.sla') }}</th>
            <th scope="colgroup" colspan="4" class="group">{{ t('reports.col.aging') }}</th>
            <th scope="col" rowspan="2">{{ t('reports.col.firstResponse') }}</th>
            <th scope="col" rowspan="2">{{ t('reports.col.resolution') }}</th>
            <th scope="col" rowspan="2">{{ t('reports.col.satisfaction') }}</th>
          </tr>
          <tr>
            @for (status of statuses; track status) {
              <th scope="col">{{ t(statusKey(status)) }}</th>
            }
            @for (bucket of buckets; track bucket) {
              <th scope="col">{{ t(agingKey(bucket)) }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of table(); track row.key) {
            <tr data-testid="report-row" [attr.data-key]="row.key">
              <th scope="row" class="name">
                @if (row.link) {
                  <a routerLink="/inbox" [queryParams]="row.link">{{ row.label }}</a>
                } @else {
                  {{ row.label }}
                }
                <span class="key">{{ row.key }}</span>
              </th>
              @for (cell of row.cells; track cell.column) {
                <td [attr.data-col]="cell.column">
                  @if (cell.link) {
                    <a routerLink="/inbox" [queryParams]="cell.link">{{ cell.text }}</a>
                  } @else {
                    {{ cell.text }}
                  }
                </td>
              }
            </tr>
          }
        </tbody>
        <tfoot>
          <tr data-testid="report-totals-row">
            <th scope="row" class="name">{{ t('reports.table.totals') }}</th>
            @for (cell of totalsRow(); track cell.column) {
              <td [attr.data-col]="cell.column">
                @if (cell.link) {
                  <a routerLink="/inbox" [queryParams]="cell.link">{{ cell.text }}</a>
                } @else {
                  {{ cell.text }}
                }
              </td>
            }
          </tr>
        </tfoot>
      </table>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .scroll-hint {
      margin: 0 0 0.5rem;
      color: var(--color-text-muted);
      font-size: 0.875rem;
    }
    @media (min-width: 90rem) {
      .scroll-hint {
        display: none;
      }
    }
    .scroll {
      overflow-x: auto;
      border: 1px solid var(--color-border);
      border-radius: var(--radius-large);
      background: var(--color-surface);
    }
    .scroll:focus-visible {
      outline-offset: 2px;
    }
    table {
      min-width: 100%;
      border-collapse: separate;
      border-spacing: 0;
      font-size: 0.9375rem;
      font-variant-numeric: tabular-nums;
    }
    caption {
      padding: 0.75rem 0.875rem 0.5rem;
      font-weight: 700;
      text-align: left;
    }
    th,
    td {
      padding: 0.5rem 0.625rem;
      border-bottom: 1px solid var(--color-border);
      text-align: right;
      white-space: nowrap;
    }
    thead th {
      background: var(--color-bg);
      color: var(--color-text-muted);
      font-size: 0.8125rem;
      font-weight: 700;
      vertical-align: bottom;
      white-space: normal;
      min-width: 5.5rem;
    }
    thead th.group {
      text-align: center;
      border-bottom-color: var(--color-border-strong);
    }
    .name {
      position: sticky;
      left: 0;
      z-index: 1;
      min-width: 9rem;
      max-width: 13rem;
      border-right: 1px solid var(--color-border);
      background: var(--color-surface);
      text-align: left;
      white-space: normal;
    }
    thead .name {
      background: var(--color-bg);
    }
    tbody .name a {
      font-weight: 600;
    }
    .key {
      display: block;
      color: var(--color-text-muted);
      font-size: 0.75rem;
      font-weight: 400;
    }
    tbody tr:hover td,
    tbody tr:hover .name {
      background: var(--color-accent-soft);
    }
    tfoot th,
    tfoot td {
      border-bottom: 0;
      border-top: 2px solid var(--color-border-strong);
      font-weight: 700;
    }
    td a {
      display: inline-block;
      min-width: 1.5rem;
      font-weight: 600;
    }
  `,
})
export class LoadTable {
  readonly rows = input.required<readonly LoadRow[]>();
  readonly totals = input.required<LoadFigures>();
  readonly filters = input.required<ReportFilters>();
  readonly role = input.required<Role>();
  /** The viewer's today (YYYY-MM-DD), for the days of the aging buckets' links. */
  readonly today = input.required<string>();

  private readonly i18n = inject(ReportsI18n);
  protected readonly t = this.i18n.t;
  protected readonly captionId = `report-table-caption-${++nextId}`;
  protected readonly statuses = REQUEST_STATUSES;
  protected readonly buckets = AGING_BUCKETS;
  protected readonly caption = computed<ReportsTextKey>(() => GROUP_TEXTS[this.filters().group].table);
  protected readonly groupLabel = computed<ReportsTextKey>(() => GROUP_TEXTS[this.filters().group].name);

  protected readonly table = computed<readonly TableRow[]>(() => {
    const group = this.filters().group;
    return this.rows().map((row) => {
      const base = groupNarrowing(group, row.key);
      return {
        key: row.key,
        label: row.label,
        link: base ? this.link(base) : null,
        cells: this.cells(row, base),
      };
    });
  });

  protected readonly totalsRow = computed(() => this.cells(this.totals(), {}));

  protected statusKey(status: (typeof REQUEST_STATUSES)[number]): ReportsTextKey {
    return `requests.status.${status}`;
  }

  protected agingKey(bucket: (typeof AGING_BUCKETS)[number]): ReportsTextKey {
    return `reports.aging.${bucket}`;
  }

  private link(narrowing: InboxNarrowing): Record<string, string> {
    return inboxQueryParams(this.filters(), this.role(), narrowing);
  }

  /** A row's cells; `base` null: a row the inbox cannot list (an assignee), plain figures. */
  private cells(figures: LoadFigures, base: InboxNarrowing | null): Cell[] {
    const format = reportFormats(this.i18n.language());
    const count = (column: string, value: number, narrowing: InboxNarrowing): Cell => ({
      column,
      text: format.count(value),
      link: value > 0 && base ? this.link({ ...base, ...narrowing }) : null,
    });
    const today = this.today();
    return [
      count('total', figures.total, {}),
      ...REQUEST_STATUSES.map((status) => count(status, figures.byStatus[status], { statuses: [status] })),
      count('open', figures.open, { statuses: OPEN_STATUSES }),
      count('breached', figures.breached, { breached: true }),
      { column: 'sla', text: format.percent(slaCompliance(figures)), link: null },
      ...AGING_BUCKETS.map((bucket) => count(bucket, figures.aging[bucket], agingNarrowing(bucket, today))),
      { column: 'first-response', text: format.decimal(figures.medianFirstResponseHours), link: null },
      { column: 'resolution', text: format.decimal(figures.medianResolutionHours), link: null },
      { column: 'satisfaction', text: format.decimal(figures.satisfactionAvg), link: null },
    ];
  }
}
