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
