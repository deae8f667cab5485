import { afterRenderEffect, Component, DestroyRef, ElementRef, inject, input, viewChild } from '@angular/core';
import type { Language, TrendPoint } from '@portal/shared';
import type { Chart, ChartConfiguration } from 'chart.js';

import { chartJs, prefersReducedMotion, TREND_NEW_COLOR, TREND_RESOLVED_COLOR } from './chart-setup';

/**
 * New against resolved requests per week or month, as two lines told apart by color, dash
 * and point shape. The canvas is an image with a spoken summary; the page shows the same
 * points in a table.
 */
@Component({
  selector: 'app-trend-chart',
  template: `<div class="frame"><canvas #canvas role="img" [attr.aria-label]="summary()"></canvas></div>`,
  styles: `
    :host {
      display: block;
    }
    .frame {
      position: relative;
      width: 100%;
      height: 16rem;
    }
    @media (min-width: 48rem) {
      .frame {
        height: 19rem;
      }
    }
  `,
})
export class TrendChart {
  readonly points = input.required<readonly TrendPoint[]>();
  /** The points' periods, formatted in the viewer's language. */
  readonly periodLabels = input.required<readonly string[]>();
  readonly language = input.required<Language>();
  readonly newLabel = input.required<string>();
  readonly resolvedLabel = input.required<string>();
  readonly summary = input.required<string>();

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart<'line', number[], string> | null = null;

  constructor() {
    afterRenderEffect(() => this.draw());
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
  }

  private draw(): void {
    const points = this.points();
    const labels = [...this.periodLabels()];
    const datasets: ChartConfiguration<'line', number[], string>['data']['datasets'] = [
      {
        label: this.newLabel(),
        data: points.map((point) => point.new),
        borderColor: TREND_NEW_COLOR,
        backgroundColor: TREND_NEW_COLOR,
        pointStyle: 'circle',
        pointRadius: points.length > 40 ? 0 : 3,
        borderWidth: 2.5,
        tension: 0,
      },
      {
        label: this.resolvedLabel(),
        data: points.map((point) => point.resolved),
        borderColor: TREND_RESOLVED_COLOR,
        backgroundColor: TREND_RESOLVED_COLOR,
        borderDash: [6, 4],
        pointStyle: 'triangle',
        pointRadius: points.length > 40 ? 0 : 4,
        borderWidth: 2.5,
        tension: 0,
      },
    ];
    if (this.chart) {
      this.chart.data.labels = labels;
      this.chart.data.datasets = datasets;
      this.chart.options.locale = this.language();
      this.chart.update();
      return;
    }
    const Chart = chartJs();
    const config: ChartConfiguration<'line', number[], string> = {
      type: 'line',
      data: { labels, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        locale: this.language(),
        animation: prefersReducedMotion() ? false : { duration: 250 },
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 12 } },
          y: { beginAtZero: true, ticks: { precision: 0 }, grid: { color: '#e6ebe8' } },
        },
        plugins: {
          legend: { position: 'bottom', labels: { usePointStyle: true, padding: 14 } },
        },
      },
    };
    this.chart = new Chart(this.canvas().nativeElement, config);
  }
}
