import { createHmac, timingSafeEqual } from 'node:crypto';
import { ValidationException } from '../common/app-exception';

/**
 * Where a page of a request list ends: its last row's sort key, creation time and id, as the
 * database has them (timestamps to the microsecond, as text: a JavaScript Date would round
 * them to the millisecond and pages would skip or repeat rows). The next page is the rows
 * after it in the list's order.
 */
export interface ListPosition {
  /** The sort key: a timestamp (updatedAt, dueAt; null: no due time), a priority rank (1–4), or null when the sort is by creation time. */
  key: string | number | null;
  createdAt: string;
  id: string;
}

export interface ListCursor {
  /** The page number it leads to (the answer's `page`: a label, the position decides). */
  page: number;
  position: ListPosition;
}

/** A timestamp as the list query writes it: UTC, microseconds. */
export const CURSOR_TIMESTAMP_SQL = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const VERSION = 1;
/** Bytes of the HMAC kept: 128 bits, enough that a cursor cannot be forged or altered. */
const MAC_BYTES = 16;
export const CURSOR_MAX_LENGTH = 512;

/** A real instant written exactly as the list query writes one (2026-02-30 is not). */
function isTimestamp(value: unknown): value is string {
  if (typeof value !== 'string' || !TIMESTAMP.test(value)) return false;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 19) === value.slice(0, 19);
}

function isKey(sortField: string, key: unknown): boolean {
  switch (sortField) {
    case 'createdAt':
      return key === null;
    case 'updatedAt':
      return isTimestamp(key);
    case 'dueAt':
      return key === null || isTimestamp(key);
    case 'priority':
      return typeof key === 'number' && Number.isInteger(key) && key >= 1 && key <= 4;
    default:
      return false;
  }
}

/**
 * The `cursor` of GET /requests: opaque to clients, and signed. Its content (the position of
 * the last row the caller was shown, the sort and the next page's number) is bound with an
 * HMAC to the person it was given to and to the list's order, so a cursor that was altered,
 * made up, given to someone else or used with another sort is refused (400) before any SQL
 * runs. It decides only where the next page starts: what is listed is decided by the caller's
 * visibility scope and filters in the query, as for any page, so even a valid cursor can only
 * move through the caller's own list.
 */
export class ListCursors {
  private readonly key: Buffer;

  constructor(secret: string) {
    // A key of its own, derived from the portal's secret: a cursor is no token, and a token no cursor.
    this.key = createHmac('sha256', secret).update('portal request-list cursor v1').digest();
  }

  private mac(callerId: string, sort: string, payload: string): Buffer {
    return createHmac('sha256', this.key).update(`${callerId}\n${sort}\n${payload}`).digest().subarray(0, MAC_BYTES);
  }

  encode(callerId: string, sort: string, cursor: ListCursor): string {
    const { key, createdAt, id } = cursor.position;
    const payload = Buffer.from(JSON.stringify([VERSION, cursor.page, key, createdAt, id])).toString('base64url');
    return `${payload}.${this.mac(callerId, sort, payload).toString('base64url')}`;
  }

  /** The cursor, or a 400 problem (validation.failed, on `cursor`) for anything else. */
  decode(callerId: string, sort: string, text: unknown): ListCursor {
    const refuse = (why: string): never => {
      throw new ValidationException(
        { cursor: [why] },
        'The cursor is not one this list gave you: start again from the first page.',
      );
    };
    if (typeof text !== 'string' || text.length > CURSOR_MAX_LENGTH) return refuse('must be a cursor from nextCursor');
    const [payload, mac, ...rest] = text.split('.');
    if (rest.length > 0 || !payload || !mac || !BASE64URL.test(payload) || !BASE64URL.test(mac))
      return refuse('must be a cursor from nextCursor');
    const given = Buffer.from(mac, 'base64url');
    const expected = this.mac(callerId, sort, payload);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return refuse('was not given to you for this list and this sort');
    }
    let content: unknown;
    try {
      content = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return refuse('must be a cursor from nextCursor');
    }
    // Signed by this portal, so well formed unless its secret is known; checked all the same,
    // since its values go into SQL as parameters and a bad one must be a 400, never a 500.
    if (!Array.isArray(content) || content.length !== 5) return refuse('must be a cursor from nextCursor');
    const [version, page, key, createdAt, id] = content as unknown[];
    const field = sort.replace(/^-/, '');
    if (
      version !== VERSION ||
      !(typeof page === 'number' && Number.isInteger(page) && page >= 2 && page <= 10_000_000) ||
      !isKey(field, key) ||
      !isTimestamp(createdAt) ||
      !(typeof id === 'string' && UUID.test(id))
    ) {
      return refuse('must be a cursor from nextCursor');
    }
    return { page, position: { key: key as ListPosition['key'], createdAt, id } };
  }
}
