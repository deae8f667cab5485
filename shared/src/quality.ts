import type { SatisfactionReason } from './satisfaction.js';

/** The quality report (GET /reports/quality): what members said of the service, and how fast it was. */

export const QUALITY_GROUPS = ['region', 'country', 'area', 'assignee', 'organization'] as const;
export type QualityGroup = (typeof QUALITY_GROUPS)[number];

export const SATISFACTION_SCORES = [1, 2, 3, 4, 5] as const;

/** Figures of the requests filed in the period, of one group (or of all: totals). */
export interface QualityFigures {
  /** Requests filed in the period. */
  total: number;
  /** Of those, resolved (resolved or closed). */
  resolved: number;
  /** Of those, rated by the member. */
  ratings: number;
  /** ratings / resolved; null when nothing was resolved. */
  responseRate: number | null;
  /** Ratings per score, "1" (very unhappy) to "5". */
  scores: Record<'1' | '2' | '3' | '4' | '5', number>;
  /** Mean score, 2 decimals; null without ratings. */
  averageScore: number | null;
  /** Wall-clock hours to the first staff reply, median; null when none. */
  medianFirstResponseHours: number | null;
  /** Requests with a first reply, and of those the replies by their due time. */
  firstResponses: number;
  firstResponsesOnTime: number;
  /** firstResponsesOnTime / firstResponses; null when no reply yet. */
  firstResponseOnTimeRate: number | null;
  medianResolutionHours: number | null;
  /** Resolutions by their due time. */
  resolutionsOnTime: number;
  /** resolutionsOnTime / resolved; null when nothing was resolved. */
  resolutionOnTimeRate: number | null;
  breached: number;
}

export interface QualityRow extends QualityFigures {
  key: string;
  label: string;
}

/** A rating of 1 or 2, for the director to read (newest first). */
export interface LowScoreComment {
  requestId: string;
  reference: string;
  subject: string;
  score: number;
  comment: string | null;
  /** What the member said went wrong (codes of SATISFACTION_REASONS), in that order. */
  reasons: SatisfactionReason[];
  region: string;
  country: string;
  area: string;
  organization: { id: string; name: string };
  assignee: { id: string; name: string } | null;
  createdAt: string;
  resolvedAt: string | null;
}

export interface QualityReport {
  groupBy: QualityGroup;
  from: string;
  to: string;
  region: string | null;
  rows: QualityRow[];
  totals: QualityFigures;
  /** The newest low scores of the scope (at most LOW_SCORE_COMMENTS_MAX); lowScores counts them all. */
  lowScoreComments: LowScoreComment[];
  lowScores: number;
}

export const LOW_SCORE_COMMENTS_MAX = 50;
