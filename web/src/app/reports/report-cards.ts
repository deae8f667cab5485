import { NgTemplateOutlet } from '@angular/common';
import { Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { type LoadFigures, OPEN_STATUSES, type ReportChange, type Role } from '@portal/shared';

import { ReportsI18n, type ReportsKey } from './i18n/reports-texts';
import { reportFormats } from './report-formats';
import { inboxQueryParams, type ReportFilters, slaCompliance } from './report-query';

interface Card {
  readonly id: string;
  readonly label: ReportsKey;
  readonly value: string;
  readonly hint: string;
  /** The inbox's query parameters listing the requests counted; null for figures that are not counts. */
  readonly link: Record<string, string> | null;
  readonly testId: string | null;
  /** "—": said as "no data" to screen readers. */
  readonly missing: boolean;
  /** Against the previous period: the change's text, and whether the figure went up or down. */
  readonly change: { readonly text: string; readonly direction: 'up' | 'down' | 'same' | null };
}

/** Which change of the report each card shows. */
const CHANGE_OF: Record<string, keyof ReportChange> = {
  total: 'total',
  open: 'open',
  breached: 'breached',
  sla: 'slaCompliancePoints',
  'first-response': 'medianFirstResponseHours',
  resolution: 'medianResolutionHours',
  satisfaction: 'satisfactionAvg',
};

/** The period's totals as cards; each count opens its requests in the inbox. */
@Component({
  selector: 'app-report-cards',
  imports: [RouterLink, NgTemplateOutlet],
  template: `
    <ul class="cards">
      @for (card of cards(); track card.id) {
        <li class="card" [class.linked]="card.link">
          @if (card.link) {
            <a class="value-link" routerLink="/inbox" [queryParams]="card.link">
              <span class="label">{{ t(card.label) }}</span>
              <span class="value" [attr.data-testid]="card.testId">{{ card.value }}</span>
              <span class="hint">{{ card.hint }}<span class="arrow" aria-hidden="true"> →</span></span>
              <ng-container *ngTemplateOutlet="changeLine; context: { $implicit: card }" />
            </a>
          } @else {
            <span class="label">{{ t(card.label) }}</span>
            <span class="value" [attr.data-testid]="card.testId">
              @if (card.missing) {
                <span aria-hidden="true">{{ card.value }}</span><span class="visually-hidden">{{
                  t('reports.noData')
                }}</span>
              } @else {
                {{ card.value }}
              }
            </span>
            @if (card.hint) {
              <span class="hint">{{ card.hint }}</span>
            }
            <ng-container *ngTemplateOutlet="changeLine; context: { $implicit: card }" />
          }
        </li>
      }
    </ul>
    <ng-template #changeLine let-card>
      <span
        class="change"
        [attr.data-testid]="'report-change-' + card.id"
        [attr.data-direction]="card.change.direction"
      >
        @if (card.change.direction === 'up') {
          <span aria-hidden="true">▲ </span>
        } @else if (card.change.direction === 'down') {
          <span aria-hidden="true">▼ </span>
        }
        {{ card.change.text }}
      </span>
    </ng-template>
  `,
  styles: `
    .cards {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 0.75rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    /* Four across: the counts and the on-time rate, then the times and satisfaction. */
    @media (min-width: 48rem) {
      .cards {
        grid-template-columns: repeat(4, minmax(0, 1fr));
      }
    }
    .card {
      display: grid;
      align-content: start;
      gap: 0.125rem;
      min-width: 0;
      padding: 0.75rem 0.875rem;
      border: 1px solid var(--color-border);
      border-radius: var(--radius-large);
      background: var(--color-surface);
      box-shadow: var(--shadow);
    }
    .card.linked {
      padding: 0;
    }
    .value-link {
      display: grid;
      gap: 0.125rem;
      height: 100%;
      padding: 0.75rem 0.875rem;
      border-radius: var(--radius-large);
      color: var(--color-text);
      text-decoration: none;
    }
    .value-link:hover {
      background: var(--color-accent-soft);
    }
    .value-link:hover .hint {
      color: var(--color-accent-strong);
      text-decoration: underline;
    }
    .label {
      color: var(--color-text-muted);
      font-size: 0.875rem;
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .value {
      font-size: 1.625rem;
      font-weight: 700;
      line-height: 1.2;
      font-variant-numeric: tabular-nums;
    }
    .hint {
      color: var(--color-text-muted);
      font-size: 0.8125rem;
    }
    .change {
      color: var(--color-text-muted);
      font-size: 0.8125rem;
      font-variant-numeric: tabular-nums;
    }
    .linked .hint {
      color: var(--color-accent);
      font-weight: 600;
    }
  `,
})
export class ReportCards {
  readonly figures = input.required<LoadFigures>();
  readonly filters = input.required<ReportFilters>();
  readonly role = input.required<Role>();
  /** This period against the previous one (LoadReport.change). */
  readonly change = input.required<ReportChange>();

  private readonly i18n = inject(ReportsI18n);
  protected readonly t = this.i18n.t;
  private readonly formats = computed(() => reportFormats(this.i18n.language()));

  protected readonly cards = computed<readonly Card[]>(() => {
    const figures = this.figures();
    const format = this.formats();
    // A count of zero leads nowhere useful: it stays plain text.
    const link = (narrowing: Parameters<typeof inboxQueryParams>[2], count: number) =>
      count > 0 ? inboxQueryParams(this.filters(), this.role(), narrowing) : null;
    const inbox = (count: number) => (count > 0 ? this.t('reports.card.inboxHint') : '');
    const sla = slaCompliance(figures);
    const satisfaction = figures.satisfactionAvg;
    const changes = this.change();
    const changeOf = (id: string): Card['change'] => {
      const figure = CHANGE_OF[id];
      const value = figure ? changes[figure] : null;
      if (value === null || value === undefined) return { text: this.t('reports.change.none'), direction: null };
      const text =
        figure === 'slaCompliancePoints'
          ? this.t('reports.change.points', { value: format.signed(value) })
          : format.change(value);
      return {
        text: this.t('reports.change.value', { change: text }),
        direction: value > 0 ? 'up' : value < 0 ? 'down' : 'same',
      };
    };
    const cards: Omit<Card, 'change'>[] = [
      {
        id: 'total',
        label: 'reports.card.total',
        value: format.count(figures.total),
        hint: inbox(figures.total),
        link: link({}, figures.total),
        testId: 'report-total',
        missing: false,
      },
      {
        id: 'open',
        label: 'reports.card.open',
        value: format.count(figures.open),
        hint: inbox(figures.open),
        link: link({ statuses: OPEN_STATUSES }, figures.open),
        testId: 'report-open',
        missing: false,
      },
      {
        id: 'breached',
        label: 'reports.card.breached',
        value: format.count(figures.breached),
        hint: inbox(figures.breached),
        link: link({ breached: true }, figures.breached),
        testId: 'report-breached',
        missing: false,
      },
      {
        id: 'sla',
        label: 'reports.card.sla',
        value: format.percent(sla),
        // "—" alone would read as a fault: say that nothing came due yet.
        hint:
          sla === null
            ? figures.total > 0
              ? this.t('reports.card.slaNoneDue')
              : ''
            : this.t('reports.card.slaHint', { due: format.count(figures.cameDue) }),
        link: null,
        testId: 'report-sla',
        missing: sla === null,
      },
      {
        id: 'first-response',
        label: 'reports.card.firstResponse',
        value: format.hours(figures.medianFirstResponseHours),
        hint: this.t('reports.card.medianHint'),
        link: null,
        testId: 'report-first-response',
        missing: figures.medianFirstResponseHours === null,
      },
      {
        id: 'resolution',
        label: 'reports.card.resolution',
        value: format.hours(figures.medianResolutionHours),
        hint: this.t('reports.card.medianHint'),
        link: null,
        testId: 'report-resolution',
        missing: figures.medianResolutionHours === null,
      },
      {
        id: 'satisfaction',
        label: 'reports.card.satisfaction',
        value:
          satisfaction === null
            ? format.decimal(null)
            : this.t('reports.satisfactionValue', { value: format.decimal(satisfaction) }),
        hint: this.t('reports.card.satisfactionHint'),
        link: null,
        testId: 'report-satisfaction',
        missing: satisfaction === null,
      },
    ];
    return cards.map((card) => ({ ...card, change: changeOf(card.id) }));
  });
}
