/** A page of a list: `?page=1&pageSize=25` (pageSize at most 100). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
