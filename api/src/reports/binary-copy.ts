/**
 * Raw bytes out of PostgreSQL: a statement's rows as `COPY (…) TO STDOUT (FORMAT binary)`
 * writes them. The reports by organization fetch every hour of their range (16 MB for
 * three years); as query rows node-pg would receive that bytea as hex text (twice the
 * bytes, decoded twice), and its own binary result mode reads each value as UTF-8 text,
 * which garbles bytea. COPY's binary format passes the bytes through untouched.
 */

/** What reads a COPY statement's whole output (report-connection.repository.ts copyReaderOf). */
export type CopyReader = (copyText: string) => Promise<Buffer>;

/**
 * The rows of a binary COPY's output as a table of where each field lies in `bytes`:
 * field `c` of row `r` is at `starts[r * columns + c]`, `lengths[…]` bytes long (−1: NULL).
 * Offsets, not Buffers: a three-year report by organization has ~100,000 fields, and a
 * Buffer view apiece cost more than reading them.
 */
export interface CopyTable {
  bytes: Buffer;
  columns: number;
  rows: number;
  starts: Int32Array;
  lengths: Int32Array;
}

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/**
 * Reads PostgreSQL's binary COPY format: the signature, flags and header extension; then per
 * row its field count and per field its length (−1 for NULL) and bytes; then −1, the trailer.
 */
export function readBinaryCopy(bytes: Buffer): CopyTable {
  if (bytes.length < 21 || !bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE))
    throw new Error('binary COPY: no PGCOPY signature');
  let at = SIGNATURE.length + 4;
  at += 4 + bytes.readInt32BE(at);
  let starts: Int32Array = new Int32Array(1024);
  let lengths: Int32Array = new Int32Array(1024);
  let columns = -1;
  let fields = 0;
  for (;;) {
    if (at + 2 > bytes.length) throw new Error('binary COPY: output ends without its trailer');
    const count = bytes.readInt16BE(at);
    at += 2;
    if (count === -1) break;
    if (columns === -1) columns = count;
    else if (count !== columns) throw new Error(`binary COPY: a row of ${count} fields among rows of ${columns}`);
    if (fields + count > starts.length) {
      const size = Math.max(starts.length * 2, fields + count);
      starts = grow(starts, size);
      lengths = grow(lengths, size);
    }
    for (let i = 0; i < count; i++, fields++) {
      const length = bytes.readInt32BE(at);
      at += 4;
      if (length < -1 || at + Math.max(length, 0) > bytes.length)
        throw new Error('binary COPY: a field runs past the output');
      starts[fields] = at;
      lengths[fields] = length;
      if (length > 0) at += length;
    }
  }
  return { bytes, columns: Math.max(columns, 0), rows: columns > 0 ? fields / columns : 0, starts, lengths };
}

function grow(array: Int32Array, size: number): Int32Array {
  const larger = new Int32Array(size);
  larger.set(array);
  return larger;
}

/** A value as an SQL literal, whatever standard_conforming_strings says. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error('binary COPY: an invalid date');
    // ISO 8601 writes years past 9999 as +010000, which PostgreSQL does not read: year, then the rest.
    const [, year, rest] = /^[+-]?0*(\d+)(-.*)Z$/.exec(value.toISOString())!;
    if (value.getUTCFullYear() < 1) throw new Error('binary COPY: a date before year 1');
    return `'${year.padStart(4, '0')}${rest.replace('T', ' ')}+00'::timestamptz`;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`binary COPY: ${value} as a parameter`);
    // In parentheses: a negative number after a minus would otherwise start a comment.
    return `(${value})`;
  }
  if (Array.isArray(value)) return `ARRAY[${value.map(literal).join(', ')}]`;
  if (typeof value === 'string') {
    if (value.includes('\0')) throw new Error('binary COPY: a NUL character in a parameter');
    return `E'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  }
  throw new Error(`binary COPY: a parameter of type ${typeof value}`);
}

/**
 * `text` with its parameters as COPY wants it: COPY takes no bind parameters, so each `$n`
 * becomes its value as a literal (the values are the report's own: dates, cell lists, the
 * region code), the statement wrapped in COPY … TO STDOUT (FORMAT binary). `text` is the
 * reports' own SQL, with no `$` inside its quoted strings or comments.
 */
export function binaryCopyOf(text: string, values: unknown[]): string {
  const inlined = text.replace(/\$(\d+)/g, (_match, n: string) => {
    const index = Number(n) - 1;
    if (!(index in values)) throw new Error(`binary COPY: no value for $${n}`);
    return literal(values[index]);
  });
  return `COPY (${inlined}) TO STDOUT (FORMAT binary)`;
}
