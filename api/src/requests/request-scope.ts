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
      const me = param(caller.id);
      return `(r.assignee_id = ${me} OR EXISTS (
        SELECT 1 FROM coverage_entries c WHERE c.user_id = ${me}
          AND (c.country_code = r.country_code
               OR (c.country_code IS NULL
                   AND (c.region_code IS NULL OR c.region_code = r.region_code)
                   AND (c.area_code IS NULL OR c.area_code = r.area_code)))))`;
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
