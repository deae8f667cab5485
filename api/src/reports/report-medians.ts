/**
 * Medians picked in the API from packed hours (the load report by organization; migration
 * ReportOrganizations, report-sql.ts): the statement returns, per organization and kind, the
 * hours of its cells and of the requests added at the range's ends as one string of
 * big-endian float8, and those taken away as another. The result is percentile_cont(0.5)'s
 * to the last bit: the same float8 values, the same ranks, the same interpolation.
 */

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The float8 values of a packed string (float8send, concatenated), in a copy of its own. */
export function unpackHours(packed: Uint8Array): Float64Array {
  const count = packed.byteLength / 8;
  if (!Number.isInteger(count)) throw new Error(`packed hours of ${packed.byteLength} bytes: not a whole number of float8`);
  // A fresh buffer is aligned for a Float64Array; big-endian bytes swapped natively, not one by one.
  const copy = new Uint8Array(packed.byteLength);
  copy.set(packed);
  if (LITTLE_ENDIAN) Buffer.from(copy.buffer, copy.byteOffset, copy.byteLength).swap64();
  return new Float64Array(copy.buffer, copy.byteOffset, count);
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
  if (size !== plus.length - minus.length) throw new Error('report rollup: hours taken away that no cell or change holds');
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
 * The median of the multiset `plus` − `minus`, as percentile_cont(0.5) gives it: the middle
 * value, or of an even count the two middle ones interpolated halfway; null when empty.
 */
export function medianOfPacked(plus: Uint8Array | null, minus: Uint8Array | null): number | null {
  const values = without(plus ? unpackHours(plus) : new Float64Array(0), minus ? unpackHours(minus) : new Float64Array(0));
  const count = values.length;
  if (count === 0) return null;
  const lower = (count - 1) >>> 1;
  const first = select(values, lower);
  if (count % 2 === 1) return first;
  // The next rank is the smallest of what select left after it.
  let second = Infinity;
  for (let i = lower + 1; i < count; i++) if (values[i] < second) second = values[i];
  return first + (second - first) * 0.5;
}

type PackedRow = Record<string, unknown>;

const fromBase64 = (value: unknown) => (value === null || value === undefined ? null : Buffer.from(value as string, 'base64'));

/**
 * Rows whose medians come packed, in base64 (`fr_plus`, `fr_minus`, `res_plus`, `res_minus`,
 * after the figures), with `median_first_response` and `median_resolution` (NULL
 * placeholders, in the columns' usual place) filled in, as the other groupings' rows have them.
 */
export function completePackedMedians(rows: PackedRow[]): PackedRow[] {
  return rows.map(({ fr_plus, fr_minus, res_plus, res_minus, ...row }) => {
    row.median_first_response = medianOfPacked(fromBase64(fr_plus), fromBase64(fr_minus));
    row.median_resolution = medianOfPacked(fromBase64(res_plus), fromBase64(res_minus));
    return row;
  });
}
