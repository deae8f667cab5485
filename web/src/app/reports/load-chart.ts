import {
  afterRenderEffect,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { type Language, type LoadRow, REQUEST_STATUSES, type RequestStatus, OPEN_STATUSES } from '@portal/shared';
import type { Chart, ChartConfiguration, ChartDataset } from 'chart.js';

import { wrapLabel } from './chart-labels';
import {
  barTotalsPlugin,
  chartJs,
  FINISHED_COLOR,
  OPEN_COLOR,
  prefersReducedMotion,
  STATUS_COLORS,
} from './chart-setup';
import { FINISHED_STATUSES, type ReportStack } from './report-query';

export interface LoadChartLabels {
  readonly statuses: Readonly<Record<RequestStatus, string>>;
  readonly open: string;
  readonly finished: string;
}

/** A segment of a bar was chosen: the requests of that row, in those statuses. */
export interface LoadBarChoice {
  readonly key: string;
  readonly statuses: readonly RequestStatus[];
}

/** Below this width (px) the chart counts as on a phone. */
const NARROW_WIDTH = 480;
const NARROW_LABEL = 13;
const WIDE_LABEL = 22;

type Series = { readonly label: string; readonly color: string; readonly statuses: readonly RequestStatus[] };

/**
 * Requests per country or area as horizontal stacked bars (names stay readable on a phone),
 * by status or as open against finished. The canvas is an image with a spoken summary; the
 * figures themselves are in the load table on the same page.
 */
@Component({
  selector: 'app-load-chart',
  template: `<div class="frame" [style.height.px]="height()">
    <canvas #canvas role="img" [attr.aria-label]="summary()"></canvas>
  </div>`,
  styles: `
    :host {
      display: block;
    }
    .frame {
      position: relative;
      width: 100%;
    }
  `,
})
export class LoadChart {
  readonly rows = input.required<readonly LoadRow[]>();
  readonly stack = input.required<ReportStack>();
  readonly language = input.required<Language>();
  readonly labels = input.required<LoadChartLabels>();
  /** What the chart shows, for screen readers. */
  readonly summary = input.required<string>();
  readonly barChosen = output<LoadBarChoice>();

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  /** The bars' totals in the viewer's language. */
  private readonly countFormat = computed(() => {
    const format = new Intl.NumberFormat(this.language(), { maximumFractionDigits: 0 });
    return (value: number) => format.format(value);
  });
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private chart: Chart<'bar', number[], string | string[]> | null = null;
  /** On a phone the names beside the bars wrap shorter, over up to three lines. */
  private readonly narrow = signal(false);

  /** Room for each bar (and its name's lines), the axis and a legend of up to three lines. */
  protected readonly height = computed(() => {
    const perRow = this.narrow() && this.rows().some((row) => row.label.length > NARROW_LABEL) ? 50 : 36;
    return Math.max(200, this.rows().length * perRow + (this.stack() === 'status' ? 130 : 100));
  });

  private readonly series = computed<readonly Series[]>(() => {
    const labels = this.labels();
    if (this.stack() === 'open') {
      return [
        { label: labels.open, color: OPEN_COLOR, statuses: OPEN_STATUSES },
        { label: labels.finished, color: FINISHED_COLOR, statuses: FINISHED_STATUSES },
      ];
    }
    // Statuses no row has would only lengthen the legend.
    return REQUEST_STATUSES.filter((status) => this.rows().some((row) => row.byStatus[status] > 0)).map((status) => ({
      label: labels.statuses[status],
      color: STATUS_COLORS[status],
      statuses: [status],
    }));
  });

  constructor() {
    afterRenderEffect(() => this.draw());
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
  }

  private draw(): void {
    const rows = this.rows();
    const series = this.series();
    const datasets: ChartDataset<'bar', number[]>[] = series.map((each) => ({
      label: each.label,
      data: rows.map((row) => each.statuses.reduce((sum, status) => sum + row.byStatus[status], 0)),
      backgroundColor: each.color,
      hoverBackgroundColor: each.color,
      borderColor: '#ffffff',
      borderWidth: 1,
      borderSkipped: false,
      maxBarThickness: 26,
    }));
    const width = this.host.nativeElement.clientWidth;
    if (width > 0) this.narrow.set(width < NARROW_WIDTH);
    const narrow = this.narrow();
    const labels = rows.map((row) =>
      narrow ? wrapLabel(row.label, NARROW_LABEL, 3) : wrapLabel(row.label, WIDE_LABEL, 2),
    );
    if (this.chart) {
      this.chart.data.labels = labels;
      this.chart.data.datasets = datasets;
      this.chart.options.locale = this.language();
      this.chart.update();
      return;
    }
    const Chart = chartJs();
    const config: ChartConfiguration<'bar', number[], string | string[]> = {
      type: 'bar',
      data: { labels, datasets },
      plugins: [barTotalsPlugin(() => this.countFormat())],
      options: {
        // Room at the right for the totals written after the bars.
        layout: { padding: { right: 48 } },
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        locale: this.language(),
        animation: prefersReducedMotion() ? false : { duration: 250 },
        scales: {
          x: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, grid: { color: '#e6ebe8' } },
          y: { stacked: true, grid: { display: false }, ticks: { autoSkip: false } },
        },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 14, boxHeight: 14, padding: 14 } },
          tooltip: { mode: 'nearest', intersect: true },
        },
        onResize: (_chart, size) => this.narrow.set(size.width < NARROW_WIDTH),
        onHover: (event, elements) => {
          const target = event.native?.target;
          if (target instanceof HTMLElement) target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
        },
        onClick: (_event, elements) => {
          const element = elements[0];
          const row = element ? this.rows()[element.index] : undefined;
          const chosen = element ? this.series()[element.datasetIndex] : undefined;
          if (row && chosen) this.barChosen.emit({ key: row.key, statuses: chosen.statuses });
        },
      },
    };
    this.chart = new Chart(this.canvas().nativeElement, config);
  }
}
