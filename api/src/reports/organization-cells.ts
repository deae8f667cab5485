/**
 * The load report by organization, from the organizations' rollup cells held in memory.
 *
 * ~3,000 small groups whose exact medians need every hour of the range: three years are 2
 * million values (16 MB) and ~24,000 count rows, and reading them on every report took
 * ~180 ms. A cell (span, month, region: migrations ReportSpans, ReportOrganizations) changes
 * only when a compaction rewrites it, and each carries a stamp that changes with every write
 * (migration ReportCellStamps). So a report, in one REPEATABLE READ snapshot:
 * 1. reads the stamps of the cells that tile its whole months;
 * 2. fetches, through binary COPYs, only the cells this process does not hold with those
 *    very stamps (all of them the first time; after a compaction, the few it rewrote);
 * 3. reads what the cells do not hold: the pending changes and the requests between the
 *    range's ends and the month boundaries (±1 each), and the aging of open requests;
 * then adds those to the cells' figures here (the statements and their reading are in
 * organization-cells.repository.ts). The cells of a report are merged once per
 * tiling (the same cells under the same stamps): per organization its counts summed and its
 * hours in one sorted run, so that a median is read by rank, not selected. The latest
 * month's cells stay out of the merge (every compaction rewrites them) and are added per
 * report, like the facts. What a report
 * uses is exactly what its snapshot holds: a cell is used only under the stamp the snapshot
 * shows, a merge only for the very cells and stamps it was made of.
 *
 * Cells and merges are kept least recently used first out, within a budget of bytes
 * (REPORT_CACHE_MB); a merge of rewritten cells is never asked for again and ages out.
 */

import { REQUEST_STATUSES } from '@portal/shared';
import type { CopyTable } from './binary-copy';
import { QUALITY_FIELDS } from './quality/quality-fields';

/** The counted fields of an organization in a cell, in this order. */
export const COUNTED = [
  ...REQUEST_STATUSES.map((s) => `n_${s}`),
  'breached',
  'score_sum',
  'score_n',
  ...QUALITY_FIELDS,
] as const;
const FIELDS = COUNTED.length;
const BREACHED = REQUEST_STATUSES.length;
const SCORE_SUM = BREACHED + 1;
const SCORE_N = BREACHED + 2;
const FIRST_QUALITY = BREACHED + 3;
const STATUS_COLUMNS = REQUEST_STATUSES.map((s) => `s_${s}`);
const OPEN_FIELDS = ['new', 'assigned', 'in_progress', 'waiting_on_member'].map((s) =>
  REQUEST_STATUSES.indexOf(s as (typeof REQUEST_STATUSES)[number]),
);
const AGING = ['d0_2', 'd3_7', 'd8_30', 'd31_plus'] as const;
/** The facts statement's packed hours per kind (0 first response, 1 resolution). */
const KIND_COLUMNS = [
  { plus: 'fr_plus', minus: 'fr_minus' },
  { plus: 'res_plus', minus: 'res_minus' },
] as const;
const NONE = new Float64Array(0);

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** One kind's hours of a cell: organization i's are values[starts[i]…starts[i + 1]). */
interface CellHours {
  starts: Int32Array;
  values: Float64Array;
}

/** One cell (span, month, region) as the snapshot of its stamp held it. */
export interface OrganizationCell {
  stamp: string;
  /** The organizations the cell counts, as ids of OrganizationCells' keys. */
  organizations: Int32Array;
  /** Per organization its COUNTED fields. */
  counts: Float64Array;
  fr: CellHours;
  res: CellHours;
  bytes: number;
}

/** The whole months of a report as the cells that tile them (report-sql.ts cellsOf). */
export interface CellTiles {
  spans: number[];
  months: string[];
}

/**
 * What is held: a cell under its stamp, or a report's cells merged under theirs. `bytes`
 * estimates its arrays (the keys and the maps' own overhead are not counted).
 */
type Held = { stamp: string; bytes: number };

/** The cells held by this process (and their merges), and the organizations' keys as small ids. */
export class OrganizationCells {
  private readonly cells = new Map<string, Held>();
  // Interned for good: as many as there are organizations.
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  private held = 0;

