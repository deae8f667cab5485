import { Injectable } from '@nestjs/common';
import { REQUEST_VISIBILITY, type Role } from '@portal/shared';
import { type Db, type RowOf, sqlRow, sqlRun } from '../common/typed-sql';
import type { UserEntity } from '../users/user.entity';
import type { RefreshTokenEntity, RefreshTokenFamilyEntity } from './refresh-token.entities';

/** What the sign-in throttle counts for one email in its window. */
export interface LoginThrottleRow {
  failures: number;
  retry_after: number;
}

export type LoginUserRow = RowOf<UserEntity, 'id' | 'password_hash' | 'active'>;

/** A presented refresh token with its family and person, locked. */
export type RefreshTokenRow = RowOf<RefreshTokenEntity, 'id' | 'family_id' | 'used_at'> &
  RowOf<RefreshTokenFamilyEntity, 'revoked_at' | 'user_id'> &
  RowOf<UserEntity, 'active'> & { expired: boolean };

/** A coverage entry of the caller, as its request lists read it (request-scope.ts). */
export interface CallerCoverageRow {
  country_code: string | null;
  region_code: string | null;
  area_code: string | null;
}

/** The caller of a valid access token, as the guards need it. */
export type CallerRow = RowOf<
  UserEntity,
  'id' | 'role' | 'language' | 'organization_id' | 'region_code' | 'contact'
> & {
  /** Its coverage entries when its role sees requests by them ('country-coverage'), else null. */
  coverage: CallerCoverageRow[] | null;
};

/** The roles whose request lists are scoped by the person's coverage entries, read with the caller. */
const COVERAGE_ROLES = (Object.keys(REQUEST_VISIBILITY) as Role[]).filter(
  (role) => REQUEST_VISIBILITY[role] === 'country-coverage',
);

/** Sign-in, its throttle, and the refresh-token families and tokens. */
@Injectable()
export class AuthRepository {
  /** Serializes the sign-in attempts of one email (until the transaction ends). */
  async lockLoginEmail(db: Db, emailKey: string): Promise<void> {
    await sqlRun(db, `SELECT pg_advisory_xact_lock(hashtext('login:' || $1))`, [emailKey]);
  }

  async loginThrottle(db: Db, emailKey: string, windowMinutes: number): Promise<LoginThrottleRow> {
    const row = await sqlRow<LoginThrottleRow>(
      db,
      `SELECT count(*)::int AS failures,
              GREATEST(1, CEIL(EXTRACT(EPOCH FROM (min(failed_at) + make_interval(mins => $2) - now()))))::int AS retry_after
       FROM login_failures WHERE email_key = $1 AND failed_at > now() - make_interval(mins => $2)`,
      [emailKey, windowMinutes],
    );
    return row!;
  }

  async forgetOldLoginFailures(db: Db, emailKey: string, windowMinutes: number): Promise<void> {
    await sqlRun(
      db,
      `DELETE FROM login_failures WHERE email_key = $1 AND failed_at <= now() - make_interval(mins => $2)`,
      [emailKey, windowMinutes],
    );
  }

  /** Records an attempt as a failure; its id follows the lock order. */
  async insertLoginFailure(db: Db, emailKey: string): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      db,
      `INSERT INTO login_failures (email_key, failed_at) VALUES ($1, clock_timestamp()) RETURNING id`,
      [emailKey],
    );
    return row!.id;
  }

  async deleteLoginFailure(db: Db, id: string): Promise<void> {
    await sqlRun(db, `DELETE FROM login_failures WHERE id = $1`, [id]);
  }

  /** This attempt's failure and those before it (in lock order); parallel attempts after it stay counted. */
  async clearLoginFailuresUpTo(db: Db, emailKey: string, failureId: string): Promise<void> {
    await sqlRun(db, `DELETE FROM login_failures WHERE email_key = $1 AND id <= $2`, [emailKey, failureId]);
  }

  /** Every failure of an email (its password was reset). */
  async clearLoginFailures(db: Db, email: string): Promise<void> {
    await sqlRun(db, `DELETE FROM login_failures WHERE email_key = lower($1)`, [email]);
  }

  findLoginUser(db: Db, emailKey: string): Promise<LoginUserRow | undefined> {
    return sqlRow<LoginUserRow>(db, `SELECT id, password_hash, active FROM users WHERE lower(email) = $1`, [emailKey]);
  }

  async insertFamily(db: Db, userId: string): Promise<string> {
    const row = await sqlRow<RowOf<RefreshTokenFamilyEntity, 'id'>>(
      db,
      `INSERT INTO refresh_token_families (user_id) VALUES ($1) RETURNING id`,
      [userId],
    );
    return row!.id;
  }

  async insertRefreshToken(db: Db, familyId: string, tokenHash: string, lifetimeDays: number): Promise<void> {
    await sqlRun(
      db,
      `INSERT INTO refresh_tokens (family_id, token_hash, expires_at) VALUES ($1, $2, now() + make_interval(days => $3))`,
      [familyId, tokenHash, lifetimeDays],
    );
  }

  lockRefreshToken(db: Db, tokenHash: string): Promise<RefreshTokenRow | undefined> {
    return sqlRow<RefreshTokenRow>(
      db,
      `SELECT t.id, t.family_id, t.used_at, t.expires_at < now() AS expired, f.revoked_at, f.user_id, u.active
       FROM refresh_tokens t
       JOIN refresh_token_families f ON f.id = t.family_id
       JOIN users u ON u.id = f.user_id
       WHERE t.token_hash = $1
       FOR UPDATE OF t, f`,
      [tokenHash],
    );
  }

  async revokeFamily(db: Db, familyId: string, reason: 'reuse-detected'): Promise<void> {
    await sqlRun(db, `UPDATE refresh_token_families SET revoked_at = now(), revoked_reason = $2 WHERE id = $1`, [
      familyId,
      reason,
    ]);
  }

  async markRefreshTokenUsed(db: Db, id: string): Promise<void> {
    await sqlRun(db, `UPDATE refresh_tokens SET used_at = now() WHERE id = $1`, [id]);
  }

  /** Ends the session a refresh token belongs to; an unknown token changes nothing. */
  async revokeFamilyOfToken(db: Db, tokenHash: string): Promise<void> {
    await sqlRun(
      db,
      `UPDATE refresh_token_families SET revoked_at = now(), revoked_reason = 'logout'
       WHERE revoked_at IS NULL AND id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)`,
      [tokenHash],
    );
  }

  /** Ends every session of a person (its password was reset or changed). */
  async revokeFamiliesOfUser(
    db: Db,
    userId: string,
    reason: 'password-reset' | 'password-changed' = 'password-reset',
  ): Promise<void> {
    await sqlRun(
      db,
      `UPDATE refresh_token_families SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId, reason],
    );
  }

  /**
   * The caller, with the coverage entries a representative's request lists are scoped by: read
   * in the same statement (an index probe), so that a list costs one round trip less.
   */
  findActiveCaller(db: Db, userId: string): Promise<CallerRow | undefined> {
    return sqlRow<CallerRow>(
      db,
      `SELECT u.id, u.role, u.language, u.organization_id, u.region_code, u.contact,
         CASE WHEN u.role = ANY ($2::text[]) THEN (
           SELECT coalesce(json_agg(json_build_object('country_code', c.country_code, 'region_code', c.region_code, 'area_code', c.area_code)), '[]')
           FROM coverage_entries c WHERE c.user_id = u.id) END AS coverage
       FROM users u WHERE u.id = $1 AND u.active`,
      [userId, COVERAGE_ROLES],
    );
  }
}
