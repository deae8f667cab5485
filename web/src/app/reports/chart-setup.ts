import type { RequestStatus } from '@portal/shared';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  type Plugin,
  Tooltip,
} from 'chart.js';

/**
 * Chart.js, with only the pieces the dashboard draws (bars, lines, two axes, legend and
 * tooltips) registered: the rest of the library is left out of the bundle. Imported only
 * by the reports' components, so it travels in their lazy chunk.
 */
let registered = false;

export function chartJs(): typeof Chart {
  if (!registered) {
    Chart.register(
      BarController,
      BarElement,
      LineController,
      LineElement,
      PointElement,
      CategoryScale,
      LinearScale,
      Legend,
      Tooltip,
    );
    Chart.defaults.font.family =
      "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
    Chart.defaults.font.size = 13;
    Chart.defaults.color = '#1b2420';
    Chart.defaults.borderColor = '#d7dfdb';
    registered = true;
  }
  return Chart;
}

/** Whether the person asked for less motion: charts then appear without animation. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * One color per status, each at least 3:1 against white (WCAG 1.4.11) and apart in hue
 * and lightness; adjacent segments are also separated by a white edge. The figures are
 * always in a table as well.
 */
export const STATUS_COLORS: Readonly<Record<RequestStatus, string>> = {
  new: '#1f5fa8',
  assigned: '#6a3d9a',
  in_progress: '#0f7b6c',
  waiting_on_member: '#b35900',
  resolved: '#4a7d1e',
  closed: '#55626b',
  withdrawn: '#8a8a8a',
};

export const OPEN_COLOR = '#1f5fa8';
export const FINISHED_COLOR = '#7b8791';
export const TREND_NEW_COLOR = '#1f5fa8';
export const TREND_RESOLVED_COLOR = '#0b5c36';

/**
 * Writes each bar's value at its end (a stacked bar's total, after its last segment), so
 * the figures read without hovering. A plugin of the one chart that uses it, not registered
 * for all. `format` gives the number in the viewer's language.
 */
export function barTotalsPlugin(format: () => (value: number) => string): Plugin<'bar'> {
  // The canvas says what it wrote (data-bar-totals), for tests and tools that cannot read pixels.
  return {
    id: 'barTotals',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const metas = chart.getSortedVisibleDatasetMetas();
      const last = metas.at(-1);
      if (!last) return;
      ctx.save();
      ctx.font = `600 12px ${String(Chart.defaults.font.family)}`;
      ctx.fillStyle = '#1b2420';
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'left';
      const written = last.data.map((element, index) => {
        const total = metas.reduce((sum, meta) => sum + Number(chart.data.datasets[meta.index]?.data[index] ?? 0), 0);
        // The end of the row's stack: the furthest right of its visible segments.
        const end = Math.max(...metas.map((meta) => meta.data[index]?.x ?? 0));
        const text = format()(total);
        ctx.fillText(text, end + 6, element.y);
        return text;
      });
      ctx.restore();
      chart.canvas.dataset['barTotals'] = written.join('|');
    },
  };
}
