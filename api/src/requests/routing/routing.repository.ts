import { Injectable } from '@nestjs/common';
import { CASE_WORKER_ROLES, OPEN_STATUSES } from '@portal/shared';
import { type Db, type RowOf, sqlRows, sqlRun } from '../../common/typed-sql';
import type { CoverageEntryEntity } from '../../users/coverage-entry.entity';
import type { UserEntity } from '../../users/user.entity';

/**
 * A coverage entry of an active staff member who works cases and accepted its invitation, with
 * the person, and its absence when the absence covers now.
 */
export type CandidateCoverageRow = RowOf<
  CoverageEntryEntity,
  'user_id' | 'country_code' | 'region_code' | 'area_code'
> &
  RowOf<UserEntity, 'name' | 'role' | 'available'> & {
    /** Set only while the person is away. */
    away_until: Date | null;
    replacement_id: string | null;
    replacement_name: string | null;
    /** Active, accepted, works cases, available and not away itself. */
    replacement_available: boolean;
    /** What says whether the replacement may work in the request's region (mayWorkInRegion). */
    replacement_role: RowOf<UserEntity, 'role'>['role'] | null;
    replacement_region: string | null;
    replacement_coverage_regions: (string | null)[] | null;
  };

/** A candidate's open requests and when it was last given one. */
export type CandidateLoadRow = RowOf<UserEntity, 'id' | 'last_assigned_at'> & { open: number };

/** What routing reads: candidates, their locks and their loads. */
@Injectable()
export class RoutingRepository {
  /** The coverage entries that could match the target, of every tier; an invitee who never signed in has none. */
  candidates(db: Db, target: { country: string; region: string; area: string }): Promise<CandidateCoverageRow[]> {
    return sqlRows<CandidateCoverageRow>(
      db,
      `SELECT c.user_id, u.name, u.role, u.available, c.country_code, c.region_code, c.area_code,
              CASE WHEN u.away_from <= now() AND now() < u.away_until THEN u.away_until END AS away_until,
              rp.id AS replacement_id, rp.name AS replacement_name,
              rp.role AS replacement_role, rp.region_code AS replacement_region,
              CASE WHEN rp.id IS NOT NULL THEN ARRAY(
                SELECT COALESCE(rc.region_code, k.region_code) FROM coverage_entries rc
                  LEFT JOIN countries k ON k.code = rc.country_code WHERE rc.user_id = rp.id) END
                AS replacement_coverage_regions,
              COALESCE(rp.active AND rp.available AND rp.password_hash IS NOT NULL AND rp.role = ANY ($4::text[])
                       AND NOT (rp.away_from IS NOT NULL AND rp.away_from <= now() AND now() < rp.away_until), false)
                AS replacement_available
         FROM coverage_entries c JOIN users u ON u.id = c.user_id
         LEFT JOIN users rp ON rp.id = u.away_replacement_id
         WHERE u.active AND u.password_hash IS NOT NULL AND u.role = ANY ($4::text[])
           AND (c.country_code = $1 OR (c.country_code IS NULL AND (c.region_code = $2 OR c.region_code IS NULL)))
           AND (c.area_code IS NULL OR c.area_code = $3)`,
      [target.country, target.region, target.area, CASE_WORKER_ROLES],
    );
  }

  /** Locks the candidates' user rows, in id order (see RoutingService.routeForUpdate). */
  async lockCandidates(db: Db, ids: string[]): Promise<void> {
    await sqlRun(db, `SELECT id FROM users WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`, [ids]);
  }

  load(db: Db, ids: string[]): Promise<CandidateLoadRow[]> {
    return sqlRows<CandidateLoadRow>(
      db,
      `SELECT u.id, u.last_assigned_at,
              (SELECT count(*)::int FROM requests r WHERE r.assignee_id = u.id AND r.status = ANY($2::text[])) AS open
       FROM users u WHERE u.id = ANY($1::uuid[])`,
      [ids, OPEN_STATUSES],
    );
  }
}
