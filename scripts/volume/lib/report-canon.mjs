// How the volume scripts compare a report's rows between its two forms (check-reports,
// bench-reports): every column as text, except the satisfaction average, compared as the API
// gives it (two decimals). The plain form averages in PostgreSQL's numeric (text such as
// 4.2350000000000000); by organization the API averages the rollup's sums itself (a float8),
// and the two agree once rounded as the API rounds them.
const round2 = (value) => Math.round(Number(value) * 100) / 100;

export const canonicalValue = (column, value) =>
  value === null ? null : column === 'satisfaction_avg' ? String(round2(value)) : String(value);

/** A row as [column, canonical value] pairs, in its columns' order. */
export const canonicalRow = (row) =>
  Object.entries(row).map(([column, value]) => [column, canonicalValue(column, value)]);
