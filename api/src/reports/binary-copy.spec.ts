import { binaryCopyOf, readBinaryCopy } from './binary-copy';

// Written by PostgreSQL 15: COPY (SELECT 'o1'::text AS key, 1 AS sign, float8send(1.5) || float8send(2), ''::bytea
// UNION ALL SELECT 'ó2', -1, float8send(0.25), NULL) TO STDOUT (FORMAT binary)
const FIXTURE = Buffer.from(
  '5047434f50590aff0d0a0000000000000000000004000000026f310000000400000001000000103ff8000000000000400000000000000000000000000400000003c3b33200000004ffffffff000000083fd0000000000000ffffffffffff',
  'hex',
);

describe('binary COPY output', () => {
  it('reads where each field of each row lies, NULLs and empty values apart', () => {
    const table = readBinaryCopy(FIXTURE);
    expect([table.rows, table.columns]).toEqual([2, 4]);
    const field = (row: number, column: number) => {
      const i = row * table.columns + column;
      return table.lengths[i] === -1 ? null : table.bytes.subarray(table.starts[i], table.starts[i] + table.lengths[i]);
    };
    expect(field(0, 0)?.toString('utf8')).toBe('o1');
    expect(field(0, 1)?.readInt32BE(0)).toBe(1);
    expect([field(0, 2)?.readDoubleBE(0), field(0, 2)?.readDoubleBE(8)]).toEqual([1.5, 2]);
    expect(field(0, 3)?.length).toBe(0);
    expect(field(1, 0)?.toString('utf8')).toBe('ó2');
    expect(field(1, 1)?.readInt32BE(0)).toBe(-1);
    expect(field(1, 2)?.readDoubleBE(0)).toBe(0.25);
    expect(field(1, 3)).toBeNull();
  });

  it('refuses output that is not whole', () => {
    expect(() => readBinaryCopy(Buffer.from('not a copy at all, no'))).toThrow(/signature/);
    expect(() => readBinaryCopy(FIXTURE.subarray(0, FIXTURE.length - 2))).toThrow(/trailer/);
    expect(() => readBinaryCopy(FIXTURE.subarray(0, 40))).toThrow(/runs past/);
  });

  it('inlines the parameters as literals, quotes doubled', () => {
    const text = binaryCopyOf('SELECT $1, $2::date[], $3, $10, $4, 1-$5', [
      new Date('2026-01-02T03:04:05.006Z'),
      ['2026-01-01', '2026-02-01'],
      "it's a \\ back",
      null,
      -5,
      6,
      7,
      8,
      9,
      12,
    ]);
    expect(text).toBe(
      "COPY (SELECT '2026-01-02 03:04:05.006+00'::timestamptz, ARRAY[E'2026-01-01', E'2026-02-01']::date[], E'it''s a \\\\ back', (12), NULL, 1-(-5)) TO STDOUT (FORMAT binary)",
    );
    // A range ending with 9999-12-31 ends at the start of year 10000.
    expect(binaryCopyOf('SELECT $1', [new Date('+010000-01-01T00:00:00Z')])).toBe(
      "COPY (SELECT '10000-01-01 00:00:00.000+00'::timestamptz) TO STDOUT (FORMAT binary)",
    );
    expect(binaryCopyOf('SELECT $1', [new Date('0045-03-01T00:00:00Z')])).toBe(
      "COPY (SELECT '0045-03-01 00:00:00.000+00'::timestamptz) TO STDOUT (FORMAT binary)",
    );
    expect(() => binaryCopyOf('SELECT $1', [new Date(Number.NaN)])).toThrow(/invalid date/);
    expect(() => binaryCopyOf('SELECT $2', [1])).toThrow(/no value for \$2/);
    expect(() => binaryCopyOf('SELECT $1', [{}])).toThrow(/type object/);
    expect(() => binaryCopyOf('SELECT $1', [Number.NaN])).toThrow(/NaN/);
  });
});
