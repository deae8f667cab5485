import { httpResource } from '@angular/common/http';
import { Component, computed, inject, input } from '@angular/core';
import type { KnowledgeBaseReport, ThematicArea } from '@portal/shared';

import { API_BASE_URL } from '../core/api';
import { ReportsI18n, type ReportsTextKey } from './i18n/reports-texts';

/**
 * The dashboard's knowledge-base section (GET /reports/knowledge-base, issue 21): per area,
 * the published articles, readings, "this answered my question" and requests filed within a
 * day of reading an article. Network-wide: articles serve every region and most readers are
 * not signed in. Only the period of the dashboard applies.
 */
@Component({
  selector: 'app-kb-report-section',
  template: `
    <section class="card" aria-labelledby="kb-report-heading" data-testid="kb-report-section">
      <h2 id="kb-report-heading">{{ t('reports.kb.heading') }}</h2>
      <p class="muted">{{ t('reports.kb.hint') }}</p>
      @if (report.hasValue()) {
        <div class="scroll" role="region" tabindex="0" aria-labelledby="kb-report-heading">
          <table>
            <thead>
              <tr>
                <th scope="col">{{ t('reports.kb.area') }}</th>
                <th scope="col">{{ t('reports.kb.published') }}</th>
                <th scope="col">{{ t('reports.kb.views') }}</th>
                <th scope="col">{{ t('reports.kb.answered') }}</th>
                <th scope="col">{{ t('reports.kb.filedAfterReading') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of report.value().rows; track row.area) {
                <tr>
                  <th scope="row">{{ t(areaKey(row.area)) }}</th>
                  <td>{{ row.publishedArticles }}</td>
                  <td>{{ row.views }}</td>
                  <td data-testid="kb-report-answered">{{ row.answered }}</td>
                  <td>{{ row.filedAfterReading }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else if (report.error()) {
        <p role="alert">{{ t('reports.kb.failed') }}</p>
      } @else {
        <p role="status">{{ t('reports.loading') }}</p>
      }
    </section>
  `,
  styles: `
    .scroll {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      min-width: 100%;
    }
    th,
    td {
      padding: 0.375rem 0.5rem;
      border-bottom: 1px solid var(--color-border);
      text-align: right;
      white-space: nowrap;
    }
    /* Headings wrap so that the figures fit a phone's width. */
    thead th {
      white-space: normal;
      vertical-align: bottom;
      font-size: 0.875rem;
    }
    th[scope='row'],
    thead th:first-child {
      text-align: left;
    }
    .muted {
      color: var(--color-text-muted);
    }
  `,
})
export class KbReportSection {
  /** The dashboard's API parameters: only its period is used. */
  readonly params = input.required<Record<string, string>>();

  private readonly i18n = inject(ReportsI18n);
  protected readonly t = this.i18n.t;
  private readonly period = computed(() => {
    const { from, to } = this.params();
    return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  });
  protected areaKey(area: ThematicArea): ReportsTextKey {
    return `inbox.area.${area}`;
  }

  protected readonly report = httpResource<KnowledgeBaseReport>(() => ({
    url: `${API_BASE_URL}/reports/knowledge-base`,
    params: this.period(),
  }));
}
