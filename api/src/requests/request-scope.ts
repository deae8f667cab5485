import type { AuthUser } from '../auth/auth-user';

/**
 * The requests a caller may see, as a SQL condition on `r` (requests). Built from the
 * caller alone and used by every query that reads requests, messages or attachments, so
 * visibility is decided in the database, never by filtering after loading. Parameters are
 * appended to `params`; anything unknown sees nothing.
 */
export function visibilityScope(caller: AuthUser, params: unknown[]): string {
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  switch (caller.role) {
    case 'member':
      return caller.organizationId ? `r.organization_id = ${param(caller.organizationId)}` : 'FALSE';
    case 'representative': {
      // A representative serves whole countries: every request of a covered country,
      // whatever its area. Any other entry (a region, an area) counts as it is written.
      //
      // That is: assigned to me, or an entry of mine names its country, or an entry without
      // a country matches it (no region and no area: everything; a region: its region; an
      // area: its area; both: both). Each kind of entry is its own sub-select on my entries
      // alone, not on the request, so PostgreSQL reads them once per query instead of once per
      // request it looks at. Every alternative is a column compared with a list, so each can
      // be looked up in an index and the request ids of all of them combined (a BitmapOr) —
      // an archive search then reads only requests in scope: an entry for everything counts
      // as every country, and a region-and-area entry is first narrowed by its regions and
      // its areas, then checked as the pair.
      const me = param(caller.id);
      const mine = `FROM coverage_entries c WHERE c.user_id = ${me}`;
      const pair = `${mine} AND c.country_code IS NULL AND c.region_code IS NOT NULL AND c.area_code IS NOT NULL`;
      return `(r.assignee_id = ${me}
        OR r.country_code = ANY (ARRAY(SELECT c.country_code ${mine} AND c.country_code IS NOT NULL
          UNION ALL SELECT k.code FROM countries k WHERE EXISTS (SELECT 1 ${mine} AND c.country_code IS NULL AND c.region_code IS NULL AND c.area_code IS NULL)))
        OR r.region_code = ANY (ARRAY(SELECT c.region_code ${mine} AND c.country_code IS NULL AND c.region_code IS NOT NULL AND c.area_code IS NULL))
        OR r.area_code = ANY (ARRAY(SELECT c.area_code ${mine} AND c.country_code IS NULL AND c.region_code IS NULL AND c.area_code IS NOT NULL))
        OR (r.region_code = ANY (ARRAY(SELECT c.region_code ${pair})) AND r.area_code = ANY (ARRAY(SELECT c.area_code ${pair}))
          AND (r.region_code, r.area_code) IN (SELECT c.region_code, c.area_code ${pair})))`;
    }
    case 'specialist': {
      // A specialist serves an area, in a place or anywhere: its coverage entries must match.
      const me = param(caller.id);
      return `(r.assignee_id = ${me} OR EXISTS (
        SELECT 1 FROM coverage_entries c WHERE c.user_id = ${me}
          AND (c.country_code IS NULL OR c.country_code = r.country_code)
          AND (c.region_code IS NULL OR c.region_code = r.region_code)
          AND (c.area_code IS NULL OR c.area_code = r.area_code)))`;
    }
    case 'director':
      return `(r.region_code = ${param(caller.regionCode)} OR r.assignee_id = ${param(caller.id)})`;
    case 'executive':
    case 'admin':
      return 'TRUE';
    default:
      return 'FALSE';
  }
}
