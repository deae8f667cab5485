/**
 * Satisfaction in one tap: the resolution email carries five signed links, one per score.
 * The public page they open (no sign-in) records the score and offers a comment and, for
 * a low score, the reasons below.
 */

/** Why a member gave a low score (1–2): a fixed list, so the reports can count them. */
export const SATISFACTION_REASONS = ['slow', 'not-solved', 'hard-to-understand', 'not-my-language', 'other'] as const;
export type SatisfactionReason = (typeof SATISFACTION_REASONS)[number];

/** Scores at or below this one are low: the reasons are asked and the region's director told. */
export const LOW_SATISFACTION_SCORE = 2;

/** How long a score link stays valid at most; the request's closing ends it sooner. */
export const SATISFACTION_LINK_DAYS = 30;

/** A reminder goes to the member this many days after resolution when no score came. */
export const SATISFACTION_REMINDER_DAYS = 3;

/** POST /satisfaction-links/view: the link's token (from the email's link). */
export interface SatisfactionLinkBody {
  token: string;
}

/** POST /satisfaction-links/score: records the score, or changes it until the request closes. */
export interface SatisfactionLinkScoreBody extends SatisfactionLinkBody {
  score: number;
}

/** POST /satisfaction-links/details: the optional comment and, for a low score, the reasons. */
export interface SatisfactionLinkDetailsBody extends SatisfactionLinkBody {
  comment?: string | null;
  reasons?: SatisfactionReason[];
}

/** What the public page shows: the request's reference and what is recorded. */
export interface SatisfactionLinkView {
  reference: string;
  score: number | null;
  comment: string | null;
  reasons: SatisfactionReason[];
}
