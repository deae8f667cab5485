/**
 * Medians picked in the API, exactly as percentile_cont(0.5) would: the same float8 values,
 * the same ranks, the same interpolation, to the last bit. The groupings with few keys send
 * only the values of the one or two buckets that hold the middle ranks (report-buckets.ts),
 * with those ranks counted from the buckets' start; by organization all of each one's hours
 * are at hand (organization-cells.ts).
 */

const FLOAT8_OID = 701;

/**
 * The float8 values of float8[] arrays as array_send writes them, one after the other: per
 * array its dimensions (none or one here), then per element its length (8) and value.
 */
export function unpackArrays(packed: Uint8Array): Float64Array {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const arrays: { start: number; count: number }[] = [];
  let total = 0;
  for (let at = 0; at < packed.byteLength;) {
    const dimensions = view.getInt32(at);
    if (dimensions !== 0 && dimensions !== 1) throw new Error(`packed arrays: ${dimensions} dimensions`);
    if (view.getInt32(at + 8) !== FLOAT8_OID) throw new Error('packed arrays: not float8[]');
    const count = dimensions === 0 ? 0 : view.getInt32(at + 12);
    const start = at + 12 + dimensions * 8;
    arrays.push({ start, count });
    total += count;
    at = start + count * 12;
  }
  const values = new Float64Array(total);
  let size = 0;
  for (const { start, count } of arrays) {
    for (let i = 0; i < count; i++) {
      // Each element's length: 8, or -1 for a NULL (the rollup never stores one).
      if (view.getInt32(start + i * 12) !== 8) throw new Error('packed arrays: an element that is not a float8');
      values[size++] = view.getFloat64(start + i * 12 + 4);
    }
  }
  return values;
}

function concat(parts: Float64Array[]): Float64Array {
  const all = new Float64Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

/**
 * `plus` less the values of `minus` (a multiset difference: each taken away once). What is
 * taken away was always added (a cell or a pending change holds it): a value left over means
 * the rollup disagrees with the requests, and a report must fail rather than be wrong.
 */
function without(plus: Float64Array, minus: Float64Array): Float64Array {
  if (minus.length === 0) return plus;
  const left = new Map<number, number>();
  for (const value of minus) left.set(value, (left.get(value) ?? 0) + 1);
  const kept = new Float64Array(plus.length);
  let size = 0;
  for (const value of plus) {
    const times = left.get(value);
    if (times) left.set(value, times - 1);
    else kept[size++] = value;
  }
  if (size !== plus.length - minus.length)
    throw new Error('report rollup: hours taken away that no cell or change holds');
  return kept.subarray(0, size);
}

/** Reorders `values` so that values[k] is its k-th smallest (0-based), all before it ≤, all after ≥ (Hoare). */
function select(values: Float64Array, k: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1];
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else break;
  }
  return values[k];
}

/**
 * percentile_cont's reading of ranks `first` and `second` (1-based; the same, or the next):
 * the value of the first, or the two interpolated halfway.
 */
function readRanks(values: Float64Array, first: number, second: number): number {
  const low = select(values, first - 1);
  if (second === first) return low;
  // The next rank is the smallest of what select left after it.
  let high = Infinity;
  for (let i = first; i < values.length; i++) if (values[i] < high) high = values[i];
  return low + (high - low) * 0.5;
}

type PackedRow = Record<string, unknown>;

/**
 * A median from the values of its target buckets (the cells' arrays, plus the facts added,
 * less those taken away) and the ranks to read among them, as planned (report-buckets.ts).
 * The values must be as many as the histograms say: a rollup whose histograms and values
 * disagree fails the report rather than give a wrong median.
 */
export function medianOfBuckets(
  plan: { r1: number; r2: number; plus: Float64Array; minus: Float64Array; expected: number },
  cells: Uint8Array | null,
): number {
  const { r1, r2 } = plan;
  const values = without(concat([cells ? unpackArrays(cells) : new Float64Array(0), plan.plus]), plan.minus);
  if (values.length !== plan.expected)
    throw new Error(`report rollup: ${values.length} values in buckets that hold ${plan.expected}`);
  if (!(r1 >= 1 && (r2 === r1 || r2 === r1 + 1) && r2 <= values.length))
    throw new Error(`report rollup: ranks ${r1}, ${r2} among ${values.length} values`);
  return readRanks(values, r1, r2);
}

/**
 * Rows with `median_first_response` and `median_resolution` (NULL placeholders, in the
 * columns' usual place) filled in by `median` from what `columns` bring, those dropped.
 */
export function withMedians(
  rows: PackedRow[],
  columns: readonly string[],
  median: (row: PackedRow, kind: 'fr' | 'res') => number | null,
): PackedRow[] {
  return rows.map((source) => {
    const row = { ...source };
    for (const column of columns) delete row[column];
    row.median_first_response = median(source, 'fr');
    row.median_resolution = median(source, 'res');
    return row;
  });
}