  /** @param budget bytes of cells kept; 0 keeps none (every report fetches its cells). */
  constructor(private readonly budget = 256 * 2 ** 20) {}

  /** Bytes of cells held. */
  get bytes(): number {
    return this.held;
  }

  get cellCount(): number {
    return this.cells.size;
  }

  idOf(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
    }
    return id;
  }

  keyOf(id: number): string {
    return this.keys[id];
  }

  get organizationCount(): number {
    return this.keys.length;
  }

  /**
   * The entry under exactly this stamp, if held (then the most recently used). One held under
   * another stamp is out of date (its rows were rewritten since) and is dropped.
   */
  take<T extends Held>(name: string, stamp: string): T | undefined {
    const cell = this.cells.get(name);
    if (!cell) return undefined;
    this.cells.delete(name);
    if (cell.stamp !== stamp) {
      this.held -= cell.bytes;
      return undefined;
    }
    this.cells.set(name, cell);
    return cell as T;
  }

  keep(name: string, cell: Held): void {
    const former = this.cells.get(name);
    if (former) {
      this.cells.delete(name);
      this.held -= former.bytes;
    }
    if (cell.bytes > this.budget) return;
    this.cells.set(name, cell);
    this.held += cell.bytes;
    // Least recently used first out.
    for (const [oldest, old] of this.cells) {
      if (this.held <= this.budget) break;
      this.cells.delete(oldest);
      this.held -= old.bytes;
    }
  }
}

export interface Stamp {
  span: number;
  month: string;
  region_code: string;
  stamp: string;
}

/** A cell's name in the cache. */
export const cellName = (s: { span: number; month: string; region_code: string }) =>
  `${s.span}|${s.month}|${s.region_code}`;

/** A field of a binary COPY row as text. */
const textOf = (table: CopyTable, row: number, column: number) => {
  const at = row * table.columns + column;
  return table.bytes.toString('utf8', table.starts[at], table.starts[at] + table.lengths[at]);
};

/**
 * The wanted cells from their rows: `counts` (i, key, the COUNTED fields: int4 but score_sum
 * float8) and `hours` (i, key, fr, res: packed big-endian float8), i the cell's 1-based index.
 */
