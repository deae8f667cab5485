import { medianOfBuckets, withMedians } from './report-medians';

/**
 * The medians of the bucketed groupings (every grouping but organization, and the totals),
 * in two steps over one snapshot (report-sql.ts):
 * 1. the report's statement sends, per key and kind, the histograms of the range's cells
 *    (report_hists: big-endian int4 (bucket, n) pairs, concatenated) and the facts added or
 *    taken away at the range's ends and by pending changes (int4 bucket, int4 ±1, float8
 *    hours); `planBucketMedians` sums them and finds the one or two buckets that hold the
 *    middle ranks;
 * 2. a second statement fetches those buckets' values from the cells (report_values), and
 *    `completeBucketedMedians` reads the ranks among them with the facts (medianOfBuckets).
 */

type Row = Record<string, unknown>;
export type Kind = 'fr' | 'res';
export const KINDS: readonly Kind[] = ['fr', 'res'];

/** The columns a bucketed report's row sends its medians' makings in, per kind. */
export const MEDIAN_COLUMNS: readonly string[] = KINDS.flatMap((kind) => [`${kind}_hist`, `${kind}_facts`]);

/** Where one median lies: the buckets to fetch, the ranks to read among their values, the facts in them. */
export interface MedianPlan {
  key: string;
  kind: Kind;
  /** One bucket, or two when the middle ranks straddle a bucket boundary (ascending). */
  buckets: number[];
  /** percentile_cont(0.5)'s ranks, counted from the first target bucket's first value (1-based). */
  r1: number;
  r2: number;
  /** The facts' hours in the target buckets: added, taken away. */
  plus: Float64Array;
  minus: Float64Array;
  /** How many values the target buckets hold by the histograms: what the cells and facts must give. */
  expected: number;
}

const bytesOf = (value: unknown) =>
  value === null || value === undefined ? null : Buffer.from(value as string, 'base64');

/** A row's key: the totals' row has none, and stands for all. */
// eslint-disable-next-line @typescript-eslint/no-base-to-string -- a group's key: text or a number
const keyOf = (row: Row) => String(row.key ?? 'all');

/** Each row's medians' plans (none for a key and kind without values). */
export function planBucketMedians(rows: Row[]): MedianPlan[] {
  const plans: MedianPlan[] = [];
  for (const row of rows) {
    for (const kind of KINDS) {
      const plan = planOne(keyOf(row), kind, bytesOf(row[`${kind}_hist`]), bytesOf(row[`${kind}_facts`]));
      if (plan) plans.push(plan);
    }
  }
  return plans;
}

const FACT_SIZE = 16;

function planOne(key: string, kind: Kind, hist: Buffer | null, facts: Buffer | null): MedianPlan | null {
  if ((hist && hist.length % 8 !== 0) || (facts && facts.length % FACT_SIZE !== 0))
    throw new Error('report rollup: a histogram or facts of a broken length');
  const counts = new Map<number, number>();
  const add = (bucket: number, n: number) => counts.set(bucket, (counts.get(bucket) ?? 0) + n);
  for (let at = 0; hist && at < hist.length; at += 8) add(hist.readInt32BE(at), hist.readInt32BE(at + 4));
  for (let at = 0; facts && at < facts.length; at += FACT_SIZE) add(facts.readInt32BE(at), facts.readInt32BE(at + 4));
  const buckets = [...counts.keys()].sort((a, b) => a - b);
  let total = 0;
  for (const bucket of buckets) {
    const n = counts.get(bucket)!;
    if (n < 0) throw new Error('report rollup: a bucket with fewer values than were taken away');
    total += n;
  }
  if (total === 0) return null;
  // percentile_cont(0.5) reads ranks k1 = floor((t - 1) / 2) + 1 and k2 = floor(t / 2) + 1 of t values.
  const k1 = ((total - 1) >>> 1) + 1;
  const k2 = (total >>> 1) + 1;
  const targets: number[] = [];
  let firstBefore = 0;
  let before = 0;
  let expected = 0;
  for (const bucket of buckets) {
    const n = counts.get(bucket)!;
    const holds = (k: number) => k > before && k <= before + n;
    if (holds(k1) || holds(k2)) {
      if (targets.length === 0) firstBefore = before;
      targets.push(bucket);
      expected += n;
    }
    before += n;
    if (before >= k2) break;
  }
  const plus: number[] = [];
  const minus: number[] = [];
  for (let at = 0; facts && at < facts.length; at += FACT_SIZE) {
    if (!targets.includes(facts.readInt32BE(at))) continue;
    (facts.readInt32BE(at + 4) > 0 ? plus : minus).push(facts.readDoubleBE(at + 8));
  }
  return {
    key,
    kind,
    buckets: targets,
    r1: k1 - firstBefore,
    r2: k2 - firstBefore,
    plus: Float64Array.from(plus),
    minus: Float64Array.from(minus),
    expected,
  };
}

/**
 * The rows with their medians, read from the target buckets' values (`cells`: the second
 * statement's rows, key, kind and the cells' arrays as array_send writes them, base64) by
 * the plans made for that statement. The medians' columns take the place of the NULL
 * placeholders; their makings are dropped.
 */
export function completeBucketedMedians(rows: Row[], plans: MedianPlan[], cells: Row[] | null): Row[] {
  const byKey = new Map(plans.map((plan) => [`${plan.kind} ${plan.key}`, plan]));
  const values = new Map((cells ?? []).map((row) => [`${String(row.kind)} ${String(row.key)}`, bytesOf(row.cells)]));
  return withMedians(rows, MEDIAN_COLUMNS, (row, kind) => {
    const plan = byKey.get(`${kind} ${keyOf(row)}`);
    return plan ? medianOfBuckets(plan, values.get(`${kind} ${keyOf(row)}`) ?? null) : null;
  });
}
