import fc from 'fast-check';
import { completePackedMedians, medianOfPacked } from './report-medians';

/** float8send's packing: big-endian, concatenated. */
function pack(values: number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  values.forEach((value, i) => view.setFloat64(i * 8, value));
  return bytes;
}

/** percentile_cont(0.5) by its definition: sort, then the middle rank or two interpolated halfway. */
function percentileCont(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * 0.5;
  const lower = Math.floor(position);
  return lower === position ? sorted[lower] : sorted[lower] + (sorted[lower + 1] - sorted[lower]) * (position - lower);
}

// Hours as the rollup has them, with many repeats (whole hours) among arbitrary ones.
const hours = fc.oneof(fc.integer({ min: 0, max: 400 }), fc.double({ min: 0, max: 5000, noNaN: true, noDefaultInfinity: true }));

describe('medians picked from packed hours', () => {
  it('equal percentile_cont(0.5) of what is added less what is taken away, bit for bit', () => {
    fc.assert(
      fc.property(fc.array(hours, { maxLength: 300 }), fc.array(fc.nat(), { maxLength: 40 }), (kept, removedAt) => {
        // Taken away: some values that were added (the cells hold them), added once more.
        const removed = kept.length ? removedAt.map((i) => kept[i % kept.length]) : [];
        const added = [...kept, ...removed].reverse();
        expect(Object.is(medianOfPacked(pack(added), pack(removed)), percentileCont(kept))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('is null with nothing left, and accepts packed strings at any byte offset', () => {
    expect(medianOfPacked(null, null)).toBeNull();
    expect(medianOfPacked(pack([3]), pack([3]))).toBeNull();
    const shifted = new Uint8Array(8 * 3 + 1);
    shifted.set(pack([5, 1, 2]), 1);
    expect(medianOfPacked(shifted.subarray(1), null)).toBe(2);
    expect(() => medianOfPacked(new Uint8Array(7), null)).toThrow(/whole number of float8/);
    expect(() => medianOfPacked(pack([1, 2]), pack([3]))).toThrow(/taken away that no cell or change holds/);
  });

  it('fills the rows’ median columns where they stand and drops the packed ones', () => {
    const [row] = completePackedMedians([
      {
        key: 'o1',
        total: 2,
        median_first_response: null,
        median_resolution: null,
        satisfaction_avg: null,
        // As PostgreSQL's encode(…, 'base64') writes them: a line break every 76 characters.
        fr_plus: Buffer.from(pack([1, 4, 9, 6, 7, 8, 2, 3, 5, 10])).toString('base64').replace(/.{76}/g, '$&\n'),
        fr_minus: Buffer.from(pack([10, 9])).toString('base64'),
        res_plus: '',
        res_minus: null,
      },
    ]);
    expect(Object.entries(row)).toEqual([
      ['key', 'o1'],
      ['total', 2],
      ['median_first_response', 4.5],
      ['median_resolution', null],
      ['satisfaction_avg', null],
    ]);
  });
});