export function cellsOfCopies(
  cache: OrganizationCells,
  wanted: { stamp: string }[],
  counts: CopyTable,
  hours: CopyTable,
): OrganizationCell[] {
  if (counts.rows > 0 && counts.columns !== 2 + FIELDS)
    throw new Error('report rollup: organization counts of an unexpected shape');
  if (hours.rows > 0 && hours.columns !== 4)
    throw new Error('report rollup: organization hours of an unexpected shape');

  // Each cell's organizations, in the order its count rows came.
  const organizationsOf: number[][] = wanted.map(() => []);
  const countsOfCell: number[][] = wanted.map(() => []);
  const int = (table: CopyTable, row: number, column: number) =>
    table.bytes.readInt32BE(table.starts[row * table.columns + column]);
  for (let row = 0; row < counts.rows; row++) {
    const cell = int(counts, row, 0) - 1;
    organizationsOf[cell].push(cache.idOf(textOf(counts, row, 1)));
    for (let f = 0; f < FIELDS; f++) {
      const at = counts.starts[row * counts.columns + 2 + f];
      countsOfCell[cell].push(
        COUNTED[f] === 'score_sum' ? counts.bytes.readDoubleBE(at) : counts.bytes.readInt32BE(at),
      );
    }
  }
  // The hours' rows by cell and organization: where each one's bytes are.
  const hoursRows = wanted.map(() => new Map<number, number>());
  for (let row = 0; row < hours.rows; row++) {
    const at = row * 4;
    if (
      hours.lengths[at + 2] < 0 ||
      hours.lengths[at + 3] < 0 ||
      hours.lengths[at + 2] % 8 ||
      hours.lengths[at + 3] % 8
    ) {
      throw new Error('report rollup: packed hours that are not a whole number of float8');
    }
    hoursRows[int(hours, row, 0) - 1].set(cache.idOf(textOf(hours, row, 1)), row);
  }
  return wanted.map((stamp, c) => {
    const organizations = Int32Array.from(organizationsOf[c]);
    const rowOf = hoursRows[c];
    const counted = new Set(organizations);
    if ([...rowOf.keys()].some((id) => !counted.has(id)))
      throw new Error('report rollup: hours of an organization its cell does not count');
    const kind = (column: number): CellHours => {
      const starts = new Int32Array(organizations.length + 1);
      organizations.forEach((id, i) => {
        const row = rowOf.get(id);
        starts[i + 1] = starts[i] + (row === undefined ? 0 : hours.lengths[row * 4 + column] / 8);
      });
      const values = new Float64Array(starts[organizations.length]);
      const bytes = Buffer.from(values.buffer);
      organizations.forEach((id, i) => {
        const row = rowOf.get(id);
        if (row !== undefined)
          hours.bytes.copy(
            bytes,
            starts[i] * 8,
            hours.starts[row * 4 + column],
            hours.starts[row * 4 + column] + hours.lengths[row * 4 + column],
          );
      });
      // float8send writes big-endian: swapped at once, natively.
      if (LITTLE_ENDIAN) bytes.swap64();
      // Each organization's run sorted once here, for the merges (mergeCells).
      for (let i = 0; i < organizations.length; i++)
        if (starts[i + 1] - starts[i] > 1) values.subarray(starts[i], starts[i + 1]).sort();
      return { starts, values };
    };
    const fr = kind(2);
    const res = kind(3);
    const countsArray = Float64Array.from(countsOfCell[c]);
    const bytes =
      organizations.byteLength +
      countsArray.byteLength +
      fr.values.byteLength +
      fr.starts.byteLength +
      res.values.byteLength +
      res.starts.byteLength +
      200;
    return { stamp: stamp.stamp, organizations, counts: countsArray, fr, res, bytes };
  });
}

/** float8send values packed one after the other (a bytea), as numbers sorted ascending. */
function unpackSorted(packed: unknown): Float64Array {
  if (packed === null || packed === undefined) return NONE;
  if (!Buffer.isBuffer(packed) || packed.length % 8 !== 0)
    throw new Error('report rollup: packed fact hours that are not a whole number of float8');
  const values = new Float64Array(packed.length / 8);
  const bytes = Buffer.from(values.buffer);
  packed.copy(bytes);
  // float8send writes big-endian: swapped at once, natively (as the cells' hours are).
  if (LITTLE_ENDIAN) bytes.swap64();
  return values.length > 1 ? values.sort() : values;
}

/** The columns of a row by organization, in the order of the other groupings' rows. */
const ROW_COLUMNS = [
  'key',
  'total',
  ...STATUS_COLUMNS,
  'open',
  'breached',
  'breached_unsettled',
  ...AGING,
  'median_first_response',
  'median_resolution',
  'satisfaction_avg',
  'score_n',
  ...QUALITY_FIELDS,
];
/**
 * An empty row with every column, made by JSON.parse so that V8 gives it a fixed shape: a row
 * built by adding its ~35 columns one by one by name becomes a slow dictionary object (3,000
 * rows a report by organization, read again by the service).
 */
const ROW_TEMPLATE = JSON.parse(
  JSON.stringify(Object.fromEntries(ROW_COLUMNS.map((column) => [column, null]))),
) as Record<string, unknown>;

/**
 * A report's cells merged, for the reports that tile their range alike (the same cells under
 * the same stamps, in the same scope): per organization its counts summed and each kind's
 * hours in one sorted run (the cells' sorted runs merged), so that a median is read by rank
 * instead of selected.
 */
export interface MergedCells {
  /** Its cells' names and stamps, joined. */
  stamp: string;
  /** The ids it covers: 0…covered − 1 (organizations interned later have nothing here). */
  covered: number;
  /** The organizations the cells count, in the cells' order. */
  present: Int32Array;
  /** Per id its COUNTED fields summed. */
  sums: Float64Array;
  /** Per id (not per place in a cell) its hours, sorted. */
  fr: CellHours;
  res: CellHours;
  bytes: number;
}

