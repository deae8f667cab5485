import { QUALITY_FIELDS } from './quality/quality-fields';
import fc from 'fast-check';
import { REQUEST_STATUSES } from '@portal/shared';
import { readBinaryCopy } from './binary-copy';
import {
  cellsOfCopies,
  mergeCells,
  type OrganizationCell,
  OrganizationCells,
  organizationFigures as figuresOfMerged,
} from './organization-cells';

/** The figures of the cells, the last `recent` of them kept out of the merge (the latest month's, in a report). */
const organizationFigures = (
  cache: OrganizationCells,
  cells: OrganizationCell[],
  facts: Record<string, unknown>[],
  recent = 0,
) =>
  figuresOfMerged(
    cache,
    mergeCells(cache, cells.slice(0, cells.length - recent)),
    facts,
    cells.slice(cells.length - recent),
  );
import { hours, percentileCont } from './report.fixtures';

/** float8send's packing: big-endian, concatenated. */
function pack(values: number[]): Buffer {
  const bytes = Buffer.alloc(values.length * 8);
  values.forEach((value, i) => bytes.writeDoubleBE(value, i * 8));
  return bytes;
}

const int4 = (n: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE(n);
  return bytes;
};
const float8 = (n: number) => pack([n]);

/** Rows as COPY … (FORMAT binary) writes them: signature, no flags, no extension; each field's length and bytes. */
function binaryCopy(rows: Buffer[][]): Buffer {
  const parts: Buffer[] = [Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)];
  for (const fields of rows) {
    const count = Buffer.alloc(2);
    count.writeInt16BE(fields.length);
    parts.push(count);
    for (const field of fields) parts.push(int4(field.length), field);
  }
  parts.push(Buffer.from([0xff, 0xff]));
  return Buffer.concat(parts);
}

/** One organization's row in one cell: its counted fields and hours. */
interface CellRow {
  cell: number;
  key: string;
  counts: number[];
  fr: number[] | Buffer;
  res: number[];
}

/** The cells as the report's two COPYs bring them (organization-cells.ts fetchCells). */
function cellsOf(cache: OrganizationCells, cellCount: number, rows: CellRow[]): OrganizationCell[] {
  const counts = binaryCopy(
    rows.map((r) => [
      int4(r.cell + 1),
      Buffer.from(r.key),
      ...r.counts.map((n, f) => (f === REQUEST_STATUSES.length + 1 ? float8(n) : int4(n))),
    ]),
  );
  const hoursCopy = binaryCopy(
    rows.map((r) => [int4(r.cell + 1), Buffer.from(r.key), Buffer.isBuffer(r.fr) ? r.fr : pack(r.fr), pack(r.res)]),
  );
  const wanted = Array.from({ length: cellCount }, (_, i) => ({ stamp: `stamp-${i}` }));
  return cellsOfCopies(cache, wanted, readBinaryCopy(counts), readBinaryCopy(hoursCopy));
}

/** A facts row (the statement's text-mode row: bigint sums as strings, packed hours as Buffers). */
function factRow(
  key: string,
  fields: { statuses?: number[]; plus?: number[]; minus?: number[]; aging?: number[] },
): Record<string, unknown> {
  const row: Record<string, unknown> = { key };
  REQUEST_STATUSES.forEach((s, f) => (row[`s_${s}`] = fields.statuses ? String(fields.statuses[f]) : null));
  Object.assign(row, {
    breached: fields.statuses ? '0' : null,
    score_sum: fields.statuses ? '0' : null,
    score_n: fields.statuses ? '0' : null,
    // One of each quality count (quality-fields.ts) from the facts.
    ...Object.fromEntries(QUALITY_FIELDS.map((field) => [field, fields.statuses ? '1' : null])),
  });
  Object.assign(row, {
    fr_plus: fields.plus?.length ? pack(fields.plus) : null,
    fr_minus: fields.minus?.length ? pack(fields.minus) : null,
    res_plus: null,
    res_minus: null,
  });
  ['d0_2', 'd3_7', 'd8_30', 'd31_plus'].forEach((c, i) => (row[c] = fields.aging ? fields.aging[i] : null));
  return row;
}

