import { Injectable } from '@nestjs/common';
import { returningRows } from '../common/sql';
import { type Db, type RowOf, sqlRow, sqlRows, sqlRun } from '../common/typed-sql';
import type { UserEntity } from '../users/user.entity';
import type { RememberedDeviceEntity, UserTwoFactorEntity } from './two-factor.entities';

export type TwoFactorRow = RowOf<UserTwoFactorEntity, 'secret_encrypted' | 'enabled_at' | 'last_used_step'>;
export type TwoFactorPersonRow = RowOf<UserEntity, 'id' | 'email' | 'name' | 'role' | 'active'>;
export type RememberedDeviceRow = RowOf<RememberedDeviceEntity, 'id' | 'label' | 'created_at' | 'expires_at'>;

/** Whether an UPDATE or DELETE … RETURNING changed a row. */
async function changedAny(db: Db, sql: string, params: unknown[]): Promise<boolean> {
  return (await returningRows<unknown>(db, sql, params)).length > 0;
}

/** The two-factor tables: a person's secret, recovery codes and remembered devices. */
@Injectable()
export class TwoFactorRepository {
  person(db: Db, userId: string): Promise<TwoFactorPersonRow | undefined> {
    return sqlRow<TwoFactorPersonRow>(db, `SELECT id, email, name, role, active FROM users WHERE id = $1`, [userId]);
  }

  /** The person's secret, locked for the rest of the transaction (a code is taken once). */
  lock(db: Db, userId: string): Promise<TwoFactorRow | undefined> {
    return sqlRow<TwoFactorRow>(
      db,
      `SELECT secret_encrypted, enabled_at, last_used_step FROM user_two_factor WHERE user_id = $1 FOR UPDATE`,
      [userId],
    );
  }

  find(db: Db, userId: string): Promise<TwoFactorRow | undefined> {
    return sqlRow<TwoFactorRow>(
      db,
      `SELECT secret_encrypted, enabled_at, last_used_step FROM user_two_factor WHERE user_id = $1`,
      [userId],
    );
  }

  /** A new secret waiting for its first code (replaces an earlier one not confirmed). */
  async savePending(db: Db, userId: string, sealedSecret: string): Promise<void> {
    await sqlRun(
      db,
      `INSERT INTO user_two_factor (user_id, secret_encrypted) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret_encrypted = EXCLUDED.secret_encrypted, last_used_step = NULL, created_at = now()
       WHERE user_two_factor.enabled_at IS NULL`,
      [userId, sealedSecret],
    );
  }

  async markUsed(db: Db, userId: string, step: number, enable: boolean): Promise<void> {
    await sqlRun(
      db,
      `UPDATE user_two_factor SET last_used_step = $2, enabled_at = CASE WHEN $3 THEN now() ELSE enabled_at END WHERE user_id = $1`,
      [userId, step, enable],
    );
  }

  /** Replaces the person's recovery codes with these hashes. */
  async replaceRecoveryCodes(db: Db, userId: string, hashes: string[]): Promise<void> {
    await sqlRun(db, `DELETE FROM two_factor_recovery_codes WHERE user_id = $1`, [userId]);
    await sqlRun(db, `INSERT INTO two_factor_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])`, [
      userId,
      hashes,
    ]);
  }

  /** Uses a recovery code: true when it was the person's and unused (now it is used). */
  async useRecoveryCode(db: Db, userId: string, hash: string): Promise<boolean> {
    return changedAny(
      db,
      `UPDATE two_factor_recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
      [userId, hash],
    );
  }

  async recoveryCodesLeft(db: Db, userId: string): Promise<number> {
    const row = await sqlRow<{ left: number }>(
      db,
      `SELECT count(*)::int AS left FROM two_factor_recovery_codes WHERE user_id = $1 AND used_at IS NULL`,
      [userId],
    );
    return row!.left;
  }

  /** Turns two-factor off: the secret, the codes and every remembered device go. True when it was on or pending. */
  async remove(db: Db, userId: string): Promise<boolean> {
    await sqlRun(db, `DELETE FROM two_factor_recovery_codes WHERE user_id = $1`, [userId]);
    await sqlRun(db, `UPDATE remembered_devices SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [
      userId,
    ]);
    return changedAny(db, `DELETE FROM user_two_factor WHERE user_id = $1 RETURNING user_id`, [userId]);
  }

  async insertDevice(db: Db, userId: string, tokenHash: string, label: string | null, days: number): Promise<void> {
    await sqlRun(
      db,
      `INSERT INTO remembered_devices (user_id, token_hash, label, expires_at) VALUES ($1, $2, $3, now() + make_interval(days => $4))`,
      [userId, tokenHash, label, days],
    );
  }

  /** Whether this token is a device the person remembered, not expired nor revoked. */
  async deviceRemembered(db: Db, userId: string, tokenHash: string): Promise<boolean> {
    const row = await sqlRow<{ id: string }>(
      db,
      `SELECT id FROM remembered_devices WHERE user_id = $1 AND token_hash = $2 AND revoked_at IS NULL AND expires_at > now()`,
      [userId, tokenHash],
    );
    return row !== undefined;
  }

  devices(db: Db, userId: string): Promise<RememberedDeviceRow[]> {
    return sqlRows<RememberedDeviceRow>(
      db,
      `SELECT id, label, created_at, expires_at FROM remembered_devices
       WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() ORDER BY created_at DESC`,
      [userId],
    );
  }

  async revokeDevice(db: Db, userId: string, deviceId: string): Promise<boolean> {
    return changedAny(
      db,
      `UPDATE remembered_devices SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id`,
      [deviceId, userId],
    );
  }
}