/** The cells merged (see MergedCells). */
export function mergeCells(cache: OrganizationCells, cells: OrganizationCell[], stamp = ''): MergedCells {
  const n = cache.organizationCount;
  const sums = new Float64Array(n * FIELDS);
  const seen = new Uint8Array(n);
  const present: number[] = [];
  const sizes = [new Int32Array(n + 1), new Int32Array(n + 1)];
  for (const { organizations, counts, fr, res } of cells) {
    for (let i = 0; i < organizations.length; i++) {
      const id = organizations[i];
      if (!seen[id]) {
        seen[id] = 1;
        present.push(id);
      }
      for (let f = 0; f < FIELDS; f++) sums[id * FIELDS + f] += counts[i * FIELDS + f];
      sizes[0][id + 1] += fr.starts[i + 1] - fr.starts[i];
      sizes[1][id + 1] += res.starts[i + 1] - res.starts[i];
    }
  }
  const kind = (k: 0 | 1): CellHours => {
    const starts = sizes[k];
    for (let id = 0; id < n; id++) starts[id + 1] += starts[id];
    const values = new Float64Array(starts[n]);
    const next = starts.slice(0, n);
    // Where each organization's runs (one per cell, each sorted) start and end.
    const bounds: number[][] = [];
    for (const cell of cells) {
      const hours = k === 0 ? cell.fr : cell.res;
      for (let i = 0; i < cell.organizations.length; i++) {
        const id = cell.organizations[i];
        const from = hours.starts[i];
        const to = hours.starts[i + 1];
        if (to === from) continue;
        for (let v = from, at = next[id]; v < to; v++, at++) values[at] = hours.values[v];
        next[id] += to - from;
        (bounds[id] ??= [starts[id]]).push(next[id]);
      }
    }
    let longest = 0;
    for (let id = 0; id < n; id++) longest = Math.max(longest, starts[id + 1] - starts[id]);
    const scratch = new Float64Array(longest);
    for (const runs of bounds) if (runs && runs.length > 2) mergeRuns(values, runs, scratch);
    return { starts, values };
  };
  const fr = kind(0);
  const res = kind(1);
  const bytes =
    sums.byteLength +
    present.length * 4 +
    fr.starts.byteLength +
    fr.values.byteLength +
    res.starts.byteLength +
    res.values.byteLength +
    200;
  return { stamp, covered: n, present: Int32Array.from(present), sums, fr, res, bytes };
}

/**
 * Sorts values[bounds[0]…bounds[last]), made of sorted runs between consecutive bounds, by
 * merging the runs pairwise (through `scratch`), a pass per doubling: linear a pass, where a
 * sort would start over.
 */
function mergeRuns(values: Float64Array, bounds: number[], scratch: Float64Array): void {
  let runs = bounds;
  while (runs.length > 2) {
    const merged = [runs[0]];
    for (let r = 0; r + 1 < runs.length; r += 2) {
      const a = runs[r];
      const b = runs[r + 1];
      const c = r + 2 < runs.length ? runs[r + 2] : b;
      let i = a;
      let j = b;
      let k = 0;
      while (i < b && j < c) scratch[k++] = values[j] < values[i] ? values[j++] : values[i++];
      while (i < b) scratch[k++] = values[i++];
      // What is left of the second run already lies where it belongs.
      for (let t = 0; t < k; t++) values[a + t] = scratch[t];
      merged.push(c);
    }
    runs = merged;
  }
}

