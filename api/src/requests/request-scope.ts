import { REQUEST_VISIBILITY } from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import type { RowOf } from '../common/typed-sql';
import type { CoverageEntryEntity } from '../users/coverage-entry.entity';

/** A representative's coverage entries, as representativeScope() reads them. */
export interface Coverage {
  countries: string[];
  regions: string[];
  areas: string[];
  pairs: { region: string; area: string }[];
  /** An entry with no country, region or area: every request. */
  everything: boolean;
}

/** A coverage entry as the database holds it. */
export type CoverageEntryRow = RowOf<CoverageEntryEntity, 'country_code' | 'region_code' | 'area_code'>;

/**
 * A representative's coverage from its entries, read in the request that lists (the
 * caller's other queries read it inside their own statement).
 */
export function coverageFrom(rows: CoverageEntryRow[]): Coverage {
  const coverage: Coverage = { countries: [], regions: [], areas: [], pairs: [], everything: false };
  for (const { country_code: country, region_code: region, area_code: area } of rows) {
    if (country !== null) coverage.countries.push(country);
    else if (region !== null && area !== null) coverage.pairs.push({ region, area });
    else if (region !== null) coverage.regions.push(region);
    else if (area !== null) coverage.areas.push(area);
    else coverage.everything = true;
  }
  return coverage;
}

/**
 * The representative's scope (the same rule as in visibilityScope) from coverage read just
 * before: its lists become parameters, which PostgreSQL plans with their values (an unnamed
 * statement is planned for the values it is given) instead of sub-selects it can only guess
 * about, and the alternatives a person has no entry for are left out. An archive search then
 * reads the requests of the person's countries from an index (requests_country_scope_idx)
 * rather than every request with the words, in anyone's country.
 */
function representativeScope(caller: AuthUser, coverage: Coverage, param: (value: unknown) => string): string {
  if (coverage.everything) return 'TRUE';
  const alternatives = [`r.assignee_id = ${param(caller.id)}`];
  if (coverage.countries.length) alternatives.push(`r.country_code = ANY (${param(coverage.countries)}::text[])`);
  if (coverage.regions.length) alternatives.push(`r.region_code = ANY (${param(coverage.regions)}::text[])`);
  if (coverage.areas.length) alternatives.push(`r.area_code = ANY (${param(coverage.areas)}::text[])`);
  for (const { region, area } of coverage.pairs)
    alternatives.push(`(r.region_code = ${param(region)} AND r.area_code = ${param(area)})`);
  return `(${alternatives.join(' OR ')})`;
}

/**
 * The requests a caller may see, as a SQL condition on `r` (requests), by its role's
 * REQUEST_VISIBILITY (shared/src/permissions.ts). Built from the caller alone and used by every query that reads requests, messages or attachments, so
 * visibility is decided in the database, never by filtering after loading. Parameters are
 * appended to `params`; anything unknown sees nothing.
 */
export function visibilityScope(caller: AuthUser, params: unknown[], coverage?: Coverage): string {
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  switch (REQUEST_VISIBILITY[caller.role]) {
    case 'organization':
      return caller.organizationId ? `r.organization_id = ${param(caller.organizationId)}` : 'FALSE';
    case 'country-coverage': {
      if (coverage) return representativeScope(caller, coverage, param);
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
    case 'coverage': {
      // A specialist serves an area, in a place or anywhere: its coverage entries must match.
      const me = param(caller.id);
      return `(r.assignee_id = ${me} OR EXISTS (
        SELECT 1 FROM coverage_entries c WHERE c.user_id = ${me}
          AND (c.country_code IS NULL OR c.country_code = r.country_code)
          AND (c.region_code IS NULL OR c.region_code = r.region_code)
          AND (c.area_code IS NULL OR c.area_code = r.area_code)))`;
    }
    case 'region':
      return `(r.region_code = ${param(caller.regionCode)} OR r.assignee_id = ${param(caller.id)})`;
    case 'everything':
      return 'TRUE';
    default:
      return 'FALSE';
  }
}
