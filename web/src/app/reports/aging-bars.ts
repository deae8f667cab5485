import { Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { LoadFigures, Role } from '@portal/shared';

import { ReportsI18n } from './i18n/reports-texts';
import { reportFormats } from './report-formats';
import { AGING_BUCKETS, agingNarrowing, inboxQueryParams, type ReportFilters } from './report-query';

/**
 * How long the open requests have waited, as a short list of labelled bars: plain HTML, so
 * the numbers are read as text and each bucket is a link to its requests.
 */
@Component({
  selector: 'app-aging-bars',
  imports: [RouterLink],
  template: `
    @if (figures().open === 0) {
      <p class="none">{{ t('reports.aging.none') }}</p>
    } @else {
      <ul class="bars">
        @for (bar of bars(); track bar.bucket) {
          <li [attr.data-bucket]="bar.bucket">
            <a routerLink="/inbox" [queryParams]="bar.link">
              <span class="label">{{ t(bar.label) }}</span>
              <span class="count">{{ bar.text }}</span>
              <span class="track" aria-hidden="true">
                @if (bar.width > 0) {
                  <span class="fill" [class.old]="bar.old" [style.width.%]="bar.width"></span>
                }
              </span>
            </a>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .bars {
      display: grid;
      gap: 0.5rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    a {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 0.25rem 0.75rem;
      padding: 0.375rem 0.5rem;
      border-radius: var(--radius);
      color: var(--color-text);
      text-decoration: none;
    }
    a:hover {
      background: var(--color-accent-soft);
    }
    a:hover .label {
      text-decoration: underline;
    }
    .count {
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .track {
      grid-column: 1 / -1;
      height: 0.75rem;
      border-radius: 999px;
      background: var(--color-bg);
      box-shadow: inset 0 0 0 1px var(--color-border);
    }
    .fill {
      display: block;
      min-width: 0.25rem;
      height: 100%;
      border-radius: 999px;
      background: var(--color-accent);
    }
    .fill.old {
      background: #a8201a;
    }
    .none {
      margin: 0;
      color: var(--color-text-muted);
    }
    @media (forced-colors: active) {
      .fill {
        background: CanvasText;
      }
    }
  `,
})
export class AgingBars {
  readonly figures = input.required<LoadFigures>();
  readonly filters = input.required<ReportFilters>();
  readonly role = input.required<Role>();
  readonly today = input.required<string>();

  private readonly i18n = inject(ReportsI18n);
  protected readonly t = this.i18n.t;

  protected readonly bars = computed(() => {
    const aging = this.figures().aging;
    const format = reportFormats(this.i18n.language());
    const largest = Math.max(1, ...AGING_BUCKETS.map((bucket) => aging[bucket]));
    return AGING_BUCKETS.map((bucket) => ({
      bucket,
      label: `reports.aging.${bucket}` as const,
      text: format.count(aging[bucket]),
      width: (aging[bucket] / largest) * 100,
      // Past a month, a request is waiting too long: its bar says so in a warning color.
      old: bucket === 'd31_plus',
      link: inboxQueryParams(this.filters(), this.role(), agingNarrowing(bucket, this.today())),
    }));
  });
}
