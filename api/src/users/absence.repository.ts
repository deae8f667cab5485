import { Injectable } from '@nestjs/common';
import { CASE_WORKER_ROLES } from '@portal/shared';
import { type Db, type RowOf, sqlRow, sqlRows, sqlRun } from '../common/typed-sql';
import type { UserEntity } from './user.entity';

export type AbsenceRow = RowOf<UserEntity, 'away_from' | 'away_until' | 'away_replacement_id'> & {
  replacement_name: string | null;
  away_now: boolean;
};

export type ReplacementRow = RowOf<UserEntity, 'id' | 'name' | 'role'>;

/**
 * The regions a person works in: its own (a director's), and those of its coverage entries (a
 * country's region); an entry without country or region (an area anywhere) is a NULL: any region.
 */
const REGIONS_OF = (alias: string) => `
  (ARRAY(SELECT COALESCE(c.region_code, k.region_code) FROM coverage_entries c
           LEFT JOIN countries k ON k.code = c.country_code WHERE c.user_id = ${alias}.id)
   || CASE WHEN ${alias}.region_code IS NULL THEN '{}'::text[] ELSE ARRAY[${alias}.region_code] END)`;

@Injectable()
export class AbsenceRepository {
  absenceOf(db: Db, userId: string): Promise<AbsenceRow | undefined> {
    return sqlRow<AbsenceRow>(
      db,
      `SELECT u.away_from, u.away_until, u.away_replacement_id, rp.name AS replacement_name,
              COALESCE(u.away_from <= now() AND now() < u.away_until, false) AS away_now
       FROM users u LEFT JOIN users rp ON rp.id = u.away_replacement_id
       WHERE u.id = $1 AND u.away_from IS NOT NULL`,
      [userId],
    );
  }

  /**
   * Who may replace the person: someone else, active, invitation accepted, working cases, in a
   * region the person works in (either one working anywhere counts); `onlyId` narrows to one.
   */
  replacements(db: Db, userId: string, onlyId: string | null = null): Promise<ReplacementRow[]> {
    return sqlRows<ReplacementRow>(
      db,
      `WITH me AS (SELECT ${REGIONS_OF('u')} AS regions FROM users u WHERE u.id = $1),
            them AS (SELECT r.id, r.name, r.role, ${REGIONS_OF('r')} AS regions FROM users r
                     WHERE r.id <> $1 AND r.active AND r.password_hash IS NOT NULL AND r.role = ANY ($2::text[])
                       AND ($3::uuid IS NULL OR r.id = $3::uuid))
       SELECT them.id, them.name, them.role FROM them, me
       WHERE array_position(them.regions, NULL) IS NOT NULL OR array_position(me.regions, NULL) IS NOT NULL
          OR them.regions && me.regions
       ORDER BY them.name, them.id`,
      [userId, CASE_WORKER_ROLES, onlyId],
    );
  }

  async setAbsence(
    db: Db,
    userId: string,
    absence: { from: Date; until: Date; replacementId: string | null } | null,
  ): Promise<void> {
    await sqlRun(db, `UPDATE users SET away_from = $2, away_until = $3, away_replacement_id = $4 WHERE id = $1`, [
      userId,
      absence?.from ?? null,
      absence?.until ?? null,
      absence?.replacementId ?? null,
    ]);
  }
}
