/**
 * The quality report's counts that the report rollup keeps beside the load report's (migration
 * ReportQuality): ratings per score, requests with a first response (fr_n), and requests whose first response and resolution came by
 * their due time. Every form of the load report's statements gives them (report-sql.ts,
 * organization-cells.ts), so the quality report reads the very same statements.
 */
export const QUALITY_FIELDS = [
  'score_1',
  'score_2',
  'score_3',
  'score_4',
  'score_5',
  'fr_n',
  'fr_met',
  'res_met',
] as const;
export type QualityField = (typeof QUALITY_FIELDS)[number];
