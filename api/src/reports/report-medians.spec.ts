import fc from 'fast-check';
import { completeBucketedMedians, planBucketMedians } from './report-buckets';
import { medianOfBuckets, unpackArrays } from './report-medians';
import { hours, percentileCont } from './report.fixtures';

/** float8[] arrays as array_send writes them (one dimension, no NULLs, float8's oid 701), concatenated. */
function packArrays(arrays: number[][]): Uint8Array {
  const bytes = new Uint8Array(arrays.reduce((sum, array) => sum + (array.length ? 20 : 12) + array.length * 12, 0));
  const view = new DataView(bytes.buffer);
  let at = 0;
  for (const array of arrays) {
    view.setInt32(at, array.length ? 1 : 0);
    view.setInt32(at + 4, 0);
    view.setInt32(at + 8, 701);
    at += 12;
    if (array.length) {
      view.setInt32(at, array.length);
      view.setInt32(at + 4, 1);
      at += 8;
    }
    for (const value of array) {
      view.setInt32(at, 8);
      view.setFloat64(at + 4, value);
      at += 12;
    }
  }
  return bytes;
}

describe('medians picked from packed hours', () => {
  it('read the middle ranks among the values of the target buckets (cells, facts added, less facts taken away)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(hours, { maxLength: 40 }), { maxLength: 8 }),
        fc.array(hours, { maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (cells, added, removedAt) => {
          // Taken away: some of the values added, each at most once.
          const all = [...cells.flat(), ...added];
          const gone = new Set(all.length ? removedAt.map((i) => i % all.length) : []);
          const removed = [...gone].map((i) => all[i]);
          const kept = all.filter((_, i) => !gone.has(i));
          if (kept.length === 0) return;
          // The whole multiset as the target buckets, so the middle ranks are the median's.
          const r1 = Math.floor((kept.length - 1) / 2) + 1;
          const r2 = Math.ceil((kept.length - 1) / 2) + 1;
          const plan = {
            r1,
            r2,
            plus: Float64Array.from(added),
            minus: Float64Array.from(removed),
            expected: kept.length,
          };
          expect(Object.is(medianOfBuckets(plan, packArrays(cells)), percentileCont(kept))).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
    const none = new Float64Array(0);
    expect(() => medianOfBuckets({ r1: 2, r2: 3, plus: none, minus: none, expected: 2 }, packArrays([[1, 2]]))).toThrow(
      /ranks 2, 3 among 2 values/,
    );
    // Values the histograms did not count (or counted and the cells lack): the rollup disagrees with itself.
    expect(() => medianOfBuckets({ r1: 1, r2: 2, plus: none, minus: none, expected: 3 }, packArrays([[1, 2]]))).toThrow(
      /2 values in buckets that hold 3/,
    );
  });

  it('reads array_send as PostgreSQL writes it', () => {
    // SELECT encode(array_send('{1.5,2}'::float8[]) || array_send('{}'::float8[]) || array_send('{-0.25}'::float8[]), 'base64')
    const written =
      'AAAAAQAAAAAAAAK9AAAAAgAAAAEAAAAIP/gAAAAAAAAAAAAIQAAAAAAAAAAAAAAAAAAAAAAAAr0A\nAAABAAAAAAAAAr0AAAABAAAAAQAAAAi/0AAAAAAAAA==';
    expect([...unpackArrays(Buffer.from(written, 'base64'))]).toEqual([1.5, 2, -0.25]);
    // Another element type than float8's.
    expect(() => unpackArrays(packArrays([[1]]).map((byte, i) => (i === 11 ? 20 : byte)))).toThrow(/not float8/);
  });

  it('bucketed: the middle buckets found from the cells’ histograms and the facts, the median read among their values, bit for bit', () => {
    // A bucket per value, monotonic as report_bucket is (coarse, so buckets hold many values).
    const bucketOf = (v: number) => (v <= 0 ? 0 : 1 + Math.floor(Math.log1p(v) * 2));
    const cell = fc.array(hours, { maxLength: 40 });
    fc.assert(
      fc.property(
        fc.array(cell, { maxLength: 6 }),
        fc.array(hours, { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (cells, added, removedAt) => {
          // Taken away: some of the cells' values or of those added, each at most once.
          const all = [...cells.flat(), ...added];
          const gone = new Set(all.length ? removedAt.map((i) => i % all.length) : []);
          const removed = [...gone].map((i) => all[i]);
          const kept = all.filter((_, i) => !gone.has(i));
          // The first statement's row: the cells' histograms, the facts (bucket, ±1, hours).
          const hists = cells.map((values) => {
            const counts = new Map<number, number>();
            for (const v of values) counts.set(bucketOf(v), (counts.get(bucketOf(v)) ?? 0) + 1);
            return histogram([...counts].sort((a, b) => a[0] - b[0]));
          });
          const facts = [...added.map((v) => [v, 1] as const), ...removed.map((v) => [v, -1] as const)];
          const row = {
            key: 'k',
            median_first_response: null,
            median_resolution: null,
            fr_hist: base64(Buffer.concat(hists)),
            fr_facts: base64(Buffer.concat(facts.map(([v, w]) => fact(bucketOf(v), w, v)))),
            res_hist: null,
            res_facts: null,
          };
          const plans = planBucketMedians([row]);
          if (kept.length === 0) return expect(plans).toEqual([]);
          // The second statement: the target buckets' values in each cell, as array_send writes them.
          const [plan] = plans;
          const targetCells = packArrays(
            cells.map((values) => values.filter((v) => plan.buckets.includes(bucketOf(v)))),
          );
          const [done] = completeBucketedMedians([row], plans, [{ key: 'k', kind: 'fr', cells: base64(targetCells) }]);
          expect(Object.is(done.median_first_response, percentileCont(kept))).toBe(true);
          expect(done.median_resolution).toBeNull();
          expect(Object.keys(done)).toEqual(['key', 'median_first_response', 'median_resolution']);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('bucketed: a bucket left with fewer values than were taken away fails the report', () => {
    const row = {
      key: 'k',
      fr_hist: base64(histogram([[3, 1]])),
      fr_facts: base64(Buffer.concat([fact(3, -1, 2), fact(3, -1, 2.5)])),
    };
    expect(() => planBucketMedians([row])).toThrow(/fewer values than were taken away/);
  });
});

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** A cell's histogram as report_hists keeps it: big-endian int4 (bucket, n) pairs. */
function histogram(pairs: [number, number][]): Buffer {
  const bytes = Buffer.alloc(pairs.length * 8);
  pairs.forEach(([bucket, n], i) => (bytes.writeInt32BE(bucket, i * 8), bytes.writeInt32BE(n, i * 8 + 4)));
  return bytes;
}

/** A fact as the report's statement packs it: int4 bucket, int4 ±1, float8 hours. */
function fact(bucket: number, sign: number, hours: number): Buffer {
  const bytes = Buffer.alloc(16);
  bytes.writeInt32BE(bucket, 0);
  bytes.writeInt32BE(sign, 4);
  bytes.writeDoubleBE(hours, 8);
  return bytes;
}