/** `values[from…to)` sorted ascending: the first index whose value is > x (or ≥ x when `strict`). */
function bound(values: Float64Array, x: number, strict: boolean, from = 0, to = values.length): number {
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (strict ? values[mid] < x : values[mid] <= x) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The k-th smallest (1-based) of two sorted runs together: the split taking i from `a` and
 * k − i from `b` whose last values taken are both ≤ the first ones left, found by bisection on i.
 */
function kthOfTwo(a: Float64Array, b: Float64Array, k: number): number {
  let low = Math.max(0, k - b.length);
  let high = Math.min(k, a.length);
  while (low < high) {
    const i = (low + high) >>> 1;
    // Too few from a while a's next is below b's last taken: take more from a.
    if (a[i] < b[k - i - 1]) low = i + 1;
    else high = i;
  }
  const fromA = low > 0 ? a[low - 1] : -Infinity;
  const fromB = k - low > 0 ? b[k - low - 1] : -Infinity;
  return Math.max(fromA, fromB);
}

/**
 * percentile_cont(0.5) of `base` and `plus` less `minus` (all sorted; each taken away once):
 * the middle value, or the two middle ones interpolated halfway as PostgreSQL does; null
 * when nothing is left. A value taken away that neither holds means the rollup disagrees
 * with the requests: the report fails rather than be wrong.
 */
export function medianOfSorted(base: Float64Array, plus: Float64Array, minus: Float64Array): number | null {
  for (let i = 0; i < minus.length;) {
    const value = minus[i];
    const times = bound(minus, value, false, i) - i;
    const held =
      bound(base, value, false) - bound(base, value, true) + bound(plus, value, false) - bound(plus, value, true);
    if (held < times) throw new Error('report rollup: hours taken away that no cell or change holds');
    i += times;
  }
  const count = base.length + plus.length - minus.length;
  if (count === 0) return null;
  // How many of what is left are ≤ x: rising with x, so each run's first value reaching k is found by bisection.
  const rank = (x: number) => bound(base, x, false) + bound(plus, x, false) - bound(minus, x, false);
  const firstReaching = (run: Float64Array, k: number) => {
    let low = 0;
    let high = run.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (rank(run[mid]) >= k) high = mid;
      else low = mid + 1;
    }
    return low < run.length ? run[low] : Infinity;
  };
  // The k-th smallest (1-based) is the smallest value of either run whose rank reaches k;
  // with nothing taken away, read straight from the run or the two runs.
  const kth = (k: number) =>
    minus.length > 0
      ? Math.min(firstReaching(base, k), firstReaching(plus, k))
      : plus.length === 0
        ? base[k - 1]
        : kthOfTwo(base, plus, k);
  // Of t values percentile_cont(0.5) reads ranks floor((t - 1) / 2) + 1 and ceil((t - 1) / 2) + 1.
  const first = ((count - 1) >>> 1) + 1;
  const second = (count >>> 1) + 1;
  const low = kth(first);
  if (second === first) return low;
  const high = kth(second);
  return low + (high - low) * 0.5;
}

/**
 * Each organization's figures from its report's cells, merged (mergeCells), and the facts
 * statement's rows (see organizationRows): counts summed, medians read (percentile_cont's,
 * bit for bit), satisfaction averaged; only organizations with requests in the range.
 */
