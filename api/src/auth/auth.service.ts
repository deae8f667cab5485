import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { LOGIN_THROTTLE, TOKEN_LIFETIME, type TokenPair } from '@portal/shared';
import { AppConfig } from '../config/app-config';
import { UserViewsRepository } from '../users/user-views.repository';
import { toPublicUserView } from '../users/users.service';
import { InvalidCredentialsException, InvalidRefreshTokenException, TooManyAttemptsException } from './auth.exceptions';
import { DEMO_PASSWORD } from './demo-password';
import { decoyPasswordHash, type HashingTicket, passwordHashing, verifyPassword } from './password-hasher';
import { JWT_AUDIENCE, JWT_ISSUER } from './token.constants';
import { hashToken } from './token-hash';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly userViews: UserViewsRepository,
  ) {}

  /**
   * Checks the credentials. An unknown email and a wrong password fail alike (same answer,
   * same argon2 work). No database connection is held while argon2 runs (a burst of
   * sign-ins would empty the pool for everyone): a short transaction first counts the
   * email's recent failures and, under an advisory lock per email, records this attempt as
   * one, so parallel guesses cannot slip past the limit; the password is verified after it
   * committed, in the bounded hashing queue (full: 503, and the attempt is not counted), and
   * a success then clears the failures up to its own. Failures live in the database so every
   * API process sees them.
   */
  async login(email: string, password: string): Promise<TokenPair> {
    const emailKey = email.trim().toLowerCase();
    const attempt = await this.dataSource.transaction(async (db) => {
      await db.query(`SELECT pg_advisory_xact_lock(hashtext('login:' || $1))`, [emailKey]);
      const [throttle] = await db.query(
        `SELECT count(*)::int AS failures,
                GREATEST(1, CEIL(EXTRACT(EPOCH FROM (min(failed_at) + make_interval(mins => $2) - now()))))::int AS retry_after
         FROM login_failures WHERE email_key = $1 AND failed_at > now() - make_interval(mins => $2)`,
        [emailKey, LOGIN_THROTTLE.windowMinutes],
      );
      if (throttle.failures >= LOGIN_THROTTLE.maxFailures)
        return { throttled: true as const, retryAfter: throttle.retry_after as number };
      await db.query(
        `DELETE FROM login_failures WHERE email_key = $1 AND failed_at <= now() - make_interval(mins => $2)`,
        [emailKey, LOGIN_THROTTLE.windowMinutes],
      );
      // Counted as a failure until the password is found right; ids follow the lock order.
      const [failure] = await db.query(
        `INSERT INTO login_failures (email_key, failed_at) VALUES ($1, clock_timestamp()) RETURNING id`,
        [emailKey],
      );
      const [user] = await db.query(`SELECT id, password_hash, active FROM users WHERE lower(email) = $1`, [emailKey]);
      return {
        throttled: false as const,
        failureId: failure.id as string,
        user: user as { id: string; password_hash: string | null; active: boolean } | undefined,
      };
    });
    if (attempt.throttled) throw new TooManyAttemptsException(attempt.retryAfter);

    let ticket: HashingTicket;
    try {
      ticket = passwordHashing.admit();
    } catch (busy) {
      await this.dataSource.query(`DELETE FROM login_failures WHERE id = $1`, [attempt.failureId]);
      throw busy;
    }
    const user = attempt.user;
    const hash: string | null = user?.active && user.password_hash ? user.password_hash : null;
    const passwordMatches = await ticket.run(async () => verifyPassword(hash ?? (await decoyPasswordHash()), password));
    // The demo password only opens doors in demo mode, whatever hash a database holds.
    const accepted = hash !== null && passwordMatches && (this.config.demoMode || password !== DEMO_PASSWORD);
    if (!user || !accepted) throw new InvalidCredentialsException();

    const refreshToken = await this.dataSource.transaction(async (db) => {
      // This attempt's row and those before it (in lock order) go; parallel attempts after it stay counted.
      await db.query(`DELETE FROM login_failures WHERE email_key = $1 AND id <= $2`, [emailKey, attempt.failureId]);
      const [family] = await db.query(`INSERT INTO refresh_token_families (user_id) VALUES ($1) RETURNING id`, [
        user.id,
      ]);
      return this.insertRefreshToken(db, family.id);
    });
    return this.tokenPair(user.id, refreshToken);
  }

  /**
   * Exchanges a refresh token for a new pair. A token that was already exchanged means it
   * leaked (or a client raced itself): the whole family is revoked, so the thief and the
   * owner both have to sign in again.
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const outcome = await this.dataSource.transaction(async (db) => {
      const [token] = await db.query(
        `SELECT t.id, t.family_id, t.used_at, t.expires_at < now() AS expired, f.revoked_at, f.user_id, u.active
         FROM refresh_tokens t
         JOIN refresh_token_families f ON f.id = t.family_id
         JOIN users u ON u.id = f.user_id
         WHERE t.token_hash = $1
         FOR UPDATE OF t, f`,
        [hashToken(refreshToken)],
      );
      if (!token || token.revoked_at || token.expired || !token.active) return null;
      if (token.used_at) {
        await db.query(
          `UPDATE refresh_token_families SET revoked_at = now(), revoked_reason = 'reuse-detected' WHERE id = $1`,
          [token.family_id],
        );
        return null;
      }
      await db.query(`UPDATE refresh_tokens SET used_at = now() WHERE id = $1`, [token.id]);
      return { userId: token.user_id as string, refreshToken: await this.insertRefreshToken(db, token.family_id) };
    });
    if (!outcome) throw new InvalidRefreshTokenException();
    return this.tokenPair(outcome.userId, outcome.refreshToken);
  }

  /** Signs a person in without a password check (after it accepted an invitation). */
  async startSession(userId: string): Promise<TokenPair> {
    const refreshToken = await this.dataSource.transaction(async (db) => {
      const [family] = await db.query(`INSERT INTO refresh_token_families (user_id) VALUES ($1) RETURNING id`, [
        userId,
      ]);
      return this.insertRefreshToken(db, family.id);
    });
    return this.tokenPair(userId, refreshToken);
  }

  /** Ends the session the refresh token belongs to. Unknown tokens are ignored. */
  async logout(refreshToken: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE refresh_token_families SET revoked_at = now(), revoked_reason = 'logout'
       WHERE revoked_at IS NULL AND id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)`,
      [hashToken(refreshToken)],
    );
  }

  private async insertRefreshToken(db: EntityManager, familyId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await db.query(
      `INSERT INTO refresh_tokens (family_id, token_hash, expires_at) VALUES ($1, $2, now() + make_interval(days => $3))`,
      [familyId, hashToken(token), TOKEN_LIFETIME.refreshDays],
    );
    return token;
  }

  private async tokenPair(userId: string, refreshToken: string): Promise<TokenPair> {
    const user = await this.userViews.findById(userId);
    if (!user) throw new InvalidRefreshTokenException();
    const accessToken = await this.jwt.signAsync(
      { sub: userId, role: user.role },
      { expiresIn: TOKEN_LIFETIME.accessSeconds, issuer: JWT_ISSUER, audience: JWT_AUDIENCE, algorithm: 'HS256' },
    );
    return { accessToken, refreshToken, expiresIn: TOKEN_LIFETIME.accessSeconds, user: toPublicUserView(user) };
  }
}
