import type { RequestStatus } from './requests.js';

export const REPORT_GROUPS = ['region', 'country', 'area', 'assignee', 'status', 'product', 'organization'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

export const TREND_INTERVALS = ['week', 'month'] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];

/** Figures of one group of requests (or of all of them, as totals). */
export interface LoadFigures {
  total: number;
  byStatus: Record<RequestStatus, number>;
  /** new, assigned, in_progress and waiting_on_member. */
  open: number;
  breached: number;
  /** Open requests by age in days since they were filed: 0–2, 3–7, 8–30, more than 30. */
  aging: { d0_2: number; d3_7: number; d8_30: number; d31_plus: number };
  /** Wall-clock hours from filing to the first staff reply, median; null when none. */
  medianFirstResponseHours: number | null;
  medianResolutionHours: number | null;
  satisfactionAvg: number | null;
  /**
   * Share of the requests that kept their deadlines (1 − breached/total); null when nothing
   * came due yet (every request still open and none breached): 100 % would claim a record
   * there is none of.
   */
  slaCompliance: number | null;
}

export interface LoadRow extends LoadFigures {
  key: string;
  label: string;
}

export interface LoadReport {
  groupBy: ReportGroup;
  from: string;
  to: string;
  region: string | null;
  rows: LoadRow[];
  totals: LoadFigures;
}

export interface TrendPoint {
  /** Start of the week (Monday) or month, as a date (YYYY-MM-DD), UTC. */
  period: string;
  new: number;
  resolved: number;
}

export interface TrendReport {
  interval: TrendInterval;
  from: string;
  to: string;
  region: string | null;
  points: TrendPoint[];
}