export function organizationFigures(
  cache: OrganizationCells,
  merged: MergedCells,
  factRows: Record<string, unknown>[],
  recent: OrganizationCell[] = [],
): Record<string, unknown>[] {
  const factIds = factRows.map((row) => cache.idOf(String(row.key)));
  const n = cache.organizationCount;
  const sums = new Float64Array(n * FIELDS);
  sums.set(merged.sums);
  const counted = new Uint8Array(n);
  const order = Array.from(merged.present);
  for (const id of order) counted[id] = 1;
  // The latest month's cells, kept out of the merge (every compaction rewrites them): their
  // counts added here, their hours added to each organization's like the facts'.
  const recentIndex = recent.map((cell) => {
    const index = new Int32Array(n).fill(-1);
    cell.organizations.forEach((id, i) => (index[id] = i));
    return index;
  });
  recent.forEach(({ organizations, counts }) => {
    for (let i = 0; i < organizations.length; i++) {
      const id = organizations[i];
      for (let f = 0; f < FIELDS; f++) sums[id * FIELDS + f] += counts[i * FIELDS + f];
      if (!counted[id]) {
        counted[id] = 1;
        order.push(id);
      }
    }
  });
  const factsOf = new Map<number, Record<string, unknown>>();
  for (const [r, row] of factRows.entries()) {
    const id = factIds[r];
    factsOf.set(id, row);
    // Aging alone (open requests of an organization with no other figure here): no sums.
    if (row.score_n === null && row.breached === null && STATUS_COLUMNS.every((column) => row[column] === null))
      continue;
    STATUS_COLUMNS.forEach((column, f) => (sums[id * FIELDS + f] += Number(row[column] ?? 0)));
    sums[id * FIELDS + BREACHED] += Number(row.breached ?? 0);
    sums[id * FIELDS + SCORE_SUM] += Number(row.score_sum ?? 0);
    sums[id * FIELDS + SCORE_N] += Number(row.score_n ?? 0);
    QUALITY_FIELDS.forEach((field, q) => (sums[id * FIELDS + FIRST_QUALITY + q] += Number(row[field] ?? 0)));
    if (!counted[id]) {
      counted[id] = 1;
      order.push(id);
    }
  }
  const hoursOf = [merged.fr, merged.res];
  /** The hours added to the merge's: the facts' and the latest month's, sorted. */
  const added = (id: number, kind: 0 | 1, fact: Record<string, unknown> | undefined): Float64Array => {
    const facts = fact ? unpackSorted(fact[KIND_COLUMNS[kind].plus]) : NONE;
    const runs: Float64Array[] = [];
    for (let c = 0; c < recent.length; c++) {
      const i = recentIndex[c][id];
      if (i < 0) continue;
      const { starts, values } = kind === 0 ? recent[c].fr : recent[c].res;
      if (starts[i + 1] > starts[i]) runs.push(values.subarray(starts[i], starts[i + 1]));
    }
    if (runs.length === 0) return facts;
    // One run alone is sorted already (the cells' runs are).
    if (runs.length === 1 && facts.length === 0) return runs[0];
    const all = new Float64Array(runs.reduce((size, run) => size + run.length, facts.length));
    all.set(facts);
    let at = facts.length;
    for (const run of runs) {
      all.set(run, at);
      at += run.length;
    }
    return all.sort();
  };
  const median = (id: number, kind: 0 | 1, fact: Record<string, unknown> | undefined): number | null => {
    const { starts, values } = hoursOf[kind];
    const base = id < merged.covered ? values.subarray(starts[id], starts[id + 1]) : NONE;
    return medianOfSorted(base, added(id, kind, fact), fact ? unpackSorted(fact[KIND_COLUMNS[kind].minus]) : NONE);
  };

  const rows: Record<string, unknown>[] = [];
  for (const id of order) {
    const at = id * FIELDS;
    const byStatus = sums.subarray(at, at + REQUEST_STATUSES.length);
    let total = 0;
    for (let f = 0; f < byStatus.length; f++) total += byStatus[f];
    if (total === 0) continue;
    const fact = factsOf.get(id);
    // The columns in the order of the other groupings' rows (ROW_COLUMNS), on a copy of the template's shape.
    const row: Record<string, unknown> = { ...ROW_TEMPLATE };
    row.key = cache.keyOf(id);
    row.total = total;
    for (let f = 0; f < STATUS_COLUMNS.length; f++) row[STATUS_COLUMNS[f]] = byStatus[f];
    let open = 0;
    for (const f of OPEN_FIELDS) open += byStatus[f];
    row.open = open;
    row.breached = sums[at + BREACHED];
    row.breached_unsettled = Number(fact?.breached_unsettled ?? 0);
    for (const bucket of AGING) row[bucket] = Number(fact?.[bucket] ?? 0);
    row.median_first_response = median(id, 0, fact);
    row.median_resolution = median(id, 1, fact);
    row.satisfaction_avg = sums[at + SCORE_N] > 0 ? sums[at + SCORE_SUM] / sums[at + SCORE_N] : null;
    row.score_n = sums[at + SCORE_N];
    QUALITY_FIELDS.forEach((field, q) => (row[field] = sums[at + FIRST_QUALITY + q]));
    rows.push(row);
  }
  return rows;
}
