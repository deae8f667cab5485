import { Injectable } from '@nestjs/common';
import { type Db, type RowOf, sqlRow, sqlRun } from '../common/typed-sql';
import { returningRows } from '../common/sql';
import type { OrganizationEntity } from '../organizations/organization.entity';
import type { UserEntity } from '../users/user.entity';
import type { AccountTokenEntity } from './account-token.entity';

export type AccountPurpose = AccountTokenEntity['purpose'];

/** A registered email, locked, as an invitation finds it. */
export type InviteeRow = RowOf<UserEntity, 'id' | 'role' | 'organization_id' | 'active'> & { has_password: boolean };

/** A link presented to be used, locked. */
export type AccountLinkRow = RowOf<AccountTokenEntity, 'id' | 'user_id' | 'used_at'> &
  RowOf<UserEntity, 'active'> & { expired: boolean };

/** Account links (invitations, password resets) and the user rows they act on. */
@Injectable()
export class AccountsRepository {
  lockUserByEmail(db: Db, email: string): Promise<InviteeRow | undefined> {
    return sqlRow<InviteeRow>(
      db,
      `SELECT id, role, organization_id, password_hash IS NOT NULL AS has_password, active FROM users WHERE lower(email) = lower($1) FOR UPDATE`,
      [email],
    );
  }

  /** An active person with a password, locked: the row lock serializes reset requests for one account. */
  lockResettableUser(db: Db, email: string): Promise<RowOf<UserEntity, 'id' | 'name'> | undefined> {
    return sqlRow<RowOf<UserEntity, 'id' | 'name'>>(
      db,
      `SELECT id, name FROM users WHERE lower(email) = lower($1) AND active AND password_hash IS NOT NULL FOR UPDATE`,
      [email],
    );
  }

  userName(db: Db, userId: string): Promise<RowOf<UserEntity, 'name'> | undefined> {
    return sqlRow<RowOf<UserEntity, 'name'>>(db, `SELECT name FROM users WHERE id = $1`, [userId]);
  }

  userEmail(db: Db, userId: string): Promise<RowOf<UserEntity, 'email'> | undefined> {
    return sqlRow<RowOf<UserEntity, 'email'>>(db, `SELECT email FROM users WHERE id = $1`, [userId]);
  }

  userOrganization(db: Db, userId: string): Promise<RowOf<UserEntity, 'organization_id'> | undefined> {
    return sqlRow<RowOf<UserEntity, 'organization_id'>>(db, `SELECT organization_id FROM users WHERE id = $1`, [
      userId,
    ]);
  }

  organizationName(db: Db, organizationId: string): Promise<RowOf<OrganizationEntity, 'name'> | undefined> {
    return sqlRow<RowOf<OrganizationEntity, 'name'>>(db, `SELECT name FROM organizations WHERE id = $1`, [
      organizationId,
    ]);
  }

  /** The person's email and password hash, to check the current password before a change. */
  passwordOf(db: Db, userId: string): Promise<RowOf<UserEntity, 'email' | 'password_hash'> | undefined> {
    return sqlRow<RowOf<UserEntity, 'email' | 'password_hash'>>(
      db,
      `SELECT email, password_hash FROM users WHERE id = $1 AND active`,
      [userId],
    );
  }

  /** Replaces the password only if it is still the one checked; false when it changed meanwhile. */
  async replacePassword(db: Db, userId: string, checkedHash: string, passwordHash: string): Promise<boolean> {
    const rows = await returningRows<RowOf<UserEntity, 'id'>>(
      db,
      `UPDATE users SET password_hash = $3, updated_at = now() WHERE id = $1 AND password_hash = $2 RETURNING id`,
      [userId, checkedHash, passwordHash],
    );
    return rows.length === 1;
  }

  async setPassword(db: Db, userId: string, passwordHash: string, language: string | null = null): Promise<void> {
    await sqlRun(
      db,
      `UPDATE users SET password_hash = $2, language = COALESCE($3, language), updated_at = now() WHERE id = $1`,
      [userId, passwordHash, language],
    );
  }

  /** The links of a purpose a person has not used yet, used up. */
  async useUnusedTokens(db: Db, userId: string, purpose: AccountPurpose): Promise<void> {
    await sqlRun(
      db,
      `UPDATE account_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`,
      [userId, purpose],
    );
  }

  async resetLinksInLastHour(db: Db, userId: string): Promise<number> {
    const row = await sqlRow<{ n: number }>(
      db,
      `SELECT count(*)::int AS n FROM account_tokens WHERE user_id = $1 AND purpose = 'password-reset' AND created_at > now() - interval '1 hour'`,
      [userId],
    );
    return row!.n;
  }

  /** A new link, valid for `validity` (an SQL interval); answers when it expires. */
  async insertToken(
    db: Db,
    token: { id: string; userId: string; purpose: AccountPurpose; tokenHash: string; createdBy: string | null },
    validity: string,
  ): Promise<Date> {
    const row = await sqlRow<RowOf<AccountTokenEntity, 'expires_at'>>(
      db,
      `INSERT INTO account_tokens (id, user_id, purpose, token_hash, created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + $6::interval) RETURNING expires_at`,
      [token.id, token.userId, token.purpose, token.tokenHash, token.createdBy, validity],
    );
    return row!.expires_at;
  }

  /** The email of the person a link valid now belongs to (an active person). */
  validLinkEmail(db: Db, tokenHash: string, purpose: AccountPurpose): Promise<RowOf<UserEntity, 'email'> | undefined> {
    return sqlRow<RowOf<UserEntity, 'email'>>(
      db,
      `SELECT u.email FROM account_tokens t JOIN users u ON u.id = t.user_id
       WHERE t.token_hash = $1 AND t.purpose = $2 AND t.used_at IS NULL AND t.expires_at > now() AND u.active`,
      [tokenHash, purpose],
    );
  }

  lockLink(db: Db, tokenHash: string, purpose: AccountPurpose): Promise<AccountLinkRow | undefined> {
    return sqlRow<AccountLinkRow>(
      db,
      `SELECT t.id, t.user_id, t.used_at, t.expires_at <= now() AS expired, u.active
       FROM account_tokens t JOIN users u ON u.id = t.user_id
       WHERE t.token_hash = $1 AND t.purpose = $2 FOR UPDATE OF t`,
      [tokenHash, purpose],
    );
  }

  async markTokenUsed(db: Db, id: string): Promise<void> {
    await sqlRun(db, `UPDATE account_tokens SET used_at = now() WHERE id = $1`, [id]);
  }
}
