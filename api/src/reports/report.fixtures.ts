import fc from 'fast-check';

// Shared by the reports' unit tests (excluded from the build).

/** percentile_cont(0.5) by its definition: sort, then the middle rank or two interpolated halfway. */
export function percentileCont(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * 0.5;
  const lower = Math.floor(position);
  return lower === position ? sorted[lower] : sorted[lower] + (sorted[lower + 1] - sorted[lower]) * (position - lower);
}

// Hours as the rollup has them, with many repeats (whole hours) among arbitrary ones.
export const hours = fc.oneof(
  fc.integer({ min: 0, max: 400 }),
  fc.double({ min: 0, max: 5000, noNaN: true, noDefaultInfinity: true }),
);
