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
   * The requests whose deadlines came due: those resolved or closed (their deadlines met, or
   * breached before) and those breached and not settled (still open, or withdrawn). Open
   * requests within their deadlines, and requests withdrawn without a breach, are not counted.
   */
  cameDue: number;
  /**
   * Of the requests that came due, the share that kept every deadline: (cameDue − breached) /
   * cameDue. Null when nothing came due: 100 % would claim a record there is none of.
   */
  slaCompliance: number | null;
}

export interface LoadRow extends LoadFigures {
  key: string;
  label: string;
}

/** The figures compared with the previous period, per card of the dashboard. */
export const REPORT_CHANGE_FIGURES = [
  'total',
  'open',
  'breached',
  'medianFirstResponseHours',
  'medianResolutionHours',
  'satisfactionAvg',
] as const;
export type ReportChangeFigure = (typeof REPORT_CHANGE_FIGURES)[number];

/**
 * This period against the previous one: each figure's change in % of the previous period's
 * (+25 = a quarter more; null when the previous had none, or either has no figure); the SLA
 * compliance as the difference in percentage points (a share's % of a share says little).
 */
export type ReportChange = Record<ReportChangeFigure, number | null> & { slaCompliancePoints: number | null };

export interface LoadReport {
  groupBy: ReportGroup;
  from: string;
  to: string;
  region: string | null;
  rows: LoadRow[];
  totals: LoadFigures;
  /** The period of equal length just before [from, to) (the same number of the viewer's days), and its totals. */
  previous: { from: string; to: string; totals: LoadFigures };
  change: ReportChange;
}

export interface TrendPoint {
  /** First day of the week (Monday) or month (YYYY-MM-DD), in the report's time zone. */
  period: string;
  new: number;
  resolved: number;
}

export interface TrendReport {
  interval: TrendInterval;
  /** The IANA time zone whose weeks or months the points are (the request's timeZone, default UTC). */
  timeZone: string;
  from: string;
  to: string;
  region: string | null;
  points: TrendPoint[];
}
