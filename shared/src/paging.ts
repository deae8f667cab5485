/** A page of a list: `?page=1&pageSize=25` (pageSize at most 100). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * A page of a list that may be too long to count (the requests): `total` is exact while
 * `totalIsExact`; otherwise the list holds more than `total` (the API's counting limit) and
 * a client shows "1,000+". `nextCursor` asks for the next page (`?cursor=…`) at the same
 * cost however deep it is; null on the last page.
 */
export interface CursorPage<T> extends Page<T> {
  totalIsExact: boolean;
  nextCursor: string | null;
}