/** An organization's counts in a cell; the quality counts (quality-fields.ts) i + 1 each, to be told apart. */
const counted = (statuses: number[], breached = 0, scoreSum = 0, scoreN = 0) => [
  ...statuses,
  breached,
  scoreSum,
  scoreN,
  ...QUALITY_FIELDS.map((_, i) => i + 1),
];

describe('report by organization from the cells held in the API', () => {
  it('sums each organization over its cells (merged, or the latest kept apart) and the facts, and picks its medians bit for bit as percentile_cont', () => {
    // Per organization: hours kept, and some taken away again (a fact −1) after being added
    // (in a cell or as a fact +1); the added ones split at random over the cells and the facts.
    const organization = fc.record({
      kept: fc.array(hours, { maxLength: 60 }),
      removedAt: fc.array(fc.nat(), { maxLength: 5 }),
      cellOf: fc.array(fc.nat({ max: 4 }), { maxLength: 70 }),
      statuses: fc.array(fc.array(fc.nat({ max: 5 }), { minLength: 7, maxLength: 7 }), { minLength: 5, maxLength: 5 }),
      scores: fc.array(fc.nat({ max: 5 }), { minLength: 5, maxLength: 5 }),
      resolutions: fc.array(hours, { maxLength: 10 }),
    });
    fc.assert(
      fc.property(
        fc.array(organization, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 2 }),
        (organizations, recent) => {
          const cache = new OrganizationCells();
          const rows: CellRow[] = [];
          const facts: Record<string, unknown>[] = [];
          organizations.forEach(({ kept, removedAt, cellOf, statuses, scores, resolutions }, o) => {
            const key = `org-${o}`;
            const removed = kept.length ? removedAt.map((i) => kept[i % kept.length]) : [];
            const added = [...kept, ...removed];
            // Places 0–3 are cells, 4 the facts added.
            const place = (i: number) => cellOf[i] ?? i % 5;
            for (let cell = 0; cell < 4; cell++) {
              const fr = added.filter((_, i) => place(i) === cell);
              rows.push({
                cell,
                key,
                counts: counted(statuses[cell], 1, scores[cell] * 3, scores[cell]),
                fr,
                res: cell === 0 ? resolutions : [],
              });
            }
            facts.push(
              factRow(key, {
                statuses: statuses[4],
                plus: added.filter((_, i) => place(i) === 4),
                minus: removed,
                aging: [o, 0, 1, 2],
              }),
            );
          });
          const figures = organizationFigures(cache, cellsOf(cache, 4, rows), facts, recent);
          const byKey = new Map(figures.map((row) => [row.key, row]));
          organizations.forEach(({ kept, statuses, scores, resolutions }, o) => {
            const byStatus = REQUEST_STATUSES.map((_, f) => statuses.reduce((sum, cell) => sum + cell[f], 0));
            const total = byStatus.reduce((a, b) => a + b, 0);
            const row = byKey.get(`org-${o}`);
            if (total === 0) return expect(row).toBeUndefined();
            expect(row).toBeDefined();
            expect(row!.total).toBe(total);
            REQUEST_STATUSES.forEach((s, f) => expect(row![`s_${s}`]).toBe(byStatus[f]));
            expect(row!.breached).toBe(4);
            expect(row!.d0_2).toBe(o);
            const scoreN = scores.slice(0, 4).reduce((a, b) => a + b, 0);
            expect(row!.satisfaction_avg).toBe(scoreN ? (scoreN * 3) / scoreN : null);
            expect(Object.is(row!.median_first_response, percentileCont(kept))).toBe(true);
            expect(Object.is(row!.median_resolution, percentileCont(resolutions))).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the columns in the order of the other groupings, skips organizations with no request in the range, and fails on a rollup that disagrees', () => {
    const cache = new OrganizationCells();
    const statuses = [1, 0, 0, 0, 1, 0, 0];
    const cells = cellsOf(cache, 1, [
      { cell: 0, key: 'o1', counts: counted(statuses, 1, 9, 2), fr: [1, 4, 9, 6, 7, 8, 2, 3, 5, 10], res: [] },
      { cell: 0, key: 'o2', counts: counted([1, 0, 0, 0, 0, 0, 0]), fr: [3], res: [] },
    ]);
    const [row, ...others] = organizationFigures(cache, cells, [
      factRow('o1', { statuses: [0, 0, 0, 0, 0, 0, 0], minus: [10, 9], aging: [1, 0, 0, 0] }),
      // Taken away again: o2 has no request left in the range.
      factRow('o2', { statuses: [-1, 0, 0, 0, 0, 0, 0], minus: [3] }),
      // Aging alone: no row.
      factRow('o3', { aging: [0, 0, 0, 1] }),
    ]);
    expect(others).toEqual([]);
    expect(Object.entries(row)).toEqual([
      ['key', 'o1'],
      ['total', 2],
      ...REQUEST_STATUSES.map((s, f) => [`s_${s}`, statuses[f]]),
      ['open', 1],
      ['breached', 1],
      ['breached_unsettled', 0],
      ['d0_2', 1],
      ['d3_7', 0],
      ['d8_30', 0],
      ['d31_plus', 0],
      ['median_first_response', 4.5],
      ['median_resolution', null],
      ['satisfaction_avg', 4.5],
      ['score_n', 2],
      // The cell's i + 1, and one from the facts.
      ...QUALITY_FIELDS.map((field, i) => [field, i + 2]),
    ]);
    // Hours taken away that no cell holds.
    expect(() =>
      organizationFigures(cache, cells, [factRow('o1', { statuses: [0, 0, 0, 0, 0, 0, 0], minus: [11] })]),
    ).toThrow(/taken away/);
    // Hours of an organization its cell does not count; hours that are not whole float8 values.
    const hoursOnly = (fr: Buffer) =>
      cellsOfCopies(
        cache,
        [{ stamp: 's' }],
        readBinaryCopy(binaryCopy([])),
        readBinaryCopy(binaryCopy([[int4(1), Buffer.from('o9'), fr, pack([])]])),
      );
    expect(() => hoursOnly(pack([1]))).toThrow(/does not count/);
    expect(() =>
      cellsOf(cache, 1, [{ cell: 0, key: 'o1', counts: counted(statuses), fr: Buffer.alloc(7), res: [] }]),
    ).toThrow(/whole number of float8/);
  });

  it('holds a cell under its stamp only, least recently used first out of its budget', () => {
    const statuses = [1, 0, 0, 0, 0, 0, 0];
    const cache = new OrganizationCells(2_000);
    const [a, b, c] = cellsOf(
      cache,
      3,
      [0, 1, 2].map((cell) => ({
        cell,
        key: `o${cell}`,
        counts: counted(statuses),
        fr: Array.from({ length: 60 }, (_, i) => i),
        res: [],
      })),
    );
    cache.keep('a', a);
    cache.keep('b', b);
    expect(cache.take('a', 'stamp-0')).toBe(a);
    // A new stamp: the cell was rewritten since; the old one is dropped.
    expect(cache.take('b', 'stamp-9')).toBeUndefined();
    expect(cache.take('b', 'stamp-1')).toBeUndefined();
    cache.keep('b', b);
    cache.keep('c', c);
    // Over the budget: the least recently used (a) went first.
    expect(cache.bytes).toBeLessThanOrEqual(2_000);
    expect(cache.take('a', 'stamp-0')).toBeUndefined();
    expect(cache.take('c', 'stamp-2')).toBe(c);
    // A budget of nothing holds nothing.
    const none = new OrganizationCells(0);
    none.keep('a', a);
    expect([none.cellCount, none.bytes]).toEqual([0, 0]);
  });
});
